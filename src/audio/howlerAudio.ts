/**
 * The real `AudioOutput`, on howler (Web Audio, never HTML5 audio).
 *
 * Browsers block audio until the player clicks, taps or presses a key, and warn on the console if
 * an AudioContext is made before that. So nothing touches howler until the first gesture: until
 * then `play` only raises captions and remembers which loops should be running, and the first
 * gesture (seen on `document`, or reported with `unlock()`) starts them. One-shots asked for before
 * that are not played late: their moment has passed, and their caption has already been shown.
 * Howls are created on a sound's first play after that; `Howler.autoUnlock` is left on as the
 * backstop for a context that still starts suspended, and a refused play is retried once howler
 * reports the unlock. Nothing here logs errors or leaves promises rejected.
 */
import { Howl, Howler } from 'howler';
import {
  type AudioOutput,
  clampVolume,
  SoundBook,
  type SoundKey,
  type SoundManifest,
  soundFor,
  soundManifest,
} from './audio.ts';
import { soundUrl } from './urls.ts';

/** Events that count as a user gesture for autoplay (Escape does not, so it is skipped). */
const GESTURES = ['pointerup', 'mousedown', 'touchend', 'keydown', 'click'] as const;

export interface HowlerAudioOptions {
  manifest?: SoundManifest;
  /** Manifest file name to URL; default: the Vite URL of assets/audio/<file>. */
  urlFor?: (file: string) => string;
  /** Where to watch for the first gesture; default `document` (nothing outside a browser). */
  gestureTarget?: EventTarget | null;
}

export interface HowlerAudio extends AudioOutput {
  /** Stops everything, unloads the sounds and stops watching for gestures. */
  dispose(): void;
}

export function createHowlerAudio(options: HowlerAudioOptions = {}): HowlerAudio {
  const manifest = options.manifest ?? soundManifest;
  const urlFor = options.urlFor ?? soundUrl;
  const target =
    options.gestureTarget !== undefined
      ? options.gestureTarget
      : typeof document === 'undefined'
        ? null
        : document;
  const book = new SoundBook(manifest);
  const howls = new Map<SoundKey, Howl>();
  /** The howler sound id last started for each key, so a stale retry cannot double a loop. */
  const current = new Map<SoundKey, number>();
  /** Sounds whose file would not load: not tried again (their captions still work). */
  const failed = new Set<SoundKey>();
  const captionTimers = new Map<SoundKey, ReturnType<typeof setTimeout>>();
  let unlocked = false;
  /** True once a Howl exists, and with it howler's AudioContext. */
  let engineStarted = false;
  let volume = 1;
  let muted = false;

  const onGesture = (event: Event) => {
    if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') return;
    output.unlock();
  };
  const listen = (on: boolean) => {
    for (const type of GESTURES) {
      if (on) target?.addEventListener(type, onGesture, { capture: true, passive: true });
      else target?.removeEventListener(type, onGesture, { capture: true });
    }
  };

  function howlFor(key: SoundKey): Howl | undefined {
    const existing = howls.get(key);
    if (existing || failed.has(key)) return existing;
    const sound = soundFor(manifest, key);
    let src: string;
    try {
      src = urlFor(sound.file);
    } catch (e) {
      failed.add(key);
      console.warn(`Sound '${key}' is unavailable: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const howl = new Howl({
      src: [src],
      // Vite may hand over a data: URL or a hashed name: say what it is rather than let howler guess.
      format: ['wav'],
      html5: false,
      loop: sound.loop,
      volume: sound.volume,
      // The small one-shots load at once; the long loops load when played (see start()).
      preload: !sound.loop,
      onloaderror: () => {
        failed.add(key);
        howls.delete(key);
        current.delete(key);
      },
      onplayerror: (id) => {
        // Only HTML5 playback reports this (Web Audio waits for the context to resume instead).
        howl.once('unlock', () => {
          if (book.playing.has(key) && current.get(key) === id) howl.play(id);
        });
      },
    });
    howls.set(key, howl);
    if (!engineStarted) {
      engineStarted = true;
      Howler.volume(volume);
      Howler.mute(muted);
    }
    return howl;
  }

  function start(key: SoundKey): void {
    const howl = howlFor(key);
    if (!howl) return;
    if (howl.state() === 'unloaded') howl.load();
    current.set(key, howl.play());
  }

  function clearCaptionTimer(key: SoundKey): void {
    const timer = captionTimers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    captionTimers.delete(key);
  }

  const output: HowlerAudio = {
    play(key) {
      const sound = soundFor(manifest, key);
      if (!book.begin(key)) return;
      if (!sound.loop) {
        clearCaptionTimer(key);
        captionTimers.set(
          key,
          setTimeout(() => {
            captionTimers.delete(key);
            current.delete(key);
            book.end(key);
          }, sound.duration * 1000),
        );
      }
      if (unlocked) start(key);
    },

    stop(key) {
      clearCaptionTimer(key);
      if (!book.end(key)) return;
      howls.get(key)?.stop();
      current.delete(key);
    },

    stopAll() {
      for (const key of [...captionTimers.keys()]) clearCaptionTimer(key);
      book.endAll();
      for (const howl of howls.values()) howl.stop();
      current.clear();
    },

    setVolume(v) {
      volume = clampVolume(v, volume);
      if (engineStarted) Howler.volume(volume);
    },

    setMuted(m) {
      muted = m;
      if (engineStarted) Howler.mute(muted);
    },

    unlock() {
      if (unlocked) return;
      unlocked = true;
      listen(false);
      for (const key of book.playing) if (soundFor(manifest, key).loop) start(key);
    },

    onCaption(listener) {
      return book.onCaption(listener);
    },

    dispose() {
      output.stopAll();
      listen(false);
      for (const howl of howls.values()) howl.unload();
      howls.clear();
    },
  };

  listen(true);
  return output;
}
