import { describe, expect, it } from 'vitest';
import { StoryRunner } from '../../src/engine/runner.ts';
import { compileFile, compileSource, messages } from '../helpers.ts';

const HEADER = `# title: Test
# summary: A story for tests.
# setting: aisle
# difficulty: beginner
# minutes: 1
# cast: You=player, Shopper=customer
`;

/** HEADER is 6 lines, so the body starts at line 7. */
const story = (body: string) => HEADER + body;

describe('compileInk', () => {
  it('compiles a good story to JSON that runs, with no diagnostics', () => {
    const r = compileFile('test/fixtures/tiny.ink');
    expect(messages(r)).toEqual([]);
    const runner = new StoryRunner(r.json ?? '');
    expect(runner.metadata.title).toBe('Tiny');
  });

  it('reports a misspelt scoring mark with file, line and a suggestion', () => {
    const r = compileSource(
      story(`Shopper: Hi.
* [Hello. #ownr: +1 #feedback: x]
  -> END
`),
      'stories/x.ink',
    );
    expect(r.json).toBeUndefined();
    expect(messages(r)).toEqual(["stories/x.ink line 8: unknown scoring mark 'ownr' (did you mean 'own'?)"]);
  });

  it('reports a malformed score value', () => {
    const r = compileSource(
      story(`Shopper: Hi.\n* [Hello. #de: 2 #feedback: x]\n  #ending: E #resolved: yes\n  -> END\n`),
    );
    expect(messages(r)).toEqual([
      "stories/test.ink line 8: scoring mark 'de: 2': expected a signed whole number from -5 to +5 such as +2, -1 or 0",
    ]);
  });

  it('explains a scoring mark put after the closing bracket', () => {
    const r = compileSource(
      story(`Shopper: Hi.\n* [Hello.] #de: +1\n  #ending: E #resolved: yes\n  -> END\n`),
    );
    expect(messages(r)).toEqual([
      "stories/test.ink line 8: scoring tag 'de' must be inside the choice's [brackets]: after ']' it tags the line, not the choice",
    ]);
  });

  it('reports ink syntax errors with file and line, not "Compilation failed"', () => {
    const r = compileSource(story(`Shopper: Hi.\n\n* [Hello #de: +1 #feedback: x\n  -> END\n`));
    expect(r.json).toBeUndefined();
    expect(messages(r)).toEqual([
      "stories/test.ink line 9: Expected closing ']' for weave-style option but saw end of line",
    ]);
  });

  it('reports an unknown divert target', () => {
    const r = compileSource(story(`Shopper: Hi.\n-> nowhere\n`));
    expect(messages(r)[0]).toMatch(/^stories\/test\.ink line 8: .*nowhere/);
  });

  it('reports header problems on their own line', () => {
    const r = compileSource(
      story('Shopper: Hi. #ending: E #resolved: yes\n-> END\n').replace('beginner', 'easy'),
    );
    expect(messages(r)).toEqual([
      "stories/test.ink line 4: header tag 'difficulty: easy' must be one of beginner, intermediate, advanced",
    ]);
  });

  it('reports a misspelt speaker and an unknown cast name in a direction', () => {
    const r = compileSource(
      story('Shoper: Hi.\nShopper: Hello. #enter: Dana\n#ending: E #resolved: yes\n-> END\n'),
    );
    expect(messages(r)).toEqual([
      "stories/test.ink line 7: unknown speaker 'Shoper' (did you mean 'Shopper'?)",
      "stories/test.ink line 8: #enter: 'Dana' is not in the cast; the cast is You, Shopper",
    ]);
  });

  it('resolves INCLUDE relative to the including file, at any depth', () => {
    const r = compileFile('test/fixtures/include/main.ink');
    expect(messages(r)).toEqual([]);
    expect(r.files).toEqual([
      'test/fixtures/include/main.ink',
      'test/fixtures/include/parts/middle.ink',
      'test/fixtures/include/parts/deeper/end.ink',
    ]);
    const runner = new StoryRunner(r.json ?? '');
    runner.readToChoice();
    runner.choose(0);
    expect(runner.readToChoice().map((l) => l.text)).toEqual([
      'Hello!',
      'And this one is in parts/deeper/end.ink.',
      'Bye.',
    ]);
    expect(runner.state).toEqual({ kind: 'ended', ending: 'Included', resolved: true });
  });

  it('reports errors inside an included file against that file', () => {
    const r = compileSource(story('INCLUDE parts/extra.ink\nShopper: Hi.\n-> extra\n'), 'stories/main.ink', {
      'stories/parts/extra.ink': '=== extra ===\n* [Go #res: +1 #feedbak: typo]\n  -> END\n',
    });
    expect(messages(r)).toEqual([
      "stories/parts/extra.ink line 2: unknown scoring mark 'feedbak' (did you mean 'feedback'?)",
    ]);
  });

  it('reports a missing INCLUDE with the line that asks for it', () => {
    const r = compileSource(story('INCLUDE nope.ink\nShopper: Hi.\n-> END\n'), 'stories/main.ink');
    expect(messages(r)).toEqual([
      "stories/main.ink line 7: Failed to load: 'nope.ink': stories/nope.ink does not exist",
    ]);
  });

  it('warns, without failing, when nothing is scored', () => {
    const r = compileSource(story('Shopper: Hi.\n* [Hello.]\n  #ending: E #resolved: yes\n  -> END\n'));
    expect(r.json).toBeDefined();
    expect(messages(r)).toEqual([
      'stories/test.ink: warning: no choice carries a scoring mark (#de, #own, #res): the story plays, but nothing is scored',
    ]);
  });

  it('warns about a scored story with a choice that has no feedback', () => {
    const r = compileSource(
      story(
        'Shopper: Hi.\n* [Hello. #de: +1 #feedback: Warm.]\n  #ending: E #resolved: yes\n  -> END\n* [Bye. #de: -1]\n  #ending: F #resolved: yes\n  -> END\n',
      ),
    );
    expect(messages(r)).toEqual([
      'stories/test.ink line 11: warning: choice has no #feedback: say why it scores as it does',
    ]);
  });

  it('survives junk input with a message', () => {
    for (const junk of ['', '\u0000\u0001\u0002', '{{{{', '* * * [', 'VAR = ']) {
      const r = compileSource(junk);
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(messages(r).every((m) => m.startsWith('stories/test.ink'))).toBe(true);
    }
  });
});
