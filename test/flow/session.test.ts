import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/flow/session.ts';
import { compileSource } from '../helpers.ts';
import { Driver, load } from './driver.ts';

const tiny = () => load('test/fixtures/tiny.ink');

describe('GameSession (headless driver)', () => {
  it('goes menu → scenario → debrief with the engine numbers', () => {
    const d = new Driver([tiny()]);
    expect(d.screen.name).toBe('menu');
    const lines = d.play('tiny', [1]);
    expect(lines).toEqual([
      'Shopper: Where is the washing powder?',
      'You: Let me show you.',
      'Shopper: Thank you!',
      'The two of you walk to aisle four.',
    ]);
    const screen = d.screen;
    expect(screen.name).toBe('debrief');
    if (screen.name !== 'debrief') return;
    expect(screen.debrief.ending).toBe('Walked over');
    expect(screen.debrief.axes.map((a) => [a.axis, a.points, a.best, a.percent])).toEqual([
      ['de', 2, 2, 100],
      ['own', 2, 2, 100],
      ['res', 2, 2, 100],
    ]);
  });

  it('coaches from what the trainee actually chose', () => {
    const d = new Driver([tiny()]);
    d.play('tiny', [0]);
    const screen = d.screen;
    if (screen.name !== 'debrief') throw new Error('no debrief');
    const de = screen.debrief.axes.find((a) => a.axis === 'de');
    expect(de?.band).toBe('weak');
    expect(de?.coaching).toContain('“Aisle four.”');
    expect(de?.coaching).toContain('Would have earned 3 more: “Let me show you.”');
    expect(screen.debrief.choices[0]?.better?.text).toBe('Let me show you.');
  });

  it('takes a pick made while loading and starts it when loading is done', () => {
    const { entry, json } = tiny();
    const session = new GameSession([entry]);
    const screens: string[] = [];
    session.events.on('screen', (s) => screens.push(s.name));
    session.showMenu();
    expect(session.start('tiny')).toBe(true);
    expect(session.screen.name).toBe('menu');
    session.setStoryJson('tiny', json);
    session.markReady();
    expect(screens).toEqual(['menu', 'playing']);
    expect(session.beat?.line.text).toBe('Where is the washing powder?');
  });

  it('ignores choices that are not on screen and Continue while choosing', () => {
    const d = new Driver([tiny()]);
    d.session.start('tiny');
    expect(d.session.choose(5)).toBe(false);
    d.session.advance();
    expect(d.session.beat?.line.text).toBe('Where is the washing powder?');
    expect(d.session.choose(0)).toBe(true);
  });

  it('replays an edited story to the same moment, and restarts when the path is gone', () => {
    const original = tiny();
    const d = new Driver([original]);
    d.session.start('tiny');
    d.session.choose(1);
    d.session.advance();
    expect(d.session.beat?.line.text).toBe('Thank you!');

    const edited = compileSource(
      readFileSync('test/fixtures/tiny.ink', 'utf8').replace('Thank you!', 'Oh, thank you, love!'),
      'stories/tiny.ink',
    );
    const updated = load('test/fixtures/tiny.ink', edited.json);
    d.session.updateStories([updated]);
    expect(d.session.beat?.line.text).toBe('Oh, thank you, love!');
    expect(d.session.beat?.replayed).toBe(true);
    expect(d.notices.at(-1)?.message).toBe('Story updated.');

    const fewer = compileSource(
      `# title: Tiny\n# summary: s\n# setting: aisle\n# difficulty: beginner\n# minutes: 1\n# cast: You=player, Shopper=customer\nShopper: Hi.\n* [Only one. #de: +1 #feedback: f]\n  Done. #ending: E #resolved: yes\n  -> END\n`,
    );
    d.session.updateStories([load('test/fixtures/tiny.ink', fewer.json)]);
    expect(d.notices.at(-1)?.message).toMatch(/restarted from the beginning/);
    expect(d.session.beat?.line.text).toBe('Hi.');
  });

  it('leaves the run alone when another story, or only the menu order, changed', () => {
    const d = new Driver([tiny()]);
    d.session.start('tiny');
    d.session.choose(1);
    const beat = d.session.beat;
    const notices = d.notices.length;
    // The dev server sends every story when one changes (or when curriculum.json is saved).
    d.session.updateStories([tiny()]);
    expect(d.session.beat).toBe(beat);
    expect(d.notices.length).toBe(notices);
  });

  it('shows a problem screen, not a crash, when a story fails at run time', () => {
    const r = compileSource(
      `# title: Broken\n# summary: s\n# setting: aisle\n# difficulty: beginner\n# minutes: 1\n# cast: You=player, Shopper=customer\nShopper: Hi.\n* [Go. #de: +1 #feedback: f]\n  This path never ends.\n  -> DONE\n`,
    );
    // The build refuses such a story (exploration finds the dead end); here the session meets it anyway.
    const d = new Driver([{ entry: tiny().entry, json: r.json ?? '' }]);
    d.session.start('tiny');
    d.session.choose(0);
    d.session.advance();
    const screen = d.screen;
    expect(screen.name).toBe('problem');
    if (screen.name === 'problem') expect(screen.message).toMatch(/stopped without an #ending/);
  });

  it('replays from a decision with the state of that moment, keeping the first attempt', () => {
    const d = new Driver([load('stories/aisle.ink')]);
    d.play('aisle', [0, 2, 1, 0, 1]);
    const first = d.screen;
    if (first.name !== 'debrief') throw new Error('no debrief');
    const decisionTwo = first.debrief.transcript.find((t) => t.kind === 'choice' && t.step === 1);
    expect(d.session.replayFrom(1)).toBe(true);
    const screen = d.screen;
    expect(screen.name).toBe('playing');
    if (screen.name !== 'playing') return;
    // The conversation so far is there, and the same choices are on offer.
    expect(screen.earlier.length).toBeGreaterThan(3);
    expect(d.session.beat?.next.kind).toBe('choices');
    expect(d.session.beat?.call.seconds).toBe(decisionTwo?.at);
    d.session.choose(3);
    d.continueToChoice();
    for (const i of [0, 2, 1]) {
      d.session.choose(
        Math.min(i, (d.session.beat?.next.kind === 'choices' ? d.session.beat.next.choices.length : 1) - 1),
      );
      d.continueToChoice();
    }
    if (d.screen.name === 'playing') d.session.advance();
    const second = d.screen;
    expect(second.name).toBe('debrief');
    if (second.name !== 'debrief') return;
    expect(second.previous).toBe(first.debrief);
    expect(second.debrief.choices[0]?.chosen.text).toBe(first.debrief.choices[0]?.chosen.text);
    expect(second.debrief.choices[1]?.chosen.index).toBe(3);
  });

  it('reports the call figures the engine measured', () => {
    const d = new Driver([tiny()]);
    d.play('tiny', [0]);
    const screen = d.screen;
    if (screen.name !== 'debrief') throw new Error('no debrief');
    expect(screen.debrief.figures).toMatchObject({ decisions: 1, firstContactResolution: false, repeats: 0 });
    expect(screen.debrief.figures.seconds).toBeGreaterThan(0);
    expect(screen.debrief.mood[0]).toMatchObject({ at: 0, mood: 0 });
  });

  it('rings, picks up, takes notes between calls, and debriefs the journey', () => {
    const d = new Driver([load('test/fixtures/desk.ink')]);
    d.session.start('desk');
    expect(d.session.beat?.ringing).toBe(true);
    expect(d.session.choose(0)).toBe(false);
    d.session.advance();
    expect(d.session.beat?.ringing).toBe(true);
    expect(d.session.pickUp()).toBe(true);
    expect(d.session.beat?.line.text).toBe('Hello? I want to change the phone on line three.');
    d.notes = ['line3'];
    const lines = d.play('desk', [0, 0, 0]);
    expect(lines).toContain('You: I can see the notes: line three, the BlackBerry.');
    const screen = d.screen;
    if (screen.name !== 'debrief') throw new Error('no debrief');
    expect(screen.debrief.journey?.summary).toMatchObject({
      calls: 2,
      disconnects: 1,
      transfers: 2,
      holds: 1,
    });
    expect(screen.debrief.journey?.calls[0]?.breaker).toBe('Sales can do it.');
  });
});
