/**
 * Checking an imported attempt against its own choices, on the real stories: a genuine attempt is
 * played with StoryRunner and exported, then forged in each way a trainee could try.
 */
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../src/authoring/catalog.ts';
import { makeDebrief } from '../../src/engine/debrief.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import {
  type ExportedAttempt,
  emptyCohort,
  mergeCohort,
  parseResultsFile,
  type ResultsFile,
  resultsJson,
} from '../../src/storage/exchange.ts';
import {
  assessmentStanding,
  axisDistributions,
  cohortTable,
  MISMATCH_NOTE,
  needsHelp,
  UNKNOWN_SCENARIO_NOTE,
  UNVERIFIED_NOTE,
} from '../../src/storage/insights.ts';
import { resultFromDebrief } from '../../src/storage/schema.ts';
import {
  compareResults,
  createVerifier,
  replayResult,
  type VerifiableStory,
  verifyAttempt,
  versionOf,
} from '../../src/storage/verify.ts';
import { load } from '../flow/driver.ts';

const aisle = load('stories/aisle.ink');
const plan = load('stories/plan-change.ink');
const STORIES = [aisle.entry, plan.entry];
const JSON_BY_URL = new Map([
  [aisle.entry.url, aisle.json],
  [plan.entry.url, plan.json],
]);

/** Plays `json` along `pick(choiceNumber, offered)` to the end, ticking every fact when notes are due. */
function play(entry: StoryEntry, json: string, pick: (n: number, offered: number) => number) {
  const runner = new StoryRunner(json);
  for (let n = 0; n < 200; n++) {
    for (let line = runner.next(); line; line = runner.next()) {
      if (line.marks.notes !== undefined) {
        runner.writeNotes(
          (runner.metadata.facts ?? []).map((f) => f.key),
          'checked the account',
        );
      }
    }
    const state = runner.state;
    if (state.kind === 'awaiting-choice') runner.choose(pick(n, state.choices.length));
    else break;
  }
  const state = runner.state;
  if (state.kind !== 'ended') throw new Error(`did not end: ${JSON.stringify(state)}`);
  const debrief = makeDebrief(
    runner.history,
    entry.bounds,
    { title: state.ending, resolved: state.resolved },
    runner.startMood,
    runner.desk,
  );
  return {
    path: [...runner.path],
    notes: runner.notesLog.map((n) => ({ ...n })),
    result: resultFromDebrief(debrief),
  };
}

let ids = 0;
/** A genuine exported attempt at `loaded`, choosing option `pick` (or the last offered) each time. */
function genuine(loaded: typeof aisle, pick = 0, over: Partial<ExportedAttempt> = {}): ExportedAttempt {
  const run = play(loaded.entry, loaded.json, (_, offered) => Math.min(pick, offered - 1));
  return {
    id: `a${++ids}`,
    storyId: loaded.entry.id,
    storyHash: loaded.entry.hash,
    mode: 'assessment',
    startedAt: '2025-03-14T09:00:00.000Z',
    finishedAt: '2025-03-14T09:20:00.000Z',
    path: run.path,
    notes: run.notes,
    result: run.result,
    ...over,
  };
}

const fileOf = (...attempts: ExportedAttempt[]): ResultsFile => ({
  format: 'beyond-the-script/results',
  version: 1,
  exportedAt: '2025-03-14T17:00:00.000Z',
  trainee: { id: 'p1', name: 'Mallory' },
  attempts,
});

function verifier(stories: readonly VerifiableStory[] = STORIES) {
  const loads: string[] = [];
  const v = createVerifier({
    stories,
    loadStory: async (s) => {
      loads.push(s.hash);
      return JSON_BY_URL.get((s as StoryEntry).url);
    },
  });
  return { v, loads };
}

describe('verifyAttempt (pure)', () => {
  it('accepts a genuine attempt on every path tried, desk notes included', () => {
    for (const pick of [0, 1, 2, 3]) {
      for (const loaded of [aisle, plan]) {
        const a = genuine(loaded, pick);
        expect(verifyAttempt(a, loaded.entry, loaded.json), `${loaded.entry.id} pick ${pick}`).toEqual({
          kind: 'verified',
        });
      }
    }
    // plan-change writes call notes on some paths: they replay too.
    expect([0, 1, 2, 3].some((p) => genuine(plan, p).notes.length > 0)).toBe(true);
  });

  it('refuses a forged ending, resolved flag, points or percents, saying what the choices give', () => {
    const a = genuine(aisle, 0);
    const real = a.result;
    const forged = (result: Partial<typeof real>) =>
      verifyAttempt({ ...a, result: { ...real, ...result } }, aisle.entry, aisle.json);
    expect(forged({ ending: 'Made up' })).toEqual({
      kind: 'mismatch',
      problem: `does not match its own choices: the file says 'Made up', replaying its choices ends at '${real.ending}'`,
    });
    expect(forged({ resolved: !real.resolved })).toEqual({
      kind: 'mismatch',
      problem: `does not match its own choices: the file says the problem was ${real.resolved ? 'not ' : ''}resolved, replaying its choices it was ${real.resolved ? '' : 'not '}resolved`,
    });
    expect(forged({ score: { ...real.score, own: real.score.own + 1 } })).toMatchObject({
      kind: 'mismatch',
      problem: expect.stringMatching(
        /^does not match its own choices: the file says .+ for ownership, replaying its choices gives /,
      ),
    });
    expect(forged({ percent: { ...real.percent, res: Math.min(100, real.percent.res + 30) } })).toEqual({
      kind: 'mismatch',
      problem: `does not match its own choices: the file says ${Math.round(Math.min(100, real.percent.res + 30))}% for resolution, replaying its choices gives ${real.percent.res}%`,
    });
    // Within a point is rounding, not a lie.
    const near = Math.max(0, real.percent.de - 1);
    expect(forged({ percent: { ...real.percent, de: near } })).toEqual({ kind: 'verified' });
    // The length of the call is checked too, within a second.
    expect(forged({ seconds: real.seconds + 5 })).toEqual({
      kind: 'mismatch',
      problem: `does not match its own choices: the file says the call lasted ${Math.round(real.seconds + 5)} seconds, replaying its choices it lasts ${Math.round(real.seconds)} seconds`,
    });
    expect(forged({ seconds: real.seconds + 0.9 })).toEqual({ kind: 'verified' });
  });

  it('refuses good scores on choices that do not make them, and choices the story never offered', () => {
    const poor = genuine(aisle, 2);
    const good = genuine(aisle, 0);
    expect(good.result.ending).not.toBe(poor.result.ending);
    // The good result pasted onto the poor run's choices.
    expect(verifyAttempt({ ...poor, result: good.result }, aisle.entry, aisle.json)).toMatchObject({
      kind: 'mismatch',
      problem: expect.stringContaining(
        `the file says '${good.result.ending}', replaying its choices ends at '${poor.result.ending}'`,
      ),
    });
    expect(verifyAttempt({ ...good, path: [0, 9] }, aisle.entry, aisle.json)).toMatchObject({
      kind: 'mismatch',
      problem: expect.stringMatching(
        /^does not match its own choices: choice 2 is option 10, but only \d were offered$/,
      ),
    });
    expect(verifyAttempt({ ...good, path: good.path.slice(0, 2) }, aisle.entry, aisle.json)).toEqual({
      kind: 'mismatch',
      problem: 'does not match its own choices: after its 2 choices the call is not over',
    });
    expect(verifyAttempt({ ...good, path: [...good.path, 0] }, aisle.entry, aisle.json)).toMatchObject({
      kind: 'mismatch',
      problem: expect.stringMatching(
        /^does not match its own choices: the call is over after \d+ choices, but the file has \d+$/,
      ),
    });
  });

  it('a version or scenario it is not given is unverified, not judged', () => {
    const a = genuine(aisle, 0);
    expect(verifyAttempt({ ...a, storyHash: 'older' }, aisle.entry, aisle.json)).toEqual({
      kind: 'unverified',
      why: 'unknown-version',
    });
    expect(versionOf({ storyId: 'aisle', storyHash: 'older' }, STORIES)).toEqual({ why: 'unknown-version' });
    expect(versionOf({ storyId: 'gone', storyHash: 'x' }, STORIES)).toEqual({ why: 'unknown-scenario' });
    expect(versionOf(a, STORIES)).toEqual({ story: aisle.entry });
  });

  it('replayResult and compareResults are what the game stores', () => {
    const a = genuine(plan, 1);
    const replayed = replayResult(plan.json, plan.entry, a.path, a.notes);
    expect(replayed).toEqual({ ok: true, result: a.result });
    expect(compareResults(a.result, a.result)).toBeUndefined();
  });
});

const top = { de: 100, own: 100, res: 100 };

describe('createVerifier: a file at a time', () => {
  const title = aisle.entry.metadata.title;

  it('accepts genuine files, marking attempts on versions it does not have as unverified', async () => {
    const { v, loads } = verifier();
    const a = genuine(aisle, 0);
    const b = genuine(plan, 1);
    const older = genuine(aisle, 1, { storyHash: 'an-older-version' });
    const gone = genuine(aisle, 1, { storyId: 'retired', storyHash: 'x' });
    const checked = await v.checkFile(fileOf(a, b, older, gone), 'mallory.json');
    expect(checked).toEqual({
      ok: true,
      verified: [true, true, false, false],
      checks: [
        { kind: 'verified' },
        { kind: 'verified' },
        { kind: 'unverified', why: 'unknown-version' },
        { kind: 'unverified', why: 'unknown-scenario' },
      ],
    });
    // Each version's JSON is loaded once, however many attempts and files use it.
    await v.checkFile(fileOf(genuine(aisle, 2)), 'again.json');
    expect(loads.sort()).toEqual([aisle.entry.hash, plan.entry.hash].sort());
  });

  it('refuses a forged file, naming the file, the attempt and the scenario', async () => {
    const { v } = verifier();
    const honest = genuine(aisle, 0);
    const lie = genuine(aisle, 2);
    lie.result = { ...lie.result, ending: 'Made up' };
    const checked = await v.checkFile(fileOf(honest, lie), 'mallory.json');
    expect(checked).toEqual({
      ok: false,
      message: `mallory.json cannot be right: attempt 2 (${title}) does not match its own choices: the file says 'Made up', replaying its choices ends at '${genuine(aisle, 2).result.ending}'.`,
    });
  });

  it('points outside the version’s bounds are refused before any replay (parseResultsFile)', () => {
    const a = genuine(aisle, 0);
    const best = aisle.entry.bounds.best.own;
    const inflated = {
      ...a,
      result: {
        ...a.result,
        score: { ...a.result.score, own: best + 5 },
        percent: { ...a.result.percent, own: 100 },
      },
    };
    const r = parseResultsFile(resultsJson(fileOf(inflated)), 'mallory.json', {
      stories: STORIES,
      now: new Date('2025-03-15T00:00:00.000Z'),
    });
    expect(r).toEqual({
      ok: false,
      message: `mallory.json cannot be right: attempt 1 (${title}) says ${best + 5} ownership points, but this version of the scenario allows −${-aisle.entry.bounds.worst.own} to ${best}.`,
    });
  });

  it('says so when the story cannot be loaded, and tries again next time', async () => {
    let fail = true;
    const v = createVerifier({
      stories: STORIES,
      loadStory: async () => {
        if (fail) throw new Error('offline');
        return aisle.json;
      },
    });
    const a = genuine(aisle, 0);
    expect(await v.checkFile(fileOf(a), 'm.json')).toEqual({
      ok: false,
      message: `m.json could not be checked: ${title} could not be loaded to check it against (offline). Try importing it again.`,
    });
    fail = false;
    expect(await v.checkFile(fileOf(a), 'm.json')).toEqual({
      ok: true,
      verified: [true],
      checks: [{ kind: 'verified' }],
    });
  });

  it('checks 200 files of distinct runs in reasonable time (every check a real replay)', async () => {
    const { v } = verifier();
    // 400 different paths through the aisle (it has 784), so no check is answered from the cache.
    const runs: ExportedAttempt[] = [];
    const seen = new Set<string>();
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const base = genuine(aisle, 0);
    while (runs.length < 400) {
      const run = play(aisle.entry, aisle.json, (_, offered) => Math.floor(random() * offered));
      const key = run.path.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      runs.push({ ...base, id: `d${runs.length}`, ...run });
    }
    const start = performance.now();
    for (let i = 0; i < 200; i++) {
      const file = fileOf(runs[2 * i]!, runs[2 * i + 1]!);
      const checked = await v.checkFile(file, `t${i}.json`);
      expect(checked).toMatchObject({ ok: true, verified: [true, true] });
    }
    // Generous: a slow machine, not a pathological check, should pass.
    expect(performance.now() - start).toBeLessThan(30_000);
  });

  it('a path far longer than the call, or wrong early, is refused at once (one replay, not one per prefix)', () => {
    const good = genuine(aisle, 0);
    const start = performance.now();
    const tooLong = verifyAttempt(
      { ...good, path: [...good.path, ...new Array(9_990).fill(0)] },
      aisle.entry,
      aisle.json,
    );
    expect(tooLong).toEqual({
      kind: 'mismatch',
      problem: `does not match its own choices: the call is over after ${good.path.length} choices, but the file has ${good.path.length + 9_990}`,
    });
    const wrongEarly = verifyAttempt(
      { ...good, path: [0, 9, ...new Array(9_998).fill(0)] },
      aisle.entry,
      aisle.json,
    );
    expect(wrongEarly).toMatchObject({
      kind: 'mismatch',
      problem: expect.stringMatching(
        /^does not match its own choices: choice 2 is option 10, but only \d were offered$/,
      ),
    });
    const huge = verifyAttempt({ ...good, path: [2 ** 52] }, aisle.entry, aisle.json);
    expect(huge).toMatchObject({
      kind: 'mismatch',
      problem: expect.stringMatching(
        /^does not match its own choices: choice 1 is option a number far outside what this scenario allows, but only \d were offered$/,
      ),
    });
    // Replaying every prefix took minutes; one replay takes milliseconds.
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('refuses a file whose attempt ids repeat (a forged run beside a genuine one under one id)', async () => {
    const real = genuine(aisle, 2);
    const forged: ExportedAttempt = {
      ...genuine(aisle, 0),
      id: real.id,
      storyHash: 'no-such-version',
      result: { ...genuine(aisle, 0).result, percent: top },
    };
    const file = fileOf(forged, real);
    const parsed = parseResultsFile(resultsJson(file), 'mallory.json', {
      stories: STORIES,
      now: new Date('2025-03-15T00:00:00.000Z'),
    });
    expect(parsed).toEqual({
      ok: false,
      message: `mallory.json cannot be right: attempts 1 and 2 have the same id (${JSON.stringify(real.id)}), and each attempt has its own. It was not imported.`,
    });
    // And verdicts go by position, never by id: the forged one stays unverified whatever its id.
    const { v } = verifier();
    const checked = await v.checkFile(file, 'mallory.json');
    expect(checked).toMatchObject({ ok: true, verified: [false, true] });
    if (!checked.ok) return;
    const merged = mergeCohort(emptyCohort(), file, checked.verified);
    expect(merged.cohort.trainees[0]!.attempts.map((a) => a.verified)).toEqual([false]);
    expect(assessmentStanding(merged.cohort.trainees[0]!.attempts, { de: 60, own: 60, res: 60 })).toBe(
      'not-taken',
    );
  });
});

describe('unverified attempts never count as passed', () => {
  const marks = { de: 60, own: 60, res: 60 };

  it('assessmentStanding ignores verified: false, and counts verified or unmarked attempts', () => {
    expect(
      assessmentStanding([{ mode: 'assessment', result: { percent: top }, verified: false }], marks),
    ).toBe('not-taken');
    expect(
      assessmentStanding(
        [
          { mode: 'assessment', result: { percent: top }, verified: false },
          { mode: 'assessment', result: { percent: { de: 10, own: 10, res: 10 } }, verified: true },
        ],
        marks,
      ),
    ).toBe('not-yet');
    expect(
      assessmentStanding([{ mode: 'assessment', result: { percent: top }, verified: true }], marks),
    ).toBe('passed');
    expect(assessmentStanding([{ mode: 'assessment', result: { percent: top } }], marks)).toBe('passed');
  });

  it('the cohort keeps what checking found, shows it, and leaves unverified rows out of the charts and help', async () => {
    const { v } = verifier();
    const real = genuine(aisle, 2); // a poor run: below the pass marks
    const older = genuine(aisle, 0, {
      storyHash: 'an-older-version',
      result: { ...genuine(aisle, 0).result, percent: top },
    });
    const planOld = genuine(plan, 0, {
      storyHash: 'old-plan',
      result: { ...genuine(plan, 0).result, percent: top },
    });
    const file = fileOf(real, older, planOld);
    const checked = await v.checkFile(file, 'm.json');
    if (!checked.ok) throw new Error(checked.message);
    const merged = mergeCohort(emptyCohort(), file, checked.verified);
    expect(merged.cohort.trainees[0]!.attempts.map((a) => [a.id, a.verified])).toEqual([
      [real.id, true],
      [older.id, false],
      [planOld.id, false],
    ]);
    const rows = cohortTable(merged.cohort, STORIES);
    const aisleRow = rows.find((r) => r.storyId === 'aisle')!;
    const planRow = rows.find((r) => r.storyId === 'plan-change')!;
    // The 100% unverified attempt neither passes nor shows as the best.
    expect(aisleRow).toMatchObject({
      assessment: 'not-yet',
      unverified: 1,
      verified: true,
      unverifiedNote: UNVERIFIED_NOTE,
      best: real.result.percent,
    });
    expect(planRow).toMatchObject({ assessment: 'not-taken', unverified: 1, verified: false });
    // A scenario this game does not have at all is told apart from a version it does not have.
    const retired = mergeCohort(emptyCohort(), fileOf(genuine(aisle, 1, { storyId: 'retired' })), [false]);
    expect(cohortTable(retired.cohort, STORIES)[0]!.unverifiedNote).toBe(UNKNOWN_SCENARIO_NOTE);
    expect(axisDistributions(rows)[0]!.total).toBe(1);
    expect(
      needsHelp(rows).flatMap((e) => e.axes.flatMap((a) => a.scenarios.map((s) => s.storyId))),
    ).not.toContain('plan-change');
    // An attempt on this game's version marked unverified can only be one that failed its check.
    const stale = mergeCohort(emptyCohort(), fileOf(genuine(aisle, 0)), [false]);
    expect(cohortTable(stale.cohort, STORIES)[0]!.unverifiedNote).toBe(MISMATCH_NOTE);
  });

  it('a flag in the file is never taken: only what checking found', () => {
    const a = { ...genuine(aisle, 0), verified: true } as ExportedAttempt;
    const parsed = parseResultsFile(resultsJson(fileOf(a)), 'm.json', {
      now: new Date('2025-03-15T00:00:00Z'),
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expect('verified' in parsed.data.attempts[0]!).toBe(false);
    const merged = mergeCohort(emptyCohort(), { ...fileOf(a) }, [false]);
    expect(merged.cohort.trainees[0]!.attempts[0]!.verified).toBe(false);
    // Loaded unverified, then the same attempt verified (the game now has its version): upgraded.
    const again = mergeCohort(merged.cohort, fileOf(genuine(aisle, 0, { id: a.id })), [true]);
    expect(again).toMatchObject({ duplicates: 1, conflicts: 0 });
    expect(again.cohort.trainees[0]!.attempts[0]!.verified).toBe(true);
  });
});
