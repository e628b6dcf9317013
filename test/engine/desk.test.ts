import { describe, expect, it } from 'vitest';
import { holdPenalty, summarizeDesk } from '../../src/engine/desk.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import { compiledJson } from '../helpers.ts';

const json = () => compiledJson('test/fixtures/desk.ink');

describe('holds', () => {
  it('drain patience, less when the rep asked and said how long', () => {
    expect(holdPenalty(240, false)).toBe(-4);
    expect(holdPenalty(240, true)).toBe(-2);
    expect(holdPenalty(30, true)).toBe(-1);
  });
});

describe('the call model', () => {
  function playToSecondCall(notes: string[], comment = '') {
    const r = new StoryRunner(json());
    r.readToChoice();
    r.choose(0); // asked hold
    r.readToChoice();
    r.choose(0); // cold transfer, drop
    for (let line = r.next(); line; line = r.next()) {
      if (line.marks.notes) r.writeNotes(notes, comment);
    }
    return r;
  }

  it('records calls, holds, transfers, drops and reps across calls', () => {
    const r = playToSecondCall(['line3'], 'Wants line 3 swapped');
    expect(r.state).toEqual(expect.objectContaining({ kind: 'awaiting-choice' }));
    const summary = summarizeDesk(r.desk);
    expect(summary).toMatchObject({
      calls: 2,
      holds: 1,
      holdSeconds: 120,
      unaskedHolds: 0,
      transfers: 2,
      warmTransfers: 1,
      coldTransfers: 1,
      disconnects: 1,
      departments: ['Sales', 'Technical Support'],
      reps: ['Sam', 'Ali', 'Kev'],
    });
    const [first, second] = r.desk.calls;
    expect(first?.dropped).toBe('the line went dead during the transfer');
    expect(first?.notes).toEqual({ facts: ['line3'], text: 'Wants line 3 swapped' });
    // The 20 minutes before the callback are the customer's time too.
    expect((second?.startedAt ?? 0) - (first?.endedAt ?? 0)).toBeGreaterThanOrEqual(20 * 60);
    expect(summary.customerSeconds).toBeGreaterThan(22 * 60);
  });

  it('lets notes decide whether the customer has to repeat herself', () => {
    const noted = playToSecondCall(['line3'], 'Wants line 3 swapped');
    expect(noted.callState.repeats).toBe(0);
    const none = playToSecondCall([]);
    expect(none.callState.repeats).toBe(1);
    expect(none.callState.mood).toBeLessThan(noted.callState.mood);
    expect(none.desk.crm.at(-1)?.text).toBe('(no notes left)');
    expect(noted.desk.crm.at(-1)).toMatchObject({
      author: 'Sales, Sam (you)',
      text: 'Swap line 3 to a BlackBerry · Wants line 3 swapped',
    });
  });

  it('carries mood and the clock across calls, and snapshots restore the desk', () => {
    const r = new StoryRunner(json());
    r.readToChoice();
    const snap = r.snapshot();
    r.choose(1); // unasked 4-minute hold
    r.readToChoice();
    expect(r.desk.calls[0]?.holds).toEqual([{ at: expect.any(Number), seconds: 240, asked: false }]);
    expect(r.callState.mood).toBe(-4);
    r.restore(snap);
    expect(r.desk.calls[0]?.holds).toEqual([]);
    expect(r.callState.mood).toBe(0);
  });

  it('replays a run with its call notes, so branches on noted facts come out the same', () => {
    const original = playToSecondCall(['line3'], 'Wants line 3 swapped');
    const again = StoryRunner.replay(json(), original.path, original.notesLog);
    again?.readToChoice();
    expect(again?.callState).toEqual(original.callState);
    expect(again?.desk.crm).toEqual(original.desk.crm);
    const withoutNotes = StoryRunner.replay(json(), original.path);
    withoutNotes?.readToChoice();
    expect(withoutNotes?.callState.repeats).toBe(1);
  });
});
