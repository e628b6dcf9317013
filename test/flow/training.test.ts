/**
 * Training over the real game session and real saved data (fake-indexeddb): a run is saved after
 * every line and choice, and a "reload" (a new session and store on the same database) comes back
 * to exactly the same moment, on the aisle and on the desk with its call notes.
 */
import { describe, expect, it } from 'vitest';
import { type Beat, GameSession } from '../../src/flow/session.ts';
import { Training } from '../../src/flow/training.ts';
import type { Store } from '../../src/storage/db.ts';
import { compiledJson } from '../helpers.ts';
import { expectConsole } from '../setup/console.ts';
import { counterIds, IDBFactory, open, quotaFactory } from '../storage/helpers.ts';
import { Driver, type Loaded, load } from './driver.ts';

const aisle = load('stories/aisle.ink');
const desk = load('stories/plan-change.ink');

interface Visit {
  driver: Driver;
  store: Store;
  training: Training;
}

/** Opens the game on `factory`'s saved data, as a page load would, and signs `name` in. */
let visits = 0;

/** Each page load makes its own ids (real pages use random UUIDs; readable ones here). */
const pageIds = () => counterIds(`page${++visits}`);

async function visit(factory: IDBFactory, name = 'Sam', stories: Loaded[] = [aisle, desk]): Promise<Visit> {
  const store = await open(factory, { newId: pageIds() });
  const driver = new Driver(stories);
  const training = new Training(driver.session, store);
  const existing = (await training.listProfiles()).find((p) => p.name === name);
  if (existing) await training.select(existing);
  else {
    const made = await training.createProfile(name);
    if (!made.ok) throw new Error(made.message);
  }
  return { driver, store, training };
}

/** What is on screen, as a trainee would compare it. */
function moment(v: Visit) {
  const beat = v.driver.session.beat as Beat;
  const screen = v.driver.session.screen;
  return {
    line: beat.line.text,
    speaker: beat.line.speaker,
    next: beat.next.kind,
    ringing: beat.ringing,
    call: beat.call,
    crm: beat.desk.crm.map((c) => c.text),
    calls: beat.desk.calls.length,
    // Every line said before this one: a resumed page shows them as its log; the first page saw them
    // one beat at a time (a picked-up call or saved notes show the same line again).
    earlier: [
      ...(screen.name === 'playing' ? screen.earlier : []),
      ...[...new Set(v.driver.beats.map((b) => b.line))].slice(0, -1),
    ].map((l) => l.text),
    mode: screen.name === 'playing' ? screen.mode : undefined,
    draft: beat.next.kind === 'notes' ? beat.next.draft : undefined,
  };
}

/** One step as a trainee takes it: pick up, write notes, choose the next of `path`, or continue. */
function step(v: Visit, path: number[]): void {
  const s = v.driver.session;
  const beat = s.beat as Beat;
  if (beat.ringing) s.pickUp();
  else if (beat.next.kind === 'notes') {
    const keys = beat.next.facts.map((f) => f.key);
    s.writeNotes(keys.slice(0, 2), 'Swap line 3 to the BlackBerry; she has the SIM.');
  } else if (beat.next.kind === 'choices') s.choose(path.shift() ?? 0);
  else s.advance();
}

/** Plays the run on screen to its end along `path`. */
function finish(v: Visit, path: number[]): void {
  const rest = [...path];
  for (let i = 0; i < 1000 && v.driver.screen.name === 'playing'; i++) step(v, rest);
}

describe('a run that lasts', () => {
  it('resumes the aisle at exactly the same line after every step', async () => {
    const factory = new IDBFactory();
    // A reload after every step: each new page carries the run on, and the old page is gone.
    let first = await visit(factory);
    await first.training.play('aisle');
    const path = [1, 3, 0, 2, 1];
    let checked = 0;
    for (let i = 0; i < 200 && first.driver.screen.name === 'playing'; i++) {
      await first.training.flush();
      const before = moment(first);
      const again = await visit(factory);
      const [status] = (await again.training.statuses()).filter((s) => s.entry.id === 'aisle');
      expect(status?.unfinished?.status).toBe('resume');
      expect(await again.training.resume(status?.unfinished?.attempt.id ?? '')).toBe(true);
      expect(moment(again)).toEqual(before);
      first.training.dispose();
      first.store.close();
      first = again;
      checked++;
      step(first, path);
    }
    expect(first.driver.screen.name).toBe('debrief');
    expect(checked).toBeGreaterThan(20);
    await first.training.flush();
    const [done] = await first.training.attempts();
    expect(done?.status).toBe('finished');
    expect(done?.result?.percent).toEqual({ de: 100, own: 100, res: 100 });
    expect(done?.path).toEqual([1, 3, 0, 2, 1]);
    // Nothing left to carry on.
    expect((await first.training.statuses()).every((s) => !s.unfinished)).toBe(true);
  });

  it('resumes a desk call mid-journey: the calls, the CRM notes, the clock and the ringing phone', async () => {
    // FIXME (issue 12, "storage faults are named truthfully"): after another page takes the run
    // over, this first page's saves fail with "no attempt with id '…'" instead of forking cleanly
    // into a separate attempt as the aisle's reload test does. Found when Node tests began to fail
    // on console.warn; pinned here so that fixing it fails this line and it is removed.
    expectConsole('warn', /a save failed saveProgress: no attempt with id/);
    const factory = new IDBFactory();
    const first = await visit(factory);
    await first.training.play('plan-change');
    const path = [2, 3, 0, 1, 0, 2, 0, 0, 1, 0, 1];
    const seen = { ringing: 0, notes: 0, afterNotes: 0, drafts: 0 };
    for (let i = 0; i < 400 && first.driver.screen.name === 'playing'; i++) {
      let beat = first.driver.session.beat as Beat;
      if (beat.next.kind === 'notes') {
        // Half-written notes survive a reload too.
        first.driver.session.draftNotes([beat.next.facts[0]?.key ?? ''], 'Grace wants line 3 on the Black');
        beat = first.driver.session.beat as Beat;
      }
      const interesting = beat.ringing || beat.next.kind === 'notes' || beat.desk.crm.length > 0;
      if (interesting && (i % 3 === 0 || beat.next.kind === 'notes')) {
        await first.training.flush();
        const before = moment(first);
        const again = await visit(factory);
        const open = (await again.training.statuses()).find((s) => s.entry.id === 'plan-change');
        expect(await again.training.resume(open?.unfinished?.attempt.id ?? '')).toBe(true);
        expect(moment(again)).toEqual(before);
        again.store.close();
        if (beat.ringing) seen.ringing++;
        if (beat.next.kind === 'notes') seen.notes++;
        if (before.draft) seen.drafts++;
        if (beat.desk.crm.length) seen.afterNotes++;
      }
      step(first, path);
    }
    // Every queued save has landed (or failed) inside this test.
    await first.training.flush();
    expect(first.driver.screen.name).toBe('debrief');
    expect(seen.ringing).toBeGreaterThan(0);
    expect(seen.notes).toBeGreaterThan(0);
    expect(seen.afterNotes).toBeGreaterThan(0);
    expect(seen.drafts).toBeGreaterThan(0);
  });

  it('keeps a run whose scenario changed: its debrief on the old version, or start again', async () => {
    const factory = new IDBFactory();
    const first = await visit(factory);
    await first.training.play('aisle');
    const path = [1, 3];
    while ((first.driver.session.beat?.line.text ?? '') && path.length) step(first, path);
    await first.training.flush();
    const [started] = await first.training.attempts();

    // The trainer edits the story: a new version, with a different hash.
    const edited = load(
      'stories/aisle.ink',
      compiledJson('stories/aisle.ink').replace(
        'Aisle seven, twenty past four.',
        'Aisle seven, half past four.',
      ),
    );
    expect(edited.entry.hash).not.toBe(aisle.entry.hash);
    const later = await visit(factory, 'Sam', [edited, desk]);
    const status = (await later.training.statuses()).find((s) => s.entry.id === 'aisle');
    expect(status?.unfinished?.status).toBe('story-changed');
    expect(status?.unfinished?.decisions).toBe(2);
    // It cannot carry on...
    expect(await later.training.resume(started?.id ?? '')).toBe(false);
    // ...but its debrief is rebuilt on the version it was played on.
    expect(await later.training.reviewChanged(started?.id ?? '')).toBe(true);
    const screen = later.driver.screen;
    expect(screen.name === 'debrief' && screen.unfinished).toBe(true);
    if (screen.name !== 'debrief') throw new Error('no debrief');
    expect(screen.debrief.choices.map((c) => c.chosen.index)).toEqual([1, 3]);
    expect(
      screen.debrief.transcript.some((t) => t.kind === 'line' && t.text.includes('twenty past four')),
    ).toBe(true);
    // Starting again keeps the old run, marked abandoned.
    await later.training.startAgain('aisle');
    await later.training.flush();
    const all = await later.training.attempts();
    expect(all.find((a) => a.id === started?.id)?.status).toBe('abandoned');
    expect(all.filter((a) => a.status === 'in-progress')).toHaveLength(1);
  });

  it('assessment: no coaching rewinds, pass marks per axis, and the menu standing', async () => {
    const v = await visit(new IDBFactory());
    v.training.setMode('assessment');
    await v.training.play('aisle');
    finish(v, [0, 2, 1, 0, 1]);
    let screen = v.driver.screen;
    if (screen.name !== 'debrief') throw new Error('no debrief');
    expect(screen.mode).toBe('assessment');
    expect(screen.verdict?.passed).toBe(false);
    expect(v.driver.session.replayFrom(0)).toBe(false);
    await v.training.flush();
    expect((await v.training.statuses()).find((s) => s.entry.id === 'aisle')?.assessment).toBe('not-yet');

    await v.training.play('aisle');
    finish(v, [1, 3, 0, 2, 1]);
    screen = v.driver.screen;
    expect(screen.name === 'debrief' && screen.verdict?.passed).toBe(true);
    await v.training.flush();
    const standing = await v.training.statuses();
    expect(standing.find((s) => s.entry.id === 'aisle')?.assessment).toBe('passed');
    expect(standing.find((s) => s.entry.id === 'plan-change')?.assessment).toBe('not-taken');
    const attempts = await v.training.attempts();
    expect(attempts.map((a) => [a.mode, a.status, a.result?.passed])).toEqual([
      ['assessment', 'finished', true],
      ['assessment', 'finished', false],
    ]);
  });

  it('practice replays from a decision as a new attempt; the first one stays finished', async () => {
    const v = await visit(new IDBFactory());
    await v.training.play('aisle');
    finish(v, [0, 2, 1, 0, 1]);
    expect(v.driver.session.replayFrom(2)).toBe(true);
    await v.training.flush();
    const attempts = await v.training.attempts();
    expect(attempts.map((a) => a.status).sort()).toEqual(['finished', 'in-progress']);
    const first = attempts.find((a) => a.status === 'finished');
    const replay = attempts.find((a) => a.status === 'in-progress');
    expect(replay?.path).toEqual([0, 2]);
    // Marked as a replay of the first attempt from decision 3, so bests and trends leave it out.
    expect(replay?.replayOf).toEqual({ attemptId: first?.id, step: 2 });
    expect(first?.replayOf).toBeUndefined();
  });

  it('keeps working in memory when the browser gives no storage, and says so', async () => {
    const store = await open(null);
    const driver = new Driver([aisle]);
    const training = new Training(driver.session, store);
    expect(store.warning).toMatch(/only until you close this tab/);
    const made = await training.createProfile('Ana');
    expect(made.ok).toBe(true);
    await training.play('aisle');
    finish({ driver, store, training }, [1, 3, 0, 2, 1]);
    await training.flush();
    expect((await training.attempts())[0]?.status).toBe('finished');
  });

  it('tells the trainee at once when storage fills up mid-run, and keeps the run in memory', async () => {
    const { factory, failing } = quotaFactory(new IDBFactory());
    const v = await visit(factory as IDBFactory);
    const notices: string[] = [];
    v.training.events.on('notice', (n) => notices.push(n.message));
    await v.training.play('aisle');
    const path = [1, 3, 0, 2, 1];
    for (let i = 0; i < 5; i++) step(v, path);
    await v.training.flush();
    failing.on = true;
    finish(v, path);
    await v.training.flush();
    expect(notices).toEqual([expect.stringMatching(/only until you close this tab/)]);
    expect(v.store.durable).toBe(false);
    const [attempt] = await v.training.attempts();
    expect(attempt?.status).toBe('finished');
    expect(attempt?.path).toEqual([1, 3, 0, 2, 1]);
  });

  it('two tabs never overwrite each other: the older tab carries on as a new attempt', async () => {
    const factory = new IDBFactory();
    const a = await visit(factory);
    const notices: string[] = [];
    a.training.events.on('notice', (n) => notices.push(n.message));
    await a.training.play('aisle');
    const pathA = [1, 3, 0, 2, 1];
    for (let i = 0; i < 6; i++) step(a, pathA);
    await a.training.flush();
    // Tab B opens the same trainee and carries the run on; tab A is still open on it.
    const b = await visit(factory);
    const open = (await b.training.statuses()).find((s) => s.entry.id === 'aisle')?.unfinished;
    expect(await b.training.resume(open?.attempt.id ?? '')).toBe(true);
    await b.training.flush();
    finish(a, pathA);
    await a.training.flush();
    finish(b, [0, 2, 1, 0, 1]);
    await b.training.flush();
    const all = await a.training.attempts();
    const resumedPath = [...(open?.attempt.path ?? []), ...[0, 2, 1, 0, 1].slice(open?.attempt.path.length)];
    expect(all.map((x) => [x.status, x.path.join('')]).sort()).toEqual(
      [
        ['finished', '13021'],
        ['finished', resumedPath.join('')],
      ].sort(),
    );
    expect(notices).toEqual([expect.stringMatching(/also open in another tab/)]);
  });

  it('a run started again in another tab is not lost in the first', async () => {
    const factory = new IDBFactory();
    const a = await visit(factory);
    await a.training.play('aisle');
    const path = [1, 3, 0, 2, 1];
    for (let i = 0; i < 6; i++) step(a, path);
    await a.training.flush();
    const b = await visit(factory);
    expect(await b.training.startAgain('aisle')).toBe(true);
    finish(a, path);
    await a.training.flush();
    await b.training.flush();
    const all = await a.training.attempts();
    expect(all.filter((x) => x.status === 'finished').map((x) => x.path)).toEqual([[1, 3, 0, 2, 1]]);
    expect(all.filter((x) => x.status === 'in-progress')).toHaveLength(1);
  });

  it('Carry on pressed while the scenes still load resumes the same attempt, not a copy', async () => {
    const factory = new IDBFactory();
    const first = await visit(factory);
    await first.training.play('aisle');
    for (let i = 0; i < 5; i++) step(first, [1, 3]);
    await first.training.flush();
    const [saved] = await first.training.attempts();
    // A page whose art is still loading: the session is not ready yet.
    const store = await open(factory, { newId: pageIds() });
    const session = new GameSession([aisle.entry, desk.entry]);
    session.setStoryJson('aisle', aisle.json);
    session.showMenu();
    const training = new Training(session, store);
    const sam = (await training.listProfiles())[0];
    if (!sam) throw new Error('no profile');
    await training.select(sam);
    expect(await training.resume(saved?.id ?? '')).toBe(true);
    expect(session.screen.name).toBe('menu');
    session.markReady();
    expect(session.screen.name).toBe('playing');
    session.advance();
    await training.flush();
    const all = await training.attempts();
    expect(all).toHaveLength(1);
    expect(all[0]?.id).toBe(saved?.id);
    expect(all[0]?.linesAfterLastChoice).toBe((saved?.linesAfterLastChoice ?? 0) + 1);
  });

  it('picking a scenario with an unfinished run carries it on instead of throwing it away', async () => {
    const factory = new IDBFactory();
    const v = await visit(factory);
    await v.training.play('aisle');
    for (let i = 0; i < 5; i++) step(v, [1, 3]);
    await v.training.flush();
    const before = moment(v);
    v.driver.session.showMenu();
    expect(await v.training.play('aisle')).toBe(true);
    await v.training.flush();
    expect(moment(v).line).toBe(before.line);
    const all = await v.training.attempts();
    expect(all.map((a) => a.status)).toEqual(['in-progress']);
    // An assessment left halfway cannot be started again: it carries on.
    v.training.setMode('assessment');
    await v.training.play('plan-change');
    for (let i = 0; i < 3; i++) step(v, [2]);
    v.driver.session.showMenu();
    expect(await v.training.startAgain('plan-change')).toBe(false);
  });

  it('a trainee can fix their name; their attempts stay theirs, and names stay unique', async () => {
    const factory = new IDBFactory();
    const other = await visit(factory, 'Priya Shah');
    other.store.close();
    const v = await visit(factory, 'Sma Okafor');
    await v.training.play('aisle');
    finish(v, [1, 3, 0, 2, 1]);
    await v.training.flush();
    expect(await v.training.rename('priya shah')).toEqual({
      ok: false,
      message: 'There is already a trainee called “Priya Shah”.',
    });
    const renamed = await v.training.rename('  Sam   Okafor ');
    expect(renamed.ok && renamed.profile.name).toBe('Sam Okafor');
    expect(v.training.profile?.name).toBe('Sam Okafor');
    expect((await v.training.attempts()).map((a) => a.status)).toEqual(['finished']);
    expect((await v.training.listProfiles()).map((p) => p.name)).toEqual(['Priya Shah', 'Sam Okafor']);
  });

  it('a run asked for while loading is dropped if another trainee signs in before it starts', async () => {
    const factory = new IDBFactory();
    const alice = await visit(factory, 'Alice');
    await alice.training.play('aisle');
    for (let i = 0; i < 5; i++) step(alice, [1, 3]);
    await alice.training.flush();
    const [run] = await alice.training.attempts();
    const store = await open(factory, { newId: pageIds() });
    const session = new GameSession([aisle.entry, desk.entry]);
    session.setStoryJson('aisle', aisle.json);
    session.showMenu();
    const training = new Training(session, store);
    const profiles = await training.listProfiles();
    const a = profiles.find((p) => p.name === 'Alice');
    if (!a) throw new Error('no Alice');
    await training.select(a);
    expect(await training.resume(run?.id ?? '')).toBe(true);
    const bob = await training.createProfile('Bob');
    expect(bob.ok).toBe(true);
    session.markReady();
    expect(session.screen.name).toBe('menu');
    await training.flush();
    expect(await training.attempts()).toEqual([]);
  });

  it('a double click starts one run, not two', async () => {
    const v = await visit(new IDBFactory());
    const [first, second] = await Promise.all([v.training.play('aisle'), v.training.play('aisle')]);
    expect([first, second]).toEqual([true, false]);
    await v.training.flush();
    expect(await v.training.attempts()).toHaveLength(1);
  });

  it('an assessment taken over by another tab stops in the first; it is never a second try', async () => {
    const factory = new IDBFactory();
    const a = await visit(factory);
    const notices: string[] = [];
    a.training.events.on('notice', (n) => notices.push(n.message));
    a.training.setMode('assessment');
    await a.training.play('aisle');
    for (let i = 0; i < 4; i++) step(a, [1]);
    await a.training.flush();
    const b = await visit(factory);
    const open = (await b.training.statuses()).find((s) => s.entry.id === 'aisle')?.unfinished;
    expect(await b.training.resume(open?.attempt.id ?? '')).toBe(true);
    await b.training.flush();
    step(a, [3]);
    await a.training.flush();
    expect(a.driver.screen.name).toBe('menu');
    expect(notices).toEqual([expect.stringMatching(/carried on in another tab/)]);
    finish(b, [1, 3, 0, 2, 1]);
    await b.training.flush();
    const all = await b.training.attempts();
    expect(all.map((x) => [x.mode, x.status])).toEqual([['assessment', 'finished']]);
  });
});
