import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../src/authoring/catalog.ts';
import type { PassMarks } from '../../src/engine/tags.ts';
import {
  type Cohort,
  type ExportedAttempt,
  emptyCohort,
  exportAttempt,
  mergeCohort,
  type ResultsFile,
} from '../../src/storage/exchange.ts';
import {
  assessmentLabel,
  assessmentStanding,
  attemptsLabel,
  axisDistributions,
  CHART_LATEST,
  COHORT_CSV_HEADER,
  type CohortRow,
  chartWindow,
  cohortTable,
  cohortTableCsv,
  countRuns,
  DEFAULT_PASS_MARK,
  finishedText,
  meetsMarks,
  needsHelp,
  passMarksFor,
  REPLAY_RULE,
  SUGGESTION_RULE,
  scenarioLabel,
  traineeHistory,
  traineeLabels,
} from '../../src/storage/insights.ts';
import type { Attempt } from '../../src/storage/schema.ts';

function story(
  id: string,
  title: string,
  pass?: PassMarks,
  difficulty: 'beginner' | 'intermediate' | 'advanced' = 'beginner',
): StoryEntry {
  return {
    id,
    file: `stories/${id}.ink`,
    hash: `hash-${id}`,
    metadata: {
      title,
      summary: 'A scenario.',
      setting: 'aisle',
      difficulty,
      minutes: 5,
      cast: [],
      ...(pass ? { pass } : {}),
    },
    bounds: {},
    endings: [],
    url: `${id}.json`,
    source: `${id}.ink`,
  } as unknown as StoryEntry;
}

const AISLE = story('aisle', 'The wrong aisle', { de: 70, own: 50, res: 60 });
const PHONE = story('phone', 'The plan change');
const RETURNS = story('returns', 'The late return');
const CATALOG = [AISLE, PHONE, RETURNS];

type P = { de: number; own: number; res: number };
let seq = 0;
function attempt(storyId: string, minute: number, percent: P, over: Partial<Attempt> = {}): Attempt {
  const at = new Date(Date.UTC(2025, 2, 14, 9, minute)).toISOString();
  return {
    schemaVersion: 2,
    id: `a${++seq}`,
    profileId: 'p1',
    storyId,
    storyHash: 'h',
    mode: 'practice',
    startedAt: at,
    updatedAt: at,
    status: 'finished',
    path: [],
    linesAfterLastChoice: 0,
    notes: [],
    result: { ending: 'End', resolved: true, score: { de: 0, own: 0, res: 0 }, percent, seconds: 60 },
    ...over,
  };
}

describe('traineeHistory', () => {
  it('shows replays from a decision, but leaves them out of bests and the recent trend', () => {
    const whole = attempt('aisle', 1, { de: 40, own: 40, res: 40 });
    const replay = attempt(
      'aisle',
      2,
      { de: 100, own: 100, res: 100 },
      { replayOf: { attemptId: whole.id, step: 3 } },
    );
    const h = traineeHistory([whole, replay], CATALOG);
    const aisle = h.scenarios.find((s) => s.storyId === 'aisle');
    expect(aisle?.points.map((p) => p.replayFrom)).toEqual([undefined, 3]);
    expect(aisle?.best).toEqual({ de: 40, own: 40, res: 40 });
    expect(aisle?.recent).toEqual({ de: 40, own: 40, res: 40 });
  });

  it('has nothing to say when nothing is finished', () => {
    const h = traineeHistory(
      [
        attempt('aisle', 1, { de: 10, own: 10, res: 10 }, { status: 'in-progress', result: undefined }),
        attempt('aisle', 2, { de: 10, own: 10, res: 10 }, { status: 'abandoned', result: undefined }),
      ],
      CATALOG,
    );
    expect(h).toEqual({
      finished: 0,
      counts: { attempts: 0, replays: 0 },
      scenarios: [],
      weakest: null,
      suggestion: null,
    });
    expect(traineeHistory([], CATALOG).scenarios).toEqual([]);
  });

  it('groups finished attempts per scenario, oldest first, with the finish time and mode', () => {
    const late = attempt('aisle', 30, { de: 50, own: 60, res: 70 }, { mode: 'assessment' });
    late.result!.passed = false;
    const early = attempt('aisle', 5, { de: 20, own: 90, res: 40 });
    const phone = attempt('phone', 10, { de: 80, own: 80, res: 80 });
    const unfinished = attempt('aisle', 40, { de: 1, own: 1, res: 1 }, { status: 'in-progress' });
    const h = traineeHistory([late, phone, unfinished, early], CATALOG);
    expect(h.finished).toBe(3);
    expect(h.scenarios.map((s) => s.storyId)).toEqual(['aisle', 'phone']);
    const aisle = h.scenarios[0]!;
    expect(aisle.title).toBe('The wrong aisle');
    expect(aisle.inCatalog).toBe(true);
    expect(aisle.pass).toEqual({ de: 70, own: 50, res: 60 });
    expect(aisle.points).toEqual([
      {
        attemptId: early.id,
        at: early.updatedAt,
        mode: 'practice',
        percent: { de: 20, own: 90, res: 40 },
        points: { de: 0, own: 0, res: 0 },
      },
      {
        attemptId: late.id,
        at: late.updatedAt,
        mode: 'assessment',
        percent: { de: 50, own: 60, res: 70 },
        points: { de: 0, own: 0, res: 0 },
        passed: false,
      },
    ]);
    expect(aisle.latest.attemptId).toBe(late.id);
    expect(h.scenarios[1]!.pass).toBeUndefined();
  });

  it('orders by finish time (updatedAt), not start time', () => {
    const a = attempt('aisle', 1, { de: 1, own: 1, res: 1 }, { updatedAt: '2025-03-14T12:00:00.000Z' });
    const b = attempt('aisle', 2, { de: 2, own: 2, res: 2 }, { updatedAt: '2025-03-14T10:00:00.000Z' });
    const h = traineeHistory([a, b], CATALOG);
    expect(h.scenarios[0]!.points.map((p) => p.attemptId)).toEqual([b.id, a.id]);
    expect(h.scenarios[0]!.latest.at).toBe('2025-03-14T12:00:00.000Z');
  });

  it('keeps personal bests per axis across practice and assessment, from different attempts', () => {
    const h = traineeHistory(
      [
        attempt('aisle', 1, { de: 90, own: 10, res: 30 }),
        attempt('aisle', 2, { de: 20, own: 75, res: 35 }, { mode: 'assessment' }),
        attempt('aisle', 3, { de: 40, own: 40, res: 32.5 }),
      ],
      CATALOG,
    );
    expect(h.scenarios[0]!.best).toEqual({ de: 90, own: 75, res: 35 });
  });

  it('keeps attempts at scenarios no longer in the catalog, titled by id, after the catalog ones', () => {
    const h = traineeHistory(
      [attempt('zzz-old', 1, { de: 5, own: 5, res: 5 }), attempt('phone', 2, { de: 50, own: 50, res: 50 })],
      CATALOG,
    );
    expect(h.scenarios.map((s) => [s.storyId, s.title, s.inCatalog])).toEqual([
      ['phone', 'The plan change', true],
      ['zzz-old', 'zzz-old', false],
    ]);
  });

  it('finds the weakest area from the mean over scenarios of the last three attempts', () => {
    // aisle: old attempts have terrible resolution, but the last three are good at it.
    // aisle recent = mean of last 3: de 50, own 60, res 80. phone: de 40, own 70, res 90.
    const h = traineeHistory(
      [
        attempt('aisle', 1, { de: 90, own: 90, res: 0 }),
        attempt('aisle', 2, { de: 40, own: 60, res: 70 }),
        attempt('aisle', 3, { de: 50, own: 60, res: 80 }),
        attempt('aisle', 4, { de: 60, own: 60, res: 90 }),
        attempt('phone', 5, { de: 40, own: 70, res: 90 }),
      ],
      CATALOG,
    );
    expect(h.scenarios[0]!.recent).toEqual({ de: 50, own: 60, res: 80 });
    expect(h.weakest).toEqual({ axis: 'de', name: 'De-escalation', average: 45, points: 0 });
  });

  it('weights scenarios equally, however often each was played', () => {
    const h = traineeHistory(
      [
        attempt('aisle', 1, { de: 80, own: 50, res: 80 }),
        attempt('aisle', 2, { de: 80, own: 50, res: 80 }),
        attempt('aisle', 3, { de: 80, own: 50, res: 80 }),
        attempt('phone', 4, { de: 20, own: 90, res: 80 }),
      ],
      CATALOG,
    );
    // de: (80 + 20) / 2 = 50; own: (50 + 90) / 2 = 70.
    expect(h.weakest?.axis).toBe('de');
    expect(h.weakest?.average).toBe(50);
  });

  it('breaks a tie for weakest in axis order', () => {
    const tie = traineeHistory([attempt('aisle', 1, { de: 70, own: 40, res: 40 })], CATALOG);
    expect(tie.weakest?.axis).toBe('own');
    const all = traineeHistory([attempt('aisle', 1, { de: 100, own: 100, res: 100 })], CATALOG);
    expect(all.weakest?.axis).toBe('de');
  });

  it('suggests a played scenario below its pass mark on the weakest axis before an unplayed one', () => {
    // aisle: de 10 is below its de mark of 70; phone and returns are not played.
    const h = traineeHistory([attempt('aisle', 1, { de: 10, own: 50, res: 50 })], CATALOG);
    expect(h.suggestion).toMatchObject({
      storyId: 'aisle',
      title: 'The wrong aisle',
      axis: 'de',
      best: 10,
      mark: 70,
      why: 'below-mark',
    });
    expect(h.suggestion?.reason).toBe(
      'De-escalation is your weakest area; your best de-escalation score on “The wrong aisle” is 10%, below its pass mark of 70%.',
    );
  });

  it('uses the default mark as the bar where a scenario declares none', () => {
    // phone declares no marks: de 59 is below the 60% to aim for.
    const h = traineeHistory([attempt('phone', 1, { de: 59, own: 80, res: 80 })], CATALOG);
    expect(h.suggestion).toMatchObject({
      storyId: 'phone',
      best: 59,
      mark: DEFAULT_PASS_MARK,
      why: 'below-mark',
    });
    expect(h.suggestion?.reason).toBe(
      'De-escalation is your weakest area; your best de-escalation score on “The plan change” is 59%, below the 60% to aim for (it sets no pass marks).',
    );
  });

  it('suggests an unplayed scenario when every played one is at its mark, the easiest first', () => {
    const catalog = [
      story('hard', 'Hard', undefined, 'advanced'),
      AISLE,
      story('mid', 'Middling', undefined, 'intermediate'),
      story('easy', 'Easy', undefined, 'beginner'),
    ];
    // aisle is played and at its marks (de 70 ≥ 70): the unplayed beginner scenario comes next, even
    // though an advanced one comes first in the catalog.
    const h = traineeHistory([attempt('aisle', 1, { de: 70, own: 90, res: 90 })], catalog);
    expect(h.suggestion).toMatchObject({ storyId: 'easy', best: null, why: 'unplayed' });
    expect(h.suggestion?.reason).toBe(
      'De-escalation is your weakest area, and you have not tried “Easy” yet: it is a good next call to practise it on.',
    );
    // Equal difficulty: catalog order.
    const tie = traineeHistory(
      [attempt('aisle', 1, { de: 70, own: 90, res: 90 })],
      [AISLE, story('b', 'B', undefined, 'intermediate'), story('a', 'A', undefined, 'intermediate')],
    );
    expect(tie.suggestion?.storyId).toBe('b');
  });

  it('suggests the played scenario with the lowest best on the weakest axis when all are played', () => {
    const h = traineeHistory(
      [
        attempt('aisle', 1, { de: 30, own: 90, res: 90 }),
        attempt('aisle', 2, { de: 65, own: 90, res: 90 }),
        attempt('phone', 3, { de: 45, own: 90, res: 90 }),
        attempt('returns', 4, { de: 55, own: 90, res: 90 }),
      ],
      CATALOG,
    );
    // The weakest by recent average is de; bests: aisle 65 (mark 70), phone 45, returns 55 (mark 60).
    expect(h.weakest?.axis).toBe('de');
    expect(h.suggestion).toMatchObject({ storyId: 'phone', best: 45, why: 'below-mark' });
  });

  it('falls back to the lowest best when every scenario is played and at its mark', () => {
    const h = traineeHistory(
      [
        attempt('aisle', 1, { de: 95, own: 90, res: 90 }),
        attempt('phone', 2, { de: 80, own: 90, res: 90 }),
        attempt('returns', 3, { de: 85, own: 90, res: 90 }),
      ],
      CATALOG,
    );
    expect(h.suggestion).toMatchObject({ storyId: 'phone', best: 80, why: 'lowest' });
    expect(h.suggestion?.reason).toBe(
      'De-escalation is your weakest area, and “The plan change” is where your best de-escalation score is lowest (80%).',
    );
  });

  it('breaks a tie between suggestions in catalog order, and never suggests a scenario outside it', () => {
    const h = traineeHistory(
      [
        attempt('old', 1, { de: 0, own: 0, res: 0 }),
        attempt('returns', 2, { de: 50, own: 90, res: 90 }),
        attempt('phone', 3, { de: 50, own: 90, res: 90 }),
        attempt('aisle', 4, { de: 60, own: 90, res: 90 }),
      ],
      CATALOG,
    );
    expect(h.suggestion?.storyId).toBe('phone');
  });

  it('words the reason for a one-scenario catalog, and has no suggestion with an empty catalog', () => {
    const one = traineeHistory([attempt('aisle', 1, { de: 80, own: 42.4, res: 80 })], [AISLE]);
    expect(one.suggestion?.reason).toBe(
      'Ownership is your weakest area; your best ownership score on “The wrong aisle” is 42%, below its pass mark of 50%.',
    );
    const at = traineeHistory([attempt('aisle', 1, { de: 80, own: 52, res: 80 })], [AISLE]);
    expect(at.suggestion?.reason).toBe(
      'Ownership is your weakest area; your best ownership score on “The wrong aisle” is 52%.',
    );
    const none = traineeHistory([attempt('aisle', 1, { de: 80, own: 40, res: 80 })], []);
    expect(none.weakest?.axis).toBe('own');
    expect(none.suggestion).toBeNull();
    expect(none.scenarios[0]!.title).toBe('aisle');
  });

  it('states the rule in one sentence', () => {
    expect(SUGGESTION_RULE).toBe(
      'We suggest a scenario you have played where your best score in your weakest area is below its pass mark (60% where it sets none), lowest first; then one you have not tried, easiest first; otherwise the one where that best is lowest.',
    );
  });

  it('judges each assessment point from its percents, not from the flag it recorded', () => {
    const flagged = attempt('aisle', 1, { de: 90, own: 90, res: 90 }, { mode: 'assessment' });
    flagged.result!.passed = false;
    const claimed = attempt('aisle', 2, { de: 10, own: 10, res: 10 }, { mode: 'assessment' });
    claimed.result!.passed = true;
    const unmarked = attempt('phone', 3, { de: 90, own: 90, res: 90 }, { mode: 'assessment' });
    unmarked.result!.passed = true;
    const h = traineeHistory([flagged, claimed, unmarked], CATALOG);
    expect(h.scenarios[0]!.points.map((p) => p.passed)).toEqual([true, false]);
    expect(h.scenarios[1]!.points[0]!.passed).toBeUndefined();
  });
});

// ---- Passed ----

describe('assessmentStanding', () => {
  const marks = { de: 70, own: 50, res: 60 };
  const at = (mode: 'practice' | 'assessment', percent: P, status?: string) => ({
    mode,
    ...(status === undefined ? {} : { status }),
    result: { percent },
  });

  it('is no-marks without declared marks, whatever the attempts (no default mark)', () => {
    expect(assessmentStanding([], undefined)).toBe('no-marks');
    expect(assessmentStanding([at('assessment', { de: 100, own: 100, res: 100 })], undefined)).toBe(
      'no-marks',
    );
    expect(assessmentStanding([at('assessment', { de: 0, own: 0, res: 0 })], undefined)).toBe('no-marks');
  });

  it('is not-taken with no finished assessment: practice and unfinished attempts do not count', () => {
    expect(assessmentStanding([], marks)).toBe('not-taken');
    expect(
      assessmentStanding(
        [
          at('practice', { de: 100, own: 100, res: 100 }),
          at('assessment', { de: 100, own: 100, res: 100 }, 'in-progress'),
          at('assessment', { de: 100, own: 100, res: 100 }, 'abandoned'),
          { mode: 'assessment' as const, status: 'finished' },
        ],
        marks,
      ),
    ).toBe('not-taken');
  });

  it('is passed when one assessment met every mark, and stays passed after a later miss', () => {
    expect(assessmentStanding([at('assessment', { de: 70, own: 50, res: 60 }, 'finished')], marks)).toBe(
      'passed',
    );
    expect(
      assessmentStanding(
        [
          at('assessment', { de: 60, own: 90, res: 90 }),
          at('assessment', { de: 80, own: 60, res: 60 }),
          at('assessment', { de: 10, own: 10, res: 10 }),
        ],
        marks,
      ),
    ).toBe('passed');
  });

  it('is not-yet when assessed but no attempt met every mark at once', () => {
    // Each axis was met by some attempt, but never all in the same one.
    expect(
      assessmentStanding(
        [at('assessment', { de: 90, own: 40, res: 90 }), at('assessment', { de: 60, own: 90, res: 90 })],
        marks,
      ),
    ).toBe('not-yet');
  });

  it('ignores a passed flag an attempt recorded', () => {
    const liar = {
      mode: 'assessment' as const,
      result: { percent: { de: 1, own: 1, res: 1 }, passed: true },
    };
    expect(assessmentStanding([liar], marks)).toBe('not-yet');
    const modest = {
      mode: 'assessment' as const,
      result: { percent: { de: 99, own: 99, res: 99 }, passed: false },
    };
    expect(assessmentStanding([modest], marks)).toBe('passed');
  });

  it('has words for every standing', () => {
    expect(assessmentLabel('passed')).toBe('passed');
    expect(assessmentLabel('not-yet')).toBe('not yet');
    expect(assessmentLabel('not-taken')).toBe('');
    expect(assessmentLabel('no-marks')).toBe('No pass marks');
  });
});

// ---- Cohort ----

function exported(storyId: string, minute: number, percent: P, over: Partial<ExportedAttempt> = {}) {
  const at = new Date(Date.UTC(2025, 2, 14, 9, minute)).toISOString();
  const a: ExportedAttempt = {
    id: `x${++seq}`,
    storyId,
    storyHash: 'h',
    mode: 'practice',
    startedAt: at,
    finishedAt: at,
    path: [],
    notes: [],
    result: { ending: 'End', resolved: true, score: { de: 0, own: 0, res: 0 }, percent, seconds: 60 },
    ...over,
  };
  return a;
}

function file(id: string, name: string, attempts: ExportedAttempt[]): ResultsFile {
  return {
    format: 'beyond-the-script/results',
    version: 1,
    exportedAt: '2025-03-15T00:00:00.000Z',
    trainee: { id, name },
    attempts,
  };
}

function cohortOf(...files: ResultsFile[]): Cohort {
  return files.reduce((c, f) => mergeCohort(c, f).cohort, emptyCohort());
}

describe('passMarksFor and meetsMarks', () => {
  it('uses the declared marks, or the default on every axis', () => {
    expect(passMarksFor(AISLE)).toEqual({ marks: { de: 70, own: 50, res: 60 }, declared: true });
    expect(passMarksFor(PHONE)).toEqual({ marks: { de: 60, own: 60, res: 60 }, declared: false });
    expect(passMarksFor(undefined).declared).toBe(false);
    expect(DEFAULT_PASS_MARK).toBe(60);
  });
  it('needs every axis at or above its mark', () => {
    expect(meetsMarks({ de: 70, own: 50, res: 60 }, { de: 70, own: 50, res: 60 })).toBe(true);
    expect(meetsMarks({ de: 70, own: 49.9, res: 100 }, { de: 70, own: 50, res: 60 })).toBe(false);
  });
});

describe('cohortTable', () => {
  it('is empty for an empty cohort, and for trainees without attempts', () => {
    expect(cohortTable(emptyCohort(), CATALOG)).toEqual([]);
    expect(cohortTable(cohortOf(file('t1', 'Ann', [])), CATALOG)).toEqual([]);
  });

  it('has a row per trainee and scenario with best, latest, attempts and assessment status', () => {
    const cohort = cohortOf(
      file('t2', 'zoë', [
        exported('phone', 1, { de: 80, own: 20, res: 50 }),
        exported('aisle', 2, { de: 10, own: 10, res: 10 }, { mode: 'assessment' }),
      ]),
      file('t1', 'Ann', [
        exported('aisle', 1, { de: 90, own: 30, res: 55 }, { mode: 'assessment' }),
        exported('aisle', 5, { de: 40, own: 60, res: 65 }),
        exported('aisle', 3, { de: 50, own: 70, res: 60 }, { mode: 'assessment' }),
      ]),
    );
    const rows = cohortTable(cohort, CATALOG);
    expect(rows.map((r) => [r.traineeName, r.storyId])).toEqual([
      ['Ann', 'aisle'],
      ['zoë', 'aisle'],
      ['zoë', 'phone'],
    ]);
    const ann = rows[0]!;
    expect(ann).toMatchObject({
      traineeId: 't1',
      title: 'The wrong aisle',
      inCatalog: true,
      attempts: 3,
      best: { de: 90, own: 70, res: 65 },
      latest: { de: 40, own: 60, res: 65 },
      latestMode: 'practice',
      latestAt: '2025-03-14T09:05:00.000Z',
      assessments: 2,
      // The latest assessment (minute 3) meets de 70? No: 50 < 70.
      assessment: 'not-yet',
      assessmentAt: '2025-03-14T09:03:00.000Z',
      marks: { de: 70, own: 50, res: 60 },
      marksDeclared: true,
    });
    expect(ann.passedAt).toBeUndefined();
    expect(rows[1]).toMatchObject({ assessment: 'not-yet', assessments: 1 });
    // phone declares no pass marks: nothing to pass, however well it went.
    expect(rows[2]).toMatchObject({ assessment: 'no-marks', assessments: 0, marksDeclared: false });
    expect(rows[2]!.pass).toBeUndefined();
    expect(rows[2]!.assessmentAt).toBeUndefined();
  });

  it('judges the assessment from the percents against declared marks, never a recorded flag or a default', () => {
    const cohort = cohortOf(
      file('t1', 'Ann', [
        // phone and returns declare no marks: 'no-marks', even with a recorded pass or a score over 60.
        exported('phone', 1, { de: 10, own: 10, res: 10 }, { mode: 'assessment' }),
        exported('returns', 1, { de: 65, own: 65, res: 65 }, { mode: 'assessment' }),
        // aisle (de 70, own 50, res 60): recorded as passed, but de 20 is below 70.
        exported('aisle', 1, { de: 20, own: 90, res: 90 }, { mode: 'assessment' }),
      ]),
    );
    for (const a of cohort.trainees[0]!.attempts) a.result.passed = true;
    const rows = cohortTable(cohort, CATALOG);
    expect(rows.map((r) => [r.storyId, r.assessment])).toEqual([
      ['aisle', 'not-yet'],
      ['phone', 'no-marks'],
      ['returns', 'no-marks'],
    ]);
  });

  it('stays passed after a later miss, and says when it was first passed', () => {
    const rows = cohortTable(
      cohortOf(
        file('t1', 'Ann', [
          exported('aisle', 1, { de: 60, own: 90, res: 90 }, { mode: 'assessment' }),
          exported('aisle', 2, { de: 75, own: 55, res: 60 }, { mode: 'assessment' }),
          exported('aisle', 3, { de: 90, own: 90, res: 90 }, { mode: 'assessment' }),
          exported('aisle', 4, { de: 10, own: 10, res: 10 }, { mode: 'assessment' }),
          exported('aisle', 5, { de: 100, own: 100, res: 100 }),
        ]),
      ),
      CATALOG,
    );
    expect(rows[0]).toMatchObject({
      assessment: 'passed',
      passedAt: '2025-03-14T09:02:00.000Z',
      assessmentAt: '2025-03-14T09:04:00.000Z',
      assessments: 4,
      pass: { de: 70, own: 50, res: 60 },
    });
    const never = cohortTable(
      cohortOf(file('t1', 'Ann', [exported('aisle', 1, { de: 100, own: 100, res: 100 })])),
      CATALOG,
    );
    expect(never[0]!.assessment).toBe('not-taken');
  });

  it('does not count a file imported twice', () => {
    const f = file('t1', 'Ann', [
      exported('aisle', 1, { de: 10, own: 10, res: 10 }),
      exported('aisle', 2, { de: 20, own: 20, res: 20 }),
    ]);
    const rows = cohortTable(cohortOf(f, f), CATALOG);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.attempts).toBe(2);
  });

  it('keeps scenarios no longer in the catalog, titled by id, after catalog ones', () => {
    const rows = cohortTable(
      cohortOf(
        file('t1', 'Ann', [
          exported('gone', 1, { de: 10, own: 10, res: 10 }),
          exported('returns', 2, { de: 20, own: 20, res: 20 }),
        ]),
      ),
      CATALOG,
    );
    expect(rows.map((r) => [r.storyId, r.title, r.inCatalog, r.marks.de, scenarioLabel(r)])).toEqual([
      ['returns', 'The late return', true, 60, 'The late return'],
      ['gone', 'gone', false, 60, 'gone (not in this game)'],
    ]);
    expect(cohortTableCsv(rows, { bom: false }).split('\r\n')[2]).toMatch(/^Ann,gone \(not in this game\),/);
  });

  it('handles a large cohort quickly', () => {
    const files = Array.from({ length: 200 }, (_, i) =>
      file(`t${i}`, `Trainee ${i}`, [
        exported('aisle', 1, { de: i % 101, own: 50, res: 50 }),
        exported('aisle', 2, { de: (i * 7) % 101, own: 60, res: 40 }, { mode: 'assessment' }),
        exported('phone', 3, { de: 70, own: (i * 3) % 101, res: 80 }),
      ]),
    );
    const cohort = cohortOf(...files);
    const start = performance.now();
    const rows = cohortTable(cohort, CATALOG);
    const help = needsHelp(rows);
    const dist = axisDistributions(rows);
    const csv = cohortTableCsv(rows);
    expect(performance.now() - start).toBeLessThan(500);
    expect(rows).toHaveLength(400);
    expect(dist[0]!.total).toBe(400);
    expect(help.length).toBeGreaterThan(100);
    expect(csv.split('\r\n')).toHaveLength(402);
  });
});

describe('cohortTable: replays from a decision (REPLAY_RULE)', () => {
  const replayOf = (attemptId: string, step: number) => ({ replayOf: { attemptId, step } });

  it('counts full plays as Attempts and replays apart, so Attempts, Best and Latest agree', () => {
    const first = exported('aisle', 1, { de: 0, own: 0, res: 13 });
    const rows = cohortTable(
      cohortOf(
        file('t1', 'Ann', [
          first,
          exported('aisle', 2, { de: 40, own: 50, res: 60 }),
          exported('aisle', 3, { de: 10, own: 0, res: 13 }),
          // The last two plays are replays from a decision that scored 100%.
          exported('aisle', 4, { de: 90, own: 90, res: 90 }, replayOf(first.id, 2)),
          exported('aisle', 5, { de: 100, own: 100, res: 100 }, replayOf(first.id, 3)),
        ]),
      ),
      CATALOG,
    );
    expect(rows[0]).toMatchObject({
      attempts: 3,
      replays: 2,
      fromReplays: false,
      best: { de: 40, own: 50, res: 60 },
      latest: { de: 10, own: 0, res: 13 },
      latestAt: '2025-03-14T09:03:00.000Z',
    });
    expect(attemptsLabel(rows[0]!)).toBe('3 (+2 replays)');
  });

  it('says so when a trainee has only replays, with best and latest from them', () => {
    const rows = cohortTable(
      cohortOf(
        file('t1', 'Ann', [
          exported('aisle', 1, { de: 30, own: 30, res: 30 }, replayOf('elsewhere', 1)),
          exported('aisle', 2, { de: 100, own: 90, res: 80 }, replayOf('elsewhere', 2)),
        ]),
      ),
      CATALOG,
    );
    expect(rows[0]).toMatchObject({
      attempts: 0,
      replays: 2,
      fromReplays: true,
      best: { de: 100, own: 90, res: 80 },
      latest: { de: 100, own: 90, res: 80 },
    });
    expect(attemptsLabel(rows[0]!)).toBe('only 2 replays');
  });

  it('words the Attempts cell for every case', () => {
    expect(attemptsLabel({ attempts: 3, replays: 0 })).toBe('3');
    expect(attemptsLabel({ attempts: 1, replays: 1 })).toBe('1 (+1 replay)');
    expect(attemptsLabel({ attempts: 0, replays: 1 })).toBe('only 1 replay');
    expect(REPLAY_RULE).toMatch(/^Attempts counts full plays; replays from a decision/);
  });

  it('exports the replay count next to the attempts', () => {
    const first = exported('aisle', 1, { de: 50, own: 50, res: 50 });
    const rows = cohortTable(
      cohortOf(
        file('t1', 'Ann', [first, exported('aisle', 2, { de: 9, own: 9, res: 9 }, replayOf(first.id, 0))]),
      ),
      CATALOG,
    );
    const [header, line] = cohortTableCsv(rows, { bom: false }).split('\r\n');
    expect(header!.split(',').slice(2, 4)).toEqual(['Attempts (full plays)', 'Replays from a decision']);
    expect(line!.split(',').slice(2, 6)).toEqual(['1', '1', '50', '50']);
  });
});

function row(over: Partial<CohortRow>): CohortRow {
  return {
    traineeId: 't1',
    traineeName: over.traineeName ?? 'Ann',
    traineeLabel: over.traineeName ?? 'Ann',
    storyId: 'aisle',
    title: 'The wrong aisle',
    inCatalog: true,
    attempts: 1,
    replays: 0,
    fromReplays: false,
    best: { de: 50, own: 50, res: 50 },
    bestPoints: { de: 3, own: 3, res: 3 },
    latest: { de: 50, own: 50, res: 50 },
    latestPoints: { de: 3, own: 3, res: 3 },
    latestAt: '2025-03-14T09:00:00.000Z',
    latestMode: 'practice',
    marks: { de: 60, own: 60, res: 60 },
    marksDeclared: false,
    assessments: 0,
    assessment: 'not-taken',
    unverified: 0,
    verified: true,
    ...over,
  };
}

describe('axisDistributions', () => {
  it('counts each row’s latest percent in ten-point bins, 100 in the last, rounded as shown', () => {
    const rows = [
      row({ latest: { de: 0, own: 9.4, res: 100 } }),
      row({ latest: { de: 9.6, own: 10, res: 90 } }),
      row({ latest: { de: 59.99, own: 89.5, res: 99 }, storyId: 'phone' }),
    ];
    const [de, own, res] = axisDistributions(rows);
    expect(de!.name).toBe('De-escalation');
    expect(de!.total).toBe(3);
    expect(de!.bins.map((b) => b.count)).toEqual([1, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(own!.bins.map((b) => b.count)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(res!.bins[9]).toEqual({ from: 90, to: 100, label: '90–100', count: 3 });
    expect(res!.bins[0]).toEqual({ from: 0, to: 9, label: '0–9', count: 0 });
    expect(de!.bins.reduce((n, b) => n + b.count, 0)).toBe(3);
  });

  it('can be limited to one scenario, and is all zeros with no rows', () => {
    const rows = [row({ latest: { de: 5, own: 5, res: 5 } }), row({ storyId: 'phone' })];
    expect(axisDistributions(rows, 'phone')[0]!.total).toBe(1);
    expect(axisDistributions(rows, 'phone')[0]!.bins[5]!.count).toBe(1);
    const empty = axisDistributions([]);
    expect(empty.map((d) => d.axis)).toEqual(['de', 'own', 'res']);
    expect(empty.every((d) => d.total === 0 && d.bins.every((b) => b.count === 0))).toBe(true);
  });
});

describe('needsHelp', () => {
  it('names, per trainee, the axes below the scenario’s mark with the scenarios, worst first', () => {
    const rows = [
      row({
        traineeId: 'a',
        traineeName: 'Ann',
        storyId: 'aisle',
        title: 'The wrong aisle',
        marks: { de: 70, own: 50, res: 60 },
        latest: { de: 65, own: 50, res: 30 },
      }),
      row({
        traineeId: 'a',
        traineeName: 'Ann',
        storyId: 'phone',
        title: 'The plan change',
        latest: { de: 40, own: 80, res: 59 },
      }),
      row({ traineeId: 'b', traineeName: 'Bo', latest: { de: 60, own: 60, res: 60 } }),
      row({ traineeId: 'c', traineeName: 'Cy', latest: { de: 5, own: 90, res: 90 } }),
    ];
    const help = needsHelp(rows);
    expect(help.map((e) => e.traineeName)).toEqual(['Cy', 'Ann']);
    expect(help[0]!.worst).toBe(55);
    const ann = help[1]!;
    expect(ann.axes.map((a) => [a.axis, a.worst])).toEqual([
      ['res', 30],
      ['de', 20],
    ]);
    expect(ann.axes[0]!.scenarios).toEqual([
      {
        storyId: 'aisle',
        title: 'The wrong aisle',
        latest: 30,
        latestPoints: 3,
        mark: 60,
        declared: false,
        below: 30,
      },
      {
        storyId: 'phone',
        title: 'The plan change',
        latest: 59,
        latestPoints: 3,
        mark: 60,
        declared: false,
        below: 1,
      },
    ]);
    expect(ann.axes[1]!.scenarios.map((s) => s.storyId)).toEqual(['phone', 'aisle']);
  });

  it('uses the latest attempt, not the best, and leaves out trainees at every mark', () => {
    expect(
      needsHelp([row({ best: { de: 100, own: 100, res: 100 }, latest: { de: 59, own: 60, res: 60 } })]),
    ).toHaveLength(1);
    expect(
      needsHelp([row({ best: { de: 0, own: 0, res: 0 }, latest: { de: 60, own: 60, res: 60 } })]),
    ).toEqual([]);
    expect(needsHelp([])).toEqual([]);
  });

  it('orders trainees equally far below by name', () => {
    const help = needsHelp([
      row({ traineeId: '1', traineeName: 'zed', latest: { de: 50, own: 60, res: 60 } }),
      row({ traineeId: '2', traineeName: 'Amy', latest: { de: 60, own: 50, res: 60 } }),
    ]);
    expect(help.map((e) => e.traineeName)).toEqual(['Amy', 'zed']);
  });
});

describe('cohortTableCsv', () => {
  it('writes a header, a row per table row, CRLF and a BOM', () => {
    const csv = cohortTableCsv([
      row({
        attempts: 3,
        best: { de: 90, own: 70.4, res: 65.5 },
        bestPoints: { de: 5, own: 4, res: 3 },
        latest: { de: 40, own: 60, res: 65 },
        latestPoints: { de: -2, own: 0, res: 3 },
        assessments: 2,
        assessment: 'not-yet',
      }),
      row({
        traineeName: 'Bo',
        assessment: 'passed',
        assessments: 1,
        passedAt: '2025-03-13T10:00:00.000Z',
      }),
      row({ traineeName: 'Cy', assessment: 'no-marks', assessments: 1 }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(COHORT_CSV_HEADER.join(','));
    expect(lines[0]).toBe(
      'Trainee,Scenario,Attempts (full plays),Replays from a decision,De-escalation best %,De-escalation latest %,Ownership best %,Ownership latest %,Resolution best %,Resolution latest %,Latest attempt finished at,Assessment attempts,Assessment,First passed at,Unverified attempts,De-escalation best points,De-escalation latest points,Ownership best points,Ownership latest points,Resolution best points,Resolution latest points',
    );
    expect(lines[1]).toBe(
      'Ann,The wrong aisle,3,0,90,40,70,60,66,65,2025-03-14T09:00:00.000Z,2,not yet,,0,5,-2,4,0,3,3',
    );
    expect(lines[2]).toBe(
      'Bo,The wrong aisle,1,0,50,50,50,50,50,50,2025-03-14T09:00:00.000Z,1,passed,2025-03-13T10:00:00.000Z,0,3,3,3,3,3,3',
    );
    expect(lines[3]).toBe(
      'Cy,The wrong aisle,1,0,50,50,50,50,50,50,2025-03-14T09:00:00.000Z,1,No pass marks,,0,3,3,3,3,3,3',
    );
    expect(
      cohortTableCsv([row({})])
        .split('\r\n')[1]!
        .endsWith(',0,,,0,3,3,3,3,3,3'),
    ).toBe(true);
    expect(cohortTableCsv([], { bom: false })).toBe(`${COHORT_CSV_HEADER.join(',')}\r\n`);
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const csv = cohortTableCsv(
      [
        row({ traineeName: '=HYPERLINK("x")', title: 'Refund, "fast"' }),
        row({ traineeName: '-1+2', title: 'two\nlines' }),
        row({ traineeName: '@SUM(A1)', title: '+44 line' }),
      ],
      { bom: false },
    );
    const lines = csv.split('\r\n');
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""x"")","Refund, ""fast""",`)).toBe(true);
    expect(csv).toContain(`'-1+2,"two\nlines",`);
    expect(lines.some((l) => l.startsWith("'@SUM(A1),'+44 line,"))).toBe(true);
  });
});

describe('trainees who share a name', () => {
  const priyaA = 'a1b2c3d4-0000-4000-8000-000000000001';
  const priyaB = 'f9e8d7c6-0000-4000-8000-000000000002';
  const twoPriyas = () =>
    cohortOf(
      file(priyaA, 'Priya Shah', [exported('aisle', 1, { de: 10, own: 90, res: 90 })]),
      file(priyaB, 'priya shah', [exported('aisle', 2, { de: 20, own: 90, res: 90 })]),
      file('t3', 'Sam', [exported('aisle', 3, { de: 90, own: 90, res: 90 })]),
    );

  it('labels them apart by the start of their id, case ignored; others keep their name', () => {
    const labels = traineeLabels(twoPriyas().trainees);
    expect(labels.get(priyaA)).toBe('Priya Shah · a1b2');
    expect(labels.get(priyaB)).toBe('priya shah · f9e8');
    expect(labels.get('t3')).toBe('Sam');
    // The same cohort, in any order, gives the same labels.
    expect(traineeLabels([...twoPriyas().trainees].reverse())).toEqual(labels);
  });

  it('uses as much of the id as it takes to tell them apart', () => {
    const labels = traineeLabels([
      { trainee: { id: 'abcd-1', name: 'Jo' } },
      { trainee: { id: 'abcd-2', name: 'JO' } },
      { trainee: { id: 't1', name: 'Al' } },
      { trainee: { id: 't10', name: 'al' } },
    ]);
    expect([...labels.values()]).toEqual(['Jo · abcd-1', 'JO · abcd-2', 'Al · t1', 'al · t10']);
  });

  it('shows them apart in the table, the help list and the CSV', () => {
    const rows = cohortTable(twoPriyas(), CATALOG);
    expect(rows.map((r) => r.traineeLabel)).toEqual(['Priya Shah · a1b2', 'priya shah · f9e8', 'Sam']);
    expect(rows.map((r) => r.traineeName)).toEqual(['Priya Shah', 'priya shah', 'Sam']);
    const help = needsHelp(rows);
    expect(help.map((e) => [e.traineeId, e.traineeLabel])).toEqual([
      [priyaA, 'Priya Shah · a1b2'],
      [priyaB, 'priya shah · f9e8'],
    ]);
    const csv = cohortTableCsv(rows, { bom: false }).split('\r\n');
    expect(csv[1]).toMatch(/^Priya Shah · a1b2,/);
    expect(csv[2]).toMatch(/^priya shah · f9e8,/);
    expect(csv[3]).toMatch(/^Sam,/);
  });

  it('says so when the second one is imported', () => {
    const one = mergeCohort(
      emptyCohort(),
      file(priyaA, 'Priya Shah', [exported('aisle', 1, { de: 10, own: 90, res: 90 })]),
    );
    expect(one.namesakes).toBe(1);
    expect(one.message).toBe('1 new attempt for Priya Shah.');
    const two = mergeCohort(
      one.cohort,
      file(priyaB, 'Priya Shah', [exported('aisle', 2, { de: 10, own: 90, res: 90 })]),
    );
    expect(two.namesakes).toBe(2);
    expect(two.message).toBe(
      '1 new attempt for Priya Shah. Two different trainees are called Priya Shah: they are shown apart.',
    );
    // The same trainee again (same id) is not a namesake.
    const again = mergeCohort(
      one.cohort,
      file(priyaA, 'Priya Shah', [exported('aisle', 3, { de: 10, own: 90, res: 90 })]),
    );
    expect(again.namesakes).toBe(1);
    expect(again.message).not.toMatch(/shown apart/);
  });
});

describe('the progress chart: the latest attempts', () => {
  it('shows the latest CHART_LATEST until asked for all', () => {
    const many = Array.from({ length: 400 }, (_, i) => i);
    expect(CHART_LATEST).toBe(30);
    expect(chartWindow(many, false)).toEqual(many.slice(370));
    expect(chartWindow(many, true)).toHaveLength(400);
    expect(chartWindow([1, 2, 3], false)).toEqual([1, 2, 3]);
  });
});

describe('Your progress counts as the dashboard counts (REPLAY_RULE)', () => {
  it('counts two full plays and a replay from a decision as 2 finished attempts and 1 replay, both places', () => {
    const first = attempt('aisle', 1, { de: 40, own: 40, res: 40 });
    const second = attempt('aisle', 2, { de: 50, own: 50, res: 50 });
    const replay = attempt(
      'aisle',
      3,
      { de: 90, own: 90, res: 90 },
      { replayOf: { attemptId: first.id, step: 2 } },
    );
    const mine = traineeHistory([first, second, replay], CATALOG);
    expect(mine.finished).toBe(3);
    expect(mine.counts).toEqual({ attempts: 2, replays: 1 });
    expect(mine.scenarios[0]!.counts).toEqual({ attempts: 2, replays: 1 });
    expect(finishedText(mine.counts)).toBe('2 finished attempts and 1 replay from a decision');

    // The same attempts exported and imported: the dashboard's table and status count them alike.
    const exportedRuns = [first, second, replay].map(exportAttempt);
    const cohort = cohortOf(file('p1', 'Dee Dash', exportedRuns));
    const row = cohortTable(cohort, CATALOG)[0]!;
    expect({ attempts: row.attempts, replays: row.replays }).toEqual(mine.counts);
    expect(countRuns(cohort.trainees[0]!.attempts)).toEqual(mine.counts);
  });

  it('words every count', () => {
    expect(finishedText({ attempts: 0, replays: 0 })).toBe('no finished attempts yet');
    expect(finishedText({ attempts: 1, replays: 0 })).toBe('1 finished attempt');
    expect(finishedText({ attempts: 3, replays: 2 })).toBe(
      '3 finished attempts and 2 replays from a decision',
    );
  });
});

describe('a total below zero is kept, not read as 0%', () => {
  const scored = (minute: number, percent: P, score: P, over: Partial<Attempt> = {}) => {
    const a = attempt('aisle', minute, percent, over);
    a.result!.score = score;
    return a;
  };

  it('keeps the points behind each best and average in Your progress, and words the suggestion', () => {
    // Two plays below zero on de-escalation, then one at exactly 0: the best is 0, not below zero.
    const h = traineeHistory(
      [
        scored(1, { de: 0, own: 50, res: 50 }, { de: -6, own: 4, res: 4 }),
        scored(2, { de: 0, own: 50, res: 50 }, { de: -2, own: 4, res: 4 }),
      ],
      [AISLE],
    );
    const aisle = h.scenarios[0]!;
    expect(aisle.points.map((p) => p.points.de)).toEqual([-6, -2]);
    expect(aisle.best.de).toBe(0);
    expect(aisle.bestPoints.de).toBe(-2);
    expect(aisle.recentPoints.de).toBe(-4);
    expect(h.weakest).toMatchObject({ axis: 'de', average: 0, points: -4 });
    expect(h.suggestion?.bestPoints).toBe(-2);
    expect(h.suggestion?.reason).toBe(
      'De-escalation is your weakest area; your best de-escalation score on “The wrong aisle” is below zero, short of its pass mark of 70%.',
    );

    const withZero = traineeHistory(
      [
        scored(1, { de: 0, own: 50, res: 50 }, { de: -6, own: 4, res: 4 }),
        scored(2, { de: 0, own: 50, res: 50 }, { de: 0, own: 4, res: 4 }),
      ],
      [AISLE],
    );
    expect(withZero.scenarios[0]!.bestPoints.de).toBe(0);
    expect(withZero.suggestion?.reason).toMatch(/is 0%, below its pass mark of 70%\.$/);
  });

  it('keeps the points behind best and latest in the cohort table, the help list and the CSV, with their sign', () => {
    const run = (minute: number, percent: P, score: P) => {
      const a = exported('aisle', minute, percent);
      a.result.score = score;
      return a;
    };
    const rows = cohortTable(
      cohortOf(
        file('t1', 'Ann', [
          run(1, { de: 0, own: 25, res: 50 }, { de: 0, own: 2, res: 4 }),
          run(2, { de: 0, own: 0, res: 50 }, { de: -6, own: -3, res: 4 }),
        ]),
      ),
      CATALOG,
    );
    expect(rows[0]).toMatchObject({
      best: { de: 0, own: 25, res: 50 },
      bestPoints: { de: 0, own: 2, res: 4 },
      latest: { de: 0, own: 0, res: 50 },
      latestPoints: { de: -6, own: -3, res: 4 },
    });
    const help = needsHelp(rows)[0]!;
    expect(help.axes.find((a) => a.axis === 'de')?.scenarios[0]).toMatchObject({
      latest: 0,
      latestPoints: -6,
    });

    const [header, line] = cohortTableCsv(rows, { bom: false }).split('\r\n');
    const cells = Object.fromEntries(header!.split(',').map((name, i) => [name, line!.split(',')[i]]));
    expect(cells['De-escalation latest %']).toBe('0');
    expect(cells['De-escalation latest points']).toBe('-6');
    expect(cells['De-escalation best points']).toBe('0');
    expect(cells['Ownership latest points']).toBe('-3');
    expect(cells['Resolution best points']).toBe('4');
  });

  it('puts a trainee further below zero first among equal percents in the help list', () => {
    const help = needsHelp([
      row({
        storyId: 'aisle',
        title: 'A',
        latest: { de: 0, own: 90, res: 90 },
        latestPoints: { de: 0, own: 5, res: 5 },
      }),
      row({
        storyId: 'phone',
        title: 'B',
        latest: { de: 0, own: 90, res: 90 },
        latestPoints: { de: -4, own: 5, res: 5 },
      }),
    ]);
    expect(help[0]!.axes[0]!.scenarios.map((s) => [s.title, s.latestPoints])).toEqual([
      ['B', -4],
      ['A', 0],
    ]);
  });
});
