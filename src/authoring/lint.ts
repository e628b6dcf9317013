/**
 * A line-level reading of ink source that finds every tag and speaker prefix with its line number,
 * so mistakes in the game's own vocabulary are reported as `file line N: ...` at compile time. The
 * ink compiler knows lines but not our tags; the compiled JSON knows tags but not lines.
 */
import {
  CHOICE_KEYS,
  misplacedKey,
  parseChoiceTags,
  parseHeader,
  parseLineTags,
  splitSpeaker,
  splitTag,
} from '../engine/tags.ts';
import type { Diagnostic } from './diagnostics.ts';

interface FoundTag {
  text: string;
  inBrackets: boolean;
}

/** Blanks out comments while keeping every newline, so line numbers stay true. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const two = source.slice(i, i + 2);
    if (two === '/*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (two === '//') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      out += source[i];
      i++;
    }
  }
  return out;
}

const CHOICE_START = /^\s*(?:[*+]\s*)+(?:\(\s*\w+\s*\)\s*)?/;
const NON_CONTENT = /^\s*(?:VAR|CONST|LIST|INCLUDE|EXTERNAL)\b/;

/** Finds `#` tags on one line; `brackets` is the [start, end) of a choice's bracketed part. */
function findTags(line: string, brackets?: [number, number]): FoundTag[] {
  const tags: FoundTag[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\') {
      i += 2;
      continue;
    }
    if (line[i] !== '#') {
      i++;
      continue;
    }
    const inBrackets = brackets !== undefined && i > brackets[0] && i < brackets[1];
    const limit = inBrackets && brackets ? brackets[1] : line.length;
    let j = i + 1;
    while (j < limit && line[j] !== '#') j += line[j] === '\\' ? 2 : 1;
    tags.push({ text: line.slice(i + 1, Math.min(j, limit)).trim(), inBrackets });
    i = j;
  }
  return tags;
}

/** The [start, end) of the first top-level `[...]` after `from`, honouring escapes. */
function bracketSpan(line: string, from: number): [number, number] | undefined {
  let depth = 0;
  let start = -1;
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ']' && depth > 0) {
      depth--;
      if (depth === 0) return [start, i];
    }
  }
  return undefined;
}

export interface LintInput {
  file: string;
  source: string;
  /** Only the root file has a header. */
  isRoot: boolean;
  /** Cast names from the root file's header (for speakers and stage directions). */
  cast: string[];
}

export interface LintOutput {
  diagnostics: Diagnostic[];
  choices: number;
  scoredChoices: number;
  choicesWithoutFeedback: number[];
}

/** Reads the header of a root file: its tags with their lines. */
export function readHeader(source: string): { tags: string[]; lines: number[] } {
  const tags: string[] = [];
  const lines: number[] = [];
  const rows = stripComments(source).split('\n');
  for (let n = 0; n < rows.length; n++) {
    const row = (rows[n] ?? '').trim();
    if (row === '' || NON_CONTENT.test(row)) continue;
    if (!row.startsWith('#')) break;
    for (const t of findTags(row)) {
      tags.push(t.text);
      lines.push(n + 1);
    }
  }
  return { tags, lines };
}

export function lintSource({ file, source, isRoot, cast }: LintInput): LintOutput {
  const out: LintOutput = { diagnostics: [], choices: 0, scoredChoices: 0, choicesWithoutFeedback: [] };
  const report = (line: number, message: string, severity: Diagnostic['severity'] = 'error') =>
    out.diagnostics.push({ file, line, severity, message });
  const rows = stripComments(source).split('\n');
  let inHeader = isRoot;
  let headerTags: { text: string; line: number }[] = [];

  for (let n = 0; n < rows.length; n++) {
    const lineNo = n + 1;
    const row = rows[n] ?? '';
    const trimmed = row.trim();
    if (trimmed === '') continue;
    if (inHeader) {
      if (NON_CONTENT.test(trimmed)) continue;
      if (trimmed.startsWith('#')) {
        for (const t of findTags(trimmed)) headerTags.push({ text: t.text, line: lineNo });
        continue;
      }
      inHeader = false;
    }
    if (/^(={1,}|~|VAR\b|CONST\b|LIST\b|INCLUDE\b|EXTERNAL\b|->|<-)/.test(trimmed)) continue;

    const choice = CHOICE_START.exec(row);
    if (choice) {
      out.choices++;
      const span = bracketSpan(row, choice[0].length);
      // An unclosed bracket is a syntax error the ink compiler reports itself.
      if (!span && row.slice(choice[0].length).includes('[')) continue;
      const before = out.diagnostics.length;
      let missingFeedback = false;
      const tags = findTags(row, span);
      const inside = tags.filter((t) => t.inBrackets).map((t) => t.text);
      const after = tags.filter((t) => !t.inBrackets);
      if (!span) {
        const scoring = after.find((t) => {
          const s = splitTag(t.text);
          return s.ok && (CHOICE_KEYS as readonly string[]).includes(s.key);
        });
        if (scoring) {
          report(
            lineNo,
            `scoring tags need the choice text in [brackets]: '* [Your answer #${scoring.text}]'`,
          );
        }
      } else {
        const marks = parseChoiceTags(inside);
        if (!marks.ok) for (const e of marks.errors) report(lineNo, e);
        else {
          if (marks.value.marked.length > 0 || marks.value.feedback !== undefined) out.scoredChoices++;
          if (marks.value.feedback === undefined) missingFeedback = true;
        }
        const rest = row.slice(span[1] + 1).replace(/#.*$/, '');
        checkSpeaker(rest, cast, lineNo, report);
      }
      checkLineTags(
        after.map((t) => t.text),
        cast,
        lineNo,
        report,
      );
      // A line that already has an error gets no warning on top.
      if (missingFeedback && out.diagnostics.length === before) out.choicesWithoutFeedback.push(lineNo);
      continue;
    }

    const content = trimmed.replace(/^(?:-\s*)+(?:\(\s*\w+\s*\)\s*)?/, '');
    checkSpeaker(content.replace(/#.*$/, ''), cast, lineNo, report);
    checkLineTags(
      findTags(content).map((t) => t.text),
      cast,
      lineNo,
      report,
    );
  }

  if (isRoot) {
    const header = parseHeader(headerTags.map((t) => t.text));
    if (!header.ok) {
      for (const issue of header.issues) {
        const line = issue.tagIndex === undefined ? 1 : (headerTags[issue.tagIndex]?.line ?? 1);
        report(line, issue.message);
      }
    }
  }
  headerTags = [];
  return out;
}

function checkSpeaker(
  text: string,
  cast: string[],
  line: number,
  report: (line: number, message: string) => void,
): void {
  if (cast.length === 0 || text.includes('{')) return;
  const { error } = splitSpeaker(text, cast);
  if (error) report(line, error);
}

function checkLineTags(
  tags: string[],
  cast: string[],
  line: number,
  report: (line: number, message: string) => void,
): void {
  const literal = tags.filter((t) => !t.includes('{'));
  if (literal.length === 0) return;
  if (cast.length === 0) {
    // Without a valid cast (already reported) only the keys can be checked.
    for (const t of literal) {
      const split = splitTag(t);
      const wrong = split.ok ? misplacedKey(split.key, 'line') : split.message;
      if (wrong) report(line, wrong);
    }
    return;
  }
  const parsed = parseLineTags(literal, cast);
  if (!parsed.ok) for (const e of parsed.errors) report(line, e);
}
