/**
 * GameSession: the game's flow from menu to scenario to debrief, with no Phaser and no DOM. The
 * scenes and the overlay only listen to its events and call its methods, so the whole game can be
 * driven headless in tests.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { assess, type Verdict } from '../engine/assessment.ts';
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

/** Practice coaches as you go and allows rewinds; assessment keeps quiet until the end. */
export type Mode = 'practice' | 'assessment';

/** Where a run is, in the few numbers needed to come back to it (saved after every line). */
export interface RunProgress {
  /** Choice indices so far. */
  path: number[];
  /** Lines shown since the last choice: resuming shows the same line again. */
  linesAfterLastChoice: number;
  notes: { step: number; facts: string[]; text: string }[];
  /** The line on screen is a call the trainee had already picked up (not still ringing). */
  answered?: boolean;
  /** Call notes being written and not yet saved. */
  draft?: NotesDraft;
}

export type Screen =
  | { name: 'loading' }
  | { name: 'menu'; stories: readonly StoryEntry[] }
  | {
      name: 'playing';
      entry: StoryEntry;
      mode: Mode;
      /** Lines already said, when play resumes mid-conversation ("Replay from here", a reload). */
      earlier: readonly StoryLine[];
      /** The choices among them: each after `after` of the earlier lines (practice shows its coaching). */
      earlierChoices?: readonly { after: number; option: ChoiceOption }[];
    }
  | {
      name: 'debrief';
      entry: StoryEntry;
      mode: Mode;
      debrief: Debrief;
      /** The attempt this one replayed from, for comparison. */
      previous?: Debrief;
      /** Assessment against the scenario's pass marks (when it declares them). */
      verdict?: Verdict;
      /** The run stopped before an ending (its scenario changed since): a debrief of what was done. */
      unfinished?: boolean;
    }
  | { name: 'problem'; title: string; message: string }
  /** The trainee's own results over time, and their export. */
  | { name: 'history' }
  /** Trainers: a cohort's results from the files trainees sent. */
  | { name: 'dashboard' }
  /** Trainers: write, check and play a story. */
  | { name: 'author'; stories: readonly StoryEntry[] };

/** What follows the line on screen: more lines, a decision, or the end of the scenario. */
export type Next =
  | { kind: 'continue' }
  | { kind: 'choices'; choices: ChoiceOption[] }
  | { kind: 'end' }
  /** The call is over: the rep writes notes before anything else happens. */
  | {
      kind: 'notes';
      label: string;
      facts: readonly Fact[];
      /** What the rep had ticked and typed before a reload. */
      draft?: NotesDraft;
    };

/** Call notes being written: kept with the run so a reload does not lose them. */
export interface NotesDraft {
  facts: string[];
  text: string;
}

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
  /** A run began: from the start, resumed after a reload, or replayed from a decision. */
  started: {
    entry: StoryEntry;
    mode: Mode;
    how: 'new' | 'resumed' | 'replay';
    /** For a resumed run: the id the caller gave `resume` (the saved attempt it continues). */
    resumeOf?: string;
    /** For a replay: the decision (0-based) of the debriefed run it plays on from. */
    fromStep?: number;
  };
  /** A run reached its ending; the debrief is about to show. */
  finished: { entry: StoryEntry; mode: Mode; debrief: Debrief; verdict?: Verdict };
  /** The rep is writing call notes: the draft changed (saved with the run). */
  drafted: NotesDraft;
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
  private notesDraft: NotesDraft | undefined;
  private ringing = false;
  /** A scenario picked before loading finished: started as soon as it has. */
  private pendingStart:
    | { id: string; mode: Mode; resume?: { progress: RunProgress; resumeOf?: string } }
    | undefined;
  private _mode: Mode = 'practice';

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

  /** The mode of the run on screen (or the last one). */
  get mode(): Mode {
    return this._mode;
  }

  /** The scenario being played, or just debriefed. */
  get current(): StoryEntry | undefined {
    return this.entry;
  }

  /** Where the run on screen is, to save it; undefined when nothing is being played. */
  get progress(): RunProgress | undefined {
    const runner = this.runner;
    if (!runner || this._screen.name !== 'playing') return undefined;
    return {
      path: [...runner.path],
      linesAfterLastChoice: countLinesSinceLastChoice(runner),
      notes: runner.notesLog.map((n) => ({ step: n.step, facts: [...n.facts], text: n.text })),
      answered: this._beat?.line.marks.call !== undefined && !this.ringing,
      draft: this.notesPending ? this.notesDraft : undefined,
    };
  }

  /** The compiled story for a scenario, once loaded (to keep a copy with an attempt). */
  storyJson(id: string): string | undefined {
    return this.json.get(id);
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
    if (pending === undefined || this._screen.name !== 'menu') return;
    if (pending.resume)
      this.resume(pending.id, pending.mode, pending.resume.progress, pending.resume.resumeOf);
    else this.start(pending.id, pending.mode);
  }

  /** Forgets a scenario picked while loading (the trainee changed before it could start). */
  cancelPendingStart(): void {
    this.pendingStart = undefined;
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

  showHistory(): void {
    this.leave();
    this.setScreen({ name: 'history' });
  }

  showDashboard(): void {
    this.leave();
    this.setScreen({ name: 'dashboard' });
  }

  private leave(): void {
    this.runner = undefined;
    this.entry = undefined;
    this._beat = undefined;
  }

  openAuthorMode(): void {
    this.runner = undefined;
    this.entry = undefined;
    this._beat = undefined;
    this.setScreen({ name: 'author', stories: this.entries });
  }

  /** Starts a scenario from the beginning. Returns false (and shows why) if it cannot start. */
  start(id: string, mode: Mode = 'practice'): boolean {
    if (!this._ready && this.entries.some((e) => e.id === id)) {
      this.pendingStart = { id, mode };
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
    this._mode = mode;
    this.previous = undefined;
    this.ringing = false;
    this.notesPending = false;
    this.notesDraft = undefined;
    this.setScreen({ name: 'playing', entry, mode, earlier: [] });
    this.events.emit('started', { entry, mode, how: 'new' });
    this.advance();
    return true;
  }

  /**
   * Comes back to a saved moment of a run on the current version of its scenario: the same choices
   * and notes replayed, then the same number of lines read, so the same line is on screen with the
   * same clock, mood and calls. Returns false when the saved choices no longer fit the story.
   */
  resume(id: string, mode: Mode, progress: RunProgress, resumeOf?: string): boolean {
    if (!this._ready && this.entries.some((e) => e.id === id)) {
      this.pendingStart = { id, mode, resume: { progress, resumeOf } };
      this.events.emit('notice', { message: 'Getting the scene ready…', tone: 'info' });
      return true;
    }
    const entry = this.entries.find((e) => e.id === id);
    const json = this.json.get(id);
    if (!entry || json === undefined) return false;
    let restored: ReturnType<typeof restoreRun>;
    try {
      restored = restoreRun(json, progress);
    } catch (e) {
      this.problem(`${entry.metadata.title} cannot start`, loadMessage(e));
      return false;
    }
    if (!restored) return false;
    const { runner, lines } = restored;
    this.runner = runner;
    this.entry = entry;
    this._mode = mode;
    this.previous = undefined;
    const last = lines[lines.length - 1];
    this.ringing = last?.marks.call !== undefined && !progress.answered;
    this.notesDraft = progress.draft && { facts: [...progress.draft.facts], text: progress.draft.text };
    this.notesPending =
      last?.marks.notes !== undefined && !runner.notesLog.some((n) => n.step === runner.path.length);
    const said = runner.history.flatMap((e) => (e.kind === 'line' ? [e.line] : []));
    this.setScreen({
      name: 'playing',
      entry,
      mode,
      earlier: last ? said.slice(0, -1) : said,
      earlierChoices: choicesAmongLines(runner),
    });
    this.events.emit('started', { entry, mode, how: 'resumed', resumeOf });
    if (last) this.showBeat(last, false);
    else if (runner.state.kind === 'ended') this.finish();
    else this.advance();
    return true;
  }

  /**
   * A debrief of a run that cannot carry on (its scenario changed since it began), replayed on the
   * version it was played on. Nothing is saved or changed.
   */
  reviewUnfinished(entry: StoryEntry, json: string, progress: RunProgress): boolean {
    let restored: ReturnType<typeof restoreRun>;
    try {
      restored = restoreRun(json, progress);
    } catch (e) {
      this.problem(`${entry.metadata.title} cannot be shown`, loadMessage(e));
      return false;
    }
    if (!restored) return false;
    const { runner } = restored;
    const ended = runner.state.kind === 'ended' ? runner.state : undefined;
    const debrief = makeDebrief(
      runner.history,
      entry.bounds,
      { title: ended?.ending ?? 'Not finished', resolved: ended?.resolved ?? false },
      runner.startMood,
      runner.desk,
    );
    this.runner = undefined;
    this.entry = undefined;
    this._beat = undefined;
    this.setScreen({ name: 'debrief', entry, mode: this._mode, debrief, unfinished: true });
    return true;
  }

  /**
   * From the debrief: play on from just before decision `step` (0-based), with the clock, mood and
   * story state of that moment. The finished attempt is kept for comparison.
   */
  replayFrom(step: number): boolean {
    const screen = this._screen;
    const runner = this.runner;
    // Assessment allows no rewinds.
    if (screen.name !== 'debrief' || !runner || screen.mode === 'assessment') return false;
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
    this.notesDraft = undefined;
    this.setScreen({
      name: 'playing',
      entry: screen.entry,
      mode: 'practice',
      earlier: said.slice(0, -1),
      earlierChoices: choicesAmongLines(fresh),
    });
    this.events.emit('started', { entry: screen.entry, mode: 'practice', how: 'replay', fromStep: step });
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
    this.notesDraft = undefined;
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

  /** Notes being written (every tick and keystroke, debounced by the form): kept with the run. */
  draftNotes(facts: readonly string[], text: string): void {
    if (!this.notesPending) return;
    this.notesDraft = { facts: [...facts], text: text.slice(0, 2000) };
    const beat = this._beat;
    if (beat?.next.kind === 'notes') this._beat = { ...beat, next: { ...beat.next, draft: this.notesDraft } };
    this.events.emit('drafted', this.notesDraft);
  }

  /** The rep's call notes: the facts they picked and what they typed. Then the story goes on. */
  writeNotes(facts: readonly string[], text: string): boolean {
    const beat = this._beat;
    if (!this.notesPending || !beat || !this.runner) return false;
    this.runner.writeNotes(facts, text);
    this.notesPending = false;
    this.notesDraft = undefined;
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

  /** Plays the same scenario again from the start, in the same mode. */
  replay(): void {
    if (this.entry) this.start(this.entry.id, this._mode);
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
    // Another story (or the menu order) changed, not this one: the run goes on untouched.
    if (current.entry.hash === this.entry?.hash) {
      this.entry = current.entry;
      return;
    }
    // The same choices, notes and lines on the new version; an edit may have shortened what comes
    // after the last choice, so as many of those lines as there still are.
    const progress = this.progress;
    this.entry = current.entry;
    let restored: ReturnType<typeof restoreRun>;
    try {
      restored = progress && restoreRun(current.json, progress, 'lenient');
    } catch (e) {
      this.problem(`${current.entry.metadata.title} cannot start`, loadMessage(e));
      return;
    }
    if (!restored) {
      this.start(current.entry.id, this._mode);
      this.events.emit('notice', {
        message: 'The story changed before this point, so it restarted from the beginning.',
        tone: 'info',
      });
      return;
    }
    const fresh = restored.runner;
    const line = restored.lines.at(-1);
    this.runner = fresh;
    this.events.emit('notice', { message: 'Story updated.', tone: 'info' });
    if (line) this.showBeat(line, true);
    else this.afterRunnerStopped();
  }

  private showBeat(line: StoryLine, replayed: boolean): void {
    const state = this.runner?.state;
    const next: Next = this.notesPending
      ? {
          kind: 'notes',
          label: line.marks.notes ?? '',
          facts: this.entry?.metadata.facts ?? [],
          ...(this.notesDraft ? { draft: this.notesDraft } : {}),
        }
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
    const verdict = this._mode === 'assessment' ? assess(debrief, entry.metadata.pass) : undefined;
    this._beat = undefined;
    this.events.emit('finished', { entry, mode: this._mode, debrief, verdict });
    this.setScreen({ name: 'debrief', entry, mode: this._mode, debrief, previous: this.previous, verdict });
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

/**
 * A runner brought to a saved moment, with the lines read since the last choice. `exact` (resume):
 * exactly that many lines, or undefined when the story no longer has them. `lenient` (a story edited
 * while played): at least one line, and as many of the rest as the new version still has.
 */
function restoreRun(
  json: string,
  progress: RunProgress,
  how: 'exact' | 'lenient' = 'exact',
): { runner: StoryRunner; lines: StoryLine[] } | undefined {
  const runner = StoryRunner.replay(json, progress.path, progress.notes);
  if (!runner) return undefined;
  const wanted = how === 'exact' ? progress.linesAfterLastChoice : Math.max(1, progress.linesAfterLastChoice);
  const lines: StoryLine[] = [];
  for (let i = 0; i < wanted; i++) {
    const line = runner.next();
    if (!line) break;
    lines.push(line);
  }
  if (how === 'exact' && lines.length < wanted && runner.state.kind !== 'ended') return undefined;
  return { runner, lines };
}

/** Each choice made so far, with how many lines were said before it. */
function choicesAmongLines(runner: StoryRunner): { after: number; option: ChoiceOption }[] {
  const out: { after: number; option: ChoiceOption }[] = [];
  let lines = 0;
  for (const e of runner.history) {
    if (e.kind === 'line') lines++;
    else out.push({ after: lines, option: e.chosen });
  }
  return out;
}

function countLinesSinceLastChoice(runner: StoryRunner): number {
  let n = 0;
  for (let i = runner.history.length - 1; i >= 0 && runner.history[i]?.kind === 'line'; i--) n++;
  return n;
}
