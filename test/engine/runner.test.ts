import { Compiler } from 'inkjs/full';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/engine/explore';
import { StoryLoadError, StoryRunner } from '../../src/engine/runner';
import { compiledJson, compileSource } from '../helpers';

const HEADER = `# title: T\n# summary: S\n# setting: aisle\n# difficulty: beginner\n# minutes: 1\n# cast: You=player, Shopper=customer\n`;
const json = (body: string) => {
  const r = compileSource(HEADER + body);
  if (!r.json) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.json;
};

describe('StoryRunner', () => {
  it('keeps global tags out of the first line', () => {
    const runner = new StoryRunner(json('Shopper: Hi. #react: pleased\n#ending: E #resolved: yes\n-> END\n'));
    expect(runner.next()).toEqual({
      text: 'Hi.',
      speaker: 'Shopper',
      role: 'customer',
      directions: [{ kind: 'react', who: 'Shopper', expression: 'pleased' }],
      marks: {},
      tags: ['react: pleased'],
    });
  });

  it('moves running → awaiting-choice → running → ended', () => {
    const runner = new StoryRunner(compiledJson('test/fixtures/tiny.ink'));
    expect(runner.state.kind).toBe('running');
    runner.readToChoice();
    expect(runner.state.kind).toBe('awaiting-choice');
    expect(runner.choose(7)).toBeUndefined();
    expect(runner.choose(0)?.marks.score).toEqual({ de: -1, own: -1, res: 1 });
    expect(runner.state.kind).toBe('running');
    runner.readToChoice();
    expect(runner.state).toEqual({ kind: 'ended', ending: 'Directions given', resolved: false });
    expect(runner.next()).toBeUndefined();
  });

  it('fails, with where, on a runtime ink error instead of throwing', () => {
    const runner = new StoryRunner(
      json('EXTERNAL ring()\nShopper: Hello?\n~ ring()\n#ending: E #resolved: yes\n-> END\n'),
    );
    runner.readToChoice();
    expect(runner.state.kind).toBe('failed');
    if (runner.state.kind === 'failed') expect(runner.state.error).toMatch(/ring.*\(at /);
  });

  it('fails on a story that stops without an ending', () => {
    const runner = new StoryRunner(json('Shopper: Hi.\n-> END\n'));
    runner.readToChoice();
    expect(runner.state).toEqual({
      kind: 'failed',
      error: 'the story stopped without an #ending (at 0)',
    });
  });

  it('fails on a bad tag produced at run time', () => {
    const runner = new StoryRunner(
      json('VAR mood = "anoyed"\nShopper: Hmm. #react: {mood}\n#ending: E #resolved: yes\n-> END\n'),
    );
    runner.readToChoice();
    expect(runner.state.kind).toBe('failed');
    if (runner.state.kind === 'failed')
      expect(runner.state.error).toMatch(/unknown expression 'anoyed' \(did you mean 'annoyed'\?\)/);
  });

  it('refuses JSON that is not a story, and a story without a valid header', () => {
    expect(() => new StoryRunner('{"not":"ink"}')).toThrow(StoryLoadError);
    // Raw inkjs compiles it; only our linter would have stopped it.
    const noHeader = new Compiler('Hello.\n-> END\n').Compile().ToJson() ?? '';
    expect(() => new StoryRunner(noHeader)).toThrow(/the header has no '# title: \.\.\.' tag/);
  });

  it('snapshots and restores to the exact moment', () => {
    const runner = new StoryRunner(compiledJson('stories/aisle.ink'));
    runner.readToChoice();
    const snap = runner.snapshot();
    const choices = runner.state;
    runner.choose(0);
    const first = runner.readToChoice().map((l) => l.text);
    runner.restore(snap);
    expect(runner.state).toEqual(choices);
    expect(runner.path).toEqual([]);
    runner.choose(0);
    expect(runner.readToChoice().map((l) => l.text)).toEqual(first);
  });

  it('replays a path on a fresh runner', () => {
    const aisle = compiledJson('stories/aisle.ink');
    const runner = StoryRunner.replay(aisle, [1, 3]);
    expect(runner?.path).toEqual([1, 3]);
    expect(StoryRunner.replay(aisle, [9])).toBeUndefined();
  });
});

describe('explore', () => {
  it('finds bounds, endings and dead ends', () => {
    const result = explore(
      json(
        'Shopper: Hi.\n* [A #de: +2 #feedback: a]\n  #ending: One #resolved: yes\n  -> END\n* [B #de: -1 #own: +1 #feedback: b]\n  -> END\n',
      ),
    );
    expect(result.paths).toBe(2);
    expect(result.endings).toEqual({ One: 1 });
    expect(result.bounds).toEqual({ best: { de: 2, own: 0, res: 0 }, worst: { de: 2, own: 0, res: 0 } });
    expect(result.failures).toEqual([
      { path: [1], error: 'the story stopped without an #ending (at 0.c-1.0)' },
    ]);
  });

  it('stops at the path limit and says so', () => {
    const result = explore(compiledJson('stories/aisle.ink'), 10);
    expect(result.truncated).toBe(true);
    expect(result.paths).toBe(10);
  });
});
