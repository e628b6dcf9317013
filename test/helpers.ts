/** Shared helpers for Node tests: compile stories from disk and play them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type CompileResult, compileInk } from '../src/authoring/compile.ts';
import { formatDiagnostic } from '../src/authoring/diagnostics.ts';
import { type Debrief, makeDebrief } from '../src/engine/debrief.ts';
import { explore } from '../src/engine/explore.ts';
import { StoryRunner } from '../src/engine/runner.ts';

export const ROOT = resolve(import.meta.dirname, '..');

/** Reads project-relative paths under ROOT. */
export const readProjectFile = (path: string): string | undefined => {
  const abs = join(ROOT, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
};

/** Compiles a project-relative .ink file the way the build does. */
export function compileFile(path: string): CompileResult {
  const source = readProjectFile(path);
  if (source === undefined) throw new Error(`${path} not found`);
  return compileInk(path, source, readProjectFile);
}

/** Compiles a source string as if it were `file`, with in-memory includes. */
export function compileSource(
  source: string,
  file = 'stories/test.ink',
  includes: Record<string, string> = {},
) {
  return compileInk(file, source, (p) => includes[p]);
}

/** Compiles a file and returns its JSON, failing loudly with its diagnostics. */
export function compiledJson(path: string): string {
  const result = compileFile(path);
  if (!result.json) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.json;
}

export const storyFiles = (): string[] =>
  readdirSync(join(ROOT, 'stories'))
    .filter((n) => n.endsWith('.ink'))
    .map((n) => relative(ROOT, join(ROOT, 'stories', n)));

export const messages = (r: CompileResult) => r.diagnostics.map(formatDiagnostic);

/** The debrief the game shows after playing `path` (answer indexes) through a compiled story. */
export function debriefOfPath(json: string, path: readonly number[], bounds = explore(json).bounds): Debrief {
  const runner = StoryRunner.replay(json, [...path]);
  if (!runner) throw new Error(`path [${path.join(', ')}] does not fit the story`);
  runner.readToChoice();
  const state = runner.state;
  if (state.kind !== 'ended') throw new Error(`path [${path.join(', ')}] ends in state ${state.kind}`);
  return makeDebrief(
    runner.history,
    bounds,
    { title: state.ending, resolved: state.resolved },
    runner.startMood,
    runner.desk,
  );
}
