/**
 * The game's key map, in Node: the same keys the overlay turns into commands drive a whole
 * scenario headless, a held key never acts, and text fields keep their keys.
 */
import { describe, expect, it } from 'vitest';
import { commandFor } from '../../src/flow/keys.ts';
import { Driver, load } from './driver.ts';

const aisle = load('stories/aisle.ink');
const desk = load('stories/plan-change.ink');
const focus = { signedIn: true, typing: false, inDialog: false, onButton: false };

describe('the key map', () => {
  it('plays the aisle from the menu to the debrief by keys alone, and back to the menu', () => {
    const driver = new Driver([aisle, desk]);
    expect(driver.press('1')).toEqual({ kind: 'play', storyId: 'aisle' });
    expect(driver.screen.name).toBe('playing');
    const path = [1, 3, 0, 2, 1];
    for (let i = 0; i < 400 && driver.screen.name === 'playing'; i++) {
      const beat = driver.session.beat;
      if (beat?.next.kind === 'choices' && !beat.ringing) {
        // Enter, held or not, never answers.
        expect(driver.press('Enter')).toBeUndefined();
        expect(driver.press('Enter', { repeat: true })).toBeUndefined();
        expect(driver.session.beat).toBe(beat);
        driver.press(String((path.shift() ?? 0) + 1));
      } else driver.press('Enter');
    }
    expect(path).toEqual([]);
    expect(driver.screen.name).toBe('debrief');
    expect(driver.press('m')).toEqual({ kind: 'menu' });
    expect(driver.screen.name).toBe('menu');
  });

  it('puts the caller on hold with H at the desk when an answer offers it', () => {
    const driver = new Driver([aisle, desk]);
    driver.press('2');
    for (let i = 0; i < 400 && driver.screen.name === 'playing'; i++) {
      const beat = driver.session.beat;
      const hold = beat?.next.kind === 'choices' && beat.next.choices.some((c) => c.marks.action === 'hold');
      if (hold) {
        expect(driver.press('h')).toEqual({ kind: 'desk', action: 'hold' });
        // Within a few lines the caller is on hold.
        for (let j = 0; j < 10 && !driver.session.beat?.line.marks.hold; j++) driver.press('Enter');
        expect(driver.session.beat?.line.marks.hold).toBeDefined();
        return;
      }
      if (beat?.next.kind === 'choices') driver.press('1');
      else driver.press('Enter');
    }
    throw new Error('no hold was offered');
  });

  it('leaves text fields and dialogs their keys, and never acts on a held key', () => {
    const menu = { name: 'menu', stories: [aisle.entry] } as const;
    expect(commandFor(menu, { key: '1' }, focus)).toEqual({ kind: 'play', storyId: 'aisle' });
    expect(commandFor(menu, { key: '1' }, { ...focus, typing: true })).toBeUndefined();
    expect(commandFor(menu, { key: '1' }, { ...focus, signedIn: false })).toBeUndefined();
    expect(commandFor(menu, { key: 's' }, { ...focus, inDialog: true })).toBeUndefined();
    expect(commandFor(menu, { key: 'S' }, focus)).toEqual({ kind: 'settings' });
    expect(commandFor(menu, { key: 'p', repeat: true }, focus)).toBeUndefined();
    expect(commandFor(menu, { key: 'p', ctrl: true }, focus)).toBeUndefined();
    const playing = { name: 'playing', entry: aisle.entry, mode: 'practice', earlier: [] } as const;
    // Escape leaves a run even from the notes text field; a dialog keeps its own Escape.
    expect(commandFor(playing, { key: 'Escape' }, { ...focus, typing: true })).toEqual({ kind: 'leave' });
    expect(commandFor(playing, { key: 'Escape' }, { ...focus, inDialog: true })).toBeUndefined();
    // Enter on a button is the button's.
    expect(commandFor(playing, { key: 'Enter' }, { ...focus, onButton: true })).toBeUndefined();
    expect(commandFor(playing, { key: 'C' }, focus)).toEqual({ kind: 'drawer' });
  });
});
