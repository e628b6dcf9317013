/**
 * What the game keeps about trainees and their attempts, as zod schemas. Every stored record carries
 * `schemaVersion`; older versions are brought up to date by the explicit migrations below, and a
 * record from a *newer* version is never guessed at: the reader reports it so it can be set aside.
 */
import { z } from 'zod';
import type { Debrief } from '../engine/debrief.ts';

/** The version of every record this code writes. Bump it with a migration from the previous one. */
export const SCHEMA_VERSION = 2;

export const Iso = z.iso.datetime();
const Id = z.string().min(1).max(100);
const Points = z.number().finite();
const Percent = z.number().min(0).max(100);

export const MODES = ['practice', 'assessment'] as const;
export type Mode = (typeof MODES)[number];

/** At most this many characters in a trainee's name. */
export const NAME_MAX = 40;

export const ScoreSchema = z.object({ de: Points, own: Points, res: Points });
export const PercentSchema = z.object({ de: Percent, own: Percent, res: Percent });

/** A desk scenario's call notes, in the order they were written. */
export const NoteSchema = z.object({
  /** How many choices had been made when the notes were written (`runner.path.length`). */
  step: z.int().min(0),
  /** Fact keys from the story header that the rep ticked. */
  facts: z.array(z.string().max(100)).max(100),
  text: z.string().max(2000),
});
export type Note = z.infer<typeof NoteSchema>;

export const ResultSchema = z.object({
  ending: z.string().max(500),
  resolved: z.boolean(),
  score: ScoreSchema,
  percent: PercentSchema,
  /** Length of the call on the story's clock (`debrief.figures.seconds`). */
  seconds: z.number().min(0).finite(),
  /** Assessment mode: whether the attempt met the bar. */
  passed: z.boolean().optional(),
});
export type AttemptResult = z.infer<typeof ResultSchema>;

export const ProgressSchema = z.object({
  /** Choice indices so far (`runner.path`). */
  path: z.array(z.int().min(0)).max(10_000),
  /** Lines shown since the last choice: resume shows the same line again. */
  linesAfterLastChoice: z.int().min(0),
  notes: z.array(NoteSchema).max(1000),
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
  storyId: z.string().min(1).max(200),
  /** The story version the attempt was played on (`StoryEntry.hash`). */
  storyHash: z.string().min(1).max(200),
  startedAt: Iso,
  updatedAt: Iso,
  status: z.enum(['in-progress', 'finished', 'abandoned']),
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

export type Kind = 'profile' | 'attempt' | 'meta';

/** migrations[kind][v]: how a record of version v (< SCHEMA_VERSION) becomes version v + 1. */
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
};

const CURRENT: { profile: typeof ProfileSchema; attempt: typeof AttemptSchema; meta: typeof MetaSchema } = {
  profile: ProfileSchema,
  attempt: AttemptSchema,
  meta: MetaSchema,
};
type Current = { profile: Profile; attempt: Attempt; meta: Meta };

export type ReadOutcome<T> =
  | {
      ok: true;
      value: T;
      /** The version it was stored as, when it had to be migrated. */
      migratedFrom?: number;
    }
  | { ok: false; reason: string; newer: boolean };

/** "attempts[2].result.percent.de" from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = formatPath(issue.path);
  return `${where ? `${where}: ` : ''}${issue.message}`;
}

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
 * A trainee's name as it will be stored: trimmed, with runs of spaces and line breaks made one
 * space, 1–40 characters, and unlike every name in `taken` (ignoring case).
 */
export function checkName(input: string, taken: readonly string[]): NameCheck {
  const name = input
    .normalize('NFC')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  if (!name) return { ok: false, message: 'Enter a name.' };
  const length = [...name].length;
  if (length > NAME_MAX) {
    return { ok: false, message: `A name can be at most ${NAME_MAX} characters; this one has ${length}.` };
  }
  const same = taken.find((t) => t.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0);
  if (same !== undefined) return { ok: false, message: `There is already a trainee called “${same}”.` };
  return { ok: true, name };
}
