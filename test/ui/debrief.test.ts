import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../src/authoring/catalog.ts';
import { assess } from '../../src/engine/assessment.ts';
import type { Debrief } from '../../src/engine/debrief.ts';
import { explore } from '../../src/engine/explore.ts';
import { type DebriefContext, renderDebrief } from '../../src/ui/debrief.ts';
import { compiledJson, debriefOfPath } from '../helpers.ts';
import { type FakeElement, withFakeDom } from './fakeDom.ts';

const json = compiledJson('stories/aisle.ink');
const bounds = explore(json).bounds;
const entry = { id: 'aisle', metadata: { title: 'The wrong aisle' } } as unknown as StoryEntry;

function debriefOf(path: number[]): Debrief {
  return debriefOfPath(json, path, bounds);
}

function render(debrief: Debrief, context: DebriefContext = {}): FakeElement {
  return withFakeDom(
    () =>
      renderDebrief(
        entry,
        debrief,
        { replay: () => {}, menu: () => {}, replayFrom: () => {} },
        context,
      ) as unknown as FakeElement,
  );
}

const CURT = [0, 2, 1, 0, 1];
const BEST = [1, 3, 0, 2, 1];
const quoteMarks = (s: string) => (s.match(/["“”„]/g) ?? []).length;
/** An element's text without its label span ("Decision 1: ", "What a top rep would have chosen: "). */
const words = (el: FakeElement) =>
  el.children
    .slice(1)
    .map((c) => c.textContent)
    .join('');

describe('the debrief on screen', () => {
  it('shows each decision, and the better option, in exactly one pair of quotes', () => {
    const shown = render(debriefOf(CURT));
    const said = shown.all('said').map(words);
    expect(said).toEqual([
      'Keep stacking. “Aisle four.”',
      `“Honestly, the bio's much the same. He'll be fine with it.”`,
      '“Leave her where she is and walk him to the hot counter yourself.”',
      `“The customer comes first, Dana. I'm sorry, but the shelf will just have to wait until I've finished here.”`,
      '“Send her to customer service. They can sort it out.”',
    ]);
    const better = shown.all('better');
    expect(better.length).toBeGreaterThan(0);
    for (const el of better) {
      expect(el.one('better-label').textContent).toBe('What a top rep would have chosen: ');
      expect(quoteMarks(words(el)), words(el)).toBe(2);
    }
  });

  it('never mixes straight and curly quotes: choices, notes, better options and lines are all curly', () => {
    const shown = render(debriefOf(CURT));
    const feedback = shown.all('feedback').map((el) => el.textContent);
    expect(feedback[0]).toBe(
      'The answer was right, but you said it to the tins. Without eye contact “aisle four” sounds like “go away”. Looking up takes two seconds.',
    );
    for (const cls of ['said', 'feedback', 'better', 'said-line', 'coaching']) {
      const els = shown.all(cls);
      expect(els.length, cls).toBeGreaterThan(0);
      for (const el of els) expect(el.textContent, cls).not.toMatch(/"/);
    }
  });

  it('says a total below zero in words, keeps the real points, and leaves the bar empty in the weak band', () => {
    const shown = render(debriefOf(CURT));
    const de = shown.all('axis').find((el) => el.getAttribute('data-axis') === 'de')!;
    expect(de.getAttribute('data-points')).toBe('-6');
    expect(de.classes).toContain('band-weak');
    expect(de.one('axis-score').textContent).toBe('6 points below zero, out of 6 possible');
    expect(de.one('bar').getAttribute('aria-valuetext')).toBe('6 points below zero, out of 6 possible');
    expect(de.one('bar-fill').getAttribute('style')).toBe('width:0%');
    for (const el of shown.all('axis-score')) expect(el.textContent).not.toMatch(/^-|−|\(0%\)/);
  });

  it('words the earlier attempt the same way', () => {
    const shown = render(debriefOf(BEST), { previous: debriefOf(CURT) });
    expect(shown.all('compare').map((el) => el.textContent)).toEqual([
      'Earlier attempt: 6 points below zero, out of 6 possible',
      'Earlier attempt: 6 points below zero, out of 8 possible',
      'Earlier attempt: 4 points below zero, out of 8 possible',
    ]);
    const again = render(debriefOf(CURT), { previous: debriefOf(BEST) });
    expect(again.one('compare').textContent).toBe('Earlier attempt: 6 of 6 possible (100%)');
  });

  it('the assessment verdict says "below zero", not 0%', () => {
    const d = debriefOf(CURT);
    const shown = render(d, { mode: 'assessment', verdict: assess(d, { de: 60, own: 60, res: 60 }) });
    const lines = shown.one('verdict-axes').children.map((c) => c.textContent);
    expect(lines[0]).toBe('De-escalation: below zero (pass mark 60%) ✗ not met');
    expect(shown.one('verdict').textContent).toContain('De-escalation below zero (needs 60%)');
  });
});
