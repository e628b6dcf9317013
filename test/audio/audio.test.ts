import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Caption,
  parseSoundManifest,
  SOUND_KEYS,
  type SoundKey,
  soundManifest,
} from '../../src/audio/audio.ts';
import { createFakeAudio } from '../../src/audio/fakeAudio.ts';
import { createHowlerAudio } from '../../src/audio/howlerAudio.ts';
import { soundUrl } from '../../src/audio/urls.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AUDIO = join(ROOT, 'assets/audio');
const SCRIPT = join(ROOT, 'assets/scripts/make-sounds.mjs');

// ------------------------------------------------------------ howler mock --

interface MockHowl {
  options: Record<string, unknown>;
  calls: string[];
  loaded: 'unloaded' | 'loading' | 'loaded';
  unlockListeners: (() => void)[];
  fire(event: 'loaderror' | 'playerror', id: number): void;
  fireUnlock(): void;
}

const mock = vi.hoisted(() => {
  const state = {
    howls: [] as MockHowl[],
    global: { autoUnlock: true, calls: [] as string[] },
    nextId: 1,
  };
  class Howl {
    options: Record<string, unknown>;
    calls: string[] = [];
    loaded: 'unloaded' | 'loading' | 'loaded';
    unlockListeners: (() => void)[] = [];
    constructor(options: Record<string, unknown>) {
      this.options = options;
      this.loaded = options.preload ? 'loading' : 'unloaded';
      state.howls.push(this as unknown as MockHowl);
    }
    state() {
      return this.loaded;
    }
    load() {
      this.calls.push('load');
      this.loaded = 'loading';
      return this;
    }
    play(id?: number) {
      const sid = id ?? state.nextId++;
      this.calls.push(`play ${sid}`);
      return sid;
    }
    stop() {
      this.calls.push('stop');
      return this;
    }
    unload() {
      this.calls.push('unload');
      return null;
    }
    once(event: string, fn: () => void) {
      if (event === 'unlock') this.unlockListeners.push(fn);
      return this;
    }
    fire(event: 'loaderror' | 'playerror', id: number) {
      const fn = this.options[`on${event}`] as (id: number, e: unknown) => void;
      fn(id, 'refused');
    }
    fireUnlock() {
      const fns = this.unlockListeners.splice(0);
      for (const fn of fns) fn();
    }
  }
  const Howler = {
    get autoUnlock() {
      return state.global.autoUnlock;
    },
    set autoUnlock(v: boolean) {
      state.global.autoUnlock = v;
    },
    volume(v: number) {
      state.global.calls.push(`volume ${v}`);
    },
    mute(m: boolean) {
      state.global.calls.push(`mute ${m}`);
    },
  };
  return { state, Howl, Howler };
});

vi.mock('howler', () => ({ Howl: mock.Howl, Howler: mock.Howler }));

// ----------------------------------------------------------------- helpers --

interface Wav {
  rate: number;
  channels: number;
  bits: number;
  samples: Int16Array;
}

function parseWav(buf: Buffer): Wav {
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  expect(buf.toString('ascii', 12, 16)).toBe('fmt ');
  expect(buf.readUInt32LE(16)).toBe(16);
  expect(buf.readUInt16LE(20)).toBe(1); // PCM
  const channels = buf.readUInt16LE(22);
  const rate = buf.readUInt32LE(24);
  const bits = buf.readUInt16LE(34);
  expect(buf.readUInt32LE(28)).toBe((rate * channels * bits) / 8);
  expect(buf.readUInt16LE(32)).toBe((channels * bits) / 8);
  expect(buf.toString('ascii', 36, 40)).toBe('data');
  const size = buf.readUInt32LE(40);
  expect(size).toBe(buf.length - 44);
  const samples = new Int16Array(size / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(44 + i * 2);
  return { rate, channels, bits, samples };
}

const wavFiles = () => readdirSync(AUDIO).filter((f) => f.endsWith('.wav'));

async function runScript(out: string): Promise<void> {
  await promisify(execFile)(process.execPath, [SCRIPT, '--out', out]);
}

function recordCaptions(output: { onCaption: (l: (c: Caption) => void) => () => void }): string[] {
  const seen: string[] = [];
  output.onCaption((c) => seen.push(`${c.active ? '+' : '-'}${c.key} ${c.text}`));
  return seen;
}

// ------------------------------------------------------------------- tests --

describe('sound manifest', () => {
  it('validates, names every sound key, and every file is on disk with a URL', () => {
    expect(Object.keys(soundManifest.sounds).sort()).toEqual([...SOUND_KEYS].sort());
    for (const key of SOUND_KEYS) {
      const sound = soundManifest.sounds[key];
      expect(existsSync(join(AUDIO, sound.file)), sound.file).toBe(true);
      expect(soundUrl(sound.file)).toMatch(/ring|pickup|hold|disconnect|ambience|click|transfer|^data:/);
      expect(sound.caption).toMatch(/^\[.+\]$/);
    }
    const listed = new Set(SOUND_KEYS.map((k) => soundManifest.sounds[k].file));
    expect(wavFiles().filter((f) => !listed.has(f))).toEqual([]);
  });

  it('has the captions trainees are shown', () => {
    expect(Object.fromEntries(SOUND_KEYS.map((k) => [k, soundManifest.sounds[k].caption]))).toEqual({
      ring: '[phone ringing]',
      pickup: '[handset picked up]',
      'hold-music': '[hold music playing]',
      disconnect: '[line goes dead]',
      'ambience-store': '[supermarket background noise]',
      click: '[click]',
      transfer: '[call transferring]',
    });
  });

  it('rejects a malformed manifest with a clear error', () => {
    const good = JSON.parse(readFileSync(join(AUDIO, 'manifest.json'), 'utf8'));
    expect(parseSoundManifest(good)).toEqual(soundManifest);
    const missing = structuredClone(good);
    delete missing.sounds.ring;
    expect(() => parseSoundManifest(missing)).toThrow(/manifest\.json is malformed[\s\S]*ring/);
    const loud = structuredClone(good);
    loud.sounds.click.volume = 2;
    expect(() => parseSoundManifest(loud)).toThrow(/click\.volume/);
    const bare = structuredClone(good);
    bare.sounds.pickup.caption = 'handset';
    expect(() => parseSoundManifest(bare)).toThrow(/square brackets/);
    expect(() => parseSoundManifest(null)).toThrow(/malformed/);
  });

  it('says which file is missing when asked for a URL it does not have', () => {
    expect(() => soundUrl('nope.wav')).toThrow(/assets\/audio\/nope\.wav .*not on disk/);
  });
});

describe('WAV files', () => {
  it.each(SOUND_KEYS)('%s has a valid mono 16-bit header, clean levels and seams', (key) => {
    const sound = soundManifest.sounds[key];
    const { rate, channels, bits, samples } = parseWav(readFileSync(join(AUDIO, sound.file)));
    expect(channels).toBe(1);
    expect(bits).toBe(16);
    expect([11025, 22050]).toContain(rate);
    expect(Math.abs(samples.length / rate - sound.duration)).toBeLessThan(0.001);

    let peak = 0;
    let sum = 0;
    let maxStep = 0;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i]!;
      peak = Math.max(peak, Math.abs(v));
      sum += v;
      if (i > 0) maxStep = Math.max(maxStep, Math.abs(v - samples[i - 1]!));
    }
    expect(20 * Math.log10(peak / 32768)).toBeLessThanOrEqual(-3);
    expect(Math.abs(sum / samples.length / 32768)).toBeLessThan(0.001);
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    if (sound.loop) expect(Math.abs(first - last)).toBeLessThanOrEqual(maxStep);
    else expect([Math.abs(first), Math.abs(last)]).toEqual([0, 0]);
  });

  it('stays small', () => {
    const total = wavFiles().reduce((n, f) => n + readFileSync(join(AUDIO, f)).length, 0);
    expect(total).toBeLessThan(600 * 1024);
  });
});

describe('make-sounds.mjs', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'bts-sounds-a-')), mkdtempSync(join(tmpdir(), 'bts-sounds-b-'))];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes the same bytes every run, matching the committed assets', { timeout: 60_000 }, async () => {
    await Promise.all(dirs.map(runScript));
    const [a, b] = dirs as [string, string];
    const names = readdirSync(a).sort();
    expect(names).toEqual(readdirSync(AUDIO).sort());
    for (const name of names) {
      const bytes = readFileSync(join(a, name));
      expect(bytes.equals(readFileSync(join(b, name))), `${name} differs between runs`).toBe(true);
      const committed = readFileSync(join(AUDIO, name));
      if (name.endsWith('.json')) {
        expect(bytes.toString()).toBe(committed.toString());
        continue;
      }
      // Allow one step of rounding in case another Node's Math differs in the last bit.
      const fresh = parseWav(bytes).samples;
      const old = parseWav(committed).samples;
      expect(fresh.length, `${name} is out of date: run the script`).toBe(old.length);
      let worst = 0;
      for (let i = 0; i < fresh.length; i++) worst = Math.max(worst, Math.abs(fresh[i]! - old[i]!));
      expect(worst, `${name} is out of date: run the script`).toBeLessThanOrEqual(1);
    }
  });
});

describe('fake audio', () => {
  it('records calls, loop state and captions', () => {
    const audio = createFakeAudio();
    const captions = recordCaptions(audio);
    audio.play('ring');
    audio.play('ring'); // already ringing: nothing new
    audio.play('click');
    expect([...audio.playing]).toEqual(['ring', 'click']);
    audio.finishOneShots();
    expect([...audio.playing]).toEqual(['ring']);
    audio.stop('ring');
    audio.stop('hold-music'); // not playing: no-op
    audio.play('hold-music');
    audio.play('ambience-store');
    audio.stopAll();
    expect(audio.playing.size).toBe(0);
    expect(audio.log).toEqual([
      'play ring',
      'play ring',
      'play click',
      'stop ring',
      'stop hold-music',
      'play hold-music',
      'play ambience-store',
      'stopAll',
    ]);
    expect(captions).toEqual([
      '+ring [phone ringing]',
      '+click [click]',
      '-click [click]',
      '-ring [phone ringing]',
      '+hold-music [hold music playing]',
      '+ambience-store [supermarket background noise]',
      '-hold-music [hold music playing]',
      '-ambience-store [supermarket background noise]',
    ]);
  });

  it('can end one-shots at once, keeps captions when muted, clamps volume and unsubscribes', () => {
    const audio = createFakeAudio({ oneShots: 'end-immediately' });
    const captions = recordCaptions(audio);
    audio.setMuted(true);
    audio.setVolume(3);
    expect(audio.volume).toBe(1);
    audio.setVolume(-1);
    audio.setVolume(Number.NaN);
    expect(audio.volume).toBe(0);
    audio.play('disconnect');
    expect(audio.playing.size).toBe(0);
    expect(captions).toEqual(['+disconnect [line goes dead]', '-disconnect [line goes dead]']);
    const seen: Caption[] = [];
    const off = audio.onCaption((c) => seen.push(c));
    off();
    audio.play('transfer');
    expect(seen).toEqual([]);
    audio.unlock();
    expect(audio.unlocked).toBe(true);
    expect(audio.muted).toBe(true);
    expect(audio.log).toEqual([
      'muted true',
      'volume 1',
      'volume 0',
      'volume 0',
      'play disconnect',
      'play transfer',
      'unlock',
    ]);
  });

  it('throws a clear error for a sound that does not exist', () => {
    const audio = createFakeAudio();
    expect(() => audio.play('boing' as SoundKey)).toThrow(/Unknown sound 'boing'/);
  });
});

describe('howler audio', () => {
  let page: EventTarget;
  const urlFor = (file: string) => `/assets/audio/${file}`;
  const gesture = (type = 'pointerup', key?: string) =>
    page.dispatchEvent(Object.assign(new Event(type), key ? { key } : {}));
  const howl = (file: string) => mock.state.howls.find((h) => String(h.options.src).endsWith(file));

  beforeEach(() => {
    vi.useFakeTimers();
    page = new EventTarget();
    mock.state.howls.length = 0;
    mock.state.global.calls.length = 0;
    mock.state.global.autoUnlock = true;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('touches nothing before the first gesture, but captions still show', () => {
    const audio = createHowlerAudio({ gestureTarget: page, urlFor });
    const captions = recordCaptions(audio);
    audio.setVolume(0.5);
    audio.setMuted(true);
    audio.play('ambience-store');
    audio.play('click');
    vi.advanceTimersByTime(1000);
    expect(mock.state.howls).toEqual([]);
    expect(mock.state.global.calls).toEqual([]);
    expect(captions).toEqual([
      '+ambience-store [supermarket background noise]',
      '+click [click]',
      '-click [click]',
    ]);
    // Escape is not a gesture browsers accept.
    gesture('keydown', 'Escape');
    expect(mock.state.howls).toEqual([]);
    // The first real gesture starts the loop (not the stale click), applying volume and mute.
    gesture('keydown', 'Enter');
    expect(mock.state.howls.map((h) => h.options.src)).toEqual([['/assets/audio/ambience-store.wav']]);
    const ambience = howl('ambience-store.wav')!;
    expect(ambience.options).toMatchObject({ loop: true, html5: false, preload: false, volume: 0.35 });
    expect(ambience.calls).toEqual(['load', expect.stringMatching(/^play \d+$/)]);
    expect(mock.state.global.calls).toEqual(['volume 0.5', 'mute true']);
    expect(mock.state.global.autoUnlock).toBe(true);
    audio.dispose();
  });

  it('creates Howls lazily, preloading only one-shots, and plays a loop once', () => {
    const audio = createHowlerAudio({ gestureTarget: page, urlFor });
    gesture();
    expect(mock.state.howls).toEqual([]);
    audio.play('ring');
    audio.play('ring');
    audio.play('pickup');
    const ring = howl('ring.wav')!;
    const pickup = howl('pickup.wav')!;
    expect(ring.options).toMatchObject({ loop: true, preload: false, html5: false, format: ['wav'] });
    expect(pickup.options).toMatchObject({ loop: false, preload: true, html5: false });
    expect(ring.calls.filter((c) => c.startsWith('play'))).toHaveLength(1);
    expect(pickup.calls).toEqual([expect.stringMatching(/^play/)]);
    audio.stop('ring');
    expect(ring.calls.at(-1)).toBe('stop');
    audio.stop('ring');
    expect(ring.calls.filter((c) => c === 'stop')).toHaveLength(1);
    audio.play('ring');
    expect(mock.state.howls.filter((h) => h === ring)).toHaveLength(1);
    audio.dispose();
  });

  it('ends one-shot captions after the sound’s duration and loops only when stopped', () => {
    const audio = createHowlerAudio({ gestureTarget: page, urlFor });
    const captions = recordCaptions(audio);
    gesture();
    audio.play('disconnect');
    audio.play('hold-music');
    vi.advanceTimersByTime(1400);
    expect(captions).toEqual(['+disconnect [line goes dead]', '+hold-music [hold music playing]']);
    vi.advanceTimersByTime(200);
    expect(captions.at(-1)).toBe('-disconnect [line goes dead]');
    vi.advanceTimersByTime(60_000);
    expect(captions).toHaveLength(3);
    audio.stopAll();
    expect(captions.at(-1)).toBe('-hold-music [hold music playing]');
    audio.dispose();
  });

  it('retries a refused play once howler unlocks, unless it was stopped meanwhile', () => {
    const audio = createHowlerAudio({ gestureTarget: page, urlFor });
    gesture();
    audio.play('hold-music');
    const hold = howl('hold-music.wav')!;
    const id = Number(hold.calls.at(-1)!.split(' ')[1]);
    hold.fire('playerror', id);
    hold.fireUnlock();
    expect(hold.calls.at(-1)).toBe(`play ${id}`);
    hold.fire('playerror', id);
    audio.stop('hold-music');
    hold.fireUnlock();
    expect(hold.calls.at(-1)).toBe('stop');
    audio.dispose();
  });

  it('gives up quietly on a sound that will not load, and on one with no file', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const audio = createHowlerAudio({
      gestureTarget: page,
      urlFor: (f) => {
        if (f === 'click.wav') throw new Error('missing');
        return urlFor(f);
      },
    });
    const captions = recordCaptions(audio);
    gesture();
    audio.play('transfer');
    howl('transfer.wav')!.fire('loaderror', 0);
    vi.advanceTimersByTime(1000);
    audio.play('transfer');
    expect(mock.state.howls.filter((h) => String(h.options.src).endsWith('transfer.wav'))).toHaveLength(1);
    audio.play('click');
    audio.play('click');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(captions.filter((c) => c.startsWith('+'))).toHaveLength(4);
    warn.mockRestore();
    audio.dispose();
  });

  it('stops watching for gestures once unlocked or disposed', () => {
    const remove = vi.spyOn(page, 'removeEventListener');
    const audio = createHowlerAudio({ gestureTarget: page, urlFor });
    audio.unlock();
    expect(remove).toHaveBeenCalledTimes(5);
    audio.play('ring');
    expect(howl('ring.wav')).toBeDefined();
    audio.dispose();
    expect(howl('ring.wav')!.calls.at(-1)).toBe('unload');
  });
});
