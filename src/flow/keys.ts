/**
 * The game's keys, in one place: which command a key press means on each screen. Pure, so the
 * overlay and a headless test (test/flow/driver.ts) press the same keys and get the same commands;
 * carrying a command out is theirs (the overlay clicks the button on screen, the driver calls the
 * session).
 */
import type { DeskAction } from '../engine/tags.ts';
import type { Screen } from './session.ts';

export type KeyCommand =
  /** S, anywhere but a text field or a dialog. */
  | { kind: 'settings' }
  /** 1–9 during a conversation: the answer with that number. */
  | { kind: 'answer'; index: number }
  /** H, T, M at the desk: the control, when an answer carries it. */
  | { kind: 'desk'; action: DeskAction }
  /** C at the desk, on a small screen: the caller-and-notes drawer. */
  | { kind: 'drawer' }
  /** Enter during a conversation (not on a button, which takes Enter itself): the next line. */
  | { kind: 'continue' }
  /** Escape during a conversation: close the drawer if open, else back to the menu, place kept. */
  | { kind: 'leave' }
  /** 1–9 on the menu: that scenario. */
  | { kind: 'play'; storyId: string }
  /** P on the menu: Your progress. */
  | { kind: 'progress' }
  /** M or Escape on the debrief, Escape on Your progress and the dashboard. */
  | { kind: 'menu' }
  /** R on the debrief: the same scenario again. */
  | { kind: 'again'; storyId: string };

export interface KeyPress {
  key: string;
  ctrl?: boolean;
  meta?: boolean;
  alt?: boolean;
  /** Held down (the browser's auto-repeat). */
  repeat?: boolean;
}

export interface KeyContext {
  /** A trainee has signed in (the menu lists scenarios). */
  signedIn: boolean;
  /** Focus is in a text field, a select, or a dialog: keys are typing, not commands. */
  typing: boolean;
  /** Focus is in a modal dialog (settings). */
  inDialog: boolean;
  /** Focus is on a button, which answers Enter itself. */
  onButton: boolean;
}

const DESK_KEYS: Record<string, DeskAction> = { h: 'hold', t: 'transfer', m: 'mute' };

/** The command a key press means, or undefined when the key is not the game's here. */
export function commandFor(screen: Screen, press: KeyPress, at: KeyContext): KeyCommand | undefined {
  // A held key never acts twice: a held Enter runs through lines only because Continue, which has
  // focus, takes it as a button does; it never answers.
  if (press.repeat || press.ctrl || press.meta || press.alt) return undefined;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'Escape' && screen.name === 'playing' && !at.inDialog) return { kind: 'leave' };
  if (at.typing || at.inDialog) return undefined;
  if (key === 's') return { kind: 'settings' };
  const digit = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  switch (screen.name) {
    case 'playing': {
      if (digit >= 0) return { kind: 'answer', index: digit };
      const action = DESK_KEYS[key];
      if (action) return { kind: 'desk', action };
      if (key === 'c') return { kind: 'drawer' };
      if (key === 'Enter' && !at.onButton) return { kind: 'continue' };
      return undefined;
    }
    case 'menu': {
      if (!at.signedIn) return undefined;
      const story = digit >= 0 ? screen.stories[digit] : undefined;
      if (story) return { kind: 'play', storyId: story.id };
      if (key === 'p') return { kind: 'progress' };
      return undefined;
    }
    case 'history':
    case 'dashboard':
      return key === 'Escape' ? { kind: 'menu' } : undefined;
    case 'debrief':
      if (key === 'r' && !screen.unfinished) return { kind: 'again', storyId: screen.entry.id };
      if (key === 'm' || key === 'Escape') return { kind: 'menu' };
      return undefined;
    default:
      return undefined;
  }
}
