/** What the game knows about each scenario before playing it: built from a compiled story. */
import { explore } from '../engine/explore.ts';
import { StoryRunner } from '../engine/runner.ts';
import type { ScoreBounds } from '../engine/scoring.ts';
import type { Metadata } from '../engine/tags.ts';

export interface StoryEntry {
  /** File name without `.ink`, e.g. `aisle`. */
  id: string;
  /** Project-relative source path, e.g. `stories/aisle.ink`. */
  file: string;
  /** Content hash of the compiled story: its version. */
  hash: string;
  metadata: Metadata;
  bounds: ScoreBounds;
  endings: string[];
  /** Where the compiled JSON is served, relative to the page. */
  url: string;
  /** Where the ink source is served, for author mode's library. */
  source: string;
}

/** Reads metadata and explores a compiled story (throws StoryLoadError if it cannot start). */
export function describeStory(
  id: string,
  file: string,
  json: string,
  hash: string,
): Omit<StoryEntry, 'url' | 'source'> & { problems: string[] } {
  const runner = new StoryRunner(json);
  const exploration = explore(json);
  const problems = exploration.failures.slice(0, 5).map((f) => `path [${f.path.join(', ')}]: ${f.error}`);
  if (exploration.truncated) problems.push('the story has too many paths to explore completely');
  return {
    id,
    file,
    hash,
    metadata: runner.metadata,
    bounds: exploration.bounds,
    endings: Object.keys(exploration.endings).sort(),
    problems,
  };
}
