/** Every story in stories/ compiles cleanly, can be played to an ending on every path, and is scored. */
import { describe, expect, it } from 'vitest';
import { describeStory } from '../../src/authoring/catalog.ts';
import { explore } from '../../src/engine/explore.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import { compileFile, messages, readProjectFile, storyFiles } from '../helpers.ts';

const files = storyFiles();

it('finds the stories', () => {
  expect(files).toContain('stories/aisle.ink');
});

describe.each(files)('%s', (file) => {
  const result = compileFile(file);

  it('compiles with no errors or warnings', () => {
    expect(messages(result)).toEqual([]);
    expect(result.json).toBeDefined();
  });

  it('ends on every path, with at least 4 endings', () => {
    const exploration = explore(result.json ?? '');
    expect(exploration.failures).toEqual([]);
    expect(exploration.truncated).toBe(false);
    expect(Object.keys(exploration.endings).length).toBeGreaterThanOrEqual(4);
    expect(exploration.longest).toBeGreaterThanOrEqual(4);
  });

  it('has valid metadata and a reachable best score on every axis', () => {
    const { metadata, bounds, problems } = describeStory('x', file, result.json ?? '', 'h', {
      source: readProjectFile(file) ?? '',
      readFile: readProjectFile,
      compiled: result,
    });
    expect(problems).toEqual([]);
    expect(new StoryRunner(result.json ?? '').metadata).toEqual(metadata);
    for (const axis of ['de', 'own', 'res'] as const) expect(bounds.best[axis]).toBeGreaterThan(0);
  });
});
