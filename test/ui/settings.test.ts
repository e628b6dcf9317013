import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../src/ui/settings.ts';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('settings', () => {
  it('round-trips and starts from defaults', () => {
    const store = memory();
    expect(loadSettings(store)).toEqual({ settings: DEFAULT_SETTINGS });
    expect(saveSettings(store, { ...DEFAULT_SETTINGS, volume: 0.3, captions: false })).toBe(true);
    expect(loadSettings(store).settings).toMatchObject({ volume: 0.3, captions: false });
  });
  it('migrates version 1', () => {
    const store = memory({ 'bts.settings': JSON.stringify({ version: 1, showMood: true }) });
    expect(loadSettings(store)).toEqual({ settings: { ...DEFAULT_SETTINGS, showMood: true } });
  });
  it('sets a corrupt value aside and says why', () => {
    const store = memory({
      'bts.settings': JSON.stringify({ version: 2, showMood: true, volume: 7, muted: false, captions: true }),
    });
    const loaded = loadSettings(store);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem).toMatch(
      /^Saved settings could not be read \(volume: .*\); the defaults are in use/,
    );
    expect([...store.data.keys()].some((k) => k.startsWith('bts.settings.corrupt-'))).toBe(true);
    expect(loadSettings(memory({ 'bts.settings': '{oops' })).problem).toMatch(/not valid JSON/);
  });
  it('survives a browser that refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadSettings(refusing).problem).toBe('This browser does not allow saved settings here.');
    expect(saveSettings(refusing, DEFAULT_SETTINGS)).toBe(false);
  });
});
