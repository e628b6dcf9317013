/** Scores are pure functions of a run's history and the story's achievable bounds. */
import type { HistoryEntry } from './runner.ts';
import { AXES, type Axis, type Score, zeroScore } from './tags.ts';

export interface ScoreBounds {
  best: Score;
  worst: Score;
}

export function totals(history: readonly HistoryEntry[]): Score {
  const sum = zeroScore();
  for (const entry of history) {
    if (entry.kind !== 'choice') continue;
    for (const axis of AXES) sum[axis] += entry.chosen.marks.score[axis];
  }
  return sum;
}

/**
 * Share of what was achievable on one axis, from 0 to 1. With a positive best it is points over best
 * ("7 of 10 possible"); where the best achievable is not positive, it is the position between worst
 * and best.
 */
export function fraction(points: number, axis: Axis, bounds: ScoreBounds): number {
  const best = bounds.best[axis];
  const worst = bounds.worst[axis];
  if (best > 0) return Math.min(1, Math.max(0, points / best));
  if (best === worst) return 1;
  return Math.min(1, Math.max(0, (points - worst) / (best - worst)));
}

export const percent = (points: number, axis: Axis, bounds: ScoreBounds): number =>
  Math.round(fraction(points, axis, bounds) * 100);
