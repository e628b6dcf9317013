/**
 * The curriculum: `stories/curriculum.json` sets the order scenarios appear in on the title menu, so
 * their numbers (the key that picks one) stay put when a story is added. Pure: the caller reads the
 * file (Node in the Vite plugin and the checker) and gets back the order and its diagnostics.
 *
 * `{ "scenarios": ["aisle", "plan-change"] }` lists scenario ids (file names without `.ink`) in the
 * order trainees should meet them. A story it does not list comes after the listed ones, in file-name
 * order, with a warning; without the file every story is in file-name order.
 */
import { z } from 'zod';
import { didYouMean } from '../engine/suggest.ts';
import type { Diagnostic } from './diagnostics.ts';

export const CURRICULUM_FILE = 'stories/curriculum.json';

const EXAMPLE = '{ "scenarios": ["aisle", "plan-change"] }';
const KEYS = ['scenarios'];

/** What a JSON value is, in plain words. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export const CurriculumSchema = z.strictObject(
  {
    scenarios: z.array(
      z.string({
        error: (iss) =>
          `must be a scenario id in double quotes (its file name without .ink, such as "aisle"), not ${kindOf(iss.input)}`,
      }),
      {
        error: (iss) =>
          iss.input === undefined
            ? `"scenarios" is missing: list the scenario ids in menu order, as in ${EXAMPLE}`
            : `"scenarios" must be a list of scenario ids, as in ${EXAMPLE}, not ${kindOf(iss.input)}`,
      },
    ),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? iss.keys
            .map((k) => `unknown key '${k}'${didYouMean(k, KEYS)}: the only key is "scenarios"`)
            .join('; ')
        : `must be an object, ${EXAMPLE}, not ${kindOf(iss.input)}`,
  },
);

export type Curriculum = z.infer<typeof CurriculumSchema>;

export interface CurriculumOrder {
  /** Every scenario id given, in menu order: the listed ones as listed, then the rest by file name. */
  order: string[];
  diagnostics: Diagnostic[];
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * Where the JSON parser stopped, from its message: `at position N` (V8), `line N column M` (newer
 * V8, Firefox), V8's `Unexpected token 'x', ..."context"... is not valid JSON` (the token is ten
 * characters into a context that starts with `...`), or the end for input that stops too soon.
 */
function errorOffset(text: string, message: string): number | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    const line = Number(lineColumn[1]);
    return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lineColumn[2]) - 1;
  }
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const context = /^Unexpected token .+?, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (context) {
    const [, before, snippet = '', after] = context;
    if (before) {
      const start = text.indexOf(snippet);
      return start < 0 ? undefined : start + 10;
    }
    if (after) return snippet.length - 10;
    // The whole (short) input is shown: on one line, that is the line.
    return snippet.trim().includes('\n') ? undefined : 0;
  }
  if (/end of (JSON )?(input|data)/i.test(message)) return text.trimEnd().length;
  return undefined;
}

/** `not valid JSON: ...` in plain words, with a hint for the commonest slips. */
function jsonError(file: string, text: string, error: unknown): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  // Input that stops too soon is placed on its last line with anything on it.
  const end = text.trimEnd().length;
  const found = errorOffset(text, raw);
  const offset = found === undefined ? undefined : Math.min(found, Math.max(0, end - 1));
  let what = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/,\s*(\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '')
    .replace(/( in JSON)? at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/ at line \d+ column \d+ of the JSON data/, '')
    .trim();
  what = what.charAt(0).toLowerCase() + what.slice(1);
  if (offset !== undefined) {
    const at = text[offset];
    const before = text.slice(0, offset).trimEnd().at(-1);
    if ((at === ']' || at === '}') && before === ',') what += ' (JSON allows no comma after the last item)';
    else if (at === "'") what += ' (JSON needs double quotes: "aisle")';
  }
  const d: Diagnostic = { file, severity: 'error', message: `not valid JSON: ${what}` };
  return offset === undefined ? d : { ...d, line: lineAt(text, offset) };
}

/** Reads and validates the curriculum: the list, with the line each entry is on, or diagnostics. */
export function parseCurriculum(
  text: string,
  file = CURRICULUM_FILE,
): { curriculum?: Curriculum; lines: (number | undefined)[]; diagnostics: Diagnostic[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    const message = `is empty: write ${EXAMPLE}, or delete it to order the menu by file name`;
    return { lines: [], diagnostics: [{ file, severity: 'error', message }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { lines: [], diagnostics: [jsonError(file, body, e)] };
  }
  const parsed = CurriculumSchema.safeParse(value);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((issue): Diagnostic => {
      const [key, index] = issue.path;
      const where =
        key === undefined ? '' : typeof index === 'number' ? `"${String(key)}" item ${index + 1} ` : '';
      return { file, severity: 'error', message: `${where}${issue.message}` };
    });
    return { lines: [], diagnostics };
  }
  return { curriculum: parsed.data, lines: itemLines(body, parsed.data.scenarios.length), diagnostics: [] };
}

/**
 * The line of each entry of a valid curriculum: the string tokens after `"scenarios": [` are its
 * items, in order (the object has no other key).
 */
function itemLines(text: string, count: number): (number | undefined)[] {
  const key = /"scenarios"\s*:\s*\[/.exec(text);
  const lines: (number | undefined)[] = [];
  if (!key) return new Array<undefined>(count).fill(undefined);
  const token = /"(?:[^"\\]|\\.)*"/g;
  token.lastIndex = key.index + key[0].length;
  for (let m = token.exec(text); m && lines.length < count; m = token.exec(text))
    lines.push(lineAt(text, m.index));
  return lines;
}

/** File-name order, exactly as the directory listing sorted it before there was a curriculum. */
const byFileName = (ids: readonly string[]): string[] =>
  [...ids].sort((a, b) => (`${a}.ink` < `${b}.ink` ? -1 : `${a}.ink` > `${b}.ink` ? 1 : 0));

/**
 * Puts scenario ids in menu order. `ids` are the scenarios found (file names in `stories/` without
 * `.ink`, in any order); `text` is the curriculum file, or `undefined` when there is none (then the
 * order is by file name, with nothing to report). Unknown and repeated ids are errors; a story the
 * curriculum does not list is a warning, and comes after the listed ones so their numbers stay put.
 * A curriculum that cannot be read is an error, and the order falls back to file names.
 */
export function orderScenarios(
  ids: readonly string[],
  text: string | undefined,
  file = CURRICULUM_FILE,
): CurriculumOrder {
  const sorted = byFileName(ids);
  if (text === undefined) return { order: sorted, diagnostics: [] };
  const { curriculum, lines, diagnostics } = parseCurriculum(text, file);
  if (!curriculum) return { order: sorted, diagnostics };
  const known = new Set(ids);
  const listed: string[] = [];
  const firstLine = new Map<string, number | undefined>();
  curriculum.scenarios.forEach((id, i) => {
    const line = lines[i];
    const at = (d: Omit<Diagnostic, 'file' | 'line'>): Diagnostic =>
      line === undefined ? { file, ...d } : { file, line, ...d };
    if (firstLine.has(id)) {
      const first = firstLine.get(id);
      const where = first === undefined ? '' : ` (first on line ${first})`;
      diagnostics.push(
        at({ severity: 'error', message: `'${id}' is listed twice${where}: list each scenario once` }),
      );
      return;
    }
    firstLine.set(id, line);
    if (known.has(id)) {
      listed.push(id);
      return;
    }
    // A file name or path where an id belongs: 'aisle.ink', 'stories/aisle.ink'.
    const bare = id.replace(/^(\.\/)?stories\//, '').replace(/\.ink$/, '');
    const hint = bare !== id && known.has(bare) ? ` (did you mean '${bare}'?)` : didYouMean(bare, ids);
    diagnostics.push(at({ severity: 'error', message: `unknown scenario '${id}'${hint}` }));
  });
  const inList = new Set(listed);
  const rest = sorted.filter((id) => !inList.has(id));
  for (const id of rest) {
    diagnostics.push({
      file,
      severity: 'warning',
      message: `stories/${id}.ink is not in ${file}: it is listed after the others`,
    });
  }
  return { order: [...listed, ...rest], diagnostics };
}
