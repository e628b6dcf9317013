/**
 * The sound interface the game uses, and the sound manifest (assets/audio/manifest.json, written by
 * assets/scripts/make-sounds.mjs) validated with zod when this module loads.
 *
 * Every sound has a caption ("[phone ringing]"): implementations announce it through `onCaption`
 * whenever the sound starts and stops, whether or not anything is actually heard, because the
 * captions are for trainees who cannot hear it.
 */
import { z } from 'zod';
import manifestJson from '../../assets/audio/manifest.json';

const SoundSchema = z.strictObject({
  /** A WAV in assets/audio/. */
  file: z.string().regex(/^[a-z0-9-]+\.wav$/, 'must be a plain file name ending .wav'),
  /** True: plays until stopped. False: a one-shot. */
  loop: z.boolean(),
  /** Mix level, 0…1, under the master volume. */
  volume: z.number().min(0).max(1),
  /** Length of the file in seconds (one-shot captions last this long). */
  duration: z.number().positive(),
  /** TV-style caption, in square brackets. */
  caption: z.string().regex(/^\[[^\]]+\]$/, 'must be a caption in square brackets, e.g. "[phone ringing]"'),
});

export const SoundManifestSchema = z.strictObject({
  sounds: z.strictObject({
    ring: SoundSchema,
    pickup: SoundSchema,
    'hold-music': SoundSchema,
    disconnect: SoundSchema,
    'ambience-store': SoundSchema,
    click: SoundSchema,
    transfer: SoundSchema,
  }),
});

export type SoundManifest = z.infer<typeof SoundManifestSchema>;
export type SoundKey = keyof SoundManifest['sounds'];
export type Sound = SoundManifest['sounds'][SoundKey];

export const SOUND_KEYS = Object.keys(SoundManifestSchema.shape.sounds.shape) as SoundKey[];

/** Parses a sound manifest, throwing an error that says what is wrong with it. */
export function parseSoundManifest(data: unknown, source = 'assets/audio/manifest.json'): SoundManifest {
  const result = SoundManifestSchema.safeParse(data);
  if (result.success) return result.data;
  throw new Error(
    `${source} is malformed (regenerate it with \`node assets/scripts/make-sounds.mjs\`):\n${z.prettifyError(result.error)}`,
  );
}

/** The game's sounds. */
export const soundManifest: SoundManifest = parseSoundManifest(manifestJson);

/** A sound's caption going up (`active`) or coming down. */
export interface Caption {
  key: SoundKey;
  /** e.g. "[phone ringing]". */
  text: string;
  active: boolean;
}

export type CaptionListener = (caption: Caption) => void;

export interface AudioOutput {
  /**
   * Plays a one-shot, or starts a loop. Starting a loop that is already playing does nothing. The
   * caption goes up either way, even while the browser is still blocking audio or sound is muted.
   */
  play(key: SoundKey): void;
  /** Stops a sound (a loop, or a one-shot cut short) and takes its caption down; no-op if not playing. */
  stop(key: SoundKey): void;
  /** Stops every sound and takes every caption down. */
  stopAll(): void;
  /** Master volume, 0…1 (clamped). */
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  /**
   * Tells the output the player has clicked, tapped or pressed a key, so the browser will allow
   * audio. Call it from inside the event handler. Idempotent; the howler output also listens for the
   * first gesture on `document` itself, so this is only needed for gestures it cannot see.
   */
  unlock(): void;
  /**
   * Listens for captions: `active: true` when a sound starts, `active: false` when a loop is
   * stopped or a one-shot's time is up. Returns a function that stops listening.
   */
  onCaption(listener: CaptionListener): () => void;
}

/** Looks a sound up, with a clear error for a key that is not in the manifest (from untyped callers). */
export function soundFor(manifest: SoundManifest, key: SoundKey): Sound {
  const sound = (manifest.sounds as Partial<Record<string, Sound>>)[key];
  if (!sound) throw new Error(`Unknown sound '${String(key)}'; the sounds are ${SOUND_KEYS.join(', ')}`);
  return sound;
}

/**
 * What is sounding and its captions: the state both implementations share, so the fake behaves
 * like the real thing. `playing` holds loops until stopped and one-shots until they end.
 */
export class SoundBook {
  readonly playing = new Set<SoundKey>();
  private readonly listeners = new Set<CaptionListener>();

  constructor(readonly manifest: SoundManifest = soundManifest) {}

  /** Marks a sound as started and raises its caption. False for a loop that was already playing. */
  begin(key: SoundKey): boolean {
    const sound = soundFor(this.manifest, key);
    if (sound.loop && this.playing.has(key)) return false;
    this.playing.add(key);
    this.emit(key, sound, true);
    return true;
  }

  /** Marks a sound as ended and lowers its caption. False if it was not playing. */
  end(key: SoundKey): boolean {
    if (!this.playing.delete(key)) return false;
    this.emit(key, soundFor(this.manifest, key), false);
    return true;
  }

  /** Ends everything; returns what was playing. */
  endAll(): SoundKey[] {
    const keys = [...this.playing];
    for (const key of keys) this.end(key);
    return keys;
  }

  onCaption(listener: CaptionListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(key: SoundKey, sound: Sound, active: boolean): void {
    const caption: Caption = { key, text: sound.caption, active };
    for (const listener of [...this.listeners]) listener(caption);
  }
}

/** A volume clamped to 0…1; `fallback` when it is not a number at all. */
export const clampVolume = (volume: number, fallback: number): number =>
  Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : fallback;
