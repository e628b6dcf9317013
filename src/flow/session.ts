/**
 * GameSession: the game's flow from menu to scenario to debrief, with no Phaser and no DOM. The
 * scenes and the overlay only listen to its events and call its methods, so the whole game can be
 * driven headless in tests.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { type Debrief, makeDebrief } from '../engine/debrief.ts';
import { type DeskState, emptyDesk } from '../engine/desk.ts';
import {
  type CallState,
  type ChoiceOption,
  type StoryLine,
  StoryLoadError,
  StoryRunner,
} from '../engine/runner.ts';
import type { Fact } from '../engine/tags.ts';
import { Emitter } from './emitter.ts';

export type Screen =
  | { name: 'loading' }
  | { name: 'menu'; stories: readonly StoryEntry[] }
  | {
      name: 'playing';
      entry: StoryEntry;
      /** Lines already said, when play resumes mid-conversation ("Replay from here"). */
      earlier: readonly StoryLine[];
    }
  | {
      name: 'debrief';
      entry: StoryEntry;
      debrief: Debrief;
      /** The attempt this one replayed from, for comparison. */
      previous?: Debrief;
    }
  | { name: 'problem'; title: string; message: string }
  /** Trainers: write, check and play a story. */
  | { name: 'author'; stories: readonly StoryEntry[] };

/** What follows the line on screen: more lines, a decision, or the end of the scenario. */
export type Next =
  | { kind: 'continue' }
  | { kind: 'choices'; choices: ChoiceOption[] }
  | { kind: 'end' }
  /** The call is over: the rep writes notes before anything else happens. */
  | { kind: 'notes'; label: string; facts: readonly Fact[] };

export interface Beat {
  line: StoryLine;
  next: Next;
  /** Clock, mood and counts after this line. */
  call: CallState;
  /** A call is ringing: the line is heard once the trainee picks up. */
  ringing: boolean;
  /** Calls and CRM notes so far (desk scenarios). */
  desk: Readonly<DeskState>;
  /** True when this beat re-shows the current moment (after a story edit), not a new line. */
  replayed: boolean;
}

export interface SessionEvents {
  screen: Screen;
  beat: Beat;
  chose: { option: ChoiceOption; step: number };
  notice: { message: string; tone: 'info' | 'error' };
  /** Art and stories loading: 0…1, then `ready`. */
  loading: { progress: number };
  ready: undefined;
}

export class GameSession {
  readonly events = new Emitter<SessionEvents>();
  private entries: StoryEntry[];
  private readonly json = new Map<string, string>();
  private runner: StoryRunner | undefined;
  private entry: StoryEntry | undefined;
  private _screen: Screen = { name: 'loading' };
  private _beat: Beat | undefined;
  /** The finished attempt a "Replay from here" branched from. */
  private previous: Debrief | undefined;
  private _ready = false;
  /** The notes line on screen still waits for the rep's notes. */
  private notesPending = false;
  private ringing = false;
  /** A scenario picked before loading finished: started as soon as it has. */
  private pendingStart: string | undefined;

  constructor(entries: readonly StoryEntry[]) {
    this.entries = [...entries];
  }

  get screen(): Screen {
    return this._screen;
  }

  /** The line on screen while playing. */
  get beat(): Beat | undefined {
    return this._beat;
  }

  get stories(): readonly StoryEntry[] {
    return this.entries;
  }

  /** True once the art and the stories are loaded. The menu works before that. */
  get ready(): boolean {
    return this._ready;
  }

  reportLoading(progress: number): void {
    this.events.emit('loading', { progress: Math.min(1, Math.max(0, progress)) });
  }

  /** Loading is done: scenes can be shown, and a scenario picked meanwhile starts now. */
  markReady(): void {
    if (this._ready) return;
    this._ready = true;
    this.events.emit('ready', undefined);
    const pending = this.pendingStart;
    this.pendingStart = undefined;
    if (pending !== undefined && this._screen.name === 'menu') this.start(pending);
  }

  /** Hands the session a compiled story (the preloader loads them). */
  setStoryJson(id: string, json: string): void {
    this.json.set(id, json);
  }

  showMenu(): void {
    this.runner = undefined;
    this.entry = undefined;
    this._beat = undefined;
    this.setScreen({ name: 'menu', stories: this.entries });
  }

  openAuthorMode(): void {
    this.runner = undefined;
    this.entry = undefined;
    this._beat = undefined;
    this.setScreen({ name: 'author', stories: this.entries });
  }

  /** Starts a scenario from the beginning. Returns false (and shows why) if it cannot start. */
  start(id: string): boolean {
    if (!this._ready && this.entries.some((e) => e.id === id)) {
      this.pendingStart = id;
      this.events.emit('notice', { message: 'Getting the scene ready…', tone: 'info' });
      return true;
    }
    const entry = this.entries.find((e) => e.id === id);
    const json = this.json.get(id);
    if (!entry || json === undefined) {
      this.problem('Scenario not available', `No scenario '${id}' is loaded.`);
      return false;
    }
    try {
      this.runner = new StoryRunner(json);
    } catch (e) {
      this.problem(`${entry.metadata.title} cannot start`, loadMessage(e));
      return false;
    }
    this.entry = entry;
    this.previous = undefined;
    this.ringing = false;
    this.notesPending = false;
    this.setScreen({ name: 'playing', entry, earlier: [] });
    this.advance();
    return true;
  }

  /**
   * From the debrief: play on from just before decision `step` (0-based), with the clock, mood and
   * story state of that moment. The finished attempt is kept for comparison.
   */
  replayFrom(step: number): boolean {
    const screen = this._screen;
    const runner = this.runner;
    if (screen.name !== 'debrief' || !runner) return false;
    const json = this.json.get(screen.entry.id);
    if (json === undefined) return false;
    const fresh = StoryRunner.fromDecision(json, runner.history, step);
    if (!fresh) return false;
    const said = fresh.history.flatMap((e) => (e.kind === 'line' ? [e.line] : []));
    const last = said[said.length - 1];
    this.previous = screen.debrief;
    this.runner = fresh;
    this.ringing = false;
    this.notesPending = false;
    this.setScreen({ name: 'playing', entry: screen.entry, earlier: said.slice(0, -1) });
    if (last) this.showBeat(last, true);
    return true;
  }

  /** Moves past the line on screen (Enter / Continue). At the end, shows the debrief. */
  advance(): void {
    const runner = this.runner;
    if (!runner || this._screen.name !== 'playing') return;
    const state = runner.state;
    if (state.kind === 'awaiting-choice') return;
    if (state.kind === 'ended') {
      this.finish();
      return;
    }
    if (this.ringing || this.notesPending) return;
    const line = runner.next();
    if (!line) {
      this.afterRunnerStopped();
      return;
    }
    this.ringing = line.marks.call !== undefined;
    this.notesPending = line.marks.notes !== undefined;
    this.showBeat(line, false);
  }

  /** Answers the ringing phone: the call's first line is heard. */
  pickUp(): boolean {
    const beat = this._beat;
    if (!this.ringing || !beat) return false;
    this.ringing = false;
    this.showBeat(beat.line, false);
    return true;
  }

  /** The rep's call notes: the facts they picked and what they typed. Then the story goes on. */
  writeNotes(facts: readonly string[], text: string): boolean {
    const beat = this._beat;
    if (!this.notesPending || !beat || !this.runner) return false;
    this.runner.writeNotes(facts, text);
    this.notesPending = false;
    this.showBeat(beat.line, true);
    return true;
  }

  /** Picks the n-th (0-based) choice on screen; ignored when there is no such choice now. */
  choose(index: number): boolean {
    const runner = this.runner;
    if (!runner || this._screen.name !== 'playing' || this.ringing || this.notesPending) return false;
    const option = runner.choose(index);
    if (!option) return false;
    this.events.emit('chose', { option, step: runner.path.length - 1 });
    this.advance();
    return true;
  }

  replay(): void {
    if (this.entry) this.start(this.entry.id);
  }

  /**
   * A story changed (dev hot reload). The catalog is replaced; a scenario in progress is replayed
   * along the same choices on the new version, so an author sees their edit in place.
   */
  updateStories(updates: readonly { entry: StoryEntry; json: string }[]): void {
    this.entries = updates.map((u) => u.entry);
    for (const u of updates) this.json.set(u.entry.id, u.json);
    const current = this.entry && updates.find((u) => u.entry.id === this.entry?.id);
    if (this._screen.name === 'menu') this.setScreen({ name: 'menu', stories: this.entries });
    if (!current || this._screen.name !== 'playing' || !this.runner) return;
    this.entry = current.entry;
    const old = this.runner;
    const linesSinceChoice = countLinesSinceLastChoice(old);
    let fresh: StoryRunner | undefined;
    try {
      fresh = StoryRunner.replay(current.json, old.path, old.notesLog);
    } catch (e) {
      this.problem(`${current.entry.metadata.title} cannot start`, loadMessage(e));
      return;
    }
    if (!fresh) {
      this.events.emit('notice', {
        message: 'The story changed before this point, so it restarted from the beginning.',
        tone: 'info',
      });
      this.start(current.entry.id);
      return;
    }
    let line: StoryLine | undefined;
    for (let i = 0; i < Math.max(1, linesSinceChoice); i++) line = fresh.next() ?? line;
    this.runner = fresh;
    this.events.emit('notice', { message: 'Story updated.', tone: 'info' });
    if (line) this.showBeat(line, true);
    else this.afterRunnerStopped();
  }

  private showBeat(line: StoryLine, replayed: boolean): void {
    const state = this.runner?.state;
    const next: Next = this.notesPending
      ? { kind: 'notes', label: line.marks.notes ?? '', facts: this.entry?.metadata.facts ?? [] }
      : state?.kind === 'awaiting-choice'
        ? { kind: 'choices', choices: state.choices }
        : state?.kind === 'running'
          ? { kind: 'continue' }
          : { kind: 'end' };
    if (state?.kind === 'failed') {
      this.afterRunnerStopped();
      return;
    }
    this._beat = {
      line,
      next,
      replayed,
      call: { ...(this.runner?.callState ?? { seconds: 0, mood: 0, repeats: 0, waited: 0 }) },
      ringing: this.ringing,
      desk: this.runner?.desk ?? emptyDesk(),
    };
    this.events.emit('beat', this._beat);
  }

  private afterRunnerStopped(): void {
    const state = this.runner?.state;
    if (state?.kind === 'failed') {
      this.problem(`${this.entry?.metadata.title ?? 'The scenario'} stopped`, state.error);
    } else if (state?.kind === 'ended') {
      this.finish();
    }
  }

  private finish(): void {
    const runner = this.runner;
    const entry = this.entry;
    if (!runner || !entry || runner.state.kind !== 'ended') return;
    const { ending, resolved } = runner.state;
    const debrief = makeDebrief(
      runner.history,
      entry.bounds,
      { title: ending, resolved },
      runner.startMood,
      runner.desk,
    );
    this._beat = undefined;
    this.setScreen({ name: 'debrief', entry, debrief, previous: this.previous });
  }

  private problem(title: string, message: string): void {
    this._beat = undefined;
    this.setScreen({ name: 'problem', title, message });
  }

  private setScreen(screen: Screen): void {
    this._screen = screen;
    this.events.emit('screen', screen);
  }
}

function loadMessage(e: unknown): string {
  return e instanceof StoryLoadError || e instanceof Error ? e.message : String(e);
}

function countLinesSinceLastChoice(runner: StoryRunner): number {
  let n = 0;
  for (let i = runner.history.length - 1; i >= 0 && runner.history[i]?.kind === 'line'; i--) n++;
  return n;
}
