/**
 * What the game keeps about trainees and their attempts, as zod schemas. Every stored record carries
 * `schemaVersion`; older versions are brought up to date by the explicit migrations below, and a
 * record from a *newer* version is never guessed at: the reader reports it so it can be set aside.
 */
import { z } from 'zod';
import type { Debrief } from '../engine/debrief.ts';
import type { ScoreBounds } from '../engine/scoring.ts';
import { CohortSchema } from './exchange.ts';
import {
  type AttemptResult,
  describeIssues,
  Iso,
  MODES,
  NoteSchema,
  ReplayOfSchema,
  ResultSchema,
  ScoreSchema,
  tidyName,
} from './fields.ts';

export {
  type AttemptResult,
  describeIssues,
  formatPath,
  Iso,
  MODES,
  type Mode,
  type Note,
  NoteSchema,
  PercentSchema,
  ResultSchema,
  ScoreSchema,
  tidyName,
} from './fields.ts';

/** The version of every record this code writes. Bump it with a migration from the previous one. */
export const SCHEMA_VERSION = 2;

const Id = z.string().min(1).max(100);
const StoryId = z.string().min(1).max(200);
/** A compiled story's content hash (`StoryEntry.hash`): its version. */
const StoryHash = z.string().min(1).max(200);

/** At most this many characters in a trainee's name. */
export const NAME_MAX = 40;

export const ProgressSchema = z.object({
  /** Choice indices so far (`runner.path`). */
  path: z.array(z.int().min(0)).max(10_000),
  /** Lines shown since the last choice: resume shows the same line again. */
  linesAfterLastChoice: z.int().min(0),
  notes: z.array(NoteSchema).max(1000),
  /** The line on screen is a ringing phone the trainee had already picked up. */
  answered: z.boolean().optional(),
  /** Call notes being written when the run was last saved (ticked fact keys and text). */
  draft: z.object({ facts: z.array(z.string().max(100)).max(100), text: z.string().max(2000) }).optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;

const profileFields = {
  id: Id,
  name: z
    .string()
    .min(1)
    .max(NAME_MAX * 2),
  createdAt: Iso,
};

const attemptFields = {
  id: Id,
  profileId: Id,
  storyId: StoryId,
  /** The story version the attempt was played on (`StoryEntry.hash`). */
  storyHash: StoryHash,
  startedAt: Iso,
  updatedAt: Iso,
  status: z.enum(['in-progress', 'finished', 'abandoned']),
  /**
   * The page (tab) playing this attempt now. Another tab that resumes it takes it over; the first
   * tab's next save then goes to a new attempt instead of overwriting.
   */
  writer: z.string().min(1).max(100).optional(),
  /** Played on from a decision of an earlier attempt ("Replay from here"). */
  replayOf: ReplayOfSchema.optional(),
  ...ProgressSchema.shape,
  result: ResultSchema.optional(),
};

const finishedHasResult = (a: { status: string; result?: unknown }) =>
  a.status !== 'finished' || a.result !== undefined;
const FINISHED_NEEDS_RESULT = { message: 'a finished attempt needs a result', path: ['result'] };

export const ProfileSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), ...profileFields });
export type Profile = z.infer<typeof ProfileSchema>;

export const AttemptSchema = z
  .object({ schemaVersion: z.literal(SCHEMA_VERSION), ...attemptFields, mode: z.enum(MODES) })
  .refine(finishedHasResult, FINISHED_NEEDS_RESULT);
export type Attempt = z.infer<typeof AttemptSchema>;
export type AttemptStatus = Attempt['status'];

/** The one record in `meta`: about this saved data as a whole. */
export const MetaSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  key: z.literal('app'),
  createdAt: Iso,
  /** The trainee picked last, to select on the next visit. */
  lastProfileId: Id.optional(),
});
export type Meta = z.infer<typeof MetaSchema>;

/** The longest compiled story a snapshot keeps, in characters (today's scenarios are about 40 000). */
export const SNAPSHOT_JSON_MAX = 5_000_000;

/** The engine's `ScoreBounds`, field for field (this stops compiling if that type changes shape). */
const BoundsSchema: z.ZodType<ScoreBounds> = z.object({ best: ScoreSchema, worst: ScoreSchema });

/**
 * The compiled story an attempt was played on, kept under its content hash so the attempt can still
 * be replayed and debriefed after the scenario is edited. Written once per story version.
 */
export const SnapshotSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  hash: StoryHash,
  storyId: StoryId,
  title: z.string().min(1).max(200),
  /** The compiled ink JSON, exactly as the game loaded it. */
  json: z.string().min(1).max(SNAPSHOT_JSON_MAX),
  bounds: BoundsSchema,
  endings: z.array(z.string().max(500)).max(10_000),
  savedAt: Iso,
});
export type StorySnapshot = z.infer<typeof SnapshotSchema>;
/** What the game passes to `store.snapshots.keep`: the store adds the version and the time. */
export type SnapshotInput = Omit<StorySnapshot, 'schemaVersion' | 'savedAt'>;

/** The one record in `cohort`: the results the trainer's dashboard imported, kept across reloads. */
export const CohortRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  key: z.literal('current'),
  updatedAt: Iso,
  cohort: CohortSchema,
});
export type CohortRecord = z.infer<typeof CohortRecordSchema>;

// ---- Older versions, kept only to migrate from. ----

/** Version 1 profiles had the same fields. */
const ProfileV1 = z.object({ schemaVersion: z.literal(1), ...profileFields });
/** Version 1 attempts had no mode: everything was practice. */
const AttemptV1 = z
  .object({ schemaVersion: z.literal(1), ...attemptFields })
  .refine(finishedHasResult, FINISHED_NEEDS_RESULT);
const MetaV1 = z.object({
  schemaVersion: z.literal(1),
  key: z.literal('app'),
  createdAt: Iso,
  lastProfileId: Id.optional(),
});

interface Step {
  /** The shape of a record at this version. */
  schema: z.ZodType;
  /** Turns a valid record of this version into one of the next. */
  up: (record: never) => unknown;
}

export type Kind = 'profile' | 'attempt' | 'meta' | 'snapshot' | 'cohort';

/**
 * migrations[kind][v]: how a record of version v (< SCHEMA_VERSION) becomes version v + 1. Snapshots
 * and the cohort were first written at version 2: an older one was never written by the game, so it
 * has no migration and is reported as unreadable.
 */
const MIGRATIONS: Record<Kind, Record<number, Step>> = {
  profile: {
    1: { schema: ProfileV1, up: (p: z.infer<typeof ProfileV1>) => ({ ...p, schemaVersion: 2 }) },
  },
  attempt: {
    1: {
      schema: AttemptV1,
      up: (a: z.infer<typeof AttemptV1>) => ({ ...a, schemaVersion: 2, mode: 'practice' }),
    },
  },
  meta: {
    1: { schema: MetaV1, up: (m: z.infer<typeof MetaV1>) => ({ ...m, schemaVersion: 2 }) },
  },
  snapshot: {},
  cohort: {},
};

const CURRENT: {
  profile: typeof ProfileSchema;
  attempt: typeof AttemptSchema;
  meta: typeof MetaSchema;
  snapshot: typeof SnapshotSchema;
  cohort: typeof CohortRecordSchema;
} = {
  profile: ProfileSchema,
  attempt: AttemptSchema,
  meta: MetaSchema,
  snapshot: SnapshotSchema,
  cohort: CohortRecordSchema,
};
type Current = {
  profile: Profile;
  attempt: Attempt;
  meta: Meta;
  snapshot: StorySnapshot;
  cohort: CohortRecord;
};

export type ReadOutcome<T> =
  | {
      ok: true;
      value: T;
      /** The version it was stored as, when it had to be migrated. */
      migratedFrom?: number;
    }
  | { ok: false; reason: string; newer: boolean };

/**
 * Validates a stored record, migrating it from an older version when it is one. Never throws: a
 * record that cannot be read comes back with the reason, and `newer` when a newer version wrote it.
 */
export function readRecord<K extends Kind>(kind: K, raw: unknown): ReadOutcome<Current[K]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: `not a saved ${kind} (${raw === null ? 'null' : typeof raw})`, newer: false };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `not a saved ${kind} (no valid schemaVersion)`, newer: false };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `written by a newer version of the game (record version ${version}; this version reads up to ${SCHEMA_VERSION})`,
      newer: true,
    };
  }
  let value: unknown = raw;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[kind][v];
    if (!step) return { ok: false, reason: `no migration from ${kind} version ${v}`, newer: false };
    const old = step.schema.safeParse(value);
    if (!old.success) {
      return { ok: false, reason: `version ${v} ${kind}: ${describeIssues(old.error)}`, newer: false };
    }
    value = step.up(old.data as never);
  }
  const parsed = CURRENT[kind].safeParse(value);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error), newer: false };
  return version === SCHEMA_VERSION
    ? { ok: true, value: parsed.data as Current[K] }
    : { ok: true, value: parsed.data as Current[K], migratedFrom: version };
}

/** What to store about a finished run, from its debrief. */
export function resultFromDebrief(debrief: Debrief, passed?: boolean): AttemptResult {
  const pct = (axis: 'de' | 'own' | 'res') => debrief.axes.find((a) => a.axis === axis)?.percent ?? 0;
  return {
    ending: debrief.ending,
    resolved: debrief.resolved,
    score: { ...debrief.score },
    percent: { de: pct('de'), own: pct('own'), res: pct('res') },
    seconds: debrief.figures.seconds,
    ...(passed === undefined ? {} : { passed }),
  };
}

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

/**
 * A trainee's name as it will be stored: tidied (`tidyName`: trimmed, with runs of spaces and line
 * breaks made one space), 1–40 characters, and unlike every name in `taken` (ignoring case).
 */
export function checkName(input: string, taken: readonly string[]): NameCheck {
  const name = tidyName(input);
  if (!name) return { ok: false, message: 'Enter a name.' };
  const length = [...name].length;
  if (length > NAME_MAX) {
    return { ok: false, message: `A name can be at most ${NAME_MAX} characters; this one has ${length}.` };
  }
  const same = taken.find((t) => t.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0);
  if (same !== undefined) return { ok: false, message: `There is already a trainee called “${same}”.` };
  return { ok: true, name };
}
