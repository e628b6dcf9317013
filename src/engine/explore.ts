/**
 * Exhaustive exploration of a story: every choice at every point, depth first. Gives the best and
 * worst achievable score on each axis (what the debrief measures a trainee against), the endings,
 * and every path that fails or stops without an ending.
 */
import { type RunnerOptions, type StoryJson, StoryRunner } from './runner.ts';
import type { ScoreBounds } from './scoring.ts';
import { totals } from './scoring.ts';
import { AXES, type Score } from './tags.ts';

export interface Exploration {
  /** Complete paths walked (each ends or fails). */
  paths: number;
  /** Ending title → how many paths reach it. */
  endings: Record<string, number>;
  bounds: ScoreBounds;
  /** The choice path that reaches the best total on each axis. */
  bestPaths: Record<keyof Score, number[]>;
  failures: { path: number[]; error: string }[];
  /** Most choices on any path. */
  longest: number;
  /** True when the path limit stopped the walk before it was complete. */
  truncated: boolean;
}

export interface ExploreOptions extends RunnerOptions {
  /** Stop (and say `truncated`) after this many milliseconds: tools that must stay responsive. */
  timeLimitMs?: number;
}

export function explore(json: StoryJson, maxPaths = 50_000, options: ExploreOptions = {}): Exploration {
  const runner = new StoryRunner(json, options);
  const deadline =
    options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeLimitMs;
  const result: Exploration = {
    paths: 0,
    endings: {},
    bounds: {
      best: { de: -Infinity, own: -Infinity, res: -Infinity },
      worst: { de: Infinity, own: Infinity, res: Infinity },
    },
    bestPaths: { de: [], own: [], res: [] },
    failures: [],
    longest: 0,
    truncated: false,
  };
  const walk = (): void => {
    if (result.paths >= maxPaths || (result.paths % 16 === 0 && Date.now() > deadline)) {
      result.truncated = true;
      return;
    }
    runner.readToChoice();
    const state = runner.state;
    if (state.kind === 'awaiting-choice') {
      for (let i = 0; i < state.choices.length; i++) {
        const snap = runner.snapshot();
        runner.choose(i);
        walk();
        runner.restore(snap);
      }
      return;
    }
    result.paths++;
    result.longest = Math.max(result.longest, runner.path.length);
    if (state.kind === 'failed') {
      result.failures.push({ path: [...runner.path], error: state.error });
      return;
    }
    if (state.kind !== 'ended') return;
    result.endings[state.ending] = (result.endings[state.ending] ?? 0) + 1;
    const score = totals(runner.history);
    for (const axis of AXES) {
      if (score[axis] > result.bounds.best[axis]) {
        result.bounds.best[axis] = score[axis];
        result.bestPaths[axis] = [...runner.path];
      }
      result.bounds.worst[axis] = Math.min(result.bounds.worst[axis], score[axis]);
    }
  };
  walk();
  for (const axis of AXES) {
    if (!Number.isFinite(result.bounds.best[axis])) result.bounds.best[axis] = 0;
    if (!Number.isFinite(result.bounds.worst[axis])) result.bounds.worst[axis] = 0;
  }
  return result;
}
