/**
 * Checking an imported attempt against its own choices. A results file carries the choices made
 * (`path`) and the call notes written (`notes`); with the compiled story of the version it was played
 * on, `StoryRunner.replay` plays the call again, and the debrief of that replay is what the attempt
 * must say: the same ending, resolved or not, the same points and (within a point) the same percents.
 * A file whose scores do not come from its choices is refused.
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
import type { ExportedAttempt, ResultsFile } from './exchange.ts';
import type { AttemptResult } from './fields.ts';
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
 * (`makeDebrief`, `resultFromDebrief`).
 */
export function replayResult(
  json: string,
  story: Pick<StoryEntry, 'bounds'>,
  path: readonly number[],
  notes: ExportedAttempt['notes'],
): Replayed {
  let runner: StoryRunner | undefined;
  try {
    runner = StoryRunner.replay(json, path, notes);
  } catch (e) {
    return { ok: false, problem: `cannot be replayed: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!runner) {
    // Find the first choice that was not on offer, for the message.
    return { ok: false, problem: `does not match its own choices: ${firstBadChoice(json, path, notes)}` };
  }
  runner.readToChoice();
  const state = runner.state;
  if (state.kind === 'failed') {
    return { ok: false, problem: `cannot be replayed: the scenario stops with an error (${state.error})` };
  }
  if (state.kind !== 'ended') {
    return {
      ok: false,
      problem: `does not match its own choices: after its ${path.length} ${path.length === 1 ? 'choice' : 'choices'} the call is not over`,
    };
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

function firstBadChoice(json: string, path: readonly number[], notes: ExportedAttempt['notes']): string {
  for (let n = path.length - 1; n >= 0; n--) {
    const runner = StoryRunner.replay(json, path.slice(0, n), notes);
    if (!runner) continue;
    runner.readToChoice();
    const state = runner.state;
    const offered = state.kind === 'awaiting-choice' ? state.choices.length : 0;
    return offered === 0
      ? `the call is over after ${n} ${n === 1 ? 'choice' : 'choices'}, but the file has ${path.length}`
      : `choice ${n + 1} is option ${path[n]! + 1}, but only ${offered} ${offered === 1 ? 'was' : 'were'} offered`;
  }
  return 'its choices do not fit this version of the scenario';
}

const quoted = (s: string) => `'${s}'`;
const points = (n: number) => `${n < 0 ? `−${-n}` : n} ${Math.abs(n) === 1 ? 'point' : 'points'}`;

/**
 * How `said` (what a file says) differs from `replayed` (what its choices make), or undefined when it
 * does not: ending, resolved, points per axis, and percents within a point.
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

/**
 * A file checked attempt by attempt: refused (`message` names the file, the attempt and the scenario)
 * or accepted with, per attempt id, whether it was verified (false: this game does not have its
 * version).
 */
export type FileCheck = { ok: true; verified: Map<string, boolean> } | { ok: false; message: string };

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
      const verified = new Map<string, boolean>();
      for (const [i, attempt] of file.attempts.entries()) {
        const title =
          options.stories.find((s) => s.id === attempt.storyId)?.metadata.title || attempt.storyId;
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
        verified.set(attempt.id, found.kind === 'verified');
      }
      return { ok: true, verified };
    },
  };
}
