/** What the game knows about each scenario before playing it: built from a compiled story. */
import { StoryRunner } from '../engine/runner.ts';
import type { ScoreBounds } from '../engine/scoring.ts';
import { AXES, AXIS_NAMES, type Metadata } from '../engine/tags.ts';
import { type CheckOptions, checkStory } from './check.ts';
import type { CompileResult, ReadFile } from './compile.ts';
import { type Diagnostic, formatDiagnostic, tidyDiagnostics } from './diagnostics.ts';

export interface StoryEntry {
  /** File name without `.ink`, e.g. `aisle`. */
  id: string;
  /** Project-relative source path, e.g. `stories/aisle.ink`. */
  file: string;
  /** Content hash of the compiled story: its version. */
  hash: string;
  metadata: Metadata;
  bounds: ScoreBounds;
  endings: string[];
  /** Where the compiled JSON is served, relative to the page. */
  url: string;
  /** Where the ink source is served, for author mode's library. */
  source: string;
}

/**
 * How long the build and the dev server may explore one story. A story that needs longer (a loop
 * of choices that never ends, a maze too big to score) is reported, never left to hang the build.
 */
export const CATALOG_EXPLORE_MS = 8_000;

/** Where a compiled story came from: its source, for the explorer's `file line N` reports. */
export interface StorySource {
  source: string;
  readFile: ReadFile;
  compiled: CompileResult;
}

/**
 * Reads a compiled story's metadata and explores it with the one story-graph explorer (the
 * checker's: states de-duplicated, bounded by states, depth, lines between choices and time). Its
 * errors come back as `problems` with file and line: a dead end, an endless loop, a runtime error,
 * a limit that left the score bounds as guesses. Throws StoryLoadError if the story cannot start.
 */
export function describeStory(
  id: string,
  file: string,
  json: string,
  hash: string,
  from: StorySource,
  options: Pick<CheckOptions, 'maxMillis' | 'maxStates'> = {},
): Omit<StoryEntry, 'url' | 'source'> & { problems: Diagnostic[] } {
  const runner = new StoryRunner(json);
  const report = checkStory(file, from.source, from.readFile, {
    compiled: { ...from.compiled, json },
    maxMillis: options.maxMillis ?? CATALOG_EXPLORE_MS,
    maxStates: options.maxStates,
  });
  // What compiling said is reported by the caller already.
  const compiled = new Set(from.compiled.diagnostics.map(formatDiagnostic));
  const x = report.exploration;
  // A limit is said once, below, in the build's words.
  const limitMessages = new Set(x?.limits.map((l) => l.message));
  const problems = report.diagnostics.filter(
    (d) => !compiled.has(formatDiagnostic(d)) && !limitMessages.has(d.message),
  );
  if (!x) {
    if (!problems.some((d) => d.severity === 'error'))
      problems.push({ file, severity: 'error', message: 'the story could not be explored' });
    return { id, file, hash, metadata: runner.metadata, bounds: EMPTY_BOUNDS, endings: [], problems };
  }
  // Scores are measured against the best and worst a story allows: a limit that stopped the walk
  // early leaves them as guesses, which a trainee's percentages must not rest on.
  for (const limit of x.limits) {
    const at =
      limit.line === undefined
        ? { file: limit.file ?? file }
        : { file: limit.file ?? file, line: limit.line };
    problems.push({
      ...at,
      severity: 'error',
      message: `${limit.message}: the score bounds would only be lower estimates, so the game cannot score this story`,
    });
  }
  const bounds = {
    best: { ...EMPTY_BOUNDS.best },
    worst: { ...EMPTY_BOUNDS.worst },
  };
  for (const axis of AXES) {
    const best = x.bounds.best[axis];
    const worst = x.bounds.worst[axis];
    if (best === null || worst === null) {
      problems.push({
        file,
        severity: 'error',
        message: `the ${AXIS_NAMES[axis].toLowerCase()} score has no bound: a loop of choices changes it each time round`,
      });
    } else {
      bounds.best[axis] = best;
      bounds.worst[axis] = worst;
    }
  }
  return {
    id,
    file,
    hash,
    metadata: runner.metadata,
    bounds,
    endings: [...new Set(x.endings.map((e) => e.title))].sort(),
    problems: tidyDiagnostics(problems),
  };
}

const EMPTY_BOUNDS: ScoreBounds = { best: { de: 0, own: 0, res: 0 }, worst: { de: 0, own: 0, res: 0 } };
