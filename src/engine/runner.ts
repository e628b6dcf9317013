/**
 * StoryRunner: the one place the game touches inkjs at play time.
 *
 * It reads a compiled story one line at a time, validates every tag it meets, keeps the call state
 * (clock, the customer's mood, repeats) with the pure rules in clock.ts and mood.ts, and records the
 * history that scoring and the debrief are computed from. It never throws for anything a story can
 * do: problems move it to the `failed` state with a message that says where.
 */
import { Story } from 'inkjs';
import { speakingSeconds } from './clock.ts';
import { type DeskState, emptyDesk, holdPenalty } from './desk.ts';
import { clampMood, REPEAT_PENALTY, waitPenalty } from './mood.ts';
import {
  type CastMember,
  type ChoiceMarks,
  type Direction,
  type LineMarks,
  type Metadata,
  parseChoiceTags,
  parseHeader,
  parseLineTags,
  type Role,
  splitSpeaker,
} from './tags.ts';

export interface StoryLine {
  text: string;
  /** Cast name of whoever says it; absent for narration. */
  speaker?: string;
  role?: Role;
  directions: Direction[];
  /** Time, mood and call effects the author put on this line. */
  marks: Omit<LineMarks, 'directions'>;
  /** The line's raw tags, for tools (author mode shows them). */
  tags: string[];
}

export interface ChoiceOption {
  index: number;
  text: string;
  marks: ChoiceMarks;
}

/** Where the call stands: the clock, the customer's mood and what has gone wrong so far. */
export interface CallState {
  /** Seconds since the conversation began. */
  seconds: number;
  /** The customer's mood, -10…+10. */
  mood: number;
  /** Times the customer had to repeat themselves. */
  repeats: number;
  /** Seconds the customer was kept waiting. */
  waited: number;
}

export type HistoryEntry =
  | { kind: 'line'; line: StoryLine; call: CallState }
  | {
      kind: 'choice';
      chosen: ChoiceOption;
      options: ChoiceOption[];
      call: CallState;
      /** The moment before choosing: "Replay from here" restores it. */
      before: RunnerSnapshot;
    };

export type RunnerState =
  | { kind: 'running' }
  | { kind: 'awaiting-choice'; choices: ChoiceOption[] }
  | { kind: 'ended'; ending: string; resolved: boolean }
  | { kind: 'failed'; error: string };

/** Compiled ink JSON (as produced by `ToJson()`), as text or parsed. */
export type StoryJson = string | Record<string, unknown>;

export interface RunnerSnapshot {
  readonly ink: string;
  readonly historyLength: number;
  readonly pathLength: number;
  readonly ending: { title: string; resolved: boolean } | undefined;
  readonly state: RunnerState;
  readonly firstLine: boolean;
  readonly call: CallState;
  readonly desk: DeskState;
  readonly notesLog: readonly WrittenNotes[];
}

export interface RunnerOptions {
  /**
   * Author mode: a story without the game's header still plays (with placeholder metadata), and
   * tags the game does not understand are collected in `warnings` instead of stopping the story.
   */
  lenient?: boolean;
  /** Seed for ink's RANDOM and shuffles, for repeatable runs. */
  seed?: number;
}

/** What a story without a header plays as in author mode. */
const PLACEHOLDER_METADATA: Metadata = {
  title: 'Untitled story',
  summary: 'A story without the game header.',
  setting: 'aisle',
  difficulty: 'beginner',
  minutes: 5,
  cast: [],
};

/** Call notes as written, and after how many choices (so a replay can write them again). */
export interface WrittenNotes {
  step: number;
  facts: string[];
  text: string;
}

/** The ink variable that, when a story declares it, holds the customer's mood. */
export const MOOD_VARIABLE = 'mood';

export class StoryRunner {
  readonly metadata: Metadata;
  private readonly story: Story;
  private readonly castNames: string[];
  private readonly roles: Map<string, Role>;
  private readonly moodInInk: boolean;
  private _state: RunnerState = { kind: 'running' };
  private _history: HistoryEntry[] = [];
  private readonly _path: number[] = [];
  private ending: { title: string; resolved: boolean } | undefined;
  private pendingErrors: string[] = [];
  private firstLine = true;
  private call: CallState = { seconds: 0, mood: 0, repeats: 0, waited: 0 };
  private _desk: DeskState = emptyDesk();
  private _notesLog: WrittenNotes[] = [];
  /** Notes to write again while replaying an earlier run (see `replay`). */
  private replayNotes: WrittenNotes[] = [];
  /** The customer's mood before the first line. */
  readonly startMood: number;

  /**
   * @throws {StoryLoadError} when the JSON is not a story or its header is invalid: a story that
   *   cannot even start is the caller's to report, before any scene is shown.
   */
  /** Problems tolerated in lenient mode, each once. */
  readonly warnings: string[] = [];
  private readonly lenient: boolean;

  constructor(json: StoryJson, options: RunnerOptions = {}) {
    this.lenient = options.lenient ?? false;
    try {
      this.story = new Story(json as string);
    } catch (e) {
      throw new StoryLoadError(`not a compiled ink story: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (options.seed !== undefined) {
      this.story.state.storySeed = options.seed;
      this.story.state.previousRandom = 0;
    }
    this.story.onError = (message, type) => {
      // ErrorType.Warning is 1: warnings do not stop the story.
      if (type !== 1) this.pendingErrors.push(message);
    };
    const header = parseHeader(this.story.globalTags ?? []);
    if (header.ok) this.metadata = header.value;
    else if (this.lenient) {
      this.metadata = PLACEHOLDER_METADATA;
      this.warn(
        `no valid game header (${header.issues.map((i) => i.message).join('; ')}): nothing is scored`,
      );
    } else throw new StoryLoadError(header.issues.map((i) => i.message).join('; '));
    this.castNames = this.metadata.cast.map((c: CastMember) => c.name);
    this.roles = new Map(this.metadata.cast.map((c: CastMember) => [c.name, c.role]));
    this.moodInInk = this.story.variablesState.GlobalVariableExistsWithName(MOOD_VARIABLE);
    if (this.moodInInk) this.call.mood = this.readInkMood();
    this.startMood = this.call.mood;
    this.settle();
  }

  get state(): RunnerState {
    return this._state;
  }

  get history(): readonly HistoryEntry[] {
    return this._history;
  }

  /** The clock, mood and counts right now. */
  get callState(): Readonly<CallState> {
    return this.call;
  }

  /** Calls, holds, transfers and notes so far (desk scenarios). */
  get desk(): Readonly<DeskState> {
    return this._desk;
  }

  /**
   * The rep's notes at the end of a call: the facts they picked (keys from the header's `facts`)
   * and what they typed. Picked facts set `noted_<key>` in ink where the story declares it, and the
   * notes go into the CRM for the next call.
   */
  writeNotes(facts: readonly string[], text: string): void {
    const known = new Map((this.metadata.facts ?? []).map((f) => [f.key, f.text]));
    const picked = facts.filter((k) => known.has(k));
    for (const key of picked) {
      const name = `noted_${key}`;
      if (this.story.variablesState.GlobalVariableExistsWithName(name))
        this.story.variablesState.$(name, true);
    }
    const call = this._desk.calls[this._desk.calls.length - 1];
    const trimmed = text.trim().slice(0, 2000);
    this._notesLog.push({ step: this._path.length, facts: picked, text: trimmed });
    if (call) call.notes = { facts: picked, text: trimmed };
    const lines = [...picked.map((k) => known.get(k) ?? k), ...(trimmed ? [trimmed] : [])];
    this._desk.crm.push({
      at: this.call.seconds,
      author: call ? `${call.department}${call.rep ? `, ${call.rep}` : ''} (you)` : 'You',
      text: lines.length ? lines.join(' · ') : '(no notes left)',
    });
  }

  /** The call notes written so far, with the number of choices made before each. */
  get notesLog(): readonly WrittenNotes[] {
    return this._notesLog;
  }

  /** Indices of the choices made so far, enough to replay to this moment. */
  get path(): readonly number[] {
    return this._path;
  }

  private lastLocation = '(start)';

  /** The ink path being run (knot.stitch), for error messages and author tools. */
  get location(): string {
    const here = this.story.state.currentPathString;
    if (here) this.lastLocation = here;
    return here ?? this.lastLocation;
  }

  /** The next line of the story, or undefined when there is none to read now. */
  next(): StoryLine | undefined {
    while (this._state.kind === 'running') {
      let text: string;
      let tags: string[];
      const where = this.location;
      try {
        text = this.story.Continue() ?? '';
        tags = [...(this.story.currentTags ?? [])];
      } catch (e) {
        this.fail(`${e instanceof Error ? e.message : String(e)} (at ${where})`);
        return undefined;
      }
      if (this.firstLine) {
        // Global tags are repeated on the first line; they are metadata, not the line's.
        tags = tags.slice(this.story.globalTags?.length ?? 0);
        this.firstLine = false;
      }
      if (this.pendingErrors.length) {
        this.fail(`${this.pendingErrors.join('; ')} (at ${where})`);
        return undefined;
      }
      const line = this.makeLine(text, tags, where);
      if (line) this.applyLine(line);
      const due = this.replayNotes[0];
      if (line?.marks.notes !== undefined && due?.step === this._path.length) {
        this.replayNotes.shift();
        this.writeNotes(due.facts, due.text);
      }
      this.settle();
      if (line === undefined) continue;
      this._history.push({ kind: 'line', line, call: { ...this.call } });
      return line;
    }
    return undefined;
  }

  /** Picks a choice by its position in the current list. Returns it, or undefined if not allowed now. */
  choose(index: number): ChoiceOption | undefined {
    if (this._state.kind !== 'awaiting-choice') return undefined;
    const options = this._state.choices;
    const chosen = options[index];
    if (!chosen) return undefined;
    const before = this.snapshot();
    try {
      this.story.ChooseChoiceIndex(index);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
      return undefined;
    }
    this.call.seconds += chosen.marks.time ?? 0;
    if (chosen.marks.mood) this.moveMood(chosen.marks.mood);
    this._history.push({ kind: 'choice', chosen, options, call: { ...this.call }, before });
    this._path.push(index);
    this._state = { kind: 'running' };
    this.settle();
    return chosen;
  }

  private warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** Global ink variables and their values, for author tools. */
  variables(): Record<string, string | number | boolean> {
    const out: Record<string, string | number | boolean> = {};
    const vars = this.story.variablesState;
    for (const name of Object.keys(vars)) {
      const v = vars.$(name);
      out[name] = typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
    }
    return out;
  }

  private makeLine(raw: string, tags: string[], where: string): StoryLine | undefined {
    let parsed = parseLineTags(tags, this.castNames);
    if (!parsed.ok && this.lenient) {
      for (const e of parsed.errors) this.warn(`${e} (at ${where})`);
      parsed = { ok: true, value: { directions: [] } };
    }
    if (!parsed.ok) {
      this.fail(`${parsed.errors.join('; ')} (at ${where})`);
      return undefined;
    }
    const { directions, ...marks } = parsed.value;
    if (marks.ending !== undefined) this.ending = { title: marks.ending, resolved: marks.resolved ?? false };
    const { speaker, text, error } = splitSpeaker(raw, this.castNames);
    if (error && this.lenient) this.warn(`${error} (at ${where})`);
    else if (error) {
      this.fail(`${error} (at ${where})`);
      return undefined;
    }
    for (const d of directions) {
      if (d.kind === 'react' && d.who === undefined) {
        if (!speaker) {
          this.fail(
            `#react on a line nobody speaks: name who reacts, e.g. #react: Shopper annoyed (at ${where})`,
          );
          return undefined;
        }
        d.who = speaker;
      }
    }
    const hasEffect = Object.values(marks).some((v) => v !== undefined);
    if (text === '' && directions.length === 0 && !hasEffect) return undefined;
    return { text, speaker, role: speaker ? this.roles.get(speaker) : undefined, directions, marks, tags };
  }

  /** Time passes and mood moves as the line is said. */
  private applyLine(line: StoryLine): void {
    // Ink may have changed the mood variable while producing this line.
    if (this.moodInInk) this.call.mood = this.readInkMood();
    const { marks } = line;
    const start = this.call.seconds;
    this.call.seconds +=
      (line.speaker ? speakingSeconds(line.text) : 0) + (marks.time ?? 0) + (marks.wait ?? 0);
    let delta = marks.mood ?? 0;
    if (marks.wait) {
      this.call.waited += marks.wait;
      delta += waitPenalty(marks.wait);
    }
    if (marks.repeated !== undefined) {
      this.call.repeats++;
      delta += REPEAT_PENALTY;
    }
    delta += this.applyDesk(line, start);
    if (delta !== 0) this.moveMood(delta);
  }

  /** Records calls, holds, transfers and drops; returns the mood change they cause. */
  private applyDesk(line: StoryLine, at: number): number {
    const { marks } = line;
    const desk = this._desk;
    let current = desk.calls[desk.calls.length - 1];
    if (marks.call !== undefined) {
      if (current?.open) {
        current.endedAt = Math.max(current.endedAt, at);
        current.open = false;
      }
      current = {
        index: desk.calls.length,
        department: marks.call,
        rep: marks.rep,
        breaker: marks.breaker,
        startedAt: at,
        endedAt: at,
        holds: [],
        transfers: [],
        voices: [],
        open: true,
      };
      desk.calls.push(current);
    }
    if (marks.crm !== undefined) desk.crm.push({ at, author: 'Earlier call', text: marks.crm });
    if (!current?.open) return 0;
    let delta = 0;
    if (
      line.speaker &&
      line.role !== 'player' &&
      line.role !== 'customer' &&
      !current.voices.includes(line.speaker)
    ) {
      current.voices.push(line.speaker);
    }
    if (marks.hold) {
      this.call.seconds += marks.hold.seconds;
      this.call.waited += marks.hold.seconds;
      current.holds.push({ at, ...marks.hold });
      delta += holdPenalty(marks.hold.seconds, marks.hold.asked);
    }
    if (marks.transfer) current.transfers.push({ at: this.call.seconds, ...marks.transfer });
    if (marks.dropped !== undefined) current.dropped = marks.dropped;
    current.endedAt = this.call.seconds;
    if (marks.dropped !== undefined || marks.notes !== undefined) current.open = false;
    return delta;
  }

  private moveMood(delta: number): void {
    if (this.moodInInk) this.call.mood = this.readInkMood();
    this.call.mood = clampMood(this.call.mood + delta);
    if (this.moodInInk) this.story.variablesState.$(MOOD_VARIABLE, this.call.mood);
  }

  private readInkMood(): number {
    const v = this.story.variablesState.$(MOOD_VARIABLE);
    return typeof v === 'number' ? clampMood(v) : this.call.mood;
  }

  /** Works out the state after a Continue or a choice. */
  private settle(): void {
    if (this._state.kind === 'failed') return;
    if (this.story.canContinue) {
      this._state = { kind: 'running' };
      return;
    }
    if (this.moodInInk) this.call.mood = this.readInkMood();
    const choices = this.story.currentChoices;
    if (choices.length > 0) {
      const options: ChoiceOption[] = [];
      for (const c of choices) {
        let marks = parseChoiceTags(c.tags ?? []);
        if (!marks.ok && this.lenient) {
          for (const e of marks.errors) this.warn(`choice '${c.text}': ${e}`);
          marks = { ok: true, value: { score: { de: 0, own: 0, res: 0 }, marked: [] } };
        }
        if (!marks.ok) {
          this.fail(`choice '${c.text}': ${marks.errors.join('; ')} (at ${this.location})`);
          return;
        }
        options.push({ index: c.index, text: c.text, marks: marks.value });
      }
      this._state = { kind: 'awaiting-choice', choices: options };
      return;
    }
    if (this.ending === undefined && this.lenient) {
      this.warn('the story ended without an #ending tag');
      this.ending = { title: 'The end', resolved: false };
    }
    this._state =
      this.ending !== undefined
        ? { kind: 'ended', ending: this.ending.title, resolved: this.ending.resolved }
        : { kind: 'failed', error: `the story stopped without an #ending (at ${this.location})` };
  }

  private fail(error: string): void {
    this._state = { kind: 'failed', error };
  }

  /** Everything needed to come back to this exact moment (see `restore`). */
  snapshot(): RunnerSnapshot {
    return {
      ink: this.story.state.toJson(),
      historyLength: this._history.length,
      pathLength: this._path.length,
      ending: this.ending,
      state: this._state,
      firstLine: this.firstLine,
      call: { ...this.call },
      desk: structuredClone(this._desk),
      notesLog: [...this._notesLog],
    };
  }

  /** Returns to a moment this runner was at; history after it is dropped. */
  restore(snap: RunnerSnapshot): void {
    this.story.state.LoadJson(snap.ink);
    this._history.length = snap.historyLength;
    this._path.length = snap.pathLength;
    this.ending = snap.ending;
    this._state = snap.state;
    this.firstLine = snap.firstLine;
    this.call = { ...snap.call };
    this._desk = structuredClone(snap.desk);
    this._notesLog = [...snap.notesLog];
    this.pendingErrors = [];
  }

  /** Reads every line up to the next choice or the end; returns the lines read. */
  readToChoice(): StoryLine[] {
    const lines: StoryLine[] = [];
    for (let line = this.next(); line; line = this.next()) lines.push(line);
    return lines;
  }

  /**
   * A fresh runner on `json` brought to the moment after the choices in `path`, or undefined when the
   * path no longer fits the story (the choices changed).
   */
  static replay(
    json: StoryJson,
    path: readonly number[],
    notes: readonly WrittenNotes[] = [],
  ): StoryRunner | undefined {
    const runner = new StoryRunner(json);
    // Call notes change ink variables (noted_<fact>): write them again where they were written.
    runner.replayNotes = [...notes];
    for (const index of path) {
      runner.readToChoice();
      if (!runner.choose(index)) return undefined;
    }
    return runner;
  }

  /**
   * A new runner at the moment just before decision `step` of an earlier run (0-based), with that
   * run's history up to there: "Replay from here". The earlier run is left untouched.
   */
  static fromDecision(
    json: StoryJson,
    history: readonly HistoryEntry[],
    step: number,
  ): StoryRunner | undefined {
    const decisions = history.filter((e) => e.kind === 'choice');
    const entry = decisions[step];
    if (entry?.kind !== 'choice') return undefined;
    const runner = new StoryRunner(json);
    runner._history = history.slice(0, entry.before.historyLength);
    for (const e of decisions.slice(0, step)) if (e.kind === 'choice') runner._path.push(e.chosen.index);
    runner.restore(entry.before);
    return runner;
  }
}

export class StoryLoadError extends Error {
  override name = 'StoryLoadError';
}
