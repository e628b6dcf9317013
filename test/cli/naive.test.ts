/**
 * `npm run naive` as a command: the stories in the menu's order, the bounds the game scores
 * against (the build's explorer), and a story that cannot be scored reported with file and line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const naive = (args: string[] = []) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/naive.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

it('reports every story in the menu order, with the bounds the game uses, and exits 0', () => {
  const run = naive();
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const heads = run.stdout.split('\n').filter((l) => l.startsWith('stories/'));
  expect(heads).toEqual([
    'stories/aisle.ink  best de 6, own 8, res 8',
    'stories/plan-change.ink  best de 6, own 6, res 6',
  ]);
}, 60_000);

it('says where a story cannot be scored, and exits 1', () => {
  const root = mkdtempSync(join(tmpdir(), 'bts-naive-'));
  try {
    mkdirSync(join(root, 'stories'));
    writeFileSync(
      join(root, 'stories', 'loop.ink'),
      '# title: Loop\n# summary: s\n# setting: aisle\n# difficulty: beginner\n# minutes: 2\n# cast: You=player, Shopper=customer\n-> a\n=== a ===\nShopper: Hello.\n-> a\n',
    );
    const run = naive([join(root, 'stories', 'loop.ink')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/loop\.ink line \d+: .*loop forever/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 60_000);
