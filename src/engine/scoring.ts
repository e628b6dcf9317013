/** Scores are pure functions of a run's history and the story's achievable bounds. */
import type { ChoiceOption, HistoryEntry } from './runner.ts';
import { AXES, type Axis, type Score, zeroScore } from './tags.ts';

export interface ScoreBounds {
  best: Score;
  worst: Score;
}

export interface ScoredChoice {
  chosen: ChoiceOption;
  /** What the choice actually earned, after the scripted-empathy rule. */
  score: Score;
  /** For a `#empathy` phrase: how many times its key has now been used (1 = first). */
  empathyUse?: number;
}

/**
 * Scorecards punish scripted empathy: the same stock phrase earns full de-escalation credit the
 * first time, half the second, a quarter the third (rounded toward zero). Penalties are not reduced.
 */
export function empathyCredit(points: number, use: number): number {
  if (points <= 0 || use <= 1) return points;
  return Math.trunc(points / 2 ** (use - 1));
}

export function scoreChoices(history: readonly HistoryEntry[]): ScoredChoice[] {
  const uses = new Map<string, number>();
  const out: ScoredChoice[] = [];
  for (const entry of history) {
    if (entry.kind !== 'choice') continue;
    const { marks } = entry.chosen;
    const score = { ...marks.score };
    let empathyUse: number | undefined;
    if (marks.empathy) {
      empathyUse = (uses.get(marks.empathy) ?? 0) + 1;
      uses.set(marks.empathy, empathyUse);
      score.de = empathyCredit(score.de, empathyUse);
    }
    out.push({ chosen: entry.chosen, score, empathyUse });
  }
  return out;
}

export function totals(history: readonly HistoryEntry[]): Score {
  const sum = zeroScore();
  for (const { score } of scoreChoices(history)) for (const axis of AXES) sum[axis] += score[axis];
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
