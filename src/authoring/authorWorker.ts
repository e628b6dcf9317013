/**
 * Author mode's worker: compiles and plays a story off the main thread, so a huge file or a story
 * that loops forever without a choice can never freeze the game (the page terminates this worker
 * when a request takes too long). It holds one StoryRunner at a time.
 */
/// <reference lib="webworker" />
import { explore } from '../engine/explore.ts';
import { type RunnerState, StoryRunner } from '../engine/runner.ts';
import { totals } from '../engine/scoring.ts';
import type { AuthorRequest, AuthorResponse, AuthorResult, PlayStep } from './authorProtocol.ts';
import { compileInk } from './compile.ts';
import { storyMapSvg } from './map.ts';

let runner: StoryRunner | undefined;
let json: string | undefined;
let bounds: ReturnType<typeof explore>['bounds'] | undefined;

function step(): PlayStep {
  if (!runner) throw new Error('nothing is loaded');
  const lines = runner.readToChoice().map((l) => ({ text: l.text, speaker: l.speaker, tags: l.tags }));
  const state: RunnerState = runner.state;
  const call = runner.callState;
  return {
    lines,
    state:
      state.kind === 'awaiting-choice'
        ? {
            kind: 'awaiting-choice',
            choices: state.choices.map((c) => ({ text: c.text, tags: [], marks: c.marks })),
          }
        : state,
    panel: {
      score: totals(runner.history),
      bounds,
      mood: call.mood,
      seconds: call.seconds,
      location: runner.location,
      variables: runner.variables(),
      warnings: [...runner.warnings],
    },
  };
}

function handle(req: AuthorRequest): AuthorResult {
  switch (req.type) {
    case 'compile': {
      const started = performance.now();
      const result = compileInk(req.file, req.source, () => undefined, { lenient: true });
      const compileMs = Math.round(performance.now() - started);
      runner = undefined;
      json = result.json;
      bounds = undefined;
      if (!json) return { kind: 'compiled', diagnostics: result.diagnostics, compileMs, playable: false };
      runner = new StoryRunner(json, { lenient: true });
      return {
        kind: 'compiled',
        diagnostics: result.diagnostics,
        compileMs,
        playable: true,
        title: runner.metadata.title,
        first: step(),
      };
    }
    case 'choose': {
      if (!runner?.choose(req.index)) throw new Error('that choice is not available now');
      return { kind: 'step', step: step() };
    }
    case 'bounds': {
      // Asked for after the first lines are on screen. Within a budget: a huge story plays without.
      if (!json) throw new Error('nothing is loaded');
      const exploration = explore(json, 5000, { lenient: true, timeLimitMs: 1500 });
      bounds = exploration.truncated ? undefined : exploration.bounds;
      return { kind: 'bounds', bounds };
    }
    case 'map':
      return { kind: 'map', svg: storyMapSvg(new Map([[req.file, req.source]]), req.file) };
    case 'restart': {
      if (!json) throw new Error('nothing is loaded');
      runner = new StoryRunner(json, { lenient: true });
      return { kind: 'step', step: step() };
    }
  }
}

self.onmessage = (event: MessageEvent<AuthorRequest>) => {
  const req = event.data;
  try {
    self.postMessage({ id: req.id, ok: true, result: handle(req) } satisfies AuthorResponse);
  } catch (e) {
    self.postMessage({
      id: req.id,
      ok: false,
      error: e instanceof Error ? e.message : String(e),
    } satisfies AuthorResponse);
  }
};
