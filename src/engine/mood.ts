/**
 * The customer's mood: a number from -10 (about to walk out) to +10 (delighted), 0 neutral. What the
 * rep says moves it (author tags and ink), and so does time: waiting and having to repeat yourself.
 */
import type { Expression, Pose } from './tags.ts';

export const MOOD_MIN = -10;
export const MOOD_MAX = 10;
/** Being asked to repeat yourself is the complaint customers make most: it costs more than a wait. */
export const REPEAT_PENALTY = -2;

export const clampMood = (mood: number): number => Math.min(MOOD_MAX, Math.max(MOOD_MIN, Math.round(mood)));

/** Patience drains while waiting: one point a full minute, and any wait costs at least one. */
export function waitPenalty(seconds: number): number {
  return seconds > 0 ? -Math.max(1, Math.floor(seconds / 60)) : 0;
}

/** The face a customer shows at this mood when the author has not said otherwise. */
export function moodExpression(mood: number): Expression {
  if (mood >= 4) return 'pleased';
  if (mood >= 1) return 'relieved';
  if (mood <= -6) return 'angry';
  if (mood <= -2) return 'annoyed';
  return 'neutral';
}

/** Fed-up customers close up. */
export const moodPose = (mood: number): Pose => (mood <= -4 ? 'arms-crossed' : 'stand');

export interface MoodPoint {
  /** Seconds into the conversation. */
  at: number;
  mood: number;
  /** What was happening: the line or the choice. */
  label: string;
}

/** The `count` moments where mood moved most (largest absolute change from the point before). */
export function biggestMoves(points: readonly MoodPoint[], count = 3): { index: number; delta: number }[] {
  const moves: { index: number; delta: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const delta = (points[i]?.mood ?? 0) - (points[i - 1]?.mood ?? 0);
    if (delta !== 0) moves.push({ index: i, delta });
  }
  return moves
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.index - b.index)
    .slice(0, count)
    .sort((a, b) => a.index - b.index);
}

/**
 * An estimated satisfaction score (CSAT, 1–5) from how the customer felt at the end, whether the
 * problem was solved, and how often they had to repeat themselves.
 */
export function satisfaction(finalMood: number, resolved: boolean, repeats: number): number {
  const raw = 3 + finalMood / 4 + (resolved ? 0.5 : -1) - 0.25 * repeats;
  return Math.round(Math.min(5, Math.max(1, raw)) * 10) / 10;
}
