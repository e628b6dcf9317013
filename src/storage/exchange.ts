/**
 * Results leave the trainee's browser as files: JSON for the trainer's dashboard (validated on the
 * way back in) and CSV for spreadsheets. The dashboard merges files into a cohort by attempt id, so
 * importing the same file twice counts nothing twice.
 */
import { z } from 'zod';
import type { StoryEntry } from '../authoring/catalog.ts';
import { percent } from '../engine/scoring.ts';
import { AXES, AXIS_NAMES } from '../engine/tags.ts';
import { csvDocument, csvText } from './csv.ts';
// Fields from fields.ts, not schema.ts: schema.ts imports this module (for the cohort record), so a
// value import the other way would be a cycle. Types only from schema.ts.
import {
  describeIssues,
  GameIso,
  Iso,
  MODES,
  NoteSchema,
  numberWords,
  ReplayOfSchema,
  ResultSchema,
  tidyName,
} from './fields.ts';
import type { Attempt, Profile } from './schema.ts';

export const RESULTS_FORMAT = 'beyond-the-script/results';
export const RESULTS_VERSION = 1;

/** A finished attempt as it appears in a results file (version 1). */
export const ExportedAttemptSchema = z.object({
  id: z.string().min(1).max(100),
  storyId: z.string().min(1).max(200),
  storyHash: z.string().min(1).max(200),
  mode: z.enum(MODES),
  startedAt: GameIso,
  finishedAt: GameIso,
  /** The choices made: with the story at `storyHash`, `StoryRunner.replay` rebuilds the whole run. */
  path: z.array(z.int().min(0)).max(10_000),
  notes: z.array(NoteSchema).max(1000),
  result: ResultSchema,
  /** "Replay from here": played on from decision `step` of attempt `attemptId`. */
  replayOf: ReplayOfSchema.optional(),
});
export type ExportedAttempt = z.infer<typeof ExportedAttemptSchema>;

/**
 * A trainee as a file names them. Names are tidied as the game tidies them (`tidyName`) and may be up
 * to 200 characters (longer than the game's own NAME_MAX: files are not refused for it); tables cut
 * long ones short on screen and show the whole name on hover.
 */
export const TraineeSchema = z.object({
  id: z.string().min(1).max(100),
  name: z
    .string()
    .transform(tidyName)
    .pipe(
      z
        .string()
        .max(200)
        .refine((s) => s.length > 0, 'is blank: a trainee needs a name'),
    ),
});

export const ResultsFileSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.literal(RESULTS_VERSION),
  exportedAt: GameIso,
  trainee: TraineeSchema,
  attempts: z.array(ExportedAttemptSchema).max(100_000),
});
export type ResultsFile = z.infer<typeof ResultsFileSchema>;

/** One trainee's finished attempts: a results file, or a trainee in a cohort. */
export interface TraineeResults {
  trainee: { id: string; name: string };
  attempts: readonly ExportedAttempt[];
}

/** A finished attempt as a results file carries it (its result is required). */
export function exportAttempt(a: Attempt): ExportedAttempt {
  if (!a.result) throw new Error(`attempt ${a.id} has no result to export`);
  return {
    id: a.id,
    storyId: a.storyId,
    storyHash: a.storyHash,
    mode: a.mode,
    startedAt: a.startedAt,
    finishedAt: a.updatedAt,
    path: [...a.path],
    notes: a.notes.map((n) => ({ ...n, facts: [...n.facts] })),
    result: a.result,
    ...(a.replayOf ? { replayOf: { ...a.replayOf } } : {}),
  };
}

/** The results file for a profile: its finished attempts, oldest first. */
export function buildResultsFile(
  profile: Pick<Profile, 'id' | 'name'>,
  attempts: readonly Attempt[],
  now: Date = new Date(),
): ResultsFile {
  const finished = attempts
    .filter((a) => a.profileId === profile.id && a.status === 'finished' && a.result)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
    .map(exportAttempt);
  return ResultsFileSchema.parse({
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    exportedAt: now.toISOString(),
    trainee: { id: profile.id, name: profile.name },
    attempts: finished,
  });
}

export function resultsJson(file: ResultsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name for the download: `results-sam-okafor-2025-03-14.json`. */
export function resultsFileName(
  file: Pick<ResultsFile, 'trainee' | 'exportedAt'>,
  ext: 'json' | 'csv',
): string {
  const slug =
    file.trainee.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'trainee';
  return `results-${slug}-${file.exportedAt.slice(0, 10)}.${ext}`;
}

export const CSV_HEADER = [
  'Trainee',
  'Scenario',
  'Mode',
  'Finished at',
  'Ending',
  'Resolved',
  ...AXES.map((a) => `${AXIS_NAMES[a]} points`),
  ...AXES.map((a) => `${AXIS_NAMES[a]} %`),
  'Duration (s)',
  'Passed',
  /** "yes" for a "Replay from here" run, which the dashboard counts apart from full plays. */
  'Replay',
  /** For a replay: the decision (1-based, as the debrief numbers them) it played on from. */
  'Replay from decision',
];

export interface CsvOptions {
  /** The scenario's title for its id (the catalog's `metadata.title`); the id when absent. */
  scenarioTitle?: (storyId: string) => string | undefined;
  /** Start with a byte-order mark so Excel reads names like “José” right. Default true. */
  bom?: boolean;
}

/**
 * One row per finished attempt, RFC 4180: fields with commas, quotes or line breaks are quoted, and
 * text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe
 * (see csv.ts).
 */
export function resultsCsv(
  groups: TraineeResults | readonly TraineeResults[],
  options: CsvOptions = {},
): string {
  const list: readonly TraineeResults[] = Array.isArray(groups) ? groups : [groups as TraineeResults];
  const rows: string[][] = [CSV_HEADER];
  for (const { trainee, attempts } of list) {
    for (const a of attempts) {
      const r = a.result;
      rows.push([
        csvText(trainee.name),
        csvText(options.scenarioTitle?.(a.storyId) ?? a.storyId),
        a.mode,
        a.finishedAt,
        csvText(r.ending),
        r.resolved ? 'yes' : 'no',
        ...AXES.map((axis) => String(r.score[axis])),
        ...AXES.map((axis) => String(Math.round(r.percent[axis]))),
        String(Math.round(r.seconds)),
        r.passed === undefined ? '' : r.passed ? 'yes' : 'no',
        a.replayOf ? 'yes' : 'no',
        a.replayOf ? String(a.replayOf.step + 1) : '',
      ]);
    }
  }
  return csvDocument(rows, options);
}

export type ParseResult = { ok: true; data: ResultsFile } | { ok: false; message: string };

/**
 * Larger than any real export: refused before parsing (in characters), and by the dashboard before
 * reading (in bytes, `File.size`, which is never less than the characters it holds).
 */
export const MAX_RESULTS_FILE_SIZE = 50_000_000;

/** How far past the export (or now) an attempt may say it finished: clocks drift, a day does not. */
export const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;

/** The scenarios a file is checked against: this game's catalog. */
export type CatalogStory = Pick<StoryEntry, 'id' | 'hash' | 'bounds'> & {
  /** Messages name a scenario by its title. */
  metadata: Pick<StoryEntry['metadata'], 'title'>;
};

export interface ParseOptions {
  /**
   * This game's catalog: an attempt at a scenario and version in it (storyId and storyHash) must
   * have the percents its points make (see `checkResultsFile`).
   */
  stories?: readonly CatalogStory[];
  /** For the "not in the future" check. Default: the current time. */
  now?: Date;
}

/**
 * Reads a results file chosen by a trainer. Every failure says what is wrong with this file: not
 * JSON, a CSV or some other JSON, a newer version, the first invalid field and where it is, or an
 * attempt that cannot be right (`checkResultsFile`).
 */
export function parseResultsFile(text: string, fileName: string, options: ParseOptions = {}): ParseResult {
  const name = fileName.trim() || 'The file';
  const fail = (message: string): ParseResult => ({ ok: false, message });
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail(`${name} is empty.`);
  if (body.length > MAX_RESULTS_FILE_SIZE) return fail(`${name} is too large to be a results file.`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
    if (/\.csv$/i.test(name) || (firstLine.split(',').length >= 3 && !/^\s*[[{]/.test(firstLine))) {
      return fail(
        `${name} is a CSV spreadsheet, not a results file. Import the .json file the trainee exported (the CSV is for spreadsheets).`,
      );
    }
    return fail(
      `${name} is not a results file: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const notOurs = `${name} is JSON but not a Beyond the Script results file`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      `${notOurs}: it is ${Array.isArray(value) ? 'a list' : `a ${value === null ? 'null' : typeof value}`}, not an object with "format": "${RESULTS_FORMAT}".`,
    );
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format === undefined) return fail(`${notOurs}: it has no "format" field.`);
  if (format !== RESULTS_FORMAT) {
    return fail(`${notOurs}: its "format" is ${JSON.stringify(format)}, not "${RESULTS_FORMAT}".`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      `${name} has an invalid "version" (${JSON.stringify(version) ?? 'missing'}): expected ${RESULTS_VERSION}.`,
    );
  }
  if (version > RESULTS_VERSION) {
    return fail(
      `${name} was exported by a newer version of the game (results version ${version}; this version reads version ${RESULTS_VERSION}). Update the game to import it.`,
    );
  }
  const parsed = ResultsFileSchema.safeParse(value);
  if (!parsed.success) {
    const more = parsed.error.issues.length - 1;
    return fail(
      `${name} is not a valid results file: ${describeIssues(parsed.error, value)}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}.`,
    );
  }
  const problem = checkResultsFile(parsed.data, name, options);
  if (problem !== undefined) return fail(problem);
  return { ok: true, data: parsed.data };
}

/** "−999" with a real minus sign, as people write it; words for a number no scenario comes near. */
const signed = (n: number) => numberWords(n, '−');
const pointsWord = (n: number) => (Math.abs(n) === 1 ? 'point' : 'points');

/**
 * What a well-formed file can still get wrong, as a message naming the file and the attempt (numbered
 * from 1, as in the file, with its scenario's title), or undefined when nothing is wrong:
 * - two attempts with the same id (each finished attempt has its own: a file that repeats one was
 *   made by hand, and which of the two is meant cannot be told);
 * - an attempt that finishes before it starts;
 * - a file exported, or an attempt finished, more than a day (CLOCK_SLACK_MS) after now, or an
 *   attempt finished more than a day after the file was exported;
 * - with `stories`, an attempt at a scenario and version in the catalog (storyId and storyHash both
 *   match) whose points on an axis are outside what that version allows (its bounds, worst to
 *   best), or whose percents are more than 1 point from what its points make (`percent` with the
 *   scenario's bounds). Attempts at other scenarios, or other versions, cannot be checked here; the
 *   dashboard keeps them marked unverified (see verify.ts, which also replays the ones it can check).
 * Percents outside 0–100 are already refused by the schema.
 */
/** A scenario as messages name it: its title in the catalog (any version), else its id. */
export function scenarioTitle(
  storyId: string,
  stories: readonly (Pick<StoryEntry, 'id'> & { metadata: Pick<StoryEntry['metadata'], 'title'> })[] = [],
): string {
  return stories.find((s) => s.id === storyId)?.metadata.title || storyId;
}

export function checkResultsFile(
  file: ResultsFile,
  fileName: string,
  options: ParseOptions = {},
): string | undefined {
  const name = fileName.trim() || 'The file';
  const now = (options.now ?? new Date()).getTime();
  const exported = Date.parse(file.exportedAt);
  if (exported > now + CLOCK_SLACK_MS) {
    return `${name} cannot be right: it says it was exported at ${file.exportedAt}, more than a day from now.`;
  }
  const latest = Math.min(exported, now) + CLOCK_SLACK_MS;
  const stories = new Map<string, CatalogStory>();
  for (const story of options.stories ?? []) if (!stories.has(story.id)) stories.set(story.id, story);
  const seen = new Map<string, number>();
  for (const [i, a] of file.attempts.entries()) {
    const first = seen.get(a.id);
    if (first !== undefined) {
      return `${name} cannot be right: attempts ${first + 1} and ${i + 1} have the same id (${JSON.stringify(a.id)}), and each attempt has its own. It was not imported.`;
    }
    seen.set(a.id, i);
  }
  for (const [i, a] of file.attempts.entries()) {
    const which = `attempt ${i + 1} (${scenarioTitle(a.storyId, options.stories)})`;
    const started = Date.parse(a.startedAt);
    const finished = Date.parse(a.finishedAt);
    if (finished < started) {
      return `${name} cannot be right: ${which} finishes at ${a.finishedAt}, before it starts at ${a.startedAt}.`;
    }
    if (finished > latest) {
      return `${name} cannot be right: ${which} finishes at ${a.finishedAt}, more than a day after ${exported <= now ? `the file was exported (${file.exportedAt})` : 'now'}.`;
    }
    const story = stories.get(a.storyId);
    if (!story || story.hash !== a.storyHash) continue;
    for (const axis of AXES) {
      const points = a.result.score[axis];
      const worst = story.bounds.worst[axis];
      const best = story.bounds.best[axis];
      if (points < worst || points > best) {
        return `${name} cannot be right: ${which} says ${signed(points)} ${AXIS_NAMES[axis].toLowerCase()} ${pointsWord(points)}, but this version of the scenario allows ${signed(worst)} to ${signed(best)}.`;
      }
    }
    for (const axis of AXES) {
      const expected = percent(a.result.score[axis], axis, story.bounds);
      const said = a.result.percent[axis];
      if (Math.abs(expected - said) > 1) {
        const points = a.result.score[axis];
        return `${name} cannot be right: ${which} says ${Math.round(said)}% ${AXIS_NAMES[axis].toLowerCase()} for ${signed(points)} ${pointsWord(points)}, but in this version of the scenario that is ${expected}%.`;
      }
    }
  }
  return undefined;
}

// ---- The trainer's cohort ----

/**
 * An attempt as the dashboard keeps it: as exported, plus what the dashboard found when it checked it
 * (verify.ts). `verified` true: replayed on the version it was played on and it matched. False: it
 * could not be checked (this game does not have that version) or, for an attempt kept from before
 * checks existed, it did not match; it is shown as unverified and never counts as passed. Absent: not
 * checked yet (kept from before checks existed; the dashboard checks it when it opens).
 * Never taken from a file: `ExportedAttemptSchema` drops the field.
 */
export type CohortAttempt = ExportedAttempt & { verified?: boolean };

export const CohortAttemptSchema: z.ZodType<CohortAttempt> = ExportedAttemptSchema.extend({
  verified: z.boolean().optional(),
});

export interface CohortTrainee extends TraineeResults {
  trainee: { id: string; name: string };
  attempts: CohortAttempt[];
  /** When the newest file for this trainee was exported: its name wins. */
  exportedAt: string;
}

export interface Cohort {
  trainees: CohortTrainee[];
}

export const CohortTraineeSchema: z.ZodType<CohortTrainee> = z.object({
  trainee: TraineeSchema,
  attempts: z.array(CohortAttemptSchema).max(100_000),
  exportedAt: Iso,
});

/** A cohort as the trainer's dashboard keeps it between visits (see `store.cohort`). */
export const CohortSchema: z.ZodType<Cohort> = z.object({
  trainees: z.array(CohortTraineeSchema).max(10_000),
});

export const emptyCohort = (): Cohort => ({ trainees: [] });

export interface MergeReport {
  /** A new cohort; the one passed in is not changed. */
  cohort: Cohort;
  added: number;
  /** Attempts already loaded (the same file, or an overlapping one): not counted again. */
  duplicates: number;
  /** Attempts whose id was loaded with different content: the loaded one is kept. */
  conflicts: number;
  /**
   * Attempts whose id is already loaded under another trainee: not added (an attempt belongs to one
   * trainee), and named in `message`.
   */
  elsewhere: number;
  /** When the file renamed a trainee already loaded: the name they had. */
  renamedFrom?: string;
  /**
   * How many trainees in the cohort, this one included, have this trainee's name (`nameKey`) under
   * different ids; 1 when the name is theirs alone. The dashboard shows namesakes apart.
   */
  namesakes: number;
  message: string;
}

/** A name as compared for "the same name": tidied as names are kept (`tidyName`), case ignored. */
export function nameKey(name: string): string {
  return tidyName(name).toLowerCase();
}

const COUNT_WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/** An attempt's content, without what the dashboard found when it checked it. */
const contentOf = (a: CohortAttempt): string => {
  const { verified: _, ...content } = a;
  return JSON.stringify(content);
};

/**
 * Adds a results file to the cohort. Attempts are matched by id: one already loaded is not added
 * again, and nothing already loaded is dropped or changed (apart from the trainee's newest name, and
 * an attempt loaded unverified that is now verified). An id already loaded under another trainee is
 * not added either: the message names whose it is. A trainee new to the cohort is added only with
 * at least one new attempt (or when the file has none at all: they have not finished one yet).
 * `verified` gives, by position in `incoming.attempts`, what checking found (verify.ts): kept with
 * each new attempt as its `verified` flag.
 */
export function mergeCohort(
  existing: Cohort,
  incoming: ResultsFile,
  verified?: readonly (boolean | undefined)[],
): MergeReport {
  const trainees = existing.trainees.map((t) => ({
    ...t,
    trainee: { ...t.trainee },
    attempts: [...t.attempts],
  }));
  const known = new Map<string, { content: string; trainee: CohortTrainee; index: number }>();
  for (const t of trainees) {
    for (const [index, a] of t.attempts.entries()) {
      known.set(a.id, { content: contentOf(a), trainee: t, index });
    }
  }
  let target = trainees.find((t) => t.trainee.id === incoming.trainee.id);
  let renamedFrom: string | undefined;
  const isNew = !target;
  if (!target) {
    target = { trainee: { ...incoming.trainee }, attempts: [], exportedAt: incoming.exportedAt };
  } else if (incoming.exportedAt >= target.exportedAt) {
    if (target.trainee.name !== incoming.trainee.name) renamedFrom = target.trainee.name;
    target.trainee.name = incoming.trainee.name;
    target.exportedAt = incoming.exportedAt;
  }
  let added = 0;
  let duplicates = 0;
  let conflicts = 0;
  /** Attempts already loaded under other trainees, counted per trainee (in the order met). */
  const owners = new Map<CohortTrainee, number>();
  for (const [i, attempt] of incoming.attempts.entries()) {
    const seen = known.get(attempt.id);
    const check = verified?.[i];
    const content = contentOf(attempt);
    if (seen === undefined) {
      // Only what checking found: never a flag that came with the attempt.
      const kept: CohortAttempt = { ...attempt };
      delete kept.verified;
      if (check !== undefined) kept.verified = check;
      target.attempts.push(kept);
      known.set(attempt.id, { content, trainee: target, index: target.attempts.length - 1 });
      added++;
    } else if (seen.trainee.trainee.id !== target.trainee.id) {
      owners.set(seen.trainee, (owners.get(seen.trainee) ?? 0) + 1);
    } else if (seen.content === content) {
      duplicates++;
      // Loaded before it could be checked, and checked now (the game has its version now).
      const loaded = seen.trainee.attempts[seen.index]!;
      if (check === true && loaded.verified !== true) {
        seen.trainee.attempts[seen.index] = { ...loaded, verified: true };
      }
    } else conflicts++;
  }
  if (isNew && (added > 0 || incoming.attempts.length === 0)) trainees.push(target);
  target.attempts.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  const who = target.trainee.name;
  const key = nameKey(who);
  const namesakes = trainees.filter((t) => nameKey(t.trainee.name) === key).length;
  const parts = [`${added} new ${added === 1 ? 'attempt' : 'attempts'} for ${who}`];
  if (renamedFrom !== undefined) parts.push(`was ${renamedFrom}`);
  if (duplicates) parts.push(`${duplicates} already loaded`);
  if (conflicts) {
    parts.push(
      `${conflicts} clashing with ${conflicts === 1 ? 'an attempt' : 'attempts'} already loaded, which ${conflicts === 1 ? 'was' : 'were'} kept`,
    );
  }
  let elsewhere = 0;
  if (owners.size) {
    const each = [...owners].map(([owner, n], k) => {
      elsewhere += n;
      return k === 0
        ? `${n} ${n === 1 ? 'attempt already belongs' : 'attempts already belong'} to ${owner.trainee.name}`
        : `${n} to ${owner.trainee.name}`;
    });
    parts.push(`${each.join(', ')}; ${elsewhere === 1 ? 'it was' : 'they were'} not added`);
  }
  const same =
    namesakes > 1 && trainees.includes(target)
      ? ` ${COUNT_WORDS[namesakes] ?? namesakes} different trainees are called ${who}: they are shown apart.`
      : '';
  return {
    cohort: { trainees },
    added,
    duplicates,
    conflicts,
    elsewhere,
    ...(renamedFrom === undefined ? {} : { renamedFrom }),
    namesakes,
    message: `${parts[0]}${parts.length > 1 ? ` (${parts.slice(1).join('; ')})` : ''}.${same}`,
  };
}
