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
