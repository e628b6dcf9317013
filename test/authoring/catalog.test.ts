/**
 * The catalog the build and the dev server make: the real scenarios come out exactly as before the
 * one-explorer change (pinned), and stories that loop get a clear `file line N` error in seconds
 * instead of hanging the build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/authoring/diagnostics.ts';
import { compileStories } from '../../src/authoring/vite-plugin-ink.ts';
import { ROOT } from '../helpers.ts';

const HEADER = `# title: Loop
# summary: A story that goes round.
# setting: aisle
# difficulty: beginner
# minutes: 2
# cast: You=player, Shopper=customer
`;

describe('the catalog of the real scenarios', () => {
  // Pinned from the explorer the build used before (src/engine/explore.ts, every path walked).
  it('has the same bounds and endings as before', () => {
    const catalog = compileStories(ROOT);
    expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pinned = Object.fromEntries(
      catalog.entries.map((e) => [e.id, { bounds: e.bounds, endings: e.endings }]),
    );
    expect(pinned).toEqual({
      aisle: {
        bounds: { best: { de: 6, own: 8, res: 8 }, worst: { de: -9, own: -9, res: -6 } },
        endings: [
          'Complaint at customer service',
          'Directions given, customer lost',
          'Promised more than you could give',
          'Served, but the shelf missed the rush',
          'Shelf done, shopper left waiting',
          'Shelf done, shopper served late',
          'Shopper served, shelf done',
        ],
      },
      'plan-change': {
        bounds: { best: { de: 6, own: 6, res: 6 }, worst: { de: -13, own: -15, res: -15 } },
        endings: [
          "A SIM in the post she didn't need",
          'Escalated and fixed by the resolution desk',
          'Sent to a shop for a SIM she already had',
          'She cancelled all four lines',
          'Sorted after a warm transfer',
          'Sorted in one call',
          'Sorted on the fifth call',
          'Sorted on the third call',
          'Sorted, with a promise nobody will keep',
          'Swapped, but never tested',
          'Two hours and a BlackBerry',
        ],
      },
    });
  });
});

describe('stories that loop', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });
  /** A project root with this one story in stories/. */
  const rootWith = (name: string, source: string): string => {
    const root = mkdtempSync(join(tmpdir(), 'bts-catalog-'));
    roots.push(root);
    mkdirSync(join(root, 'stories'));
    writeFileSync(join(root, 'stories', name), source);
    return root;
  };
  const timed = (root: string) => {
    const started = performance.now();
    const catalog = compileStories(root);
    return { catalog, ms: performance.now() - started };
  };

  it.each([
    {
      name: 'a sticky choice that tunnels back into its own knot',
      source: `${HEADER}-> round\n=== round ===\nShopper: Again?\n+ [Once more. #de: 0 #own: 0 #res: 0 #feedback: Round we go.] -> round ->\n-> END\n`,
      expected: /stories\/loop\.ink line \d+: .*/,
    },
    {
      name: 'a knot that diverts to itself with no choice',
      source: `${HEADER}-> a\n=== a ===\nShopper: Hello.\n-> a\n`,
      expected: /stories\/loop\.ink line \d+: .*loop forever/,
    },
  ])('$name: a file-and-line error in seconds, never a hang or an exception', ({ source, expected }) => {
    const { catalog, ms } = timed(rootWith('loop.ink', source));
    const errors = catalog.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => expected.test(e))).toBe(true);
    expect(catalog.entries).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });

  it('keeps a story whose loop has a way out, with a warning', () => {
    const source = `${HEADER}-> hub\n=== hub ===\nShopper: Where was it?\n+ [Tell her again. #de: 0 #own: 0 #res: 0 #feedback: Patient.]\n    -> hub\n+ [Walk her there. #de: +2 #own: +2 #res: +2 #feedback: That ends it.]\n    Shopper: Thanks. #ending: Walked over #resolved: yes\n    -> END\n`;
    const { catalog } = timed(rootWith('hub.ink', source));
    expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(catalog.entries.map((e) => [e.id, e.bounds.best])).toEqual([['hub', { de: 2, own: 2, res: 2 }]]);
    expect(catalog.diagnostics.map(formatDiagnostic).join('\n')).toMatch(/loop/);
  });
});
