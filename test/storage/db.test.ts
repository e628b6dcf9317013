import { describe, expect, it } from 'vitest';
import {
  ChangeRefused,
  DB_VERSION,
  IndexedDbBackend,
  MemoryBackend,
  openIndexedDb,
} from '../../src/storage/backends.ts';
import {
  AttemptConflict,
  FALLBACK_WARNING,
  openStore,
  resumeStatus,
  StorageError,
} from '../../src/storage/db.ts';
import type { AttemptResult } from '../../src/storage/schema.ts';
import { DB, IDBFactory, open, plant, quotaFactory, raw } from './helpers.ts';

const at = '2025-03-01T08:00:00.000Z';
const profileV2 = { schemaVersion: 2, id: 'p1', name: 'Sam', createdAt: at };
const attemptV1 = {
  schemaVersion: 1,
  id: 'old-1',
  profileId: 'p1',
  storyId: 'aisle',
  storyHash: 'h1',
  startedAt: at,
  updatedAt: at,
  status: 'in-progress',
  path: [1, 0],
  linesAfterLastChoice: 2,
  notes: [],
};
const result: AttemptResult = {
  ending: 'Sorted in one call',
  resolved: true,
  score: { de: 4, own: 3, res: -1 },
  percent: { de: 100, own: 75, res: 20 },
  seconds: 412,
  passed: true,
};

describe('profiles', () => {
  it('creates, lists, renames and removes, with names checked', async () => {
    const store = await open(new IDBFactory());
    expect(store.durable).toBe(true);
    expect(store.warning).toBeUndefined();
    const sam = await store.profiles.create('  Sam  ');
    expect(sam).toMatchObject({ ok: true, profile: { name: 'Sam', schemaVersion: 2 } });
    expect(await store.profiles.create('SAM')).toEqual({
      ok: false,
      message: 'There is already a trainee called “Sam”.',
    });
    expect(await store.profiles.create('')).toEqual({ ok: false, message: 'Enter a name.' });
    const ana = await store.profiles.create('ana');
    expect((await store.profiles.list()).map((p) => p.name)).toEqual(['ana', 'Sam']);
    if (!sam.ok || !ana.ok) throw new Error('unreachable');
    // Renaming to your own name in another case is fine; to someone else's is not.
    expect(await store.profiles.rename(sam.profile.id, 'sam')).toMatchObject({
      ok: true,
      profile: { name: 'sam' },
    });
    expect(await store.profiles.rename(sam.profile.id, 'Ana')).toMatchObject({ ok: false });
    await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h1' }, 'practice');
    await store.profiles.setLastUsed(sam.profile.id);
    expect((await store.profiles.lastUsed())?.id).toBe(sam.profile.id);
    expect(await store.profiles.remove(sam.profile.id)).toEqual({ ok: true, attemptsRemoved: 1 });
    expect(await store.profiles.lastUsed()).toBeUndefined();
    expect((await store.profiles.list()).map((p) => p.name)).toEqual(['ana']);
    expect(await store.attempts.forProfile(sam.profile.id)).toEqual([]);
  });

  it('keeps everything across a reopen', async () => {
    const factory = new IDBFactory();
    const first = await open(factory);
    await first.profiles.create('Sam');
    first.close();
    const second = await open(factory);
    expect((await second.profiles.list()).map((p) => p.name)).toEqual(['Sam']);
  });
});

describe('attempts', () => {
  it('saves progress after every choice and reads it back exactly, also after a reopen', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const attempt = await store.attempts.start(
      sam.profile.id,
      { id: 'plan-change', hash: 'h1' },
      'assessment',
    );
    expect(attempt).toMatchObject({ status: 'in-progress', mode: 'assessment', path: [], notes: [] });
    const path: number[] = [];
    const notes = [] as { step: number; facts: string[]; text: string }[];
    for (const [i, choice] of [1, 2, 0, 3, 0].entries()) {
      path.push(choice);
      if (i === 2)
        notes.push({ step: 3, facts: ['line3', 'owned'], text: 'Line 3, "urgent", ünïcödé\nnext line' });
      const progress = { path: [...path], linesAfterLastChoice: i + 1, notes: structuredClone(notes) };
      // Not awaited before the next choice, as the game will do: saves still land in order.
      void store.attempts.saveProgress(attempt.id, progress);
      const read = await store.attempts.get(attempt.id);
      expect(read).toMatchObject(progress);
    }
    store.close();
    const again = await open(factory);
    const [resumed] = await again.attempts.inProgress(sam.profile.id, 'plan-change');
    expect(resumed).toMatchObject({ id: attempt.id, path: [1, 2, 0, 3, 0], linesAfterLastChoice: 5, notes });
    expect(resumed?.notes[0]?.text).toBe('Line 3, "urgent", ünïcödé\nnext line');
  });

  it('finishes, and lists what is in progress and what is done', async () => {
    const store = await open(new IDBFactory());
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h1' }, 'practice');
    const b = await store.attempts.start(sam.profile.id, { id: 'plan-change', hash: 'h2' }, 'practice');
    const c = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h1' }, 'practice');
    // A save that races the finish cannot undo it: writes run in call order.
    const racing = store.attempts.saveProgress(a.id, { path: [0], linesAfterLastChoice: 1, notes: [] });
    const done = await store.attempts.finish(a.id, result, {
      path: [0, 1],
      linesAfterLastChoice: 0,
      notes: [],
    });
    await racing;
    expect(done).toMatchObject({ status: 'finished', result, path: [0, 1] });
    await expect(
      store.attempts.saveProgress(a.id, { path: [0, 1, 2], linesAfterLastChoice: 0, notes: [] }),
    ).rejects.toThrow(StorageError);
    await store.attempts.abandon(c.id);
    expect((await store.attempts.inProgress(sam.profile.id)).map((x) => x.id)).toEqual([b.id]);
    expect(await store.attempts.inProgress(sam.profile.id, 'aisle')).toEqual([]);
    expect((await store.attempts.forProfile(sam.profile.id)).map((x) => [x.id, x.status])).toEqual([
      [c.id, 'abandoned'],
      [b.id, 'in-progress'],
      [a.id, 'finished'],
    ]);
  });

  it('rejects misuse with a StorageError that says what', async () => {
    const store = await open(new IDBFactory());
    await expect(store.attempts.start('nobody', { id: 'aisle', hash: 'h' }, 'practice')).rejects.toThrow(
      "start: no trainee with id 'nobody'",
    );
    await expect(
      store.attempts.saveProgress('nope', { path: [], linesAfterLastChoice: 0, notes: [] }),
    ).rejects.toThrow("saveProgress: no attempt with id 'nope'");
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h' }, 'practice');
    await expect(
      store.attempts.saveProgress(a.id, { path: [1.5], linesAfterLastChoice: 0, notes: [] }),
    ).rejects.toThrow(/^saveProgress: path\[0\] should be a whole number$/);
  });

  it('resumes on the same story version only; a changed story keeps the attempt', async () => {
    const store = await open(new IDBFactory());
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'v1hash' }, 'practice');
    await store.attempts.saveProgress(a.id, { path: [2, 0], linesAfterLastChoice: 1, notes: [] });
    const [saved] = await store.attempts.inProgress(sam.profile.id, 'aisle');
    if (!saved) throw new Error('attempt lost');
    expect(resumeStatus(saved, 'v1hash')).toBe('resume');
    expect(resumeStatus(saved, 'v2hash')).toBe('story-changed');
    // Nothing was touched by asking.
    expect(await store.attempts.get(a.id)).toEqual(saved);
  });
});

describe('two pages on one attempt', () => {
  it('the page that claimed it last writes; the other is refused with a conflict, and nothing is overwritten', async () => {
    const store = await open(new IDBFactory());
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h' }, 'practice', 'tab-1');
    const step = (n: number) => ({ path: [n], linesAfterLastChoice: 1, notes: [] });
    await store.attempts.saveProgress(a.id, step(1), 'tab-1');
    await store.attempts.claim(a.id, 'tab-2');
    await store.attempts.saveProgress(a.id, step(2), 'tab-2');
    const refused = store.attempts.saveProgress(a.id, step(3), 'tab-1');
    await expect(refused).rejects.toBeInstanceOf(AttemptConflict);
    await expect(refused).rejects.toMatchObject({ reason: 'taken' });
    expect((await store.attempts.get(a.id))?.path).toEqual([2]);
    // Without a writer (older callers), saves still go through.
    await store.attempts.saveProgress(a.id, step(4));
    await store.attempts.finish(a.id, result, step(5), 'tab-2');
    await expect(store.attempts.saveProgress(a.id, step(6), 'tab-2')).rejects.toMatchObject({
      name: 'AttemptConflict',
      reason: 'closed',
    });
    expect(await store.attempts.get(a.id)).toMatchObject({ status: 'finished', path: [5], writer: 'tab-2' });
  });
});

describe('putIf: check and write in one transaction', () => {
  const backends = {
    memory: async () => new MemoryBackend(),
    indexeddb: async () => new IndexedDbBackend(await openIndexedDb(new IDBFactory(), DB, 5000)),
  };
  it.each(Object.keys(backends) as (keyof typeof backends)[])(
    '%s: writes what the change makes of the current record, or nothing when it refuses',
    async (kind) => {
      const b = await backends[kind]();
      await b.put('meta', { key: 'app', n: 1 });
      await b.putIf('meta', 'app', (current) => ({ ...(current as object), n: 2 }));
      expect(await b.get('meta', 'app')).toEqual({ key: 'app', n: 2 });
      const refusal = new Error('no');
      const attempt = b.putIf('meta', 'app', () => {
        throw refusal;
      });
      await expect(attempt).rejects.toBeInstanceOf(ChangeRefused);
      await expect(attempt).rejects.toMatchObject({ reason: refusal });
      expect(await b.get('meta', 'app')).toEqual({ key: 'app', n: 2 });
      // The connection still works after a refused change.
      await b.putIf('meta', 'app', () => ({ key: 'app', n: 3 }));
      expect(await b.get('meta', 'app')).toEqual({ key: 'app', n: 3 });
      b.close();
    },
  );

  it('a refused save is the caller’s conflict: the store stays on IndexedDB and says nothing', async () => {
    const store = await open(new IDBFactory());
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h' }, 'practice', 'tab-1');
    await store.attempts.claim(a.id, 'tab-2');
    await expect(
      store.attempts.saveProgress(a.id, { path: [1], linesAfterLastChoice: 0, notes: [] }, 'tab-1'),
    ).rejects.toBeInstanceOf(AttemptConflict);
    expect(store.durable).toBe(true);
    expect(store.warning).toBeUndefined();
  });
});

describe('migration and quarantine', () => {
  it('reads a v1 attempt as v2 (mode practice) and writes the upgrade back', async () => {
    const factory = new IDBFactory();
    await plant(factory, { profiles: [profileV2], attempts: [attemptV1] });
    const store = await open(factory);
    const attempt = await store.attempts.get('old-1');
    expect(attempt).toEqual({ ...attemptV1, schemaVersion: 2, mode: 'practice' });
    expect(store.problems).toEqual([]);
    store.close();
    const conn = await raw(factory);
    expect(await conn.get('attempts', 'old-1')).toMatchObject({ schemaVersion: 2, mode: 'practice' });
    conn.close();
  });

  it('moves corrupt records to quarantine with the reason and raw value, and reports them', async () => {
    const factory = new IDBFactory();
    const garbage = { id: 'junk', schemaVersion: 2, name: 42, createdAt: 'yesterday' };
    const noVersion = { id: 'x1', hello: 'world' };
    await plant(factory, { profiles: [profileV2, garbage], attempts: [noVersion] });
    const store = await open(factory);
    expect((await store.profiles.list()).map((p) => p.id)).toEqual(['p1']);
    expect(store.problems).toHaveLength(2);
    expect(store.problems[0]).toMatchObject({ store: 'profiles', key: 'junk', reason: /^name: / });
    expect(store.problems[0]?.message).toMatch(
      /^A saved trainee profile could not be read, so it was set aside and kept; nothing was deleted\.$/,
    );
    expect(store.problems[1]).toMatchObject({
      store: 'attempts',
      key: 'x1',
      reason: /no valid schemaVersion/,
    });
    const kept = await store.quarantined();
    expect(kept).toEqual([
      expect.objectContaining({
        store: 'profiles',
        key: 'junk',
        raw: garbage,
        kind: 'invalid',
        at: expect.any(String),
      }),
      expect.objectContaining({ store: 'attempts', key: 'x1', raw: noVersion, kind: 'invalid' }),
    ]);
    store.close();
    // Really in IndexedDB's quarantine store, and out of the way of the game.
    const conn = await raw(factory);
    expect(await conn.get('profiles', 'junk')).toBeUndefined();
    expect((await conn.all('quarantine')).map((q) => (q as { raw: unknown }).raw)).toEqual([
      garbage,
      noVersion,
    ]);
    conn.close();
    // Nothing is reported twice: a reopen finds a clean store and the quarantine still there.
    const again = await open(factory);
    expect(again.problems).toEqual([]);
    expect(await again.quarantined()).toHaveLength(2);
  });

  it('validates on every read, not only on open', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h' }, 'practice');
    const changes: number[] = [];
    store.onChange(() => changes.push(store.problems.length));
    // Something else scribbles over the attempt while the game is running.
    const conn = await raw(factory);
    await conn.put('attempts', { ...a, path: 'oops' });
    conn.close();
    expect(await store.attempts.inProgress(sam.profile.id)).toEqual([]);
    expect(store.problems).toMatchObject([{ store: 'attempts', key: a.id, reason: /^path: / }]);
    expect(changes).toEqual([1]);
  });

  it('quarantines a record from a newer version, and gives it back when a version that reads it opens', async () => {
    const factory = new IDBFactory();
    const future = { ...attemptV1, id: 'future', schemaVersion: 3, mode: 'coached' };
    await plant(factory, { profiles: [profileV2], attempts: [future] });
    const store = await open(factory);
    expect(await store.attempts.forProfile('p1')).toEqual([]);
    expect(store.problems).toEqual([
      expect.objectContaining({
        key: 'future',
        reason: 'written by a newer version of the game (record version 3; this version reads up to 2)',
        message:
          'A saved attempt was saved by a newer version of the game, so it was set aside; update the game to see it again.',
      }),
    ]);
    expect(await store.quarantined()).toEqual([
      expect.objectContaining({ kind: 'newer-version', raw: future }),
    ]);
    store.close();

    // An older tab set aside a v2 record it could not read; this version can, and puts it back.
    const later = new IDBFactory();
    await plant(later, {
      profiles: [profileV2],
      quarantine: [
        {
          store: 'attempts',
          key: 'from-v2',
          reason: 'written by a newer version of the game',
          kind: 'newer-version',
          raw: { ...attemptV1, id: 'from-v2', schemaVersion: 2, mode: 'assessment' },
          at,
        },
      ],
    });
    const current = await open(later);
    expect(await current.attempts.get('from-v2')).toMatchObject({ mode: 'assessment' });
    expect(await current.quarantined()).toEqual([]);
  });
});

describe('when the browser will not save', () => {
  const usable = async (store: Awaited<ReturnType<typeof open>>) => {
    const sam = await store.profiles.create('Sam');
    if (!sam.ok) throw new Error(sam.message);
    const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h' }, 'practice');
    await store.attempts.saveProgress(a.id, { path: [1], linesAfterLastChoice: 2, notes: [] });
    expect(await store.attempts.inProgress(sam.profile.id)).toMatchObject([
      { path: [1], linesAfterLastChoice: 2 },
    ]);
  };

  it('has no IndexedDB at all: works in memory and says so', async () => {
    const store = await open(null);
    expect(store.durable).toBe(false);
    expect(store.warning).toBe(FALLBACK_WARNING);
    expect(store.warning).toBe(
      'Your progress is kept only until you close this tab: this browser is not letting the game save.',
    );
    expect(store.fallback?.reason).toBe('no-indexeddb');
    expect(await store.persistence).toBe('unsupported');
    await usable(store);
  });

  it('uses globalThis.indexedDB by default, and falls back when there is none (as in Node)', async () => {
    const store = await openStore({ askPersistence: false });
    expect(store).toMatchObject({ durable: false, warning: FALLBACK_WARNING });
  });

  it('open throws, or never answers, or the data was upgraded by a newer game: memory, with the reason', async () => {
    const throwing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const a = await open(throwing);
    expect(a).toMatchObject({
      durable: false,
      warning: FALLBACK_WARNING,
      fallback: { reason: 'open-failed' },
    });
    await usable(a);

    const silent = { open: () => ({}) } as unknown as IDBFactory;
    const b = await open(silent, { openTimeoutMs: 20 });
    expect(b.fallback?.reason).toBe('timeout');

    const factory = new IDBFactory();
    const newer = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open(DB, 7);
      req.onsuccess = () => resolve(req.result);
    });
    newer.close();
    const c = await open(factory);
    expect(c.fallback).toEqual({
      reason: 'newer-database',
      detail: 'a newer version of the game has already updated the saved data',
    });
    await usable(c);
  });

  for (const how of ['throw', 'abort'] as const) {
    it(`quota exceeded on write (${how}): the data stays in memory, the warning is set, nothing throws`, async () => {
      const { factory, failing } = quotaFactory(new IDBFactory(), how);
      const store = await open(factory);
      const sam = await store.profiles.create('Sam');
      if (!sam.ok) throw new Error(sam.message);
      const a = await store.attempts.start(sam.profile.id, { id: 'aisle', hash: 'h' }, 'practice');
      const seen: (string | undefined)[] = [];
      store.onChange(() => seen.push(store.warning));
      failing.on = true;
      const saved = await store.attempts.saveProgress(a.id, {
        path: [2],
        linesAfterLastChoice: 1,
        notes: [],
      });
      expect(saved.path).toEqual([2]);
      expect(store.durable).toBe(false);
      expect(store.warning).toBe(FALLBACK_WARNING);
      expect(store.fallback?.reason).toBe('quota');
      expect(seen).toEqual([FALLBACK_WARNING]);
      // What was saved before and what came after are both there.
      expect(await store.attempts.get(a.id)).toMatchObject({ path: [2], linesAfterLastChoice: 1 });
      expect(await store.profiles.list()).toMatchObject([{ name: 'Sam' }]);
      await store.attempts.finish(a.id, result);
      expect(await store.attempts.forProfile(sam.profile.id)).toMatchObject([{ status: 'finished', result }]);
      // Nothing half-written reached the disk.
      const conn = await raw(factory);
      expect(await conn.get('attempts', a.id)).toMatchObject({ path: [] });
      conn.close();
    });
  }

  it('carries on in memory when another tab upgrades the database', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    await store.profiles.create('Sam');
    const upgraded = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open(DB, DB_VERSION + 1);
      req.onsuccess = () => resolve(req.result);
    });
    upgraded.close();
    expect(store).toMatchObject({
      durable: false,
      warning: FALLBACK_WARNING,
      fallback: { reason: 'closed' },
    });
    expect(await store.profiles.list()).toMatchObject([{ name: 'Sam' }]);
    expect(await store.profiles.create('Ana')).toMatchObject({ ok: true });
  });
});

describe('persistent storage', () => {
  it('asks, and reports the answer', async () => {
    const asked: string[] = [];
    const storage = (persisted: boolean, grant: boolean) => ({
      persisted: async () => {
        asked.push('persisted');
        return persisted;
      },
      persist: async () => {
        asked.push('persist');
        return grant;
      },
    });
    const granted = await openStore({ indexedDB: new IDBFactory(), name: DB, storage: storage(false, true) });
    expect(await granted.persistence).toBe('granted');
    const denied = await openStore({ indexedDB: new IDBFactory(), name: DB, storage: storage(false, false) });
    expect(await denied.persistence).toBe('denied');
    asked.length = 0;
    const already = await openStore({ indexedDB: new IDBFactory(), name: DB, storage: storage(true, false) });
    expect(await already.persistence).toBe('granted');
    expect(asked).toEqual(['persisted']);
    const none = await openStore({ indexedDB: new IDBFactory(), name: DB, storage: null });
    expect(await none.persistence).toBe('unsupported');
    const broken = await openStore({
      indexedDB: new IDBFactory(),
      name: DB,
      storage: { persisted: async () => false, persist: () => Promise.reject(new Error('nope')) },
    });
    expect(await broken.persistence).toBe('unsupported');
  });
});
