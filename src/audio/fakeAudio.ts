/**
 * An `AudioOutput` for tests: no sound, every call written to `log`, the same caption behaviour as
 * the howler output (it shares its `SoundBook`). One-shots stay in `playing`, caption up, until
 * `finishOneShots()`, or end at once with `{ oneShots: 'end-immediately' }`.
 */
import {
  type AudioOutput,
  clampVolume,
  SoundBook,
  type SoundKey,
  type SoundManifest,
  soundFor,
} from './audio.ts';

export interface FakeAudioOptions {
  manifest?: SoundManifest;
  oneShots?: 'end-on-finish' | 'end-immediately';
}

export interface FakeAudio extends AudioOutput {
  /** Every call, in order: "play ring", "stop ring", "stopAll", "volume 0.5", "muted true", "unlock". */
  readonly log: string[];
  /** Loops until stopped, one-shots until finished. */
  readonly playing: Set<SoundKey>;
  readonly volume: number;
  readonly muted: boolean;
  readonly unlocked: boolean;
  /** Ends every one-shot still sounding (their captions come down). */
  finishOneShots(): void;
}

export function createFakeAudio(options: FakeAudioOptions = {}): FakeAudio {
  const book = new SoundBook(options.manifest);
  const immediate = options.oneShots === 'end-immediately';
  const log: string[] = [];
  let volume = 1;
  let muted = false;
  let unlocked = false;
  const isLoop = (key: SoundKey) => soundFor(book.manifest, key).loop;

  return {
    log,
    playing: book.playing,
    get volume() {
      return volume;
    },
    get muted() {
      return muted;
    },
    get unlocked() {
      return unlocked;
    },
    play(key) {
      log.push(`play ${key}`);
      if (book.begin(key) && immediate && !isLoop(key)) book.end(key);
    },
    stop(key) {
      log.push(`stop ${key}`);
      book.end(key);
    },
    stopAll() {
      log.push('stopAll');
      book.endAll();
    },
    setVolume(v) {
      volume = clampVolume(v, volume);
      log.push(`volume ${volume}`);
    },
    setMuted(m) {
      muted = m;
      log.push(`muted ${m}`);
    },
    unlock() {
      log.push('unlock');
      unlocked = true;
    },
    onCaption(listener) {
      return book.onCaption(listener);
    },
    finishOneShots() {
      for (const key of [...book.playing]) if (!isLoop(key)) book.end(key);
    },
  };
}
