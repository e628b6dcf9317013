/** Every story resists naive play: position, length or luck must not reach 70% of the best on every axis. */
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/engine/explore.ts';
import { naiveReport, pickRandom, playWith, STRATEGIES, seeded } from '../../src/engine/strategies.ts';
import { compiledJson, storyFiles } from '../helpers.ts';

describe('strategies', () => {
  it('pick first, last and longest', () => {
    const options = [{ text: 'short' }, { text: 'the longest one here' }, { text: 'mid length' }];
    expect(STRATEGIES['always first']?.(options, Math.random)).toBe(0);
    expect(STRATEGIES['always last']?.(options, Math.random)).toBe(2);
    expect(STRATEGIES['always longest']?.(options, Math.random)).toBe(1);
  });
  it('random runs are repeatable from a seed', () => {
    const a = seeded(7);
    const b = seeded(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const json = compiledJson('test/fixtures/tiny.ink');
    expect(playWith(json, pickRandom, seeded(1))).toEqual(playWith(json, pickRandom, seeded(1)));
  });
});

describe.each(storyFiles())('%s resists naive strategies', (file) => {
  const json = compiledJson(file);
  const { bounds } = explore(json);
  it.each(naiveReport(json, bounds))('$name', (result) => {
    expect(result.errors).toEqual([]);
    expect(result.heldBack.length, JSON.stringify(result.share)).toBeGreaterThan(0);
  });
});
