import { describe, expect, it } from 'vitest';
import { makeDebrief } from '../../src/engine/debrief';
import type { ChoiceOption, HistoryEntry } from '../../src/engine/runner';
import { empathyCredit, fraction, percent, scoreChoices, totals } from '../../src/engine/scoring.ts';
import type { Score } from '../../src/engine/tags';

const option = (index: number, text: string, score: Partial<Score>, feedback?: string): ChoiceOption => ({
  index,
  text,
  marks: { score: { de: 0, own: 0, res: 0, ...score }, marked: [], feedback },
});
const call = { seconds: 0, mood: 0, repeats: 0, waited: 0 };
const before = {
  ink: '',
  historyLength: 0,
  pathLength: 0,
  ending: undefined,
  state: { kind: 'running' as const },
  firstLine: false,
  call,
  desk: { calls: [], crm: [] },
  notesLog: [],
};
const choice = (chosen: ChoiceOption, options: ChoiceOption[]): HistoryEntry => ({
  kind: 'choice',
  chosen,
  options,
  call,
  before,
});

const curt = option(0, 'Aisle four.', { de: -2, own: -1, res: 1 }, 'Correct but curt. She felt dismissed.');
const walk = option(
  1,
  'I’ll take you.',
  { de: 2, own: 2, res: 2 },
  'You owned the hunt. She stopped searching.',
);
const bounds = { best: { de: 4, own: 4, res: 4 }, worst: { de: -4, own: -2, res: 0 } };

describe('scoring', () => {
  it('sums the marks of the choices made', () => {
    expect(totals([choice(curt, [curt, walk]), choice(walk, [curt, walk])])).toEqual({
      de: 0,
      own: 1,
      res: 3,
    });
  });

  it('gives points over best, clamped', () => {
    expect(fraction(3, 'de', bounds)).toBe(0.75);
    expect(fraction(-3, 'de', bounds)).toBe(0);
    expect(percent(4, 'own', bounds)).toBe(100);
    // With no positive best, the position between worst and best.
    expect(fraction(-1, 'de', { best: { de: 0, own: 0, res: 0 }, worst: { de: -2, own: 0, res: 0 } })).toBe(
      0.5,
    );
    expect(fraction(0, 'own', { best: { de: 0, own: 0, res: 0 }, worst: { de: 0, own: 0, res: 0 } })).toBe(1);
  });
});

describe('scripted empathy', () => {
  const sorry = option(0, 'I do apologise for the inconvenience.', { de: 2 });
  const sorryAgain = { ...sorry, marks: { ...sorry.marks, empathy: 'sorry-inconvenience' } };
  it('earns full, half, then a quarter of its de-escalation credit', () => {
    expect([1, 2, 3, 4].map((use) => empathyCredit(4, use))).toEqual([4, 2, 1, 0]);
    expect(empathyCredit(-2, 3)).toBe(-2);
  });
  it('applies per key across the run', () => {
    const history = [
      choice(sorryAgain, [sorryAgain]),
      choice(sorryAgain, [sorryAgain]),
      choice(sorryAgain, [sorryAgain]),
    ];
    expect(scoreChoices(history).map((c) => [c.score.de, c.empathyUse])).toEqual([
      [2, 1],
      [1, 2],
      [0, 3],
    ]);
    expect(totals(history).de).toBe(3);
    // Without a key, a repeated line is not treated as scripted.
    expect(totals([choice(sorry, [sorry]), choice(sorry, [sorry])]).de).toBe(4);
  });
});

describe('debrief', () => {
  it('bands each axis and coaches from the costliest decision', () => {
    const d = makeDebrief([choice(curt, [curt, walk])], bounds, { title: 'Lost', resolved: false });
    const de = d.axes[0];
    expect(de).toMatchObject({ axis: 'de', points: -2, best: 4, percent: 0, band: 'weak' });
    expect(de?.coaching).toBe(
      // The mood never moved (0 → 0): the sentence says so, not "more wound up".
      "What you said did little to settle the customer: they ended no calmer than they began. Acknowledge them first, then answer. Decision 1 left the most on the table. You chose: “Aisle four.” Coach's note: Correct but curt. Would have earned 4 more: “I’ll take you.”",
    );
    expect(d.choices[0]?.better).toBe(walk);
  });

  it('praises the decision that earned the points when it went well', () => {
    const d = makeDebrief([choice(walk, [curt, walk]), choice(walk, [walk])], bounds, {
      title: 'Served',
      resolved: true,
    });
    expect(d.axes.map((a) => a.band)).toEqual(['strong', 'strong', 'strong']);
    expect(d.axes[1]?.coaching).toContain(
      "Your best moment was decision 2. You chose: “I’ll take you.” Coach's note: You owned the hunt.",
    );
    expect(d.choices.every((c) => c.better === undefined)).toBe(true);
  });
});
