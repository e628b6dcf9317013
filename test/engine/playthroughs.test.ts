/**
 * Data-driven playthroughs of the real stories: each file in test/playthroughs/ names a story, its
 * expected score bounds and endings, and choice sequences with the lines, scores and ending they give.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { explore } from '../../src/engine/explore.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import { totals } from '../../src/engine/scoring.ts';
import { compiledJson, ROOT } from '../helpers.ts';

const score = z.object({ de: z.number(), own: z.number(), res: z.number() });
const Plan = z.object({
  story: z.string(),
  bounds: z.object({ best: score, worst: score }),
  endings: z.array(z.string()),
  playthroughs: z.array(
    z.object({
      name: z.string(),
      choices: z.array(z.number().int().min(0)),
      ending: z.string(),
      resolved: z.boolean(),
      score,
      lines: z.array(z.string()).optional(),
    }),
  ),
});

const dir = join(ROOT, 'test/playthroughs');
const plans = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => Plan.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));

/** Plays `choices` and returns every line as "Speaker: text" or narration. */
function play(json: string, choices: number[]): { lines: string[]; runner: StoryRunner } {
  const runner = new StoryRunner(json);
  const lines: string[] = [];
  const read = () => {
    for (const l of runner.readToChoice()) lines.push(l.speaker ? `${l.speaker}: ${l.text}` : l.text);
  };
  for (const index of choices) {
    read();
    expect(runner.state.kind, `before choice ${index}`).toBe('awaiting-choice');
    expect(runner.choose(index), `choice ${index}`).toBeDefined();
  }
  read();
  return { lines, runner };
}

describe.each(plans)('$story', (plan) => {
  const json = compiledJson(plan.story);

  it('has the expected endings and score bounds, and no dead ends', () => {
    const result = explore(json);
    expect(result.failures).toEqual([]);
    expect(result.truncated).toBe(false);
    expect(Object.keys(result.endings).sort()).toEqual([...plan.endings].sort());
    expect(result.bounds).toEqual(plan.bounds);
  });

  it.each(plan.playthroughs)('$name', (p) => {
    const { lines, runner } = play(json, p.choices);
    expect(runner.state).toEqual({ kind: 'ended', ending: p.ending, resolved: p.resolved });
    expect(totals(runner.history)).toEqual(p.score);
    // The expected lines appear, in this order.
    let at = 0;
    for (const expected of p.lines ?? []) {
      const found = lines.indexOf(expected, at);
      expect(found, `line not found after line ${at}: ${expected}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
