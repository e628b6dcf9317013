/**
 * Field schemas shared by stored records (`schema.ts`) and results files (`exchange.ts`). This module
 * imports nothing from storage, so `schema.ts` can build the cohort record from `exchange.ts`'s
 * schemas without an import cycle (exchange.ts needs these fields, schema.ts needs exchange.ts).
 * Everything here is re-exported by `schema.ts`: import from there.
 */
import { z } from 'zod';

export const Iso = z.iso.datetime();
const Points = z.number().finite();
const Percent = z.number().min(0).max(100);

/**
 * A trainee's name as it is kept: line breaks, control characters and runs of spaces made one space,
 * trimmed. The one rule for names typed into the game (`checkName`), read from results files
 * (`TraineeSchema`) and compared for "the same name" (`nameKey`).
 */
export const tidyName = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();

/** Beyond this a number is not worth showing: no score, percent or length of call comes near it. */
const SHOWN_NUMBER_MAX = 1e9;

/**
 * A number as a message shows it: 140, −3; or, for one no scenario comes near (1e+308), "a number far
 * outside what this scenario allows" rather than digits nobody can read.
 */
export function numberWords(n: number, minus = '-'): string {
  if (!Number.isFinite(n) || Math.abs(n) > SHOWN_NUMBER_MAX) {
    return 'a number far outside what this scenario allows';
  }
  return n < 0 ? `${minus}${-n}` : String(n);
}

export const MODES = ['practice', 'assessment'] as const;
export type Mode = (typeof MODES)[number];

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

/**
 * An attempt played on from decision `step` of an earlier one ("Replay from here"): its first `step`
 * choices were that attempt's, so it is shown apart and left out of bests and trends.
 */
export const ReplayOfSchema = z.object({
  attemptId: z.string().min(1).max(100),
  step: z.int().min(0).max(10_000),
});
export type ReplayOf = z.infer<typeof ReplayOfSchema>;

/** Longest a call can last on the story's clock: a week is far beyond any real scenario. */
export const MAX_CALL_SECONDS = 7 * 24 * 60 * 60;

export const ResultSchema = z.object({
  ending: z.string().max(500),
  resolved: z.boolean(),
  score: ScoreSchema,
  percent: PercentSchema,
  /** Length of the call on the story's clock (`debrief.figures.seconds`), at most a week. */
  seconds: z.number().min(0).max(MAX_CALL_SECONDS),
  /** Assessment mode: whether the attempt met the bar. */
  passed: z.boolean().optional(),
});
export type AttemptResult = z.infer<typeof ResultSchema>;

/** The game did not exist before this: a results file dated earlier cannot be real. */
export const EARLIEST_DATE = '2020-01-01T00:00:00.000Z';

/**
 * A time in a results file: an ISO date and time, not before EARLIEST_DATE. (A time that is not a date
 * and time at all is reported once, by the format check.)
 */
export const GameIso = Iso.refine((s) => !(Date.parse(s) < Date.parse(EARLIEST_DATE)), {
  message: 'is not a real date for this game (it is before 2020)',
});

/** "attempts[2].result.percent.de" from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

/** The value at `path` in `input`, and whether its last key is there at all. */
function lookUp(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !(key in value))
      return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  undefined: 'nothing',
};

/** What a value is, in words: "text", "a number", "a list". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

/** A value as a trainer would read it in a sentence: 140, "exam" (short), or what kind it is. */
function shown(value: unknown): string {
  if (typeof value === 'number') return numberWords(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'text';
  return kindOf(value);
}

/** Allowed values as words: practice or assessment; "a", "b" or "c" when not plain words. */
function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => (typeof v === 'string' && /^[\w-]+$/.test(v) ? v : JSON.stringify(v)));
  if (words.length <= 1) return words[0] ?? 'something else';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/**
 * One zod issue in plain words, starting with where it is: "attempts[0].result.percent.de is 140,
 * above the most allowed (100)", "attempts[0].mode must be practice or assessment", "trainee.name is
 * missing", "exportedAt is not a date and time". `input` (what was parsed) lets it name the value and
 * tell a missing field from a wrong one. Codes it does not know keep zod's own message.
 */
export function describeIssue(issue: z.core.$ZodIssue, input?: unknown): string {
  const where = formatPath(issue.path) || 'the value';
  const at = lookUp(input, issue.path);
  const missing =
    input !== undefined ? !at.found || at.value === undefined : /received undefined$/.test(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      if (missing) return `${where} is missing`;
      // JSON numbers too large for a double (1e400) arrive as Infinity.
      if (typeof at.value === 'number' && !Number.isFinite(at.value)) {
        return `${where} is too large to be a number`;
      }
      if (issue.expected === 'int' && typeof at.value === 'number') {
        return `${where} is ${numberWords(at.value)}, not a whole number`;
      }
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return input !== undefined
        ? `${where} should be ${expected}, not ${kindOf(at.value)}`
        : `${where} should be ${expected}`;
    }
    case 'invalid_value':
      if (missing) return `${where} is missing`;
      return `${where} must be ${oneOf(issue.values)}${input !== undefined ? `, not ${shown(at.value)}` : ''}`;
    case 'too_big': {
      const limit = issue.maximum;
      if (issue.origin === 'string')
        return `${where} is too long: at most ${plural(limit, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `${where} has too many entries: at most ${limit}`;
      }
      if (issue.origin === 'int' && Number(limit) >= Number.MAX_SAFE_INTEGER) {
        // Beyond the whole numbers a double holds exactly: no list of choices is that long.
        return issue.path.at(-2) === 'path'
          ? `${where} is not an option number`
          : `${where} is a number far outside what this scenario allows`;
      }
      if (typeof at.value === 'number' && Math.abs(at.value) > SHOWN_NUMBER_MAX) {
        return `${where} is ${numberWords(at.value)} (at most ${limit})`;
      }
      const value = typeof at.value === 'number' ? `is ${at.value}, ` : 'is ';
      return issue.inclusive === false
        ? `${where} ${value}not below ${limit} as it must be`
        : `${where} ${value}above the most allowed (${limit})`;
    }
    case 'too_small': {
      const limit = issue.minimum;
      if (issue.origin === 'string') {
        return Number(limit) <= 1
          ? `${where} is empty`
          : `${where} is too short: at least ${plural(limit, 'character', 'characters')}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return Number(limit) <= 1 ? `${where} is empty` : `${where} needs at least ${limit} entries`;
      }
      if (typeof at.value === 'number' && Math.abs(at.value) > SHOWN_NUMBER_MAX) {
        return `${where} is ${numberWords(at.value)} (at least ${limit})`;
      }
      const value = typeof at.value === 'number' ? `is ${at.value}, ` : 'is ';
      return issue.inclusive === false
        ? `${where} ${value}not above ${limit} as it must be`
        : `${where} ${value}below the least allowed (${limit})`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return `${where} is not a date and time`;
      if (issue.format === 'date') return `${where} is not a date`;
      return `${where} is not a valid ${issue.format}`;
    case 'custom':
      // Messages written to follow the field ("is not a real date…") read on from it.
      return /^(is|are|has|must|should|needs) /.test(issue.message)
        ? `${where} ${issue.message}`
        : `${where}: ${issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** The first issue of a failed parse in plain words (`describeIssue`). */
export function describeIssues(error: z.ZodError, input?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return describeIssue(issue, input);
}
