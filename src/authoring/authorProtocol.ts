/** Messages between author mode and its worker. */
import type { RunnerState } from '../engine/runner.ts';
import type { ScoreBounds } from '../engine/scoring.ts';
import type { ChoiceMarks, Score } from '../engine/tags.ts';
import type { Diagnostic } from './diagnostics.ts';

export type AuthorRequest =
  | { id: number; type: 'compile'; file: string; source: string }
  | { id: number; type: 'choose'; index: number }
  | { id: number; type: 'restart' }
  | { id: number; type: 'map'; file: string; source: string }
  | { id: number; type: 'bounds' };

export interface PlayStep {
  lines: { text: string; speaker?: string; tags: string[] }[];
  state:
    | Exclude<RunnerState, { kind: 'awaiting-choice' }>
    | { kind: 'awaiting-choice'; choices: { text: string; tags: string[]; marks: ChoiceMarks }[] };
  panel: {
    score: Score;
    bounds?: ScoreBounds;
    mood: number;
    seconds: number;
    location: string;
    variables: Record<string, string | number | boolean>;
    warnings: string[];
  };
}

export type AuthorResult =
  | {
      kind: 'compiled';
      diagnostics: Diagnostic[];
      compileMs: number;
      playable: boolean;
      title?: string;
      first?: PlayStep;
    }
  | { kind: 'step'; step: PlayStep }
  | { kind: 'map'; svg: string }
  | { kind: 'bounds'; bounds?: ScoreBounds };

export type AuthorResponse =
  | { id: number; ok: true; result: AuthorResult }
  | { id: number; ok: false; error: string };
