import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, speakingSeconds } from '../../src/engine/clock.ts';
import {
  biggestMoves,
  clampMood,
  moodExpression,
  moodPose,
  satisfaction,
  waitPenalty,
} from '../../src/engine/mood.ts';
import { StoryRunner } from '../../src/engine/runner.ts';
import { compileSource } from '../helpers.ts';

describe('clock', () => {
  it('times speech at 150 words a minute, with a floor', () => {
    expect(speakingSeconds('')).toBe(0);
    expect(speakingSeconds('Yes.')).toBe(2);
    expect(speakingSeconds('one two three four five six seven eight nine ten')).toBe(4);
    // A long policy recital takes longer than a short answer.
    expect(speakingSeconds('word '.repeat(75))).toBe(30);
  });
  it('formats durations for people', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(150)).toBe('2 min 30 s');
    expect(formatDuration(12 * 60 + 10)).toBe('12 min');
    expect(formatDuration(112 * 60)).toBe('1 h 52 min');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(65)).toBe('1:05');
  });
});

describe('mood', () => {
  it('clamps to -10..+10 and drains with waiting', () => {
    expect(clampMood(14)).toBe(10);
    expect(clampMood(-12.4)).toBe(-10);
    expect(waitPenalty(0)).toBe(0);
    expect(waitPenalty(20)).toBe(-1);
    expect(waitPenalty(185)).toBe(-3);
  });
  it('shows on the face and in the posture', () => {
    expect([-8, -3, 0, 2, 6].map(moodExpression)).toEqual([
      'angry',
      'annoyed',
      'neutral',
      'relieved',
      'pleased',
    ]);
    expect(moodPose(-5)).toBe('arms-crossed');
    expect(moodPose(0)).toBe('stand');
  });
  it('finds the moments it moved most', () => {
    const points = [0, 1, -3, -2, 4].map((mood, i) => ({ at: i * 10, mood, label: String(i) }));
    expect(biggestMoves(points, 2)).toEqual([
      { index: 2, delta: -4 },
      { index: 4, delta: 6 },
    ]);
  });
  it('estimates satisfaction from mood, resolution and repeats', () => {
    expect(satisfaction(0, true, 0)).toBe(3.5);
    expect(satisfaction(8, true, 0)).toBe(5);
    expect(satisfaction(-4, false, 2)).toBe(1);
    expect(satisfaction(-2, true, 1)).toBe(2.8);
  });
});

const HEADER = `# title: T\n# summary: S\n# setting: aisle\n# difficulty: beginner\n# minutes: 1\n# cast: You=player, Shopper=customer\n`;
function runner(body: string): StoryRunner {
  const r = compileSource(HEADER + body);
  if (!r.json) throw new Error(r.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return new StoryRunner(r.json);
}

describe('call state in the runner', () => {
  it('moves mood from tags, waits and repeats, and keeps the ink variable in step', () => {
    const r = runner(`VAR mood = 1
Shopper: Where's the powder? #mood: -1
* [Sorry, one moment. #mood: +2 #de: +1 #feedback: f]
  You: Sorry, one moment.
  You leave her standing. #wait: 3m
  Shopper: As I said, it's non-bio I need. #repeated: what she needs
  {mood < 0: Shopper: This is ridiculous.|Shopper: Fine.}
  ~ mood += 1
  Shopper: Right. #ending: E #resolved: no
  -> END
`);
    expect(r.startMood).toBe(1);
    r.readToChoice();
    expect(r.callState.mood).toBe(0);
    r.choose(0);
    const lines = r.readToChoice();
    // 0 +2 (choice) -3 (three minutes' wait) -2 (repeat) = -3 → ink branches on it.
    expect(lines.map((l) => l.text)).toContain('This is ridiculous.');
    expect(r.callState).toMatchObject({ mood: -2, repeats: 1, waited: 180 });
  });

  it('adds speaking time for spoken lines and tagged time, not for narration', () => {
    const r = runner(`Shopper: One two three four five six seven eight nine ten.
You walk her to aisle four. #time: 1m
* [Check the handheld. #time: 30s #res: +1 #feedback: f]
  Done. #ending: E #resolved: yes
  -> END
`);
    r.readToChoice();
    expect(r.callState.seconds).toBe(4 + 60);
    r.choose(0);
    r.readToChoice();
    expect(r.callState.seconds).toBe(94);
  });

  it('keeps its own mood when the story declares none', () => {
    const r = runner('Shopper: Hmph. #mood: -3\n#ending: E #resolved: no\n-> END\n');
    r.readToChoice();
    expect(r.callState.mood).toBe(-3);
  });
});
