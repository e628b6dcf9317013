/**
 * Saving after every step and resuming, end to end on a real desk scenario with call notes. The
 * `resume` function here is the recipe the game session should use (see the storage README's
 * wiring notes): StoryRunner.replay's idea, plus the notes written on the way, which change the story.
 */
import { describe, expect, it } from 'vitest';
import { type StoryLine, StoryRunner } from '../../src/engine/runner.ts';
import { resumeStatus } from '../../src/storage/db.ts';
import type { Attempt, Note } from '../../src/storage/schema.ts';
import { compiledJson } from '../helpers.ts';
import { IDBFactory, open } from './helpers.ts';

/**
 * A runner at the moment the attempt was saved, and the line that was on screen (undefined right
 * after a choice); undefined when the choices no longer fit the story.
 */
function resume(
  json: string,
  attempt: Pick<Attempt, 'path' | 'linesAfterLastChoice' | 'notes'>,
): { runner: StoryRunner; line: StoryLine | undefined } | undefined {
  const runner = new StoryRunner(json);
  const notes = [...attempt.notes];
  const read = (): StoryLine | undefined => {
    const line = runner.next();
    const due = notes[0];
    if (line?.marks.notes !== undefined && due?.step === runner.path.length) {
      notes.shift();
      runner.writeNotes(due.facts, due.text);
    }
    return line;
  };
  for (const index of attempt.path) {
    while (read());
    if (!runner.choose(index)) return undefined;
  }
  let line: StoryLine | undefined;
  // Exactly as many lines as had been shown; none means "just chosen": the caller advances as usual.
  for (let i = 0; i < attempt.linesAfterLastChoice; i++) line = read() ?? line;
  return { runner, line };
}

describe('save after every step, then resume', () => {
  it('plays "One Phone, Two Hours" with notes; every saved moment resumes exactly', async () => {
    const json = compiledJson('stories/plan-change.ink');
    const factory = new IDBFactory();
    const store = await open(factory);
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const attempt = await store.attempts.start(sam.profile.id, { id: 'plan-change', hash: 'h1' }, 'practice');

    const choices = [2, 3, 0, 1, 0, 2, 0, 0, 1, 0, 1];
    const original = new StoryRunner(json);
    const facts = (original.metadata.facts ?? []).map((f) => f.key);
    const notes: Note[] = [];
    let linesAfterLastChoice = 0;
    let shown: StoryLine | undefined;
    let checked = 0;
    let saves = 0;
    /** Saves, as the game will after every choice and line; resumes from the save at every choice, every note and every fifth line. */
    const saveAndCheck = async (always: boolean) => {
      const progress = { path: [...original.path], linesAfterLastChoice, notes: structuredClone(notes) };
      await store.attempts.saveProgress(attempt.id, progress);
      const saved = await store.attempts.get(attempt.id);
      expect(saved).toMatchObject(progress);
      if (!always && ++saves % 5 !== 0) return;
      const back = resume(json, saved!);
      expect(back?.runner.history.length).toBe(original.history.length);
      expect(back?.runner.callState).toEqual(original.callState);
      expect(back?.runner.desk).toEqual(original.desk);
      expect(back?.line?.text).toBe(linesAfterLastChoice ? shown?.text : undefined);
      checked++;
    };

    for (let i = 0; ; ) {
      const line = original.next();
      if (line) {
        shown = line;
        linesAfterLastChoice++;
        if (line.marks.notes !== undefined) {
          const picked = facts.filter((_, n) => n % 2 === 0);
          original.writeNotes(picked, `Call at step ${original.path.length}, "as promised"`);
          notes.push({
            step: original.path.length,
            facts: picked,
            text: `Call at step ${original.path.length}, "as promised"`,
          });
        }
        await saveAndCheck(line.marks.notes !== undefined);
      } else if (original.state.kind === 'awaiting-choice') {
        original.choose(choices[i++]!);
        linesAfterLastChoice = 0;
        await saveAndCheck(true);
      } else break;
    }
    expect(original.state).toMatchObject({ kind: 'ended', ending: 'Two hours and a BlackBerry' });
    expect(notes.length).toBeGreaterThan(1);
    expect(checked).toBeGreaterThan(25);

    // After closing the tab: the attempt is there, on the same story version, and resumes.
    store.close();
    const later = await open(factory);
    const [saved] = await later.attempts.inProgress(sam.profile.id, 'plan-change');
    if (!saved) throw new Error('attempt lost');
    expect(resumeStatus(saved, 'h1')).toBe('resume');
    const back = resume(json, saved);
    expect(back?.runner.state).toEqual(original.state);
    expect(back?.runner.history.map((e) => (e.kind === 'line' ? e.line.text : e.chosen.text))).toEqual(
      original.history.map((e) => (e.kind === 'line' ? e.line.text : e.chosen.text)),
    );

    // Why the notes are saved: replaying the choices alone tells a different story.
    const plain = StoryRunner.replay(json, saved.path);
    while (plain?.next());
    expect(plain?.history.length).not.toBe(original.history.length);
  }, 30_000);
});
