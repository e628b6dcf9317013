/**
 * The debrief is a pure function of a finished run: scores against what the story made achievable,
 * a coaching sentence per axis tied to what the trainee actually chose, and the annotated choices.
 */
import type { ChoiceOption, HistoryEntry } from './runner.ts';
import { percent, type ScoreBounds, totals } from './scoring.ts';
import { AXES, AXIS_NAMES, type Axis, type Score } from './tags.ts';

export interface AxisResult {
  axis: Axis;
  name: string;
  points: number;
  best: number;
  worst: number;
  percent: number;
  band: 'strong' | 'mixed' | 'weak';
  coaching: string;
}

export interface ChoiceReview {
  /** 0-based number of the decision in this run. */
  step: number;
  chosen: ChoiceOption;
  options: ChoiceOption[];
  /** The option worth most in total at that moment, when it beats what was chosen. */
  better?: ChoiceOption;
}

export interface Debrief {
  ending: string;
  score: Score;
  axes: AxisResult[];
  choices: ChoiceReview[];
}

const BAND_TEXT: Record<Axis, Record<AxisResult['band'], string>> = {
  de: {
    strong: 'You kept the temperature down: the customer felt noticed, not processed.',
    mixed: 'You were civil, but there were moments the customer felt like an interruption.',
    weak: 'The customer left more wound up than they arrived. Look up, acknowledge them, then answer.',
  },
  own: {
    strong: 'You treated the problem as yours until it was solved, and said so.',
    mixed: 'You helped, but left parts of the problem with the customer or to chance.',
    weak: "The problem stayed the customer's. Ownership starts with 'I'll…' and ends with you checking it happened.",
  },
  res: {
    strong: 'The customer got what they came for, and the work around you still got done.',
    mixed: 'Part of the problem was solved; part of it walked out of the door with the customer.',
    weak: 'Nothing was really solved: the customer, or the shelf, is still waiting.',
  },
};

const sum = (s: Score) => s.de + s.own + s.res;
const quote = (o: ChoiceOption) => `“${o.text.trim()}”`;

export function reviewChoices(history: readonly HistoryEntry[]): ChoiceReview[] {
  const reviews: ChoiceReview[] = [];
  for (const entry of history) {
    if (entry.kind !== 'choice') continue;
    let top = entry.chosen;
    for (const o of entry.options) if (sum(o.marks.score) > sum(top.marks.score)) top = o;
    reviews.push({
      step: reviews.length,
      chosen: entry.chosen,
      options: entry.options,
      better: top === entry.chosen ? undefined : top,
    });
  }
  return reviews;
}

/** The first sentence of an author's feedback: coaching stays short; the transcript has the rest. */
function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^.*?[.!?](?=\s|$)/.exec(text.trim());
  return (m ? m[0] : text.trim()).replace(/[.!?]$/, '');
}

function coachingFor(
  axis: Axis,
  band: AxisResult['band'],
  choices: ChoiceReview[],
  praised: Set<ChoiceReview>,
): string {
  // The decision that cost most on this axis, against the best option available at that moment.
  let worst: { review: ChoiceReview; alt: ChoiceOption; gap: number } | undefined;
  let proudest: ChoiceReview | undefined;
  for (const review of choices) {
    const got = review.chosen.marks.score[axis];
    for (const alt of review.options) {
      const gap = alt.marks.score[axis] - got;
      if (gap > 0 && (!worst || gap > worst.gap)) worst = { review, alt, gap };
    }
    // The best moment on this axis, preferring one not already praised on another axis.
    const better =
      !proudest ||
      got > proudest.chosen.marks.score[axis] ||
      (got === proudest.chosen.marks.score[axis] && praised.has(proudest) && !praised.has(review));
    if (got > 0 && better) proudest = review;
  }
  const base = BAND_TEXT[axis][band];
  if (worst && band !== 'strong') {
    const why = firstSentence(worst.review.chosen.marks.feedback);
    return `${base} It slipped most at decision ${worst.review.step + 1}, ${quote(worst.review.chosen)}${why ? `: ${why}.` : '.'} ${quote(worst.alt)} would have earned ${worst.gap} more.`;
  }
  if (proudest) {
    praised.add(proudest);
    const why = firstSentence(proudest.chosen.marks.feedback);
    return `${base} What made it: decision ${proudest.step + 1}, ${quote(proudest.chosen)}${why ? `. ${why}.` : '.'}`;
  }
  return base;
}

export function makeDebrief(history: readonly HistoryEntry[], bounds: ScoreBounds, ending: string): Debrief {
  const score = totals(history);
  const choices = reviewChoices(history);
  const praised = new Set<ChoiceReview>();
  const axes = AXES.map((axis): AxisResult => {
    const pct = percent(score[axis], axis, bounds);
    const band = pct >= 85 ? 'strong' : pct >= 55 ? 'mixed' : 'weak';
    return {
      axis,
      name: AXIS_NAMES[axis],
      points: score[axis],
      best: bounds.best[axis],
      worst: bounds.worst[axis],
      percent: pct,
      band,
      coaching: coachingFor(axis, band, choices, praised),
    };
  });
  return { ending, score, axes, choices };
}
