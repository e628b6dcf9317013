/**
 * The authoring guide (stories/README.md) is checked: its template compiles cleanly and plays to an
 * ending on every path, and every documented mistake produces exactly its documented message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/authoring/check.ts';
import { explore } from '../../src/engine/explore.ts';
import { naiveReport } from '../../src/engine/strategies.ts';
import { compileSource, messages, ROOT } from '../helpers.ts';

const guide = readFileSync(join(ROOT, 'stories/README.md'), 'utf8');
const template =
  /<!-- template:start -->\s*```ink\n([\s\S]*?)```\s*<!-- template:end -->/.exec(guide)?.[1] ?? '';
const section = guide.slice(guide.indexOf('## 9. Common mistakes'));
const rows = [...section.matchAll(/^\| ([^|]+?) \| `(.+?)` → `(.*?)` \| `(.+?)` \|$/gm)].map((m) => ({
  mistake: m[1] ?? '',
  from: m[2] ?? '',
  to: m[3] ?? '',
  message: m[4] ?? '',
}));

describe('the authoring guide', () => {
  it('has a template that compiles with no warnings and ends on every path', () => {
    expect(template.length).toBeGreaterThan(500);
    const r = compileSource(template, 'stories/template.ink');
    expect(messages(r)).toEqual([]);
    const exploration = explore(r.json ?? '');
    expect(exploration.failures).toEqual([]);
    expect(Object.keys(exploration.endings).length).toBeGreaterThanOrEqual(4);
    for (const result of naiveReport(r.json ?? '', exploration.bounds))
      expect(result.passes, result.name).toBe(true);
    // And the checker finds nothing to say against it.
    const report = checkStory('stories/template.ink', template, () => undefined);
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.exploration?.complete).toBe(true);
  });

  it('documents mistakes', () => {
    expect(rows.length).toBeGreaterThanOrEqual(8);
  });

  it.each(rows)('$mistake gives its documented message', ({ from, to, message }) => {
    expect(template.includes(from), `the template contains ${from}`).toBe(true);
    const r = compileSource(template.replace(from, to), 'stories/template.ink');
    expect(messages(r)).toContain(message);
  });
});
