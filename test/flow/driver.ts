/**
 * A headless driver for the game flow: the same GameSession the browser runs, fed with stories
 * compiled from disk, and a record of everything the scenes and the overlay would have been told.
 */
import { createHash } from 'node:crypto';
import { describeStory, type StoryEntry } from '../../src/authoring/catalog.ts';
import { formatDiagnostic } from '../../src/authoring/diagnostics.ts';
import { commandFor, type KeyCommand } from '../../src/flow/keys.ts';
import type { Beat, Screen, SessionEvents } from '../../src/flow/session.ts';
import { GameSession } from '../../src/flow/session.ts';
import { compiledJson, compileFile, readProjectFile } from '../helpers.ts';

export interface Loaded {
  entry: StoryEntry;
  json: string;
}

export function load(path: string, json = compiledJson(path)): Loaded {
  const id = path.replace(/^.*\//, '').replace(/\.ink$/, '');
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
  const source = readProjectFile(path) ?? '';
  const { problems, ...entry } = describeStory(id, path, json, hash, {
    source,
    readFile: readProjectFile,
    compiled: compileFile(path),
  });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map(formatDiagnostic).join('\n'));
  return { entry: { ...entry, url: `stories/${id}.${hash}.json`, source: path }, json };
}

export class Driver {
  readonly session: GameSession;
  readonly screens: Screen[] = [];
  readonly beats: Beat[] = [];
  readonly notices: SessionEvents['notice'][] = [];

  /** What the rep writes when a call's notes are due: every fact, none, or these keys. */
  notes: 'all' | 'none' | string[] = 'all';

  constructor(stories: Loaded[]) {
    this.session = new GameSession(stories.map((s) => s.entry));
    for (const s of stories) this.session.setStoryJson(s.entry.id, s.json);
    this.session.events.on('screen', (s) => this.screens.push(s));
    this.session.events.on('beat', (b) => this.beats.push(b));
    this.session.events.on('notice', (n) => this.notices.push(n));
    this.session.showMenu();
    this.session.markReady();
  }

  get screen(): Screen {
    return this.session.screen;
  }

  /** Presses Continue until choices are offered or the scenario is over; returns the lines seen. */
  continueToChoice(limit = 500): string[] {
    const seen: string[] = [];
    for (let i = 0; i < limit; i++) {
      const beat = this.session.beat;
      if (this.screen.name !== 'playing' || !beat) return seen;
      if (beat.ringing) this.session.pickUp();
      else if (beat.next.kind === 'choices') return seen;
      else if (beat.next.kind === 'notes') {
        const facts = beat.next.facts.map((f) => f.key);
        this.session.writeNotes(this.notes === 'all' ? facts : this.notes === 'none' ? [] : this.notes, '');
      } else this.session.advance();
      const next = this.session.beat;
      if (next && next !== beat) seen.push(describe(next));
    }
    throw new Error('no choice or end after 500 lines');
  }

  /**
   * Presses a key as the trainee would, through the game's own key map (src/flow/keys.ts), and
   * carries the command out on the session as the overlay does (focus on the conversation, not on
   * a button or in a text field). Returns the command, or undefined when the key means nothing here.
   */
  press(key: string, options: { repeat?: boolean } = {}): KeyCommand | undefined {
    const command = commandFor(
      this.screen,
      { key, repeat: options.repeat },
      { signedIn: true, typing: false, inDialog: false, onButton: false },
    );
    const beat = this.session.beat;
    switch (command?.kind) {
      case 'answer':
        if (beat?.next.kind !== 'choices' || beat.ringing || !this.session.choose(command.index))
          return undefined;
        return command;
      case 'desk': {
        const index =
          beat?.next.kind === 'choices' && !beat.ringing
            ? beat.next.choices.findIndex((c) => c.marks.action === command.action)
            : -1;
        return index >= 0 && this.session.choose(index) ? command : undefined;
      }
      case 'continue':
        if (!beat || beat.next.kind === 'choices' || beat.next.kind === 'notes') return undefined;
        if (beat.ringing) this.session.pickUp();
        else this.session.advance();
        return command;
      case 'leave':
      case 'menu':
        this.session.showMenu();
        return command;
      case 'play':
      case 'again':
        this.session.start(command.storyId);
        return command;
      case 'progress':
        this.session.showHistory();
        return command;
      default:
        // Settings and the desk drawer are the page's own; nothing for the session to do.
        return command;
    }
  }

  /** Plays a whole scenario along `path` (0-based choices) to the debrief. */
  play(id: string, path: readonly number[]): string[] {
    this.session.start(id);
    const first = this.session.beat;
    const lines = first ? [describe(first)] : [];
    for (const index of path) {
      lines.push(...this.continueToChoice());
      if (!this.session.choose(index)) throw new Error(`choice ${index} not available`);
      const beat = this.session.beat;
      if (beat) lines.push(describe(beat));
    }
    lines.push(...this.continueToChoice());
    if (this.screen.name === 'playing') this.session.advance();
    return lines;
  }
}

const describe = (beat: Beat): string =>
  beat.line.speaker ? `${beat.line.speaker}: ${beat.line.text}` : beat.line.text;
