/**
 * The curriculum (stories/curriculum.json) sets the menu order, so a scenario's number never changes
 * when another story is added; its mistakes are reported with file, line and a did-you-mean.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { orderScenarios } from '../../src/authoring/curriculum.ts';
import { formatDiagnostic } from '../../src/authoring/diagnostics.ts';
import { compileStories } from '../../src/authoring/vite-plugin-ink.ts';
import { main } from '../../src/cli/check.ts';
import { ROOT } from '../helpers.ts';

const IDS = ['plan-change', 'aisle', 'returns'];
const lines = (text: string | undefined, ids = IDS) => {
  const r = orderScenarios(ids, text);
  return { order: r.order, messages: r.diagnostics.map(formatDiagnostic), diagnostics: r.diagnostics };
};

describe('orderScenarios', () => {
  it('puts the scenarios in the order the curriculum lists them', () => {
    const r = lines('{ "scenarios": ["returns", "plan-change", "aisle"] }');
    expect(r.order).toEqual(['returns', 'plan-change', 'aisle']);
    expect(r.messages).toEqual([]);
  });

  it('orders by file name when there is no curriculum, with nothing to report', () => {
    expect(lines(undefined)).toMatchObject({ order: ['aisle', 'plan-change', 'returns'], messages: [] });
    // Exactly as the directory listing sorted `.ink` names: 'a-b.ink' comes before 'a.ink'.
    expect(orderScenarios(['a', 'a-b'], undefined).order).toEqual(['a-b', 'a']);
  });

  it('puts a story it does not list after the others, with a warning, and keeps their numbers', () => {
    const text = '{ "scenarios": ["plan-change", "aisle"] }';
    const before = lines(text, ['aisle', 'plan-change']);
    expect(before.order).toEqual(['plan-change', 'aisle']);
    // A new story, whose file name sorts first, is added: the listed ones keep their places.
    const after = lines(text, ['aardvark', 'aisle', 'plan-change', 'zebra']);
    expect(after.order).toEqual(['plan-change', 'aisle', 'aardvark', 'zebra']);
    expect(after.order.slice(0, 2)).toEqual(before.order);
    expect(after.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(after.messages).toEqual([
      'stories/curriculum.json: warning: stories/aardvark.ink is not in stories/curriculum.json: it is listed after the others',
      'stories/curriculum.json: warning: stories/zebra.ink is not in stories/curriculum.json: it is listed after the others',
    ]);
  });

  it('reports an unknown scenario on its line, with a did-you-mean', () => {
    const r = lines('{\n  "scenarios": [\n    "asile",\n    "plan-change",\n    "returns"\n  ]\n}\n');
    expect(r.diagnostics).toContainEqual({
      file: 'stories/curriculum.json',
      line: 3,
      severity: 'error',
      message: "unknown scenario 'asile' (did you mean 'aisle'?)",
    });
    expect(r.messages).toContain(
      "stories/curriculum.json line 3: unknown scenario 'asile' (did you mean 'aisle'?)",
    );
    // Nothing close: no guess. A file name where an id belongs: the id.
    expect(lines('{ "scenarios": ["kettle", "stories/aisle.ink", "returns.ink"] }').messages).toEqual([
      "stories/curriculum.json line 1: unknown scenario 'kettle'",
      "stories/curriculum.json line 1: unknown scenario 'stories/aisle.ink' (did you mean 'aisle'?)",
      "stories/curriculum.json line 1: unknown scenario 'returns.ink' (did you mean 'returns'?)",
      'stories/curriculum.json: warning: stories/aisle.ink is not in stories/curriculum.json: it is listed after the others',
      'stories/curriculum.json: warning: stories/plan-change.ink is not in stories/curriculum.json: it is listed after the others',
      'stories/curriculum.json: warning: stories/returns.ink is not in stories/curriculum.json: it is listed after the others',
    ]);
  });

  it('names a scenario listed twice, and keeps its first place', () => {
    const r = lines(
      '{\n  "scenarios": [\n    "aisle",\n    "returns",\n    "aisle",\n    "plan-change"\n  ]\n}',
    );
    expect(r.messages).toEqual([
      "stories/curriculum.json line 5: 'aisle' is listed twice (first on line 3): list each scenario once",
    ]);
    expect(r.order).toEqual(['aisle', 'returns', 'plan-change']);
  });

  it('reports JSON it cannot read with its line, and falls back to file names', () => {
    const trailingComma = lines('{\n  "scenarios": [\n    "aisle",\n    "returns",\n  ]\n}\n');
    expect(trailingComma.order).toEqual(['aisle', 'plan-change', 'returns']);
    expect(trailingComma.diagnostics).toHaveLength(1);
    expect(trailingComma.diagnostics[0]).toMatchObject({ severity: 'error', line: 5 });
    expect(trailingComma.messages[0]).toMatch(
      /^stories\/curriculum\.json line 5: not valid JSON: .*']'.* \(JSON allows no comma after the last item\)$/,
    );

    const missingComma = lines('{\n  "scenarios": [\n    "aisle"\n    "returns"\n  ]\n}');
    expect(missingComma.messages).toEqual([
      "stories/curriculum.json line 4: not valid JSON: expected ',' or ']' after array element",
    ]);

    const singleQuotes = lines('{ "scenarios": [\'aisle\'] }');
    expect(singleQuotes.messages[0]).toMatch(
      /^stories\/curriculum\.json( line 1)?: not valid JSON: .*\(JSON needs double quotes: "aisle"\)$/,
    );

    // Cut short: placed on the last line with anything on it (the wording is the JSON parser's).
    const cutShort = lines('{\n  "scenarios": [\n    "aisle"\n\n');
    expect(cutShort.diagnostics).toMatchObject([{ severity: 'error', line: 3 }]);
    expect(cutShort.messages[0]).toMatch(/^stories\/curriculum\.json line 3: not valid JSON: /);

    expect(lines(' \n').messages).toEqual([
      'stories/curriculum.json: is empty: write { "scenarios": ["aisle", "plan-change"] }, or delete it to order the menu by file name',
    ]);
  });

  it('says in plain words what is wrong with the shape', () => {
    expect(lines('["aisle", "returns"]').messages).toEqual([
      'stories/curriculum.json: must be an object, { "scenarios": ["aisle", "plan-change"] }, not a list',
    ]);
    expect(lines('{ "scenario": ["aisle"] }').messages).toEqual([
      'stories/curriculum.json: "scenarios" is missing: list the scenario ids in menu order, as in { "scenarios": ["aisle", "plan-change"] }',
      `stories/curriculum.json: unknown key 'scenario' (did you mean 'scenarios'?): the only key is "scenarios"`,
    ]);
    expect(lines('{ "scenarios": "aisle" }').messages).toEqual([
      'stories/curriculum.json: "scenarios" must be a list of scenario ids, as in { "scenarios": ["aisle", "plan-change"] }, not text',
    ]);
    const r = lines('{ "scenarios": ["aisle", 2, null] }');
    expect(r.messages).toEqual([
      'stories/curriculum.json: "scenarios" item 2 must be a scenario id in double quotes (its file name without .ink, such as "aisle"), not a number',
      'stories/curriculum.json: "scenarios" item 3 must be a scenario id in double quotes (its file name without .ink, such as "aisle"), not null',
    ]);
    expect(r.order).toEqual(['aisle', 'plan-change', 'returns']);
    expect(r.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });
});

describe('compileStories', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A project root whose stories are copies of the tiny fixture, with an optional curriculum. */
  const project = (ids: string[], curriculum?: string): string => {
    dir = mkdtempSync(join(tmpdir(), 'curriculum-'));
    mkdirSync(join(dir, 'stories'));
    for (const id of ids)
      copyFileSync(join(ROOT, 'test/fixtures/tiny.ink'), join(dir, 'stories', `${id}.ink`));
    if (curriculum !== undefined) writeFileSync(join(dir, 'stories/curriculum.json'), curriculum);
    return dir;
  };

  it('builds the real catalog in curriculum order: the aisle, then the plan change', () => {
    const catalog = compileStories(ROOT);
    // No warnings either: every story is in the curriculum, so the menu is exactly its list.
    expect(catalog.diagnostics.map(formatDiagnostic)).toEqual([]);
    const ids = catalog.entries.map((e) => e.id);
    expect(ids.slice(0, 2)).toEqual(['aisle', 'plan-change']);
    const curriculum = JSON.parse(readFileSync(join(ROOT, 'stories/curriculum.json'), 'utf8')) as {
      scenarios: string[];
    };
    expect(ids).toEqual(curriculum.scenarios);
  });

  it('applies the curriculum, appends unlisted stories with a warning, and fails on its errors', () => {
    const listed = compileStories(project(['a', 'b', 'c', 'new'], '{ "scenarios": ["c", "a", "b"] }'));
    expect(listed.entries.map((e) => e.id)).toEqual(['c', 'a', 'b', 'new']);
    expect(listed.diagnostics.map(formatDiagnostic)).toEqual([
      'stories/curriculum.json: warning: stories/new.ink is not in stories/curriculum.json: it is listed after the others',
    ]);

    const wrong = compileStories(project(['a', 'b'], '{ "scenarios": ["b", "kettle"] }'));
    expect(wrong.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      "stories/curriculum.json line 1: unknown scenario 'kettle'",
    ]);
    expect(wrong.entries.map((e) => e.id)).toEqual(['b', 'a']);

    const none = compileStories(project(['b', 'a']));
    expect(none.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(none.diagnostics).toEqual([]);
  });

  it('is checked by npm run check when it checks every story', { timeout: 60_000 }, async () => {
    const root = project(['aisle', 'b'], '{ "scenarios": ["b", "asile"] }');
    const out: string[] = [];
    const code = await main([], { root, write: (line) => out.push(...line.split('\n')) });
    expect(code).toBe(1);
    expect(out).toContain('stories/curriculum.json  1 error, 1 warning');
    expect(out).toContain(
      "  stories/curriculum.json line 1: unknown scenario 'asile' (did you mean 'aisle'?)",
    );
    // The stories in menu order: b (listed), then the aisle.
    expect(out.filter((l) => /^stories\/\w+\.ink {2}/.test(l))).toEqual([
      'stories/b.ink  ok',
      'stories/aisle.ink  ok',
    ]);
    expect(out.at(-1)).toBe('2 stories checked: all ok; stories/curriculum.json has errors');
  });
});
