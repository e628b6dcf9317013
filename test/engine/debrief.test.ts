import { describe, expect, it } from 'vitest';
import { assess } from '../../src/engine/assessment.ts';
import { bandText, type Debrief } from '../../src/engine/debrief.ts';
import { explore } from '../../src/engine/explore.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import { AXES } from '../../src/engine/tags.ts';
import { quoteChoice, scoreText, shareText } from '../../src/engine/wording.ts';
import { compiledJson, debriefOfPath } from '../helpers.ts';

const STORIES = ['stories/aisle.ink', 'stories/plan-change.ink'];

/** Every choice text a story can offer, walking every path. */
function choiceTexts(file: string): string[] {
  const runner = new StoryRunner(story(file).json);
  const texts = new Set<string>();
  const walk = (): void => {
    runner.readToChoice();
    const state = runner.state;
    if (state.kind !== 'awaiting-choice') return;
    for (const c of state.choices) texts.add(c.text);
    for (let i = 0; i < state.choices.length; i++) {
      const snap = runner.snapshot();
      runner.choose(i);
      walk();
      runner.restore(snap);
    }
  };
  walk();
  return [...texts];
}

const compiled = new Map<string, { json: string; bounds: ReturnType<typeof explore>['bounds'] }>();
function story(file: string) {
  let s = compiled.get(file);
  if (!s) {
    const json = compiledJson(file);
    s = { json, bounds: explore(json).bounds };
    compiled.set(file, s);
  }
  return s;
}

/** The debrief the game shows after playing `path` through `file`. */
function debriefOf(file: string, path: number[]): Debrief {
  const { json, bounds } = story(file);
  return debriefOfPath(json, path, bounds);
}

const quoteMarks = (s: string) => (s.match(/["“”„]/g) ?? []).length;

describe('quoteChoice: a choice in exactly one pair of quotes', () => {
  it('leaves text the author already quoted as written, straight or curly, after trimming', () => {
    expect(quoteChoice('"Honestly, the bio\'s much the same."')).toBe(
      '"Honestly, the bio\'s much the same."',
    );
    expect(quoteChoice('  “Honestly…”  ')).toBe('“Honestly…”');
    expect(quoteChoice('\t"We\'re out, sorry."\n')).toBe('"We\'re out, sorry."');
  });
  it('does not wrap an action that has speech in it (that would nest the quotes)', () => {
    expect(quoteChoice('Keep stacking. "Aisle four."')).toBe('Keep stacking. "Aisle four."');
    expect(quoteChoice('"I\'m just with this lady." Then ask Priya if she can help him.')).toBe(
      '"I\'m just with this lady." Then ask Priya if she can help him.',
    );
  });
  it('wraps bare text in curly quotes: speech written bare, or an action, once', () => {
    expect(quoteChoice('Aisle four.')).toBe('“Aisle four.”');
    expect(quoteChoice(' Keep stacking. Somebody else will help her. ')).toBe(
      '“Keep stacking. Somebody else will help her.”',
    );
  });
  it.each(STORIES)('gives every choice in %s exactly one pair of quotes', (file) => {
    const texts = choiceTexts(file);
    expect(texts.length).toBeGreaterThan(30);
    for (const t of texts) expect(quoteMarks(quoteChoice(t)), t).toBe(2);
  });
  it('never doubles quotes in the coaching of a real run', () => {
    // The curt path chooses "Honestly, the bio's much the same." and "We're out, sorry…" options.
    for (const path of [
      [0, 2, 1, 0, 1],
      [0, 0, 0, 2, 0],
      [1, 3, 0, 2, 1],
    ]) {
      for (const a of debriefOf('stories/aisle.ink', path).axes) {
        expect(a.coaching, a.coaching).not.toMatch(/“"|"”|“\s*“|”\s*”/);
      }
    }
    const res = debriefOf('stories/aisle.ink', [0, 2, 1, 0, 1]).axes.find((a) => a.axis === 'res');
    expect(res?.coaching).toContain(
      `You chose: "Honestly, the bio's much the same. He'll be fine with it." Would have earned 5 more: “Check the handheld for stock in the back.”`,
    );
  });
});

describe('a total below zero says so', () => {
  it('words points below zero plainly instead of 0%', () => {
    expect(scoreText(-1, 8, 0)).toBe('1 point below zero, out of 8 possible');
    expect(scoreText(-6, 6, 0)).toBe('6 points below zero, out of 6 possible');
    expect(scoreText(0, 8, 0)).toBe('0 of 8 possible (0%)');
    expect(scoreText(5, 8, 63)).toBe('5 of 8 possible (63%)');
    // Where nothing positive is achievable, the percent is the position between worst and best.
    expect(scoreText(-1, 0, 50)).toBe('-1 of 0 possible (50%)');
    expect(shareText(-2, 8, 0)).toBe('below zero');
    expect(shareText(3, 8, 38)).toBe('38%');
  });
  it('keeps the real points, an empty bar and the weak band in the debrief', () => {
    const de = debriefOf('stories/aisle.ink', [0, 2, 1, 0, 1]).axes.find((a) => a.axis === 'de');
    expect(de).toMatchObject({ points: -6, percent: 0, band: 'weak' });
  });
  it('the assessment verdict says "below zero", not 0%', () => {
    const d = debriefOf('stories/aisle.ink', [0, 2, 1, 0, 1]);
    const v = assess(d, { de: 60, own: 60, res: 60 });
    expect(v?.axes.map((a) => [a.axis, a.points, a.percent])).toEqual(
      d.axes.map((a) => [a.axis, a.points, a.percent]),
    );
    expect(v?.summary).toBe(
      'Below the pass mark: De-escalation below zero (needs 60%), Ownership below zero (needs 60%), Resolution below zero (needs 60%).',
    );
  });
});

describe('coaching agrees with the ending', () => {
  it('never tells a resolved run that nothing was solved', () => {
    // "Shopper served, shelf done" (resolved), reached the long way round: resolution is weak.
    const d = debriefOf('stories/aisle.ink', [0, 0, 0, 2, 0]);
    expect(d.resolved).toBe(true);
    const res = d.axes.find((a) => a.axis === 'res')!;
    expect(res.band).toBe('weak');
    expect(res.coaching).not.toMatch(/nothing was really solved|still waiting/i);
    expect(res.coaching.startsWith(bandText('res', 'weak', true))).toBe(true);
    expect(bandText('res', 'weak', true)).toMatch(/^It was solved in the end/);
  });
  it('tells an unresolved run it is not solved, in every band', () => {
    for (const band of ['strong', 'mixed', 'weak'] as const) {
      expect(bandText('res', band, false)).not.toMatch(/got what they|was solved in the end/);
    }
    const d = debriefOf('stories/aisle.ink', [0, 2, 1, 0, 1]);
    expect(d.resolved).toBe(false);
    expect(d.axes.find((a) => a.axis === 'res')?.coaching).toMatch(/^Nothing was really solved/);
  });
  it('keeps every generic sentence free of any scenario’s words, and of claims about the ending', () => {
    const scenarioWords = /shelf|aisle|tins|phone|call|store|shop|\bshe\b|\bher\b|\bhe\b|\bhis\b|look up/i;
    for (const axis of AXES) {
      for (const band of ['strong', 'mixed', 'weak'] as const) {
        for (const resolved of [true, false]) {
          const sentence = bandText(axis, band, resolved);
          expect(sentence, sentence).not.toMatch(scenarioWords);
          if (axis !== 'res') {
            expect(sentence, sentence).not.toMatch(/solved|resolved/);
            expect(bandText(axis, band, !resolved)).toBe(sentence);
          }
        }
      }
    }
  });
});
