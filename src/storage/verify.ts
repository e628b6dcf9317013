/**
 * Checking an imported attempt against its own choices. A results file carries the choices made
 * (`path`) and the call notes written (`notes`); with the compiled story of the version it was played
 * on, `StoryRunner.replay` plays the call again, and the debrief of that replay is what the attempt
 * must say: the same ending, resolved or not, the same points, (within a point) the same percents and
 * (within a second) the same length of call. A file whose scores do not come from its choices is
 * refused. What a replay cannot tell is the file's word only: the mode (practice or assessment, so an
 * assessment's pass) and the dates.
 *
 * An attempt at a scenario or version this game does not have cannot be replayed: it is kept, marked
 * unverified, and never counts as passed (see `assessmentStanding`).
 *
 * `verifyAttempt` is pure (story JSON in, verdict out); `createVerifier` adds the loading of story
 * JSON (once per version) and a cache of replays, for imports of many files.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { makeDebrief } from '../engine/debrief.ts';
import { StoryRunner } from '../engine/runner.ts';
import { AXES, AXIS_NAMES } from '../engine/tags.ts';
import { type ExportedAttempt, type ResultsFile, scenarioTitle } from './exchange.ts';
import { type AttemptResult, numberWords } from './fields.ts';
import { resultFromDebrief } from './schema.ts';

/** What checking needs to know of a catalog scenario. */
export type VerifiableStory = Pick<StoryEntry, 'id' | 'hash' | 'bounds' | 'metadata'>;

/**
 * What checking found for one attempt:
 * - `verified`: replayed on its version, and it says what the replay says;
 * - `unverified`: this game does not have the scenario, or not that version of it;
 * - `mismatch`: `problem` says how it differs from its own choices (a sentence fragment, after
 *   "attempt 2 (Title) ").
 */
export type AttemptCheck =
  | { kind: 'verified' }
  | { kind: 'unverified'; why: 'unknown-scenario' | 'unknown-version' }
  | { kind: 'mismatch'; problem: string };

/** The catalog version an attempt claims (same storyId and storyHash), or why there is none. */
export function versionOf<S extends Pick<StoryEntry, 'id' | 'hash'>>(
  attempt: Pick<ExportedAttempt, 'storyId' | 'storyHash'>,
  stories: readonly S[],
): { story: S } | { why: 'unknown-scenario' | 'unknown-version' } {
  let known = false;
  for (const story of stories) {
    if (story.id !== attempt.storyId) continue;
    known = true;
    if (story.hash === attempt.storyHash) return { story };
  }
  return { why: known ? 'unknown-version' : 'unknown-scenario' };
}

/** The result a replay of `path` and `notes` on `json` ends with, or what stops it. */
export type Replayed = { ok: true; result: AttemptResult } | { ok: false; problem: string };

/**
 * Plays `path` (with its notes) on `json` to the end and builds the result the game would have stored
 * (`makeDebrief`, `resultFromDebrief`). One pass, choice by choice: it stops at the first choice that
 * was not on offer, or as soon as the call is over with choices left in the path (a path longer than
 * any run of this version can be is not played any further).
 */
export function replayResult(
  json: string,
  story: Pick<StoryEntry, 'bounds'>,
  path: readonly number[],
  notes: ExportedAttempt['notes'],
): Replayed {
  const mismatch = (what: string): Replayed => ({
    ok: false,
    problem: `does not match its own choices: ${what}`,
  });
  let runner: StoryRunner;
  try {
    // No choices yet: the runner with the notes queued to be written again where they were.
    const started = StoryRunner.replay(json, [], notes);
    if (!started) throw new Error('it does not start');
    runner = started;
    for (const [n, index] of path.entries()) {
      runner.readToChoice();
      const state = runner.state;
      if (state.kind === 'failed') break;
      const offered = state.kind === 'awaiting-choice' ? state.choices.length : 0;
      if (offered === 0) {
        return mismatch(
          `the call is over after ${n} ${n === 1 ? 'choice' : 'choices'}, but the file has ${path.length}`,
        );
      }
      if (index >= offered || !runner.choose(index)) {
        return mismatch(
          `choice ${n + 1} is option ${numberWords(index + 1)}, but only ${offered} ${offered === 1 ? 'was' : 'were'} offered`,
        );
      }
    }
    runner.readToChoice();
  } catch (e) {
    return { ok: false, problem: `cannot be replayed: ${e instanceof Error ? e.message : String(e)}` };
  }
  const state = runner.state;
  if (state.kind === 'failed') {
    return { ok: false, problem: `cannot be replayed: the scenario stops with an error (${state.error})` };
  }
  if (state.kind !== 'ended') {
    return mismatch(
      `after its ${path.length} ${path.length === 1 ? 'choice' : 'choices'} the call is not over`,
    );
  }
  const debrief = makeDebrief(
    runner.history,
    story.bounds,
    { title: state.ending, resolved: state.resolved },
    runner.startMood,
    runner.desk,
  );
  return { ok: true, result: resultFromDebrief(debrief) };
}

const quoted = (s: string) => `'${s}'`;
const points = (n: number) => `${numberWords(n, '−')} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
const secondsWords = (n: number) => {
  const s = Math.round(n);
  return `${s} ${s === 1 ? 'second' : 'seconds'}`;
};

/** How far the length of a call may be from its replay's: rounding, not a different call. */
export const SECONDS_SLACK = 1;

/**
 * How `said` (what a file says) differs from `replayed` (what its choices make), or undefined when it
 * does not: ending, resolved, points per axis, percents within a point, and the length of the call
 * within a second (SECONDS_SLACK). Mode (practice or assessment), dates and `passed` are the file's
 * word: a replay cannot tell them.
 */
export function compareResults(said: AttemptResult, replayed: AttemptResult): string | undefined {
  const differs = (what: string) => `does not match its own choices: ${what}`;
  if (said.ending !== replayed.ending) {
    return differs(
      `the file says ${quoted(said.ending)}, replaying its choices ends at ${quoted(replayed.ending)}`,
    );
  }
  if (said.resolved !== replayed.resolved) {
    return differs(
      `the file says the problem was ${said.resolved ? '' : 'not '}resolved, replaying its choices it was ${replayed.resolved ? '' : 'not '}resolved`,
    );
  }
  for (const axis of AXES) {
    if (said.score[axis] !== replayed.score[axis]) {
      return differs(
        `the file says ${points(said.score[axis])} for ${AXIS_NAMES[axis].toLowerCase()}, replaying its choices gives ${points(replayed.score[axis])}`,
      );
    }
  }
  for (const axis of AXES) {
    if (Math.abs(said.percent[axis] - replayed.percent[axis]) > 1) {
      return differs(
        `the file says ${Math.round(said.percent[axis])}% for ${AXIS_NAMES[axis].toLowerCase()}, replaying its choices gives ${Math.round(replayed.percent[axis])}%`,
      );
    }
  }
  if (Math.abs(said.seconds - replayed.seconds) > SECONDS_SLACK) {
    return differs(
      `the file says the call lasted ${secondsWords(said.seconds)}, replaying its choices it lasts ${secondsWords(replayed.seconds)}`,
    );
  }
  return undefined;
}

/**
 * Checks one attempt against its own choices. `json` is the compiled story of `story`, which must be
 * the version the attempt claims (same id and hash: see `versionOf`). Pure: the same attempt and
 * story always give the same answer.
 */
export function verifyAttempt(
  attempt: Pick<ExportedAttempt, 'storyId' | 'storyHash' | 'path' | 'notes' | 'result'>,
  story: Pick<StoryEntry, 'id' | 'hash' | 'bounds'>,
  json: string,
): AttemptCheck {
  if (story.id !== attempt.storyId || story.hash !== attempt.storyHash) {
    return { kind: 'unverified', why: story.id === attempt.storyId ? 'unknown-version' : 'unknown-scenario' };
  }
  const replayed = replayResult(json, story, attempt.path, attempt.notes);
  if (!replayed.ok) return { kind: 'mismatch', problem: replayed.problem };
  const problem = compareResults(attempt.result, replayed.result);
  return problem === undefined ? { kind: 'verified' } : { kind: 'mismatch', problem };
}

// ---- For the dashboard: loading story JSON once, replays cached ----

export interface VerifierOptions<S extends VerifiableStory = VerifiableStory> {
  stories: readonly S[];
  /**
   * The compiled JSON of a catalog version (one of `stories`); undefined (or a rejection) when it
   * cannot be had.
   */
  loadStory(story: S): Promise<string | undefined>;
}

/** What checking found for an attempt of a file it accepted. */
export type AcceptedCheck = Exclude<AttemptCheck, { kind: 'mismatch' }>;

/**
 * A file checked attempt by attempt: refused (`message` names the file, the attempt and the scenario)
 * or accepted with, by position in `file.attempts` (never by id: ids are the file's word),
 * whether each was verified (false: this game does not have its scenario or version; `checks` says
 * which).
 */
export type FileCheck =
  | { ok: true; verified: boolean[]; checks: AcceptedCheck[] }
  | { ok: false; message: string };

export interface Verifier {
  /** Checks every attempt in a file (in order; the first problem refuses the file). */
  checkFile(file: ResultsFile, fileName: string): Promise<FileCheck>;
  /**
   * Checks one attempt. Throws when the story JSON of its version cannot be loaded (nothing can be
   * said then: try again later).
   */
  check(attempt: ExportedAttempt): Promise<AttemptCheck>;
}

export class StoryUnavailableError extends Error {
  override name = 'StoryUnavailableError';
}

export function createVerifier<S extends VerifiableStory>(options: VerifierOptions<S>): Verifier {
  const json = new Map<string, Promise<string>>();
  const replays = new Map<string, Replayed>();

  const jsonFor = (story: S): Promise<string> => {
    const key = `${story.id}\u0000${story.hash}`;
    let pending = json.get(key);
    if (!pending) {
      pending = Promise.resolve()
        .then(() => options.loadStory(story))
        .then((text) => {
          if (text === undefined) throw new Error('it was not found');
          return text;
        })
        .catch((e: unknown) => {
          // Not cached: a network hiccup should not stick.
          json.delete(key);
          throw new StoryUnavailableError(
            `${story.metadata.title || story.id} could not be loaded to check it against (${e instanceof Error ? e.message : String(e)})`,
          );
        });
      json.set(key, pending);
    }
    return pending;
  };

  const check = async (attempt: ExportedAttempt): Promise<AttemptCheck> => {
    const found = versionOf(attempt, options.stories);
    if (!('story' in found)) return { kind: 'unverified', why: found.why };
    const { story } = found;
    const text = await jsonFor(story);
    // Only what changes the replay: the choices, and the facts ticked in notes and when.
    const key = JSON.stringify([
      story.id,
      story.hash,
      attempt.path,
      attempt.notes.map((n) => [n.step, n.facts]),
    ]);
    let replayed = replays.get(key);
    if (!replayed) {
      replayed = replayResult(text, story, attempt.path, attempt.notes);
      replays.set(key, replayed);
    }
    if (!replayed.ok) return { kind: 'mismatch', problem: replayed.problem };
    const problem = compareResults(attempt.result, replayed.result);
    return problem === undefined ? { kind: 'verified' } : { kind: 'mismatch', problem };
  };

  return {
    check,
    async checkFile(file, fileName) {
      const name = fileName.trim() || 'The file';
      const verified: boolean[] = [];
      const checks: AcceptedCheck[] = [];
      for (const [i, attempt] of file.attempts.entries()) {
        const title = scenarioTitle(attempt.storyId, options.stories);
        let found: AttemptCheck;
        try {
          found = await check(attempt);
        } catch (e) {
          return {
            ok: false,
            message: `${name} could not be checked: ${e instanceof Error ? e.message : String(e)}. Try importing it again.`,
          };
        }
        if (found.kind === 'mismatch') {
          return {
            ok: false,
            message: `${name} cannot be right: attempt ${i + 1} (${title}) ${found.problem}.`,
          };
        }
        verified.push(found.kind === 'verified');
        checks.push(found);
      }
      return { ok: true, verified, checks };
    },
  };
}
