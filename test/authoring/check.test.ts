/** The story checker: each kind of defect found on the right line, bounded exploration, and the CLI. */
import { describe, expect, it } from 'vitest';
import { type CheckOptions, type CheckReport, checkStory } from '../../src/authoring/check.ts';
import { formatDiagnostic } from '../../src/authoring/diagnostics.ts';
import { main } from '../../src/cli/check.ts';
import { explore } from '../../src/engine/explore.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import { compiledJson, ROOT, readProjectFile, storyFiles } from '../helpers.ts';

const fixture = (name: string) => `test/fixtures/check/${name}.ink`;

function check(name: string, options?: CheckOptions): CheckReport {
  const file = fixture(name);
  const source = readProjectFile(file);
  if (source === undefined) throw new Error(`${file} not found`);
  return checkStory(file, source, readProjectFile, options);
}

const lines = (r: CheckReport) => r.diagnostics.map(formatDiagnostic);

/** Endings as explore() counts them: by title. */
const endingsByTitle = (r: CheckReport) => {
  const out: Record<string, number> = {};
  for (const e of r.exploration?.endings ?? []) out[e.title] = (out[e.title] ?? 0) + (e.paths ?? Number.NaN);
  return out;
};

describe('checkStory on good stories', () => {
  it('reports nothing wrong, and the same bounds, paths and endings as explore()', () => {
    const r = check('good');
    expect(lines(r)).toEqual([]);
    expect(r.ok).toBe(true);
    const x = r.exploration;
    const e = explore(compiledJson(fixture('good')));
    expect(x?.complete).toBe(true);
    expect(x?.bounds).toEqual(e.bounds);
    expect(x?.paths).toBe(e.paths);
    expect(x?.longest.choices).toBe(e.longest);
    expect(endingsByTitle(r)).toEqual(e.endings);
    expect(x?.bestPaths).toEqual(e.bestPaths);
    expect(x?.endings.map((end) => [end.title, end.resolved])).toEqual([
      ['Directions given', false],
      ['Walked over', true],
    ]);
  });

  it('gives a report that survives a JSON round trip', () => {
    const r = check('good');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const loop = check('loop-cycle');
    expect(JSON.parse(JSON.stringify(loop))).toEqual(loop);
  });

  it('counts game time along the longest path', () => {
    const x = check('good').exploration;
    // "Let me show you" (4 words: 2 s minimum) + 1m walk + the reply.
    expect(x?.longest.path).toEqual([1, 0]);
    expect(x?.longest.seconds).toBeGreaterThan(60);
  });
});

describe('checkStory finds each defect on its line', () => {
  it('a misspelt scoring mark, once (the path that fails there is not reported again)', () => {
    const r = check('typo-mark');
    expect(r.ok).toBe(false);
    expect(lines(r)).toEqual([
      "test/fixtures/check/typo-mark.ink line 9: unknown scoring mark 'ownr' (did you mean 'own'?)",
    ]);
    expect(r.exploration?.pathsStoppedByCompileErrors).toBe(1);
  });

  it('an unknown speaker', () => {
    const r = check('unknown-speaker');
    expect(r.ok).toBe(false);
    expect(lines(r)).toEqual([
      "test/fixtures/check/unknown-speaker.ink line 11: unknown speaker 'Shoper' (did you mean 'Shopper'?)",
    ]);
  });

  it('a path that stops without an #ending, at its -> END, with the path that reproduces it', () => {
    const r = check('dead-end');
    expect(r.ok).toBe(false);
    expect(lines(r)).toEqual([
      'test/fixtures/check/dead-end.ink line 20: the story stops without an #ending (in curt; after choices 1; 1 path)',
    ]);
    const [dead] = r.exploration?.deadEnds ?? [];
    expect(dead).toMatchObject({ path: [0], paths: 1, location: 'curt', line: 20 });
    const runner = StoryRunner.replay(compiledJson(fixture('dead-end')), dead?.path ?? []);
    runner?.readToChoice();
    expect(runner?.state.kind).toBe('failed');
    expect(endingsByTitle(r)).toEqual({ 'Walked over': 1 });
  });

  it('the same dead end reached by several paths, once, with the paths counted', () => {
    expect(lines(check('dead-end-twice'))).toEqual([
      'test/fixtures/check/dead-end-twice.ink line 22: the story stops without an #ending (in gone; after choices 1; 2 paths)',
    ]);
  });

  it('a knot and a stitch never reached (warnings: the story still works)', () => {
    const r = check('unreachable');
    expect(r.ok).toBe(true);
    expect(lines(r)).toEqual([
      "test/fixtures/check/unreachable.ink line 28: warning: stitch 'answers.sigh' is never reached",
      "test/fixtures/check/unreachable.ink line 32: warning: knot 'side_door' is never reached",
    ]);
  });

  it('a knot never reached in an included file', () => {
    const r = check('with-include');
    expect(lines(r)).toEqual([
      "test/fixtures/check/parts/extra.ink line 6: warning: knot 'extra_unused' is never reached",
    ]);
  });

  it('an ink runtime error on one path only', () => {
    const r = check('runtime-error');
    expect(r.ok).toBe(false);
    expect(lines(r)).toHaveLength(1);
    expect(lines(r)[0]).toMatch(
      /^test\/fixtures\/check\/runtime-error\.ink line 13: runtime error: .*variable \(next_step\).*\(after choices 1; 1 path\)$/,
    );
    expect(r.exploration?.runtimeErrors[0]?.path).toEqual([0]);
    expect(endingsByTitle(r)).toEqual({ 'Walked over': 1 });
  });

  it("a stage direction that only goes wrong at run time (the game's own check)", () => {
    const r = check('bad-direction');
    expect(lines(r)).toEqual([
      "test/fixtures/check/bad-direction.ink line 19: runtime error: unknown expression 'grumpy'; use one of neutral, pleased, annoyed, angry, confused, relieved (in reply; after choices 1; 1 path)",
    ]);
  });

  it('an EXTERNAL function the game does not bind (inkjs fails before the first line)', () => {
    const r = check('external');
    expect(r.ok).toBe(false);
    expect(lines(r)).toHaveLength(1);
    expect(lines(r)[0]).toMatch(
      /^test\/fixtures\/check\/external\.ink line 8: runtime error: EXTERNAL function 'lookup_stock' is not bound/,
    );
    expect(r.exploration?.runtimeErrors[0]?.path).toEqual([]);
  });

  it('a choice without feedback stays a compile warning', () => {
    const r = check('no-feedback');
    expect(r.ok).toBe(true);
    expect(lines(r)).toEqual([
      'test/fixtures/check/no-feedback.ink line 9: warning: choice has no #feedback: say why it scores as it does',
    ]);
  });
});

describe('checkStory on stories that loop', () => {
  it('stops a loop that never repeats a moment at the depth limit, and says so (a warning)', () => {
    const started = performance.now();
    const r = check('loop-counter');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(r.ok).toBe(true);
    const x = r.exploration;
    expect(x?.complete).toBe(false);
    expect(x?.limits.map((l) => l.limit)).toEqual(['maxDepth']);
    expect(lines(r)).toHaveLength(1);
    expect(lines(r)[0]).toMatch(
      /^test\/fixtures\/check\/loop-counter\.ink line 14: warning: exploration incomplete: a path went past 200 choices/,
    );
    expect(x?.endings.map((e) => e.title)).toEqual(['Walked over']);
    expect(x?.unfinishedPaths).toBe(1);
  });

  it('takes the limits as options', () => {
    const deep = check('loop-counter', { maxDepth: 10 }).exploration;
    expect(deep?.states).toBe(11);
    expect(deep?.endings[0]?.paths).toBe(11);
    const wide = check('loop-counter', { maxStates: 5 }).exploration;
    expect(wide?.states).toBe(5);
    expect(wide?.limits.map((l) => l.limit)).toEqual(['maxStates']);
  });

  it('an error, not a warning, when the limit is hit before any ending', () => {
    const r = check('converge', { maxDepth: 3 });
    expect(r.exploration?.endings).toEqual([]);
    expect(r.ok).toBe(false);
    expect(lines(r)).toEqual([
      'test/fixtures/check/converge.ink line 60: exploration incomplete: a path went past 3 choices (after choices 1 › 1 › 1 › 1): the story may loop here; only the paths explored are reported',
    ]);
  });

  it('finds a choice that comes back to the same moment: unbounded paths, but finite scores', () => {
    const r = check('loop-cycle');
    expect(r.ok).toBe(true);
    expect(lines(r)).toEqual([
      "test/fixtures/check/loop-cycle.ink line 12: warning: choice 'Tell her again.' leads back to a moment already played (after choices 1): a player can go round this loop forever",
    ]);
    const x = r.exploration;
    expect(x?.complete).toBe(true);
    expect(x?.paths).toBeNull();
    expect(x?.longest.choices).toBeNull();
    expect(x?.bounds).toEqual({ best: { de: 2, own: 2, res: 2 }, worst: { de: 2, own: 2, res: 2 } });
  });

  it('an unbounded best score when a loop gains on every pass', () => {
    const r = check('loop-gain');
    expect(r.ok).toBe(true);
    expect(r.exploration?.bounds).toEqual({
      best: { de: null, own: 2, res: 2 },
      worst: { de: 2, own: 2, res: 2 },
    });
  });

  it('stops after maxMillis, and says so', () => {
    const x = check('loop-counter', { maxMillis: 0 }).exploration;
    expect(x?.complete).toBe(false);
    expect(x?.limits.map((l) => l.limit)).toEqual(['maxMillis']);
  });

  it('an error when no ending can be reached from a loop', () => {
    const r = check('endless');
    expect(r.ok).toBe(false);
    expect(lines(r)).toEqual([
      "test/fixtures/check/endless.ink line 12: choice 'Tell her again.' leads back to a moment already played (after choices 1): no ending can be reached from this loop",
      "test/fixtures/check/endless.ink line 15: choice 'Point the way.' leads back to a moment already played (after choices 2): no ending can be reached from this loop",
    ]);
  });

  it('de-duplicates converging branches: 8 moments for 6,561 paths', () => {
    const r = check('converge');
    expect(lines(r)).toEqual([]);
    const x = r.exploration;
    expect(x?.paths).toBe(3 ** 8);
    expect(x?.states).toBe(8);
    expect(x?.choices).toBe(24);
    expect(x?.longest.choices).toBe(8);
    // Kind every time (+1 de), check every time (+1 own), curt every time (+1 res).
    expect(x?.bounds).toEqual({ best: { de: 8, own: 8, res: 8 }, worst: { de: -8, own: 0, res: 0 } });
    expect(x?.bestPaths.de).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(x?.worstPaths.de).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe.each(['once-hub', 'label-read', 'unreachable', 'dead-end', 'runtime-error', 'bad-direction'])(
  'de-duplication keeps what matters: %s',
  (name) => {
    it('gives the same paths, endings and bounds as explore()', () => {
      const x = check(name).exploration;
      const e = explore(compiledJson(fixture(name)));
      expect(x?.paths).toBe(e.paths);
      expect(x?.longest.choices).toBe(e.longest);
      expect(x?.bounds).toEqual(e.bounds);
      expect(endingsByTitle(check(name))).toEqual(e.endings);
      expect(x?.loops).toEqual([]);
    });
  },
);

it('keeps the visit counts a once-only choice will read again (5 paths, no false loop)', () => {
  const x = check('once-hub').exploration;
  expect(x?.paths).toBe(5);
  expect(x?.states).toBe(4);
});

it('keeps a count read later from another knot ({ask.told_price}): two moments, not one', () => {
  const x = check('label-read').exploration;
  expect(x?.states).toBe(3);
  expect(Object.fromEntries(x?.endings.map((e) => [e.title, e.paths]) ?? [])).toEqual({
    'Knew the price': 2,
    'Surprised at the till': 2,
  });
});

describe.each(storyFiles())('checkStory on %s', (file) => {
  it('is ok, with no warnings, and the same bounds, paths and endings as explore()', {
    timeout: 60_000,
  }, () => {
    const source = readProjectFile(file) ?? '';
    const r = checkStory(file, source, readProjectFile);
    expect(lines(r)).toEqual([]);
    expect(r.ok).toBe(true);
    const x = r.exploration;
    expect(x?.complete).toBe(true);
    const e = explore(compiledJson(file));
    expect(e.truncated).toBe(false);
    expect(x?.bounds).toEqual(e.bounds);
    expect(x?.paths).toBe(e.paths);
    expect(x?.states).toBeLessThan(e.paths);
    expect(x?.longest.choices).toBe(e.longest);
    expect(endingsByTitle(r)).toEqual(e.endings);
    expect(x?.bestPaths).toEqual(e.bestPaths);
    expect(x?.deadEnds).toEqual([]);
    expect(x?.runtimeErrors).toEqual([]);
    expect(x?.unreached).toEqual([]);
    expect(x?.loops).toEqual([]);
    // The best paths really score the best.
    for (const axis of ['de', 'own', 'res'] as const) {
      const runner = StoryRunner.replay(compiledJson(file), x?.bestPaths[axis] ?? []);
      runner?.readToChoice();
      expect(runner?.state.kind).toBe('ended');
    }
  });
});

describe('the check CLI', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const code = await main(args, { root: ROOT, write: (line) => out.push(...line.split('\n')) });
    return { code, out };
  };

  it('prints problems with file and line, and exits 1 on errors', { timeout: 60_000 }, async () => {
    const { code, out } = await run([fixture('dead-end'), fixture('unreachable')]);
    expect(code).toBe(1);
    expect(out).toContain('test/fixtures/check/dead-end.ink  1 error');
    expect(out).toContain(
      '  test/fixtures/check/dead-end.ink line 20: the story stops without an #ending (in curt; after choices 1; 1 path)',
    );
    expect(out).toContain('test/fixtures/check/unreachable.ink  2 warnings');
    expect(out).toContain(
      "  test/fixtures/check/unreachable.ink line 32: warning: knot 'side_door' is never reached",
    );
    expect(out).toContain('  best/worst  de +2/\u22121  own +2/\u22121  res +2/+1');
    expect(out.at(-1)).toBe('2 stories checked: 1 with errors');
  });

  it('exits 0 when every story is ok, and --json prints the reports', { timeout: 60_000 }, async () => {
    const { code, out } = await run(['--json', fixture('good')]);
    expect(code).toBe(0);
    const reports = JSON.parse(out.join('\n')) as CheckReport[];
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ file: fixture('good'), ok: true, diagnostics: [] });
    expect(reports[0]?.exploration?.paths).toBe(3);
  });

  it('stops a story that loops forever inside ink, with a timeout', { timeout: 60_000 }, async () => {
    const { code, out } = await run(['--timeout', '3', fixture('spin')]);
    expect(code).toBe(1);
    expect(out[0]).toBe('test/fixtures/check/spin.ink  1 error');
    expect(out[1]).toMatch(/^ {2}test\/fixtures\/check\/spin\.ink: exploration timed out after 3 s/);
  });

  it('rejects unknown options', async () => {
    const { code, out } = await run(['--bogus']);
    expect(code).toBe(2);
    expect(out[0]).toBe("unknown option '--bogus'");
  });
});
