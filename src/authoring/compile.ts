/**
 * Compiles ink source to the JSON the game runs, with every problem reported as
 * `stories/<file>.ink line N: message`. Used by the Vite plugin at build time and in dev, by the
 * tests, and (lazily, in the browser) by author mode: it needs no file system, only a reader.
 */
import { Compiler, CompilerOptions, Story } from 'inkjs/full';
import { parseHeader } from '../engine/tags.ts';
import { type Diagnostic, tidyDiagnostics } from './diagnostics.ts';
import { lintSource, readHeader } from './lint.ts';
import { dirname, joinPath } from './paths.ts';

/** Reads a project-relative posix path; undefined when there is no such file. */
export type ReadFile = (path: string) => string | undefined;

export interface CompileResult {
  /** Compiled story JSON (from `ToJson()`), present when there are no errors. */
  json?: string;
  diagnostics: Diagnostic[];
  /** Every file read, the root first (for watching). */
  files: string[];
}

const MESSAGE =
  /^(ERROR|WARNING|TODO|RUNTIME ERROR|RUNTIME WARNING):\s*(?:'([^']*)'\s*)?(?:line (\d+):\s*)?([\s\S]*)$/;

export interface CompileOptions {
  /**
   * Author mode: the game's own tag rules (header, scoring marks, speakers) become warnings, so a
   * story written elsewhere still plays. Ink's own errors stay errors.
   */
  lenient?: boolean;
}

export function compileInk(
  file: string,
  source: string,
  readFile: ReadFile,
  options: CompileOptions = {},
): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>([[file, source]]);
  // The compiler names included files by the text of their INCLUDE line, so remember what each
  // name resolved to: nested includes and messages are resolved through this map.
  const resolved = new Map<string, string>([[file, file]]);
  const resolve = (name: string, from?: string | null): string => {
    const base = from ? (resolved.get(from) ?? from) : file;
    const full = joinPath(dirname(base), name);
    if (from) resolved.set(name, full);
    return full;
  };
  const onMessage = (message: string): void => {
    const m = MESSAGE.exec(message.trim());
    if (!m) {
      diagnostics.push({ file, severity: 'error', message: message.trim() });
      return;
    }
    const [, kind = 'ERROR', where, line, text = ''] = m;
    const target = where ? (resolved.get(where) ?? joinPath(dirname(file), where)) : file;
    diagnostics.push({
      file: target,
      line: line ? Number(line) : undefined,
      severity: kind.includes('ERROR') ? 'error' : 'warning',
      message: tidy(text),
    });
  };
  const fileHandler = {
    ResolveInkFilename: (name: string, from?: string | null) => (from ? resolve(name, from) : name),
    LoadInkFileContents: (full: string) => {
      const text = readFile(full);
      if (text === undefined) throw new Error(`${full} does not exist`);
      sources.set(full, text);
      return text;
    },
  };
  let json: string | undefined;
  try {
    const compiler = new Compiler(source, new CompilerOptions(file, [], false, onMessage, fileHandler));
    const compiled = compiler.Compile();
    // Always the JSON round trip: the game runs `new Story(json)`, and floats differ otherwise.
    json = compiled.ToJson() ?? undefined;
    if (json !== undefined) new Story(json);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // 'Compilation failed.' only repeats what the handler already collected.
    if (!/^Compilation failed/.test(message) || !diagnostics.some((d) => d.severity === 'error')) {
      diagnostics.push({ file, severity: 'error', message: tidy(message) });
    }
    json = undefined;
  }

  const header = readHeader(source);
  const parsedHeader = parseHeader(header.tags);
  const cast = parsedHeader.ok ? parsedHeader.value.cast.map((c) => c.name) : [];
  let choices = 0;
  let scored = 0;
  const missingFeedback: Diagnostic[] = [];
  for (const [path, text] of sources) {
    const lint = lintSource({ file: path, source: text, isRoot: path === file, cast });
    diagnostics.push(
      ...(options.lenient
        ? lint.diagnostics.map((d) => ({ ...d, severity: 'warning' as const }))
        : lint.diagnostics),
    );
    choices += lint.choices;
    scored += lint.scoredChoices;
    for (const line of lint.choicesWithoutFeedback) {
      missingFeedback.push({
        file: path,
        line,
        severity: 'warning',
        message: 'choice has no #feedback: say why it scores as it does',
      });
    }
  }
  const choiceErrors = diagnostics.some((d) => d.severity === 'error');
  if (choices > 0 && scored === 0 && !choiceErrors) {
    diagnostics.push({
      file,
      severity: 'warning',
      message: 'no choice carries a scoring mark (#de, #own, #res): the story plays, but nothing is scored',
    });
  } else {
    diagnostics.push(...missingFeedback);
  }

  const unique = tidyDiagnostics(diagnostics);
  const failed = unique.some((d) => d.severity === 'error');
  return { json: failed ? undefined : json, diagnostics: unique, files: [...sources.keys()] };
}

/** Drops the compiler's doubled "Error:Error:" wrapping and trailing whitespace. */
function tidy(message: string): string {
  return message
    .replace(/\.?\s*\nError:\s*(?:Error:\s*)?/g, ': ')
    .replace(/\s+$/, '')
    .replace(/\s*\n\s*/g, ' ');
}
