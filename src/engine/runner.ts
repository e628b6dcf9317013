/**
 * StoryRunner: the one place the game touches inkjs at play time.
 *
 * It reads a compiled story one line at a time, validates every tag it meets, and keeps the history
 * of lines and choices that scoring and the debrief are computed from. It never throws for anything
 * a story can do: problems move it to the `failed` state with a message that says where.
 */
import { Story } from 'inkjs';
import {
  type CastMember,
  type ChoiceMarks,
  type Direction,
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
  /** The line's raw tags, for tools (author mode shows them). */
  tags: string[];
}

export interface ChoiceOption {
  index: number;
  text: string;
  marks: ChoiceMarks;
}

export type HistoryEntry =
  | { kind: 'line'; line: StoryLine }
  | { kind: 'choice'; chosen: ChoiceOption; options: ChoiceOption[] };

export type RunnerState =
  | { kind: 'running' }
  | { kind: 'awaiting-choice'; choices: ChoiceOption[] }
  | { kind: 'ended'; ending: string }
  | { kind: 'failed'; error: string };

/** Compiled ink JSON (as produced by `ToJson()`), as text or parsed. */
export type StoryJson = string | Record<string, unknown>;

export class StoryRunner {
  readonly metadata: Metadata;
  private readonly story: Story;
  private readonly castNames: string[];
  private readonly roles: Map<string, Role>;
  private _state: RunnerState = { kind: 'running' };
  private readonly _history: HistoryEntry[] = [];
  private readonly _path: number[] = [];
  private ending: string | undefined;
  private pendingErrors: string[] = [];
  private firstLine = true;

  /**
   * @throws {StoryLoadError} when the JSON is not a story or its header is invalid: a story that
   *   cannot even start is the caller's to report, before any scene is shown.
   */
  constructor(json: StoryJson) {
    try {
      this.story = new Story(json as string);
    } catch (e) {
      throw new StoryLoadError(`not a compiled ink story: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.story.onError = (message, type) => {
      // ErrorType.Warning is 1: warnings do not stop the story, but they are still surfaced.
      if (type !== 1) this.pendingErrors.push(message);
    };
    const header = parseHeader(this.story.globalTags ?? []);
    if (!header.ok) throw new StoryLoadError(header.issues.map((i) => i.message).join('; '));
    this.metadata = header.value;
    this.castNames = this.metadata.cast.map((c: CastMember) => c.name);
    this.roles = new Map(this.metadata.cast.map((c: CastMember) => [c.name, c.role]));
    this.settle();
  }

  get state(): RunnerState {
    return this._state;
  }

  get history(): readonly HistoryEntry[] {
    return this._history;
  }

  /** Indices of the choices made so far, enough to replay to this moment. */
  get path(): readonly number[] {
    return this._path;
  }

  /** The ink path being run (knot.stitch), for error messages and author tools. */
  get location(): string {
    return this.story.state.currentPathString ?? '(start)';
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
      this.settle();
      if (line === undefined) continue;
      this._history.push({ kind: 'line', line });
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
    try {
      this.story.ChooseChoiceIndex(index);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
      return undefined;
    }
    this._history.push({ kind: 'choice', chosen, options });
    this._path.push(index);
    this._state = { kind: 'running' };
    this.settle();
    return chosen;
  }

  private makeLine(raw: string, tags: string[], where: string): StoryLine | undefined {
    const parsed = parseLineTags(tags, this.castNames);
    if (!parsed.ok) {
      this.fail(`${parsed.errors.join('; ')} (at ${where})`);
      return undefined;
    }
    if (parsed.value.ending !== undefined) this.ending = parsed.value.ending;
    const { speaker, text, error } = splitSpeaker(raw, this.castNames);
    if (error) {
      this.fail(`${error} (at ${where})`);
      return undefined;
    }
    const directions = parsed.value.directions;
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
    if (text === '' && directions.length === 0 && parsed.value.ending === undefined) return undefined;
    return { text, speaker, role: speaker ? this.roles.get(speaker) : undefined, directions, tags };
  }

  /** Works out the state after a Continue or a choice. */
  private settle(): void {
    if (this._state.kind === 'failed') return;
    if (this.story.canContinue) {
      this._state = { kind: 'running' };
      return;
    }
    const choices = this.story.currentChoices;
    if (choices.length > 0) {
      const options: ChoiceOption[] = [];
      for (const c of choices) {
        const marks = parseChoiceTags(c.tags ?? []);
        if (!marks.ok) {
          this.fail(`choice '${c.text}': ${marks.errors.join('; ')} (at ${this.location})`);
          return;
        }
        options.push({ index: c.index, text: c.text, marks: marks.value });
      }
      this._state = { kind: 'awaiting-choice', choices: options };
      return;
    }
    this._state =
      this.ending !== undefined
        ? { kind: 'ended', ending: this.ending }
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
  static replay(json: StoryJson, path: readonly number[]): StoryRunner | undefined {
    const runner = new StoryRunner(json);
    for (const index of path) {
      runner.readToChoice();
      if (!runner.choose(index)) return undefined;
    }
    return runner;
  }
}

export interface RunnerSnapshot {
  readonly ink: string;
  readonly historyLength: number;
  readonly pathLength: number;
  readonly ending: string | undefined;
  readonly state: RunnerState;
  readonly firstLine: boolean;
}

export class StoryLoadError extends Error {
  override name = 'StoryLoadError';
}
