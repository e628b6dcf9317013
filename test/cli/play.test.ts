/**
 * The text player (src/cli/play.ts): inklecate's transcript in --plain mode, the game's engine and
 * debrief in scenario mode, and one-line messages for everything a user can get wrong. Most tests
 * call `main` in-process; two run the real command to check its entry point and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Compiler, CompilerOptions } from 'inkjs/full';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/play.ts';
import { formatDuration } from '../../src/engine/clock.ts';
import { makeDebrief } from '../../src/engine/debrief.ts';
import { explore } from '../../src/engine/explore.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import { scoreText } from '../../src/engine/wording.ts';
import { compiledJson, ROOT } from '../helpers.ts';

const FIXTURES = join(ROOT, 'test/fixtures/play');
const fixture = (name: string): string => join(FIXTURES, name);
const readFixture = (name: string): string => readFileSync(fixture(name), 'utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function play(args: string[], input = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    input,
    {
      write: (s: string) => {
        stdout += s;
      },
    },
    {
      write: (s: string) => {
        stderr += s;
      },
    },
  );
  return { code, stdout, stderr };
}

/** Choice numbers as a player types them (1-based), from 0-based indices. */
const typed = (path: number[]): string => path.map((i) => `${i + 1}\n`).join('');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'play-test-'));
});

describe('--plain: inklecate play-mode transcripts', () => {
  it.each(['crossroads', 'crossroads.retry'])('plays %s exactly as inklecate prints it', async (name) => {
    const run = await play(['--plain', fixture('crossroads.ink')], readFixture(`${name}.input.txt`));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(readFixture(`${name}.transcript.txt`));
    expect(run.code).toBe(0);
  });

  it('says so when the input ends at a prompt, and exits 0', async () => {
    const run = await play(['--plain', fixture('crossroads.ink')], '1\n');
    expect(
      run.stdout.endsWith('\n1: Look around\n2: North.\n3: South\n?> <User input stream closed.>\n'),
    ).toBe(true);
    expect(run.code).toBe(0);
  });

  it('plays compiled JSON (with a byte order mark) the same as the ink it came from', async () => {
    const root = fixture('crossroads.ink');
    const compiler = new Compiler(
      readFileSync(root, 'utf8'),
      new CompilerOptions(root, [], false, null, {
        ResolveInkFilename: (name: string) => resolve(FIXTURES, name),
        LoadInkFileContents: (path: string) => readFileSync(path, 'utf8'),
      }),
    );
    const file = join(tmp, 'crossroads.json');
    writeFileSync(file, `\uFEFF${compiler.Compile().ToJson()}`);
    const run = await play(['--plain', file], readFixture('crossroads.input.txt'));
    expect(run.stdout).toBe(readFixture('crossroads.transcript.txt'));
    expect(run.code).toBe(0);
  });

  it('prints compile errors as file line N: message and exits 1', async () => {
    const run = await play(['--plain', fixture('broken.ink')]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${fixture('broken.ink')} line 2: Divert target not found: '-> nowhere'\n`);
    expect(run.code).toBe(1);
  });

  it('prints runtime errors to stderr and exits 1', async () => {
    const run = await play(['--plain', fixture('runtime-error.ink')]);
    expect(run.stdout).toBe('Before the error.\n1\n');
    expect(run.stderr).toContain('ran out of content');
    expect(run.code).toBe(1);
  });

  it('repeats the same shuffles for the same --seed', async () => {
    const once = async (seed: number) =>
      (await play(['--plain', '--seed', String(seed), fixture('shuffle.ink')])).stdout;
    const first = await once(1);
    expect(first).toMatch(/^\d \d \d \d\n$/);
    expect(await once(1)).toBe(first);
    const others = await Promise.all([2, 3, 4, 5].map(once));
    expect(others.some((o) => o !== first)).toBe(true);
  });
});

describe('scenario mode', () => {
  const aisle = join(ROOT, 'stories/aisle.ink');
  const json = compiledJson('stories/aisle.ink');
  const bounds = explore(json).bounds;

  /** What the debrief says for this path, computed with the engine directly. */
  function expectedDebrief(path: number[]) {
    const runner = new StoryRunner(json);
    for (const index of path) {
      runner.readToChoice();
      expect(runner.choose(index)).toBeDefined();
    }
    runner.readToChoice();
    const state = runner.state;
    if (state.kind !== 'ended') throw new Error(`path ${path} does not end: ${state.kind}`);
    return makeDebrief(
      runner.history,
      bounds,
      { title: state.ending, resolved: state.resolved },
      runner.startMood,
      runner.desk,
    );
  }

  it.each([
    { path: [1, 3, 0, 2, 1], ending: 'Shopper served, shelf done' },
    { path: [0, 2, 1, 0, 1], ending: 'Complaint at customer service' },
  ])('plays aisle.ink to "$ending" and prints the debrief the engine computes', async ({ path, ending }) => {
    const run = await play([aisle], typed(path));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const d = expectedDebrief(path);
    expect(d.ending).toBe(ending);
    expect(lines).toContain(`Ending: ${ending} (${d.resolved ? 'resolved' : 'not resolved'})`);
    for (const a of d.axes) {
      const at = lines.indexOf(`${a.name} ${scoreText(a.points, a.best, a.percent)}`);
      expect(at, a.name).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe(`  ${a.coaching}`);
    }
    expect(lines).toContain(`  Duration: ${formatDuration(d.figures.seconds)}`);
    expect(lines).toContain(`  Estimated satisfaction: ${d.figures.satisfaction.toFixed(1)} / 5`);
    expect(lines).toContain(`  Resolved on first contact: ${d.resolved ? 'yes' : 'no'}`);
  });

  it('says a total below zero in words, as the game does, not as 0%', async () => {
    const run = await play([aisle], typed([0, 2, 1, 0, 1]));
    const lines = run.stdout.split('\n');
    expect(lines).toContain('De-escalation 6 points below zero, out of 6 possible');
    expect(lines.filter((l) => /-\d+ of \d+ possible \(0%\)/.test(l))).toEqual([]);
  });

  it('shows speakers, hides marks until chosen, then shows points, feedback and effects', async () => {
    const run = await play([aisle], typed([1, 3, 0, 2, 1]));
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('The Reason We Are Here');
    expect(lines).toContain("Shopper: Sorry, love. Where's the washing powder? I've been round twice.");
    expect(lines).toContain('  1. Keep stacking. "Aisle four."');
    expect(run.stdout).not.toContain('#de');
    const feedback = lines.find((l) => l.startsWith('+2 de-escalation, +2 ownership, +1 resolution: '));
    expect(feedback).toContain("She's been round twice");
    expect(lines).toContain('    [0:04] mood 0 → +2');
    expect(lines).toContain('    [4:50] +2 min');
  });

  it('asks again after an invalid choice and exits 0 with a note when the input ends', async () => {
    const run = await play([aisle], 'x\n9\n\n');
    expect(run.stdout).toContain("'x' is not one of the choices: type a number from 1 to 4.");
    expect(run.stdout).toContain("'9' is not one of the choices");
    expect(run.stdout).toContain('Type the number of a choice, 1 to 4.');
    expect(run.stdout.trimEnd().endsWith('(The input ended before the story did.)')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('plays a compiled scenario JSON in scenario mode', async () => {
    const file = join(tmp, 'aisle.json');
    writeFileSync(file, json);
    const run = await play([file], typed([1, 3, 0, 2, 1]));
    expect(run.stdout).toContain('Ending: Shopper served, shelf done (resolved)');
    expect(run.code).toBe(0);
  });

  it('reports tag mistakes with file and line, and exits 1', async () => {
    const run = await play([fixture('bad-mark.ink')]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${fixture('bad-mark.ink')} line 8: unknown scoring mark 'ownr' (did you mean 'own'?)`,
    );
    expect(run.code).toBe(1);
  });

  describe('desk scenarios', () => {
    it('rings, holds, transfers, takes call notes that the next call reads, and sums up the journey', async () => {
      const run = await play([fixture('desk.ink')], '1\n7\n1 2\n1\n');
      const lines = run.stdout.split('\n');
      expect(run.stderr).toBe('');
      expect(lines).toContain('[the phone rings: Returns]');
      expect(lines).toContain('    [2:03] on hold 2 min, without asking · mood 0 → -2');
      expect(lines).toContain('    [2:07] cold transfer to Dispatch');
      expect(lines).toContain('Call notes (call 1): which facts do you write down?');
      expect(lines).toContain('  1. Parcel 88 never arrived');
      expect(run.stdout).toContain('Type fact numbers from 1 to 2');
      expect(lines).toContain('[the phone rings: Dispatch]');
      expect(lines).toContain('You: I can see parcel eighty-eight in the notes.');
      expect(lines).toContain('Ending: Reshipped on the second call (resolved)');
      expect(lines).toContain('  Calls: 2');
      expect(lines).toContain('  Transfers: 1 (0 warm, 1 cold)');
      expect(lines).toContain('    What would have broken the chain: Returns can reship the parcel: do it.');
      expect(run.code).toBe(0);
    });

    it('with no notes, the customer has to repeat herself', async () => {
      const run = await play([fixture('desk.ink')], '2\n\n1\n');
      expect(run.stdout).toContain('No notes.');
      expect(run.stdout).toContain('had to repeat the parcel number · mood 0 → -2');
      expect(run.stdout).toContain('  Had to repeat themselves: 1×');
    });
  });

  it('plays a story without the header unscored, with a warning', async () => {
    const run = await play([fixture('crossroads.ink')], '1\n2\n');
    expect(run.stderr).toContain('no scenario header');
    expect(run.stderr).toContain('nothing is scored');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  1. Look around');
    expect(lines).toContain('> 2');
    expect(lines).toContain("It's cold up here.");
    expect(run.stdout).toContain('The end.');
    expect(run.code).toBe(0);
  });
});

describe('what a user can get wrong: one line, no stack trace', () => {
  const oneLine = (run: Run) => {
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };

  it.each([
    ['a missing file', () => join(tmp, 'missing.ink'), 'no such file'],
    ['a directory', () => tmp, 'is a directory'],
    ['an empty file', () => write('empty.ink', ''), 'is empty'],
    ['a file of blank lines', () => write('blank.json', '\n  \n'), 'is empty'],
    [
      'binary junk',
      () => write('junk.ink', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0xff])),
      'binary',
    ],
    [
      'junk that is not UTF-8',
      () => write('junk.json', Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xfe])),
      'UTF-8',
    ],
    ['JSON that is not ink', () => write('other.json', '{"name": "package"}'), 'not a compiled ink story'],
    ['broken JSON', () => write('broken.json', '{"inkVersion": 21, "root": '), 'not valid JSON'],
    ['JSON ink cannot run', () => write('bad-root.json', '{"inkVersion": 21, "root": 5}'), 'inkjs'],
  ])('%s → exit 1', async (_what, make, message) => {
    const file = make();
    for (const args of [[file], ['--plain', file]]) {
      const run = await play(args);
      oneLine(run);
      expect(run.stderr).toContain(message);
      expect(run.code).toBe(1);
    }
  });

  it.each([[[]], [['--bogus', 'x.ink']], [['--seed']], [['--seed', 'seven', 'x.ink']], [['a.ink', 'b.ink']]])(
    'usage mistake %j → exit 2',
    async (args) => {
      const run = await play(args);
      expect(run.stderr).toMatch(/^play: .+\nUsage: /);
      expect(run.code).toBe(2);
    },
  );

  it('runs as a command: exit codes and output of the real process', () => {
    const cli = (args: string[], input = '') =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/play.ts', ...args], {
        cwd: ROOT,
        input,
        encoding: 'utf8',
      });
    const ok = cli(['--plain', 'test/fixtures/play/crossroads.ink'], readFixture('crossroads.input.txt'));
    expect(ok.stdout).toBe(readFixture('crossroads.transcript.txt'));
    expect(ok.status).toBe(0);
    const missing = cli(['test/fixtures/play/nothing-here.ink']);
    expect(missing.stderr).toBe('test/fixtures/play/nothing-here.ink: no such file\n');
    expect(missing.status).toBe(1);
  }, 30_000);
});

function write(name: string, content: string | Buffer): string {
  const file = join(tmp, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}
