/**
 * "One Phone, Two Hours" along its best and worst paths: handled well it is one call of about ten
 * minutes; handled badly it is six calls, a dropped line, eight reps in two departments and about two
 * hours of the customer's day.
 */
import { describe, expect, it } from 'vitest';
import { Driver, load } from './driver.ts';

function play(path: number[], notes: 'all' | 'none') {
  const d = new Driver([load('stories/plan-change.ink')]);
  d.notes = notes;
  d.play('plan-change', path);
  const screen = d.screen;
  if (screen.name !== 'debrief') throw new Error(`ended on ${screen.name}`);
  return screen.debrief;
}

describe('One Phone, Two Hours', () => {
  it('the superstar path: one call, about ten minutes', () => {
    const debrief = play([1, 2, 0], 'all');
    expect(debrief.ending).toBe('Sorted in one call');
    expect(debrief.resolved).toBe(true);
    expect(debrief.figures.seconds / 60).toBeGreaterThan(6);
    expect(debrief.figures.seconds / 60).toBeLessThan(12);
    expect(debrief.journey?.summary).toMatchObject({
      calls: 1,
      disconnects: 0,
      departments: ['Sales'],
      reps: ['Jordan'],
      transfers: 0,
    });
    expect(debrief.axes.map((a) => a.percent)).toEqual([100, 100, 100]);
  });

  it('the chain: six calls, a dropped line, eight reps, two departments, about two hours', () => {
    const debrief = play([2, 3, 0, 1, 0, 2, 0, 0, 1, 0, 1], 'none');
    expect(debrief.ending).toBe('Two hours and a BlackBerry');
    const summary = debrief.journey?.summary;
    expect(summary).toMatchObject({ calls: 6, disconnects: 1 });
    expect(summary?.departments.sort()).toEqual(['Sales', 'Technical Support']);
    expect(summary?.reps.length).toBeGreaterThanOrEqual(8);
    expect(summary?.reps.length).toBeLessThanOrEqual(9);
    expect(summary?.transfers).toBeGreaterThanOrEqual(3);
    expect(debrief.figures.seconds / 60).toBeGreaterThan(100);
    expect(debrief.figures.seconds / 60).toBeLessThan(130);
    // Nobody left notes, so she told her story again and again, and the coaching says whose job that was.
    expect(debrief.figures.repeats).toBeGreaterThanOrEqual(3);
    expect(debrief.axes.find((a) => a.axis === 'own')?.coaching).toMatch(
      /the customer told their story again \d+ times: notes that record the key facts/,
    );
    expect(debrief.journey?.calls.every((c) => c.breaker)).toBe(true);
  });

  it('good notes spare her from repeating herself', () => {
    const path = [2, 3, 0, 1, 0, 2, 0, 0, 1, 0, 1];
    expect(play(path, 'all').figures.repeats).toBeLessThan(play(path, 'none').figures.repeats);
  });
});
