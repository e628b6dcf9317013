/**
 * Gaming resistance: play a story with strategies that ignore what is being said (always the first
 * option, always the last, always the longest, at random) and measure them against the best path.
 * A scenario where position or length gives the answer away teaches nothing.
 */
import { type StoryJson, StoryRunner } from './runner.ts';
import { fraction, type ScoreBounds, totals } from './scoring.ts';
import { AXES, type Axis, type Score } from './tags.ts';

export type Picker = (options: readonly { text: string }[], random: () => number) => number;

export const STRATEGIES: Record<string, Picker> = {
  'always first': () => 0,
  'always last': (options) => options.length - 1,
  'always longest': (options) =>
    options.reduce((best, o, i) => (o.text.length > (options[best]?.text.length ?? 0) ? i : best), 0),
};

/** A small seeded generator (mulberry32): the same seed gives the same runs everywhere. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickRandom: Picker = (options, random) => Math.floor(random() * options.length);

/** Plays one run with `pick`; returns its totals, or an error message. */
export function playWith(json: StoryJson, pick: Picker, random: () => number = Math.random): Score | string {
  const runner = new StoryRunner(json);
  for (let guard = 0; guard < 10_000; guard++) {
    runner.readToChoice();
    const state = runner.state;
    if (state.kind === 'ended') return totals(runner.history);
    if (state.kind === 'failed') return state.error;
    if (state.kind !== 'awaiting-choice') return `unexpected state ${state.kind}`;
    runner.choose(pick(state.choices, random));
  }
  return 'the story did not end after 10,000 choices';
}

export interface StrategyResult {
  name: string;
  /** Share of the best achievable score per axis (mean over runs for the random strategy). */
  share: Record<Axis, number>;
  /** Axes where it stays at or under the threshold. */
  heldBack: Axis[];
  passes: boolean;
  runs: number;
  errors: string[];
}

export const NAIVE_THRESHOLD = 0.7;

export function naiveReport(
  json: StoryJson,
  bounds: ScoreBounds,
  randomRuns = 100,
  seed = 20261122,
): StrategyResult[] {
  const evaluate = (name: string, scores: (Score | string)[]): StrategyResult => {
    const ok = scores.filter((s): s is Score => typeof s !== 'string');
    const errors = scores.filter((s): s is string => typeof s === 'string');
    const share = Object.fromEntries(
      AXES.map((axis) => {
        const mean = ok.reduce((sum, s) => sum + fraction(s[axis], axis, bounds), 0) / Math.max(1, ok.length);
        return [axis, Math.round(mean * 1000) / 1000];
      }),
    ) as Record<Axis, number>;
    const heldBack = AXES.filter((axis) => share[axis] <= NAIVE_THRESHOLD);
    return {
      name,
      share,
      heldBack,
      passes: heldBack.length > 0 && errors.length === 0,
      runs: scores.length,
      errors,
    };
  };
  const results = Object.entries(STRATEGIES).map(([name, pick]) => evaluate(name, [playWith(json, pick)]));
  const random = seeded(seed);
  const runs: (Score | string)[] = [];
  for (let i = 0; i < randomRuns; i++) runs.push(playWith(json, pickRandom, random));
  results.push(evaluate(`random (${randomRuns} seeded runs, mean)`, runs));
  return results;
}
