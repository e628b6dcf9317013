/**
 * What the game can tell from finished attempts: a trainee's own progress (history per scenario,
 * personal bests, the weakest area and what to practise next) and a trainer's view of a cohort
 * (a trainee × scenario table, score distributions, who needs help with what, and a CSV of the
 * table). Pure functions: no DOM, no storage.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { AXES, AXIS_NAMES, type Axis, DIFFICULTIES, type PassMarks, type Score } from '../engine/tags.ts';
import { resultShareText } from '../engine/wording.ts';
import { csvDocument, csvText } from './csv.ts';
import { type Cohort, type CohortAttempt, nameKey } from './exchange.ts';
import type { Attempt, Mode } from './schema.ts';

export type AxisPercents = Record<Axis, number>;

/**
 * A coaching threshold, not a pass mark: where a scenario declares no pass marks, a score below this
 * still counts as "needs help" and "worth practising". Nothing is passed or failed against it.
 */
export const DEFAULT_PASS_MARK = 60;
/** How many of a scenario's latest attempts count towards the weakest area. */
export const RECENT_ATTEMPTS = 3;

/** How the weakest area is chosen, in words a trainee can read. */
export const WEAKEST_RULE =
  'Your weakest area is the one with the lowest average over your last three attempts at each scenario.';
/** How the scenario to practise is chosen, in words a trainee can read. */
export const SUGGESTION_RULE = `We suggest a scenario you have played where your best score in your weakest area is below its pass mark (${DEFAULT_PASS_MARK}% where it sets none), lowest first; then one you have not tried, easiest first; otherwise the one where that best is lowest.`;

const EPSILON = 1e-9;

// ---- Shared helpers ----

interface CatalogIndex {
  title(storyId: string): string;
  has(storyId: string): boolean;
  entry(storyId: string): StoryEntry | undefined;
  /** Catalog order first, then scenarios no longer in the catalog by id. */
  compare(a: string, b: string): number;
}

function indexCatalog(stories: readonly StoryEntry[]): CatalogIndex {
  const byId = new Map<string, { entry: StoryEntry; order: number }>();
  stories.forEach((entry, order) => {
    if (!byId.has(entry.id)) byId.set(entry.id, { entry, order });
  });
  const order = (id: string) => byId.get(id)?.order ?? Number.POSITIVE_INFINITY;
  return {
    title: (id) => byId.get(id)?.entry.metadata.title || id,
    has: (id) => byId.has(id),
    entry: (id) => byId.get(id)?.entry,
    compare: (a, b) => {
      const oa = order(a);
      const ob = order(b);
      if (oa !== ob) return oa < ob ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    },
  };
}

const copy = (p: AxisPercents): AxisPercents => ({ de: p.de, own: p.own, res: p.res });
/**
 * The best on each axis over `list`: the highest percent, and the points behind it. Every total below
 * zero is 0%, so among the attempts at that percent the most points win: a 0 beats a −6, and the best
 * reads "below zero" only when every one was (`resultShareText`).
 */
function bestOf(list: readonly { percent: AxisPercents; points: Score }[]): {
  percent: AxisPercents;
  points: Score;
} {
  const percent = copy(list[0]!.percent);
  const points = { ...list[0]!.points };
  for (const item of list) {
    for (const axis of AXES) {
      const p = item.percent[axis];
      if (p > percent[axis] || (p === percent[axis] && item.points[axis] > points[axis])) {
        percent[axis] = p;
        points[axis] = item.points[axis];
      }
    }
  }
  return { percent, points };
}

function meanOf(list: readonly AxisPercents[]): AxisPercents {
  const sum = { de: 0, own: 0, res: 0 };
  for (const p of list) for (const axis of AXES) sum[axis] += p[axis];
  const n = Math.max(1, list.length);
  return { de: sum.de / n, own: sum.own / n, res: sum.res / n };
}

/**
 * The pass marks a scenario declares, or DEFAULT_PASS_MARK on every axis (`declared` false): the
 * latter are coaching thresholds only, never a pass or fail (see `assessmentStanding`).
 */
export function passMarksFor(entry: StoryEntry | undefined): { marks: PassMarks; declared: boolean } {
  const declared = entry?.metadata.pass;
  if (declared) return { marks: { de: declared.de, own: declared.own, res: declared.res }, declared: true };
  return {
    marks: { de: DEFAULT_PASS_MARK, own: DEFAULT_PASS_MARK, res: DEFAULT_PASS_MARK },
    declared: false,
  };
}

/** Whether every axis reaches its mark. */
export function meetsMarks(percent: AxisPercents, marks: PassMarks): boolean {
  return AXES.every((axis) => percent[axis] >= marks[axis]);
}

// ---- Replays: one way of counting them for Your progress and the dashboard ----

/** Finished runs counted the one way (REPLAY_RULE): full plays, and replays from a decision apart. */
export interface RunCounts {
  /** Finished full plays, practice and assessment. */
  attempts: number;
  /** Finished "Replay from here" runs (`replayOf`). */
  replays: number;
}

/** Counts finished runs as REPLAY_RULE does: a run with `replayOf` is a replay, any other a full play. */
export function countRuns(runs: readonly { replayOf?: unknown }[]): RunCounts {
  const replays = runs.filter((r) => r.replayOf !== undefined).length;
  return { attempts: runs.length - replays, replays };
}

/**
 * Finished runs in words, as Your progress and the dashboard say them: "2 finished attempts and 1
 * replay from a decision", "1 finished attempt", "no finished attempts yet".
 */
export function finishedText({ attempts, replays }: RunCounts): string {
  if (attempts === 0 && replays === 0) return 'no finished attempts yet';
  const played = `${attempts} finished ${attempts === 1 ? 'attempt' : 'attempts'}`;
  return replays
    ? `${played} and ${replays} ${replays === 1 ? 'replay' : 'replays'} from a decision`
    : played;
}

// ---- Passed: one definition for the dashboard and the menu ----

/**
 * Where a trainee stands on a scenario's assessment: passed (at least one assessment attempt met every
 * pass mark; it stays passed, like a certificate), not yet (assessed, never passed), not taken, or the
 * scenario declares no pass marks, so there is nothing to pass.
 */
export type Standing = 'passed' | 'not-yet' | 'not-taken' | 'no-marks';

type Judged = {
  mode: Mode;
  status?: string;
  result?: { percent: Record<Axis, number> };
  /**
   * An imported attempt the dashboard could not check against its own choices (verify.ts): false
   * means it never counts. Absent (the trainee's own attempts) counts.
   */
  verified?: boolean;
};

/**
 * A finished, counted assessment with a result; an exported attempt has no status and is always
 * finished. Unverified attempts (`verified` false) do not count.
 */
const finishedAssessment = (a: Judged): a is Judged & { result: { percent: Record<Axis, number> } } =>
  a.mode === 'assessment' &&
  a.verified !== false &&
  (a.status === undefined || a.status === 'finished') &&
  a.result !== undefined;

/**
 * A trainee's standing on one scenario from their attempts at it (any order; practice, unfinished and
 * unverified attempts are ignored) and the pass marks the scenario declares. Judged from each attempt's percents
 * against the marks, never from a `passed` flag the attempt recorded, and never against a default
 * mark: without declared marks the answer is 'no-marks'.
 */
export function assessmentStanding(attempts: readonly Judged[], marks: PassMarks | undefined): Standing {
  if (!marks) return 'no-marks';
  let assessed = false;
  for (const a of attempts) {
    if (!finishedAssessment(a)) continue;
    if (meetsMarks(a.result.percent, marks)) return 'passed';
    assessed = true;
  }
  return assessed ? 'not-yet' : 'not-taken';
}

/**
 * Who is who in a cohort: each trainee id's name as shown, with trainees who share a name (`nameKey`,
 * case ignored) told apart by the start of their id, "Priya Shah · 3f9a" (four characters or as many
 * as it takes). The same cohort always gives the same labels.
 */
export function traineeLabels(
  trainees: readonly { trainee: { id: string; name: string } }[],
): Map<string, string> {
  const groups = new Map<string, { id: string; name: string }[]>();
  for (const { trainee } of trainees) {
    const key = nameKey(trainee.name);
    const list = groups.get(key) ?? [];
    if (!list.some((t) => t.id === trainee.id)) list.push(trainee);
    groups.set(key, list);
  }
  const labels = new Map<string, string>();
  for (const list of groups.values()) {
    if (list.length === 1) {
      labels.set(list[0]!.id, list[0]!.name);
      continue;
    }
    const longest = Math.max(...list.map((t) => t.id.length));
    let n = Math.min(4, longest);
    while (n < longest && new Set(list.map((t) => t.id.slice(0, n))).size < list.length) n++;
    for (const t of list) labels.set(t.id, `${t.name} · ${t.id.slice(0, n)}`);
  }
  return labels;
}

/** What the dashboard says of an attempt played on a version this game does not have. */
export const UNVERIFIED_NOTE = 'unverified: played on a version this game does not have';
/** What it says of an attempt at a scenario this game does not have at all. */
export const UNKNOWN_SCENARIO_NOTE = 'unverified: a scenario this game does not have';
/** What it says of an attempt kept from before checks existed whose scores do not match its choices. */
export const MISMATCH_NOTE = 'unverified: its scores do not match its choices';

/** A scenario as the dashboard names it: its title, marked when this game does not have it. */
export function scenarioLabel(row: { title: string; inCatalog: boolean }): string {
  return row.inCatalog ? row.title : `${row.title} (not in this game)`;
}

// ---- One trainee ----

export interface HistoryPoint {
  attemptId: string;
  /** When the attempt finished (the attempt's `updatedAt`). */
  at: string;
  mode: Mode;
  percent: AxisPercents;
  /** The points behind each percent: below zero where the percent says only 0 (`resultShareText`). */
  points: Score;
  /**
   * Assessment attempts at a scenario with pass marks: whether this attempt met every mark, judged
   * from its percents (as `assessmentStanding` does).
   */
  passed?: boolean;
  /** A "Replay from here" run: the decision (0-based) it played on from. Not in bests or trends. */
  replayFrom?: number;
}

export interface ScenarioHistory {
  storyId: string;
  /** The catalog title, or the id for a scenario no longer in the catalog. */
  title: string;
  inCatalog: boolean;
  /** The pass marks the scenario declares, if it declares any. */
  pass?: PassMarks;
  /** Oldest first; never empty. */
  points: HistoryPoint[];
  /** Its finished runs counted as the dashboard counts them (`countRuns`, REPLAY_RULE). */
  counts: RunCounts;
  /** Personal bests: the highest percent on each axis over every attempt (practice and assessment). */
  best: AxisPercents;
  /** The points behind each best (`bestOf`): below zero only when every attempt's total was. */
  bestPoints: Score;
  latest: HistoryPoint;
  /** The mean of the last RECENT_ATTEMPTS attempts on each axis. */
  recent: AxisPercents;
  /** The mean points of the same attempts. */
  recentPoints: Score;
}

export interface WeakestAxis {
  axis: Axis;
  name: string;
  /** Mean over played scenarios of each scenario's recent average (WEAKEST_RULE). */
  average: number;
  /** The same mean of the points: below zero when the totals behind a 0% average were. */
  points: number;
}

export interface PractiseSuggestion {
  storyId: string;
  title: string;
  axis: Axis;
  /** The trainee's best on `axis` in this scenario; null when it has not been played. */
  best: number | null;
  /** The points behind `best`; null when it has not been played. */
  bestPoints: number | null;
  /** The scenario's pass mark on `axis`, or DEFAULT_PASS_MARK where it declares none. */
  mark: number;
  /** Why this one (SUGGESTION_RULE): below the mark, not tried yet, or simply the lowest best. */
  why: 'below-mark' | 'unplayed' | 'lowest';
  /** One sentence saying why this scenario, for the UI. */
  reason: string;
}

export interface TraineeHistory {
  /** How many finished runs there are in all, full plays and replays from a decision. */
  finished: number;
  /** The same runs counted as the dashboard counts them (`countRuns`, REPLAY_RULE). */
  counts: RunCounts;
  /** Played scenarios: catalog order, then scenarios no longer in the catalog by id. */
  scenarios: ScenarioHistory[];
  /** Null when nothing is finished. */
  weakest: WeakestAxis | null;
  /** Null when nothing is finished or the catalog is empty. */
  suggestion: PractiseSuggestion | null;
}

const byFinish = (
  a: { at: string; startedAt: string; attemptId: string },
  b: { at: string; startedAt: string; attemptId: string },
) =>
  a.at.localeCompare(b.at) ||
  a.startedAt.localeCompare(b.startedAt) ||
  a.attemptId.localeCompare(b.attemptId);

/**
 * A trainee's progress from their attempts. Only finished attempts with a result count. The weakest
 * area: for each played scenario, the average of its last RECENT_ATTEMPTS attempts on each axis; those
 * averaged over the scenarios; the lowest wins (ties go to the axis listed first: de-escalation,
 * ownership, resolution). The suggestion (SUGGESTION_RULE), among catalog scenarios only: a played one
 * whose best on that axis is below its pass mark (DEFAULT_PASS_MARK where it declares none), lowest
 * best first; else an unplayed one, easiest difficulty first; else the played one with the lowest best.
 * Ties go by catalog order.
 */
export function traineeHistory(attempts: readonly Attempt[], stories: readonly StoryEntry[]): TraineeHistory {
  const catalog = indexCatalog(stories);
  type Point = HistoryPoint & { startedAt: string; replayOf?: unknown };
  const groups = new Map<string, Point[]>();
  const done = attempts.filter((a) => a.status === 'finished' && a.result);
  const finished = done.length;
  const counts = countRuns(done);
  for (const a of done) {
    if (!a.result) continue;
    const point: Point = {
      attemptId: a.id,
      at: a.updatedAt,
      startedAt: a.startedAt,
      mode: a.mode,
      percent: copy(a.result.percent),
      points: { ...a.result.score },
      ...(a.replayOf ? { replayFrom: a.replayOf.step, replayOf: a.replayOf } : {}),
    };
    const pass = catalog.entry(a.storyId)?.metadata.pass;
    if (a.mode === 'assessment' && pass) point.passed = meetsMarks(a.result.percent, pass);
    const list = groups.get(a.storyId);
    if (list) list.push(point);
    else groups.set(a.storyId, [point]);
  }

  const scenarios: ScenarioHistory[] = [];
  for (const [storyId, list] of groups) {
    list.sort((x, y) => byFinish(x, y));
    const counts = countRuns(list);
    const points: HistoryPoint[] = list.map(({ startedAt: _, replayOf: __, ...p }) => p);
    const latest = points[points.length - 1]!;
    // Bests and the recent trend come from whole attempts; replays from a decision are shown apart.
    const whole = points.filter((p) => p.replayFrom === undefined);
    const basis = whole.length ? whole : points;
    const best = bestOf(basis);
    const last = basis.slice(-RECENT_ATTEMPTS);
    const recent = meanOf(last.map((p) => p.percent));
    const recentPoints = meanOf(last.map((p) => p.points));
    const entry = catalog.entry(storyId);
    const scenario: ScenarioHistory = {
      storyId,
      title: catalog.title(storyId),
      inCatalog: entry !== undefined,
      points,
      counts,
      best: best.percent,
      bestPoints: best.points,
      latest,
      recent,
      recentPoints,
    };
    if (entry?.metadata.pass) scenario.pass = { ...entry.metadata.pass };
    scenarios.push(scenario);
  }
  scenarios.sort((a, b) => catalog.compare(a.storyId, b.storyId));

  if (scenarios.length === 0) return { finished, counts, scenarios, weakest: null, suggestion: null };

  const overall = meanOf(scenarios.map((s) => s.recent));
  const overallPoints = meanOf(scenarios.map((s) => s.recentPoints));
  let axis: Axis = AXES[0];
  for (const candidate of AXES) if (overall[candidate] < overall[axis] - EPSILON) axis = candidate;
  const weakest: WeakestAxis = {
    axis,
    name: AXIS_NAMES[axis],
    average: overall[axis],
    points: overallPoints[axis],
  };

  return { finished, counts, scenarios, weakest, suggestion: suggest(axis, scenarios, stories, catalog) };
}

const difficultyRank = (entry: StoryEntry): number => {
  const rank = (DIFFICULTIES as readonly string[]).indexOf(entry.metadata.difficulty);
  return rank < 0 ? DIFFICULTIES.length : rank;
};

function suggest(
  axis: Axis,
  scenarios: readonly ScenarioHistory[],
  stories: readonly StoryEntry[],
  catalog: CatalogIndex,
): PractiseSuggestion | null {
  const played = new Map(scenarios.map((s) => [s.storyId, s]));
  const seen = new Set<string>();
  type Candidate = {
    entry: StoryEntry;
    order: number;
    best: number | null;
    bestPoints: number | null;
    mark: number;
  };
  const candidates: Candidate[] = [];
  for (const entry of stories) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const scenario = played.get(entry.id);
    candidates.push({
      entry,
      order: candidates.length,
      best: scenario?.best[axis] ?? null,
      bestPoints: scenario?.bestPoints[axis] ?? null,
      mark: passMarksFor(entry).marks[axis],
    });
  }
  // Lowest best first; among bests at the same percent (0% for every total below zero), fewest points.
  const lowestBest = (list: Candidate[]) =>
    list.reduce<Candidate | undefined>(
      (pick, c) =>
        !pick ||
        c.best! < pick.best! - EPSILON ||
        (Math.abs(c.best! - pick.best!) <= EPSILON && c.bestPoints! < pick.bestPoints!)
          ? c
          : pick,
      undefined,
    );
  const playedOnes = candidates.filter((c) => c.best !== null);
  let why: PractiseSuggestion['why'] = 'below-mark';
  let pick = lowestBest(playedOnes.filter((c) => c.best! < c.mark - EPSILON));
  if (!pick) {
    why = 'unplayed';
    pick = candidates
      .filter((c) => c.best === null)
      .sort((a, b) => difficultyRank(a.entry) - difficultyRank(b.entry) || a.order - b.order)[0];
  }
  if (!pick) {
    why = 'lowest';
    pick = lowestBest(playedOnes);
  }
  if (!pick) return null;
  const name = AXIS_NAMES[axis];
  const lower = name.toLowerCase();
  const title = catalog.title(pick.entry.id);
  // "40%", or "below zero" for a best whose total was below zero (`resultShareText`).
  const best = pick.best === null ? '' : resultShareText(pick.bestPoints ?? 0, pick.best);
  const short = best === 'below zero' ? 'short of' : 'below';
  const markWords = pick.entry.metadata.pass
    ? `its pass mark of ${pick.mark}%`
    : `the ${pick.mark}% to aim for (it sets no pass marks)`;
  const reason =
    why === 'unplayed'
      ? `${name} is your weakest area, and you have not tried “${title}” yet: it is a good next call to practise it on.`
      : why === 'below-mark'
        ? `${name} is your weakest area; your best ${lower} score on “${title}” is ${best}, ${short} ${markWords}.`
        : seen.size === 1
          ? `${name} is your weakest area; your best ${lower} score on “${title}” is ${best}.`
          : `${name} is your weakest area, and “${title}” is where your best ${lower} score is lowest (${best}).`;
  return {
    storyId: pick.entry.id,
    title,
    axis,
    best: pick.best,
    bestPoints: pick.bestPoints,
    mark: pick.mark,
    why,
    reason,
  };
}

// ---- A trainer's cohort ----

export interface CohortRow {
  traineeId: string;
  traineeName: string;
  /** The name as shown: `traineeName`, told apart from namesakes (`traineeLabels`). */
  traineeLabel: string;
  storyId: string;
  /** The catalog title, or the id for a scenario no longer in the catalog. */
  title: string;
  inCatalog: boolean;
  /**
   * Finished full plays, practice and assessment: "Replay from here" runs are not counted here but in
   * `replays` (REPLAY_RULE).
   */
  attempts: number;
  /** Finished "Replay from here" runs (`replayOf`): shown apart, never in best or latest unless… */
  replays: number;
  /**
   * …there is no full play at all: then best and latest come from the replays, and this is true so
   * the table can say so.
   */
  fromReplays: boolean;
  /** The best on each axis over the full plays (REPLAY_RULE). */
  best: AxisPercents;
  /** The points behind each best (`bestOf`): below zero only when every total was. */
  bestPoints: Score;
  /** The most recently finished full play, in either mode (REPLAY_RULE). */
  latest: AxisPercents;
  /** Its points: with the percents, what tells a total below zero from 0 (`resultShareText`). */
  latestPoints: Score;
  latestAt: string;
  latestMode: Mode;
  /**
   * The coaching thresholds for "below" and "needs help": the scenario's pass marks, or
   * DEFAULT_PASS_MARK on every axis where it declares none (`marksDeclared` false).
   */
  marks: PassMarks;
  marksDeclared: boolean;
  /** The pass marks the scenario declares, if it declares any: what `assessment` is judged against. */
  pass?: PassMarks;
  /** How many of the attempts were assessments. */
  assessments: number;
  /** Where the trainee stands on the scenario's assessment (`assessmentStanding`). */
  assessment: Standing;
  /** When the first assessment attempt that met every pass mark finished ('passed' only). */
  passedAt?: string;
  /** When the latest assessment attempt finished, if there is one. */
  assessmentAt?: string;
  /**
   * How many of the attempts and replays are unverified (`verified` false: not checked against their
   * own choices). They never count as passed; best and latest come from the verified ones when there
   * are any.
   */
  unverified: number;
  /** False when best and latest come from unverified attempts only: the figures are the file's word. */
  verified: boolean;
  /**
   * With unverified attempts: why, in the dashboard's words (UNKNOWN_SCENARIO_NOTE, UNVERIFIED_NOTE
   * for an unknown version, or MISMATCH_NOTE).
   */
  unverifiedNote?: string;
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** How the dashboard counts "Replay from here" runs, in words a trainer can read. */
export const REPLAY_RULE =
  'Attempts counts full plays; replays from a decision (“Replay from here”) are counted apart, as “+2 replays”. Best and Latest come from full plays; where a trainee has only replays of a scenario, the row says “only 2 replays” and Best and Latest come from those.';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The Attempts cell: "3", "3 (+2 replays)", or "only 2 replays" when there is no full play (REPLAY_RULE). */
export function attemptsLabel(row: Pick<CohortRow, 'attempts' | 'replays'>): string {
  if (row.attempts === 0 && row.replays > 0) return `only ${plural(row.replays, 'replay')}`;
  return row.replays ? `${row.attempts} (+${plural(row.replays, 'replay')})` : String(row.attempts);
}

/** One row per trainee and scenario they finished: by trainee name, then catalog order. */
export function cohortTable(cohort: Cohort, stories: readonly StoryEntry[]): CohortRow[] {
  const catalog = indexCatalog(stories);
  const labels = traineeLabels(cohort.trainees);
  const rows: CohortRow[] = [];
  const trainees = [...cohort.trainees].sort(
    (a, b) => byName(a.trainee.name, b.trainee.name) || a.trainee.id.localeCompare(b.trainee.id),
  );
  for (const { trainee, attempts } of trainees) {
    const groups = new Map<string, CohortAttempt[]>();
    for (const a of attempts) {
      const list = groups.get(a.storyId);
      if (list) list.push(a);
      else groups.set(a.storyId, [a]);
    }
    const ids = [...groups.keys()].sort(catalog.compare);
    for (const storyId of ids) {
      const list = groups.get(storyId)!;
      list.sort(
        (a, b) =>
          a.finishedAt.localeCompare(b.finishedAt) ||
          a.startedAt.localeCompare(b.startedAt) ||
          a.id.localeCompare(b.id),
      );
      const unverified = list.filter((a) => a.verified === false);
      // REPLAY_RULE: "Replay from here" runs reuse an earlier run's first decisions, so they are not
      // whole attempts: counted apart, and in best and latest only when there is no full play.
      const full = list.filter((a) => !a.replayOf);
      const { replays } = countRuns(list);
      const pool = full.length ? full : list;
      // Figures from the verified attempts when there are any; the file's word only when not.
      const checked = pool.filter((a) => a.verified !== false);
      const basis = checked.length ? checked : pool;
      const last = basis[basis.length - 1]!;
      const best = bestOf(basis.map((a) => ({ percent: a.result.percent, points: a.result.score })));
      const entry = catalog.entry(storyId);
      const { marks, declared } = passMarksFor(entry);
      const pass = entry?.metadata.pass;
      const assessed = list.filter((a) => a.mode === 'assessment');
      const lastAssessed = assessed.filter((a) => a.verified !== false).at(-1);
      const row: CohortRow = {
        traineeId: trainee.id,
        traineeName: trainee.name,
        traineeLabel: labels.get(trainee.id) ?? trainee.name,
        storyId,
        title: catalog.title(storyId),
        inCatalog: catalog.has(storyId),
        attempts: full.length,
        replays,
        fromReplays: full.length === 0,
        best: best.percent,
        bestPoints: best.points,
        latest: copy(last.result.percent),
        latestPoints: { ...last.result.score },
        latestAt: last.finishedAt,
        latestMode: last.mode,
        marks,
        marksDeclared: declared,
        assessments: assessed.length,
        assessment: assessmentStanding(list, pass),
        unverified: unverified.length,
        verified: checked.length > 0,
      };
      if (unverified.length) {
        const ofThisVersion = (a: CohortAttempt) =>
          stories.some((s) => s.id === a.storyId && s.hash === a.storyHash);
        row.unverifiedNote = unverified.every(ofThisVersion)
          ? MISMATCH_NOTE
          : catalog.has(storyId)
            ? UNVERIFIED_NOTE
            : UNKNOWN_SCENARIO_NOTE;
      }
      if (pass) row.pass = { ...pass };
      if (row.assessment === 'passed' && pass) {
        const first = assessed.find((a) => a.verified !== false && meetsMarks(a.result.percent, pass));
        if (first) row.passedAt = first.finishedAt;
      }
      if (lastAssessed) row.assessmentAt = lastAssessed.finishedAt;
      rows.push(row);
    }
  }
  return rows;
}

export interface DistributionBin {
  /** Lowest whole percent in the bin. */
  from: number;
  /** Highest whole percent in the bin (100 for the last). */
  to: number;
  /** "0–9", …, "90–100". */
  label: string;
  count: number;
}

export interface AxisDistribution {
  axis: Axis;
  name: string;
  /** Ten bins of ten points; the last, 90–100, holds 100 too. */
  bins: DistributionBin[];
  /** How many values (trainee × scenario pairs) were counted. */
  total: number;
}

/**
 * Per axis, how the latest percents spread: one value per table row (each trainee's latest attempt
 * at each scenario), rounded to a whole percent as shown, counted in 10-point bins. With `storyId`,
 * only that scenario's rows. Rows with no verified attempt (`verified` false) are left out.
 */
export function axisDistributions(rows: readonly CohortRow[], storyId?: string): AxisDistribution[] {
  const counted = rows.filter(
    (r) => r.verified !== false && (storyId === undefined || r.storyId === storyId),
  );
  return AXES.map((axis) => {
    const bins: DistributionBin[] = Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 9,
      label: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`,
      count: 0,
    }));
    for (const row of counted) {
      const value = Math.min(100, Math.max(0, Math.round(row.latest[axis])));
      bins[Math.min(9, Math.floor(value / 10))]!.count++;
    }
    return { axis, name: AXIS_NAMES[axis], bins, total: counted.length };
  });
}

export interface HelpScenario {
  storyId: string;
  title: string;
  /** The latest attempt's percent on the axis. */
  latest: number;
  /** Its points: below zero where the percent says only 0 (`resultShareText`). */
  latestPoints: number;
  /** The mark it is below: the scenario's pass mark, or DEFAULT_PASS_MARK (`declared` false). */
  mark: number;
  /** Whether `mark` is a pass mark the scenario declares, not the coaching threshold. */
  declared: boolean;
  /** How many points below the mark (> 0). */
  below: number;
}

export interface HelpAxis {
  axis: Axis;
  name: string;
  /** Worst (furthest below) first. */
  scenarios: HelpScenario[];
  /** The largest `below` among the scenarios. */
  worst: number;
}

export interface HelpEntry {
  traineeId: string;
  traineeName: string;
  /** As the table shows it, told apart from namesakes. */
  traineeLabel: string;
  /** Worst first. */
  axes: HelpAxis[];
  worst: number;
}

/**
 * Who needs help with what: for each trainee, the axes where their latest attempt at a scenario is
 * below that scenario's pass mark (DEFAULT_PASS_MARK where it declares none), naming the scenarios.
 * Trainees, axes and scenarios come worst first (the most points below the mark); trainees who are
 * at or above every mark are left out, and so are rows with no verified attempt (`verified` false).
 */
export function needsHelp(rows: readonly CohortRow[]): HelpEntry[] {
  const byTrainee = new Map<string, { name: string; label: string; axes: Map<Axis, HelpScenario[]> }>();
  for (const row of rows) {
    if (row.verified === false) continue;
    for (const axis of AXES) {
      const latest = row.latest[axis];
      const mark = row.marks[axis];
      if (!(latest < mark)) continue;
      let t = byTrainee.get(row.traineeId);
      if (!t) {
        t = { name: row.traineeName, label: row.traineeLabel, axes: new Map() };
        byTrainee.set(row.traineeId, t);
      }
      const list = t.axes.get(axis) ?? [];
      list.push({
        storyId: row.storyId,
        title: scenarioLabel(row),
        latest,
        latestPoints: row.latestPoints[axis],
        mark,
        declared: row.marksDeclared,
        below: mark - latest,
      });
      t.axes.set(axis, list);
    }
  }
  const entries: HelpEntry[] = [];
  for (const [traineeId, t] of byTrainee) {
    const axes: HelpAxis[] = [];
    for (const axis of AXES) {
      const scenarios = t.axes.get(axis);
      if (!scenarios) continue;
      // Equally far below in percent (every total below zero is 0%): the fewest points first.
      scenarios.sort(
        (a, b) => b.below - a.below || a.latestPoints - b.latestPoints || byName(a.title, b.title),
      );
      axes.push({ axis, name: AXIS_NAMES[axis], scenarios, worst: scenarios[0]!.below });
    }
    axes.sort((a, b) => b.worst - a.worst || AXES.indexOf(a.axis) - AXES.indexOf(b.axis));
    entries.push({ traineeId, traineeName: t.name, traineeLabel: t.label, axes, worst: axes[0]!.worst });
  }
  entries.sort(
    (a, b) =>
      b.worst - a.worst || byName(a.traineeLabel, b.traineeLabel) || a.traineeId.localeCompare(b.traineeId),
  );
  return entries;
}

export const COHORT_CSV_HEADER = [
  'Trainee',
  'Scenario',
  'Attempts (full plays)',
  'Replays from a decision',
  ...AXES.flatMap((a) => [`${AXIS_NAMES[a]} best %`, `${AXIS_NAMES[a]} latest %`]),
  'Latest attempt finished at',
  'Assessment attempts',
  'Assessment',
  'First passed at',
  'Unverified attempts',
  // Points keep their sign: a total below zero is 0% in the columns above, and -6 here.
  ...AXES.flatMap((a) => [`${AXIS_NAMES[a]} best points`, `${AXIS_NAMES[a]} latest points`]),
];

/** The words for a standing, as the table and the CSV show them ('' when not taken). */
export function assessmentLabel(standing: Standing): string {
  switch (standing) {
    case 'passed':
      return 'passed';
    case 'not-yet':
      return 'not yet';
    case 'no-marks':
      return 'No pass marks';
    default:
      return '';
  }
}

/**
 * The cohort table as CSV (csv.ts: RFC 4180, CRLF, formulas defused, a byte-order mark unless `bom`
 * is false). Trainees are named as the table names them, namesakes told apart.
 */
export function cohortTableCsv(rows: readonly CohortRow[], options: { bom?: boolean } = {}): string {
  const lines: string[][] = [COHORT_CSV_HEADER];
  for (const r of rows) {
    lines.push([
      csvText(r.traineeLabel),
      csvText(scenarioLabel(r)),
      String(r.attempts),
      String(r.replays),
      ...AXES.flatMap((a) => [String(Math.round(r.best[a])), String(Math.round(r.latest[a]))]),
      r.latestAt,
      String(r.assessments),
      assessmentLabel(r.assessment),
      r.passedAt ?? '',
      String(r.unverified ?? 0),
      ...AXES.flatMap((a) => [String(r.bestPoints[a]), String(r.latestPoints[a])]),
    ]);
  }
  return csvDocument(lines, options);
}

// ---- The progress chart's window and time axis ----

/** How many of a scenario's latest attempts its progress chart shows until asked for all. */
export const CHART_LATEST = 30;

/** The points a progress chart plots: the latest CHART_LATEST (oldest first), or all of them. */
export function chartWindow<T>(points: readonly T[], showAll: boolean): T[] {
  return showAll ? [...points] : points.slice(-CHART_LATEST);
}
