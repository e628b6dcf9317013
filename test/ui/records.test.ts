/**
 * Your progress and the trainer dashboard in Node (fake DOM): a total below zero reads "below zero",
 * never 0%, and replays from a decision are counted the same way on both screens.
 */
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../src/authoring/catalog.ts';
import type { Score } from '../../src/engine/tags.ts';
import { emptyCohort, exportAttempt, mergeCohort } from '../../src/storage/exchange.ts';
import { cohortTable, needsHelp } from '../../src/storage/insights.ts';
import type { Attempt } from '../../src/storage/schema.ts';
import { helpSection, tableSection } from '../../src/ui/dashboard.ts';
import { renderHistory } from '../../src/ui/history.ts';
import { type FakeElement, withFakeDom } from './fakeDom.ts';

const AISLE = {
  id: 'aisle',
  file: 'stories/aisle.ink',
  hash: 'hash-aisle',
  metadata: {
    title: 'The wrong aisle',
    summary: 'A scenario.',
    setting: 'aisle',
    difficulty: 'beginner',
    minutes: 5,
    cast: [],
    pass: { de: 60, own: 60, res: 60 },
  },
  bounds: { best: { de: 6, own: 8, res: 8 }, worst: { de: -9, own: -9, res: -6 } },
  endings: [],
  url: 'aisle.json',
  source: 'aisle.ink',
} as unknown as StoryEntry;

let seq = 0;
function attempt(minute: number, percent: Score, score: Score, over: Partial<Attempt> = {}): Attempt {
  const at = new Date(Date.UTC(2025, 2, 14, 9, minute)).toISOString();
  return {
    schemaVersion: 2,
    id: `a${++seq}`,
    profileId: 'p1',
    storyId: 'aisle',
    storyHash: 'hash-aisle',
    mode: 'practice',
    startedAt: at,
    updatedAt: at,
    status: 'finished',
    path: [],
    linesAfterLastChoice: 0,
    notes: [],
    result: { ending: 'End', resolved: false, score, percent, seconds: 60 },
    ...over,
  };
}

// Dee's runs: the curt path (−6 de-escalation: 0%), a play scoring exactly 0 on ownership, and a
// replay from a decision.
const curt = attempt(1, { de: 0, own: 0, res: 0 }, { de: -6, own: -6, res: -4 });
const level = attempt(2, { de: 0, own: 0, res: 25 }, { de: -1, own: 0, res: 2 });
const replay = attempt(
  3,
  { de: 50, own: 50, res: 50 },
  { de: 3, own: 4, res: 4 },
  { replayOf: { attemptId: curt.id, step: 2 } },
);
const RUNS = [curt, level, replay];

const all = (root: FakeElement, tag: string): FakeElement[] => {
  const found: FakeElement[] = [];
  const walk = (el: FakeElement) => {
    for (const c of el.children) {
      if (!('tagName' in c)) continue;
      if (c.tagName === tag) found.push(c);
      walk(c);
    }
  };
  walk(root);
  return found;
};
const cellsOf = (tr: FakeElement) => tr.children.map((c) => c.textContent);

function progress(): FakeElement {
  return withFakeDom(() => {
    const shown = renderHistory({
      profile: { id: 'p1', name: 'Dee Dash' },
      attempts: RUNS,
      stories: [AISLE],
      onBack: () => {},
      onPractise: () => {},
      notify: () => {},
    });
    shown.dispose();
    return shown.element as unknown as FakeElement;
  });
}

describe('Your progress', () => {
  it('counts replays from a decision apart, as the dashboard does', () => {
    const shown = progress();
    expect(shown.one('records-sub').textContent).toBe(
      'Dee Dash · 2 finished attempts and 1 replay from a decision',
    );
    const meta = shown.one('progress-scenario').one('records-sub').textContent;
    expect(meta).toMatch(/^2 finished attempts, and 1 replay from a decision; latest /);
  });

  it('says "below zero" for a best, an average and an attempt whose total was below zero', () => {
    const shown = progress();
    const bests = all(shown.one('bests'), 'tr').find((tr) => tr.getAttribute('data-story') === 'aisle')!;
    // De-escalation: −6 then −1, both 0%: below zero. Ownership: −6 then exactly 0: 0%.
    expect(cellsOf(bests)).toEqual(['The wrong aisle', 'below zero', '0%', '25%']);
    expect(shown.one('focus-lead').textContent).toBe(
      'Your weakest area: De-escalation (below zero on average recently).',
    );
    expect(shown.one('focus-reason').textContent).toBe(
      'De-escalation is your weakest area; your best de-escalation score on “The wrong aisle” is below zero, short of its pass mark of 60%.',
    );
    const attempts = all(shown.one('as-table'), 'tr').filter((tr) => tr.getAttribute('data-attempt'));
    expect(attempts.map((tr) => cellsOf(tr).slice(2, 6))).toEqual([
      ['Practice', 'below zero', 'below zero', 'below zero'],
      ['Practice', 'below zero', '0%', '25%'],
      ['Replay from decision 3', '50%', '50%', '50%'],
    ]);
    const chart = all(shown, 'canvas')[0]!;
    expect(chart.getAttribute('aria-label')).toContain('De-escalation from below zero to 50%');
    expect(shown.textContent).not.toMatch(/(^|[^0-9])0% on average/);
  });
});

describe('the trainer dashboard', () => {
  const exportedRuns = RUNS.map(exportAttempt);
  const cohort = mergeCohort(emptyCohort(), {
    format: 'beyond-the-script/results',
    version: 1,
    exportedAt: '2025-03-15T00:00:00.000Z',
    trainee: { id: 'p1', name: 'Dee Dash' },
    attempts: exportedRuns,
  }).cohort;
  const rows = cohortTable(cohort, [AISLE]);

  it('says "below zero" in the table, best and latest, and keeps the points', () => {
    const table = withFakeDom(() => tableSection(rows, 'd', () => {}) as unknown as FakeElement);
    const tr = all(table, 'tr').find((r) => r.getAttribute('data-trainee') === 'p1')!;
    const score = (axis: string, which: string) =>
      tr.children.find(
        (c) =>
          'tagName' in c && c.getAttribute('data-axis') === axis && c.getAttribute('data-score') === which,
      ) as FakeElement;
    expect(score('de', 'best').textContent).toBe('below zero');
    expect(score('de', 'latest').textContent).toBe('below zerobelow');
    expect(score('de', 'latest').getAttribute('data-points')).toBe('-1');
    expect(score('own', 'best').textContent).toBe('0%');
    expect(score('own', 'latest').textContent).toBe('0%below');
    expect(score('res', 'best').textContent).toBe('25%');
    expect(tr.children[2]!.textContent).toBe('2 (+1 replay)');
  });

  it('says "below zero" in who needs help', () => {
    const help = withFakeDom(() => helpSection(needsHelp(rows), 'd') as unknown as FakeElement);
    const lines = all(help, 'li').filter((li) => li.getAttribute('data-axis'));
    expect(lines.map((li) => li.textContent)).toEqual([
      'De-escalation: The wrong aisle below zero (pass mark 60%)',
      'Ownership: The wrong aisle 0% (pass mark 60%)',
      'Resolution: The wrong aisle 25% (pass mark 60%)',
    ]);
  });
});
