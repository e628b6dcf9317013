import { describe, expect, it } from 'vitest';
import { makeDebrief } from '../../src/engine/debrief';
import type { ChoiceOption, HistoryEntry } from '../../src/engine/runner';
import { fraction, percent, totals } from '../../src/engine/scoring';
import type { Score } from '../../src/engine/tags';

const option = (index: number, text: string, score: Partial<Score>, feedback?: string): ChoiceOption => ({
  index,
  text,
  marks: { score: { de: 0, own: 0, res: 0, ...score }, marked: [], feedback },
});
const choice = (chosen: ChoiceOption, options: ChoiceOption[]): HistoryEntry => ({
  kind: 'choice',
  chosen,
  options,
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

describe('debrief', () => {
  it('bands each axis and coaches from the costliest decision', () => {
    const d = makeDebrief([choice(curt, [curt, walk])], bounds, 'Lost');
    const de = d.axes[0];
    expect(de).toMatchObject({ axis: 'de', points: -2, best: 4, percent: 0, band: 'weak' });
    expect(de?.coaching).toBe(
      'The customer left more wound up than they arrived. Look up, acknowledge them, then answer. It slipped most at decision 1, “Aisle four.”: Correct but curt. “I’ll take you.” would have earned 4 more.',
    );
    expect(d.choices[0]?.better).toBe(walk);
  });

  it('praises the decision that earned the points when it went well', () => {
    const d = makeDebrief([choice(walk, [curt, walk]), choice(walk, [walk])], bounds, 'Served');
    expect(d.axes.map((a) => a.band)).toEqual(['strong', 'strong', 'strong']);
    expect(d.axes[1]?.coaching).toContain('What made it: decision');
    expect(d.choices.every((c) => c.better === undefined)).toBe(true);
  });
});
