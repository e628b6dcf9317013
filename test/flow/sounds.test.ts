import { describe, expect, it } from 'vitest';
import { createFakeAudio } from '../../src/audio/fakeAudio.ts';
import { connectSounds } from '../../src/flow/soundCues.ts';
import { Driver, load } from './driver.ts';

describe('sound cues', () => {
  it('ring until picked up, hold music while on hold, a tone when the line drops', () => {
    const d = new Driver([load('test/fixtures/desk.ink')]);
    const audio = createFakeAudio();
    const captions: string[] = [];
    audio.onCaption((c) => c.active && captions.push(c.text));
    connectSounds(d.session, audio);
    d.session.start('desk');
    expect(audio.playing.has('ring')).toBe(true);
    d.session.pickUp();
    expect(audio.playing.has('ring')).toBe(false);
    d.play('desk', [0, 0, 0]);
    expect(captions).toEqual(expect.arrayContaining(['[phone ringing]']));
    const started = audio.log.filter((l) => l.startsWith('play')).join(' ');
    for (const key of ['ring', 'pickup', 'hold-music', 'transfer', 'disconnect', 'click'])
      expect(started).toContain(key);
    // The debrief is quiet.
    expect(audio.playing.size).toBe(0);
  });

  it('plays the shop floor under the aisle', () => {
    const d = new Driver([load('stories/aisle.ink')]);
    const audio = createFakeAudio();
    connectSounds(d.session, audio);
    d.session.start('aisle');
    expect(audio.playing.has('ambience-store')).toBe(true);
    d.session.showMenu();
    expect(audio.playing.size).toBe(0);
  });
});
