/**
 * Assessment: whether a finished run met the pass marks its scenario declares (`# pass: de 60, …`),
 * axis by axis. A run passes only when every axis reaches its mark.
 */
import type { Debrief } from './debrief.ts';
import { AXES, AXIS_NAMES, type Axis, type PassMarks } from './tags.ts';
import { shareText } from './wording.ts';

export interface AxisVerdict {
  axis: Axis;
  name: string;
  percent: number;
  /** The axis's points and the best the scenario allows, so a total below zero can say so. */
  points: number;
  best: number;
  mark: number;
  met: boolean;
}

export interface Verdict {
  passed: boolean;
  axes: AxisVerdict[];
  /** One sentence for the debrief and the menu. */
  summary: string;
}

/** Judges a debrief against pass marks; undefined when the scenario declares none. */
export function assess(debrief: Pick<Debrief, 'axes'>, marks: PassMarks | undefined): Verdict | undefined {
  if (!marks) return undefined;
  const axes = AXES.map((axis): AxisVerdict => {
    const result = debrief.axes.find((a) => a.axis === axis);
    const percent = result?.percent ?? 0;
    return {
      axis,
      name: AXIS_NAMES[axis],
      percent,
      points: result?.points ?? 0,
      best: result?.best ?? 0,
      mark: marks[axis],
      met: percent >= marks[axis],
    };
  });
  const missed = axes.filter((a) => !a.met);
  const passed = missed.length === 0;
  const summary = passed
    ? 'Every score reached its pass mark.'
    : `Below the pass mark: ${missed.map((a) => `${a.name} ${shareText(a.points, a.best, a.percent)} (needs ${a.mark}%)`).join(', ')}.`;
  return { passed, axes, summary };
}

/** "De-escalation 60%, Ownership 70%, Resolution 60%". */
export function describeMarks(marks: PassMarks): string {
  return AXES.map((a) => `${AXIS_NAMES[a]} ${marks[a]}%`).join(', ');
}
