/**
 * The debrief is a pure function of a finished run: scores against what the story made achievable,
 * a coaching sentence per axis tied to what the trainee actually chose, and the annotated choices.
 */
import { type CallRecord, type DeskState, type DeskSummary, summarizeDesk } from './desk.ts';
import { biggestMoves, type MoodPoint, satisfaction } from './mood.ts';
import type { ChoiceOption, HistoryEntry } from './runner.ts';
import { percent, type ScoreBounds, scoreChoices, totals } from './scoring.ts';
import { AXES, AXIS_NAMES, type Axis, type Score } from './tags.ts';
import { curlyQuotes, quoteChoice } from './wording.ts';

export interface AxisResult {
  axis: Axis;
  name: string;
  points: number;
  best: number;
  worst: number;
  percent: number;
  band: 'strong' | 'mixed' | 'weak';
  /** The band's sentence (`bandText`), then the decision that cost or earned most on this axis. */
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
 * What a run's own figures say about it, which the generic coaching sentences must never contradict:
 * whether the problem was solved, in how many contacts, and how the customer's mood ended against how
 * it began (`runFacts`).
 */
export interface RunFacts {
  resolved: boolean;
  /** Contacts the customer needed: the calls at a desk, one anywhere else. */
  contacts: number;
  /** The customer's mood at the end against the start: calmer, the same, or more wound up. */
  mood: 'calmer' | 'same' | 'worse';
}

/** The facts behind a debrief's generic sentences, from its own figures (`bandText`). */
export function runFacts(debrief: Pick<Debrief, 'resolved' | 'mood' | 'figures' | 'journey'>): RunFacts {
  const start = debrief.mood[0]?.mood ?? debrief.figures.finalMood;
  return factsOf(debrief.resolved, debrief.journey?.calls.length ?? 0, start, debrief.figures.finalMood);
}

function factsOf(resolved: boolean, calls: number, startMood: number, endMood: number): RunFacts {
  return {
    resolved,
    contacts: Math.max(1, calls),
    mood: endMood > startMood ? 'calmer' : endMood < startMood ? 'worse' : 'same',
  };
}

type Band = AxisResult['band'];

/**
 * De-escalation's opening sentence, per band and per how the mood actually ended: a run whose
 * customer ended calmer, or just as they began, is never told they ended more wound up.
 */
const DE_TEXT: Record<Band, Record<RunFacts['mood'], string>> = {
  strong: {
    calmer:
      'You kept the temperature down: the customer felt noticed, not processed, and ended calmer than they began.',
    same: 'You kept the temperature steady: the customer felt noticed, not processed.',
    worse: 'What you said was calming, but the customer still ended more wound up than they began.',
  },
  mixed: {
    calmer:
      'You were civil, and the customer ended calmer than they began, but there were moments they felt like an interruption.',
    same: 'You were civil, but there were moments the customer felt like an interruption, and they ended no calmer than they began.',
    worse:
      'You were civil, but there were moments the customer felt like an interruption, and they ended more wound up than they began.',
  },
  weak: {
    calmer:
      'The customer ended calmer than they began, but what you said did little for it. Acknowledge them first, then answer.',
    same: 'What you said did little to settle the customer: they ended no calmer than they began. Acknowledge them first, then answer.',
    worse: 'The customer ended more wound up than they began. Acknowledge them first, then answer.',
  },
};

/** Ownership's opening sentence, per band: about what the trainee took on, true whatever the ending. */
const OWN_TEXT: Record<Band, string> = {
  strong: 'You treated the problem as yours from start to finish, and said so.',
  mixed: 'You helped, but left parts of the problem with the customer or to chance.',
  weak: "Too much of the problem was left to the customer. Ownership starts with “I'll…” and ends with you checking it happened.",
};

/**
 * Resolution's opening sentence: it follows the ending (a resolved run is never told nothing was
 * solved), and a resolved run is told it took the long way round only when the figures say so (more
 * than one contact: not resolved on first contact).
 */
function resolutionText(band: Band, facts: RunFacts): string {
  const n = facts.contacts;
  if (!facts.resolved) {
    if (band === 'strong') return 'You did most of what could be done, but the problem is not solved yet.';
    if (band === 'mixed') return 'You moved it some of the way, but the problem is not solved.';
    return "Nothing was really solved: the problem is still the customer's.";
  }
  if (band === 'strong') {
    return n > 1
      ? `The customer got what they needed, though it took ${n} contacts to get there.`
      : 'The customer got what they needed, with nothing left for them to chase.';
  }
  if (n > 1) {
    return band === 'mixed'
      ? `It was solved, but not on first contact: it took ${n} contacts.`
      : `It was solved in the end, but the long way round: it took ${n} contacts, and the customer paid for it in time and trust.`;
  }
  return band === 'mixed'
    ? 'It was solved in one contact, but not cleanly: some of your choices made it harder than it needed to be.'
    : 'It was solved, but few of your choices moved it forward.';
}

/**
 * The opening sentence of an axis's coaching, for its band and the run's own figures (`runFacts`).
 * Generic on purpose: no scenario's words (a shelf, a phone, "she") belong here; scenario-specific
 * coaching is the story's own `#feedback`, which the sentences after this one quote. Each claims only
 * what the figures bear out: de-escalation's follows the mood, resolution's the ending and the number
 * of contacts, and only resolution's speaks of whether the problem was solved.
 */
export function bandText(axis: Axis, band: Band, facts: RunFacts): string {
  if (axis === 'de') return DE_TEXT[band][facts.mood];
  if (axis === 'own') return OWN_TEXT[band];
  return resolutionText(band, facts);
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

/**
 * The first sentence of an author's feedback, with its own closing punctuation (a full stop added when
 * it has none) and its quotes made curly: coaching stays short; the transcript has the rest.
 */
function firstSentence(text: string | undefined): string | undefined {
  const words = text?.trim();
  if (!words) return undefined;
  const m = /^.*?[.!?…]["”’)]*(?=\s|$)/.exec(words);
  const sentence = curlyQuotes(m ? m[0] : words);
  return /[.!?…]["”’)]*$/.test(sentence) ? sentence : `${sentence}.`;
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
  band: Band,
  facts: RunFacts,
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
  const base = bandText(axis, band, facts);
  // The author's feedback on the chosen option is shown as what it is, the coach's note on that
  // choice (it may praise it: the choice can be good on other axes), never as the reason it cost.
  const note = (review: ChoiceReview) => {
    const words = firstSentence(review.chosen.marks.feedback);
    return words ? ` Coach's note: ${words}` : '';
  };
  if (worst && band !== 'strong') {
    const { review, alt, gap } = worst;
    return `${base} Decision ${review.step + 1} left the most on the table. You chose: ${said(review.chosen)}${note(review)} Would have earned ${gap} more: ${said(alt)}`;
  }
  if (proudest) {
    praised.add(proudest);
    return `${base} Your best moment was decision ${proudest.step + 1}. You chose: ${said(proudest.chosen)}${note(proudest)}`;
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
        ? `You chose: ${quoteChoice(e.chosen.text)}`
        : e.line.speaker
          ? `${e.line.speaker}: ${curlyQuotes(e.line.text)}`
          : curlyQuotes(e.line.text);
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
  // What the generic sentences may claim: the same figures the debrief shows (`runFacts`).
  const facts = factsOf(ending.resolved, desk?.calls.length ?? 0, startMood, last.mood);
  const axes = AXES.map((axis): AxisResult => {
    const pct = percent(score[axis], axis, bounds);
    const band = pct >= 85 ? 'strong' : pct >= 55 ? 'mixed' : 'weak';
    let coaching = coachingFor(axis, band, facts, choices, praised);
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
      firstContactResolution: facts.resolved && facts.contacts === 1,
      satisfaction: satisfaction(last.mood, ending.resolved, last.repeats),
      finalMood: last.mood,
    },
    journey: desk?.calls.length
      ? { calls: structuredClone(desk.calls), summary: summarizeDesk(desk) }
      : undefined,
  };
}
