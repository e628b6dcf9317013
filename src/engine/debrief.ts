/**
 * The debrief is a pure function of a finished run: scores against what the story made achievable,
 * a coaching sentence per axis tied to what the trainee actually chose, and the annotated choices.
 */
import { type CallRecord, type DeskState, type DeskSummary, summarizeDesk } from './desk.ts';
import { biggestMoves, type MoodPoint, satisfaction } from './mood.ts';
import type { ChoiceOption, HistoryEntry } from './runner.ts';
import { percent, type ScoreBounds, scoreChoices, totals } from './scoring.ts';
import { AXES, AXIS_NAMES, type Axis, type Score } from './tags.ts';
import { quoteChoice } from './wording.ts';

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
  /** What it earned (after the scripted-empathy rule). */
  points: Score;
  /** For a stock empathy phrase used before: which use this was (2 = second). */
  empathyUse?: number;
  options: ChoiceOption[];
  /** The option worth most in total at that moment, when it beats what was chosen. */
  better?: ChoiceOption;
}

export type TranscriptItem =
  | { kind: 'line'; speaker?: string; text: string; at: number }
  | { kind: 'choice'; step: number; at: number };

export interface CallFigures {
  /** Seconds from first line to last. */
  seconds: number;
  repeats: number;
  /** Seconds the customer was kept waiting. */
  waited: number;
  decisions: number;
  /** Solved, in this one contact. */
  firstContactResolution: boolean;
  /** Estimated CSAT, 1–5. */
  satisfaction: number;
  finalMood: number;
}

export interface Debrief {
  ending: string;
  resolved: boolean;
  score: Score;
  axes: AxisResult[];
  choices: ChoiceReview[];
  transcript: TranscriptItem[];
  /** The customer's mood over the conversation, starting before the first line. */
  mood: MoodPoint[];
  /** Indices into `mood` where it moved most. */
  moves: { index: number; delta: number }[];
  figures: CallFigures;
  /** Phone scenarios: every call, hold, transfer and drop, and what would have broken the chain. */
  journey?: { calls: CallRecord[]; summary: DeskSummary };
}

/**
 * The opening sentence of each axis's coaching, per band. Generic on purpose: no scenario's words
 * (a shelf, a phone, "she") belong here; scenario-specific coaching is the story's own `#feedback`,
 * which the sentences after this one quote. None of them may claim the problem was or was not solved:
 * only resolution's sentence speaks of that, and it follows the ending (RESOLUTION_TEXT).
 */
const BAND_TEXT: Record<Exclude<Axis, 'res'>, Record<AxisResult['band'], string>> = {
  de: {
    strong: 'You kept the temperature down: the customer felt noticed, not processed.',
    mixed: 'You were civil, but there were moments the customer felt like an interruption.',
    weak: 'The customer ended more wound up than they began. Acknowledge them first, then answer.',
  },
  own: {
    strong: 'You treated the problem as yours from start to finish, and said so.',
    mixed: 'You helped, but left parts of the problem with the customer or to chance.',
    weak: "The problem stayed the customer's. Ownership starts with 'I'll…' and ends with you checking it happened.",
  },
};

/** Resolution's opening sentence agrees with the ending: a resolved run is never told nothing was solved. */
const RESOLUTION_TEXT: Record<'resolved' | 'unresolved', Record<AxisResult['band'], string>> = {
  resolved: {
    strong: 'The customer got what they needed, with nothing left for them to chase.',
    mixed: 'It was solved, but not cleanly: parts of it took longer or cost more than they needed to.',
    weak: 'It was solved in the end, but the long way round: the customer paid for it in time and trust.',
  },
  unresolved: {
    strong: 'You did most of what could be done, but the problem is not solved yet.',
    mixed: 'Part of the problem was solved; the rest went away with the customer.',
    weak: 'Nothing was really solved: the customer is still waiting.',
  },
};

/** The first sentence of an axis's coaching, for its band and whether the run's problem was solved. */
export function bandText(axis: Axis, band: AxisResult['band'], resolved: boolean): string {
  return axis === 'res' ? RESOLUTION_TEXT[resolved ? 'resolved' : 'unresolved'][band] : BAND_TEXT[axis][band];
}

const sum = (s: Score) => s.de + s.own + s.res;

export function reviewChoices(history: readonly HistoryEntry[]): ChoiceReview[] {
  const scored = scoreChoices(history);
  const reviews: ChoiceReview[] = [];
  for (const entry of history) {
    if (entry.kind !== 'choice') continue;
    const { score, empathyUse } = scored[reviews.length] ?? { score: entry.chosen.marks.score };
    let top = entry.chosen;
    for (const o of entry.options) if (sum(o.marks.score) > sum(top.marks.score)) top = o;
    reviews.push({
      step: reviews.length,
      chosen: entry.chosen,
      points: score,
      empathyUse: empathyUse !== undefined && empathyUse > 1 ? empathyUse : undefined,
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

/**
 * A choice's words inside a coaching sentence (`quoteChoice`), ending as a sentence does so what
 * follows starts cleanly. The choice comes last after a label ("You chose:"), because text the author
 * quoted is shown bare, and bare words in mid-sentence would run into the words around them.
 */
function said(option: ChoiceOption): string {
  const words = quoteChoice(option.text);
  return /[.!?…"”’)]$/.test(words) ? words : `${words}.`;
}

function coachingFor(
  axis: Axis,
  band: AxisResult['band'],
  resolved: boolean,
  choices: ChoiceReview[],
  praised: Set<ChoiceReview>,
): string {
  // The decision that cost most on this axis, against the best option available at that moment.
  let worst: { review: ChoiceReview; alt: ChoiceOption; gap: number } | undefined;
  let proudest: ChoiceReview | undefined;
  for (const review of choices) {
    const got = review.points[axis];
    for (const alt of review.options) {
      const gap = alt.marks.score[axis] - got;
      if (gap > 0 && (!worst || gap > worst.gap)) worst = { review, alt, gap };
    }
    // The best moment on this axis, preferring one not already praised on another axis.
    const better =
      !proudest ||
      got > proudest.points[axis] ||
      (got === proudest.points[axis] && praised.has(proudest) && !praised.has(review));
    if (got > 0 && better) proudest = review;
  }
  const base = bandText(axis, band, resolved);
  if (worst && band !== 'strong') {
    const why = firstSentence(worst.review.chosen.marks.feedback);
    return `${base} It slipped most at decision ${worst.review.step + 1}${why ? `: ${why}.` : '.'} You chose: ${said(worst.review.chosen)} Would have earned ${worst.gap} more: ${said(worst.alt)}`;
  }
  if (proudest) {
    praised.add(proudest);
    const why = firstSentence(proudest.chosen.marks.feedback);
    return `${base} What made it was decision ${proudest.step + 1}${why ? `: ${why}.` : '.'} You chose: ${said(proudest.chosen)}`;
  }
  return base;
}

function transcriptOf(history: readonly HistoryEntry[]): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  let step = 0;
  for (const e of history) {
    if (e.kind === 'choice') items.push({ kind: 'choice', step: step++, at: e.call.seconds });
    else if (e.line.text !== '')
      items.push({ kind: 'line', speaker: e.line.speaker, text: e.line.text, at: e.call.seconds });
  }
  return items;
}

function moodOf(history: readonly HistoryEntry[], startMood: number): MoodPoint[] {
  const points: MoodPoint[] = [{ at: 0, mood: startMood, label: 'Start' }];
  for (const e of history) {
    const last = points[points.length - 1];
    const label =
      e.kind === 'choice'
        ? `You chose: ${e.chosen.text}`
        : e.line.speaker
          ? `${e.line.speaker}: ${e.line.text}`
          : e.line.text;
    // One point per change keeps the chart readable; time still moves on the x axis.
    if (last && last.mood === e.call.mood && e.kind === 'line') continue;
    points.push({ at: e.call.seconds, mood: e.call.mood, label });
  }
  const lastEntry = history[history.length - 1];
  const lastPoint = points[points.length - 1];
  if (lastEntry && lastPoint && lastPoint.at < lastEntry.call.seconds) {
    points.push({ at: lastEntry.call.seconds, mood: lastEntry.call.mood, label: 'End' });
  }
  return points;
}

export interface Ending {
  title: string;
  resolved: boolean;
}

export function makeDebrief(
  history: readonly HistoryEntry[],
  bounds: ScoreBounds,
  ending: Ending,
  startMood = 0,
  desk?: Readonly<DeskState>,
): Debrief {
  const score = totals(history);
  const choices = reviewChoices(history);
  const praised = new Set<ChoiceReview>();
  const last = history[history.length - 1]?.call ?? { seconds: 0, mood: startMood, repeats: 0, waited: 0 };
  const axes = AXES.map((axis): AxisResult => {
    const pct = percent(score[axis], axis, bounds);
    const band = pct >= 85 ? 'strong' : pct >= 55 ? 'mixed' : 'weak';
    let coaching = coachingFor(axis, band, ending.resolved, choices, praised);
    const times = last.repeats === 1 ? 'once' : `${last.repeats} times`;
    if (axis === 'de' && last.repeats > 0) {
      coaching += ` The customer had to repeat themselves ${times}: nothing winds people up faster.`;
    }
    // Over several calls, a repeat means a note nobody wrote or nobody read: an ownership failure.
    if (axis === 'own' && last.repeats > 0 && (desk?.calls.length ?? 0) > 1) {
      coaching += ` Across the calls the customer told their story again ${times}: notes that record the key facts, read before answering, spare them that.`;
    }
    return {
      axis,
      name: AXIS_NAMES[axis],
      points: score[axis],
      best: bounds.best[axis],
      worst: bounds.worst[axis],
      percent: pct,
      band,
      coaching,
    };
  });
  const mood = moodOf(history, startMood);
  return {
    ending: ending.title,
    resolved: ending.resolved,
    score,
    axes,
    choices,
    transcript: transcriptOf(history),
    mood,
    moves: biggestMoves(mood),
    figures: {
      seconds: last.seconds,
      repeats: last.repeats,
      waited: last.waited,
      decisions: choices.length,
      // Solved, and in the first contact: a customer who had to call back was not.
      firstContactResolution: ending.resolved && (desk?.calls.length ?? 0) <= 1,
      satisfaction: satisfaction(last.mood, ending.resolved, last.repeats),
      finalMood: last.mood,
    },
    journey: desk?.calls.length
      ? { calls: structuredClone(desk.calls), summary: summarizeDesk(desk) }
      : undefined,
  };
}
