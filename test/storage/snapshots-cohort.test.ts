/**
 * The two kinds of record added with IndexedDB layout version 2: snapshots of the story version an
 * attempt was played on, and the trainer dashboard's imported cohort.
 */
import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../src/storage/backends.ts';
import { FALLBACK_WARNING, StorageError, type Store } from '../../src/storage/db.ts';
import type { Cohort, ExportedAttempt } from '../../src/storage/exchange.ts';
import type { SnapshotInput } from '../../src/storage/schema.ts';
import { DB, IDBFactory, open, plant, plantV1, quotaFactory, raw } from './helpers.ts';

const at = '2025-03-01T08:00:00.000Z';

const snapshot: SnapshotInput = {
  hash: '357d4116ec50',
  storyId: 'aisle',
  title: 'The aisle',
  // As inklecate writes it: a byte-order mark, then JSON with text a trainee reads.
  json: '\uFEFF{"inkVersion":21,"root":[["^Sorry — “the” shelf is empty.","\\n",["done",null]]]}',
  bounds: { best: { de: 6, own: 4, res: 3 }, worst: { de: -5, own: -2, res: 0 } },
  endings: ['Shopper served, shelf done', 'Shopper walks out'],
};

const exported = (id: string, finishedAt: string): ExportedAttempt => ({
  id,
  storyId: 'aisle',
  storyHash: '357d4116ec50',
  mode: 'assessment',
  startedAt: at,
  finishedAt,
  path: [1, 0, 2],
  notes: [{ step: 2, facts: ['order'], text: 'Order #123, “late”' }],
  result: {
    ending: 'Shopper served, shelf done',
    resolved: true,
    score: { de: 4, own: 3, res: 2 },
    percent: { de: 67, own: 75, res: 67 },
    seconds: 240,
    passed: true,
  },
});

const cohort: Cohort = {
  trainees: [
    {
      trainee: { id: 'p1', name: 'Sam Okafor' },
      attempts: [exported('a1', '2025-03-02T10:00:00.000Z'), exported('a2', '2025-03-03T10:00:00.000Z')],
      exportedAt: '2025-03-04T09:00:00.000Z',
    },
    { trainee: { id: 'p2', name: 'José' }, attempts: [], exportedAt: '2025-03-05T09:00:00.000Z' },
  ],
};

const cohortRecord = (value: unknown, schemaVersion = 2) => ({
  schemaVersion,
  key: 'current',
  updatedAt: at,
  cohort: value,
});

describe('story snapshots', () => {
  it('keeps a story version and gives it back exactly, also after a reopen', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    expect(await store.snapshots.get(snapshot.hash)).toBeUndefined();
    await store.snapshots.keep(snapshot);
    const kept = await store.snapshots.get(snapshot.hash);
    expect(kept).toEqual({ ...snapshot, schemaVersion: 2, savedAt: expect.any(String) });
    expect(kept?.json).toBe(snapshot.json);
    store.close();
    const again = await open(factory);
    expect(await again.snapshots.get(snapshot.hash)).toEqual(kept);
    expect(await again.snapshots.get('another-hash')).toBeUndefined();
    expect(again.problems).toEqual([]);
  });

  it('writes nothing when that hash is already kept', async () => {
    const { factory, failing } = quotaFactory(new IDBFactory());
    const store = await open(factory);
    await store.snapshots.keep(snapshot);
    const first = await store.snapshots.get(snapshot.hash);
    // Any write now would fail and send the store to memory: keeping the same hash must not write.
    failing.on = true;
    await store.snapshots.keep({ ...snapshot, title: 'Renamed since', endings: [] });
    expect(store.durable).toBe(true);
    expect(store.fallback).toBeUndefined();
    expect(await store.snapshots.get(snapshot.hash)).toEqual(first);
    // A new hash is a new version, and is written (here: refused, so kept in memory instead).
    await store.snapshots.keep({ ...snapshot, hash: 'v2hash' });
    expect(store.durable).toBe(false);
    expect(await store.snapshots.get('v2hash')).toMatchObject({ hash: 'v2hash', title: 'The aisle' });
  });

  it('refuses a snapshot that is not one, saying what is wrong', async () => {
    const store = await open(new IDBFactory());
    await expect(store.snapshots.keep({ ...snapshot, json: '' })).rejects.toThrow(StorageError);
    await expect(store.snapshots.keep({ ...snapshot, json: '' })).rejects.toThrow(/^keep: json is empty$/);
    const flatBounds = { de: { best: 1, worst: 0 }, own: { best: 1, worst: 0 }, res: { best: 1, worst: 0 } };
    await expect(
      store.snapshots.keep({ ...snapshot, bounds: flatBounds as unknown as SnapshotInput['bounds'] }),
    ).rejects.toThrow(/^keep: bounds\.best is missing$/);
    expect(await store.snapshots.get(snapshot.hash)).toBeUndefined();
    expect(store.durable).toBe(true);
  });

  it('sets a corrupt snapshot aside when it is read (not deleted), and can keep a good copy again', async () => {
    const factory = new IDBFactory();
    const corrupt = { ...snapshot, schemaVersion: 2, savedAt: at, json: 42 };
    await plant(factory, { snapshots: [corrupt] });
    const store = await open(factory);
    // Snapshots are validated when read, not on open (each can be megabytes).
    expect(store.problems).toEqual([]);
    expect(await store.snapshots.get(snapshot.hash)).toBeUndefined();
    expect(store.problems).toEqual([
      expect.objectContaining({
        store: 'snapshots',
        key: snapshot.hash,
        reason: 'json should be text',
      }),
    ]);
    expect(store.problems[0]?.message).toMatch(
      /^A saved copy of a scenario could not be read, so it was set aside and kept; nothing was deleted\.$/,
    );
    expect(await store.quarantined()).toEqual([
      expect.objectContaining({ store: 'snapshots', key: snapshot.hash, kind: 'invalid', raw: corrupt }),
    ]);
    await store.snapshots.keep(snapshot);
    expect(await store.snapshots.get(snapshot.hash)).toMatchObject({ json: snapshot.json });
    store.close();
    const conn = await raw(factory);
    expect(await conn.get('snapshots', snapshot.hash)).toMatchObject({ json: snapshot.json });
    expect(await conn.all('quarantine')).toEqual([expect.objectContaining({ raw: corrupt })]);
    conn.close();
  });

  it('has no older versions: a version 1 snapshot is unreadable and set aside', async () => {
    const factory = new IDBFactory();
    const old = { ...snapshot, schemaVersion: 1, savedAt: at };
    await plant(factory, { snapshots: [old] });
    const store = await open(factory);
    expect(await store.snapshots.get(snapshot.hash)).toBeUndefined();
    expect(store.problems).toMatchObject([
      { store: 'snapshots', reason: 'no migration from snapshot version 1' },
    ]);
    expect(await store.quarantined()).toMatchObject([{ kind: 'invalid', raw: old }]);
  });
});

describe("the trainer's cohort", () => {
  it('is empty until saved, then loads back exactly, also after a reopen; clear forgets it', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    expect(await store.cohort.load()).toEqual({ trainees: [] });
    await store.cohort.save(cohort);
    expect(await store.cohort.load()).toEqual(cohort);
    store.close();
    const again = await open(factory);
    expect(await again.cohort.load()).toEqual(cohort);
    const conn = await raw(factory);
    expect(await conn.get('cohort', 'current')).toEqual({
      schemaVersion: 2,
      key: 'current',
      updatedAt: expect.any(String),
      cohort,
    });
    conn.close();
    await again.cohort.clear();
    expect(await again.cohort.load()).toEqual({ trainees: [] });
    again.close();
    const third = await open(factory);
    expect(await third.cohort.load()).toEqual({ trainees: [] });
    expect(third.problems).toEqual([]);
  });

  it('refuses to save a cohort that is not one', async () => {
    const store = await open(new IDBFactory());
    const bad = { trainees: [{ ...cohort.trainees[0], exportedAt: 'last week' }] } as Cohort;
    await expect(store.cohort.save(bad)).rejects.toThrow(
      /^save: cohort\.trainees\[0\]\.exportedAt is not a date and time$/,
    );
    expect(await store.cohort.load()).toEqual({ trainees: [] });
  });

  it('sets a corrupt cohort aside on open with a plain message, and loads an empty one', async () => {
    const factory = new IDBFactory();
    const corrupt = cohortRecord({ trainees: [{ trainee: { id: 'p1' }, attempts: [], exportedAt: at }] });
    await plant(factory, { cohort: [corrupt] });
    const store = await open(factory);
    expect(store.problems).toEqual([
      expect.objectContaining({
        store: 'cohort',
        key: 'current',
        reason: 'cohort.trainees[0].trainee.name is missing',
        message: expect.stringMatching(
          /^The trainer dashboard's imported results could not be read, so they were set aside and kept; nothing was deleted\.$/,
        ),
      }),
    ]);
    expect(await store.cohort.load()).toEqual({ trainees: [] });
    expect(await store.quarantined()).toEqual([
      expect.objectContaining({ store: 'cohort', key: 'current', kind: 'invalid', raw: corrupt }),
    ]);
    store.close();
    const conn = await raw(factory);
    expect(await conn.get('cohort', 'current')).toBeUndefined();
    expect(await conn.all('quarantine')).toEqual([expect.objectContaining({ raw: corrupt })]);
    conn.close();
  });

  it('sets aside a cohort spoiled while the game runs, when it is next loaded', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    await store.cohort.save(cohort);
    const conn = await raw(factory);
    await conn.put('cohort', cohortRecord('not a cohort'));
    conn.close();
    expect(await store.cohort.load()).toEqual({ trainees: [] });
    expect(store.problems).toMatchObject([{ store: 'cohort', reason: /^cohort: / }]);
    expect(await store.quarantined()).toMatchObject([{ raw: cohortRecord('not a cohort') }]);
  });

  it('sets aside a cohort saved by a newer version of the game, and saving afterwards still works', async () => {
    const factory = new IDBFactory();
    const future = cohortRecord({ trainees: [], groups: ['north'] }, 3);
    await plant(factory, { cohort: [future] });
    const store = await open(factory);
    expect(await store.cohort.load()).toEqual({ trainees: [] });
    expect(store.problems).toEqual([
      expect.objectContaining({
        store: 'cohort',
        reason: 'written by a newer version of the game (record version 3; this version reads up to 2)',
        message:
          "The trainer dashboard's imported results were saved by a newer version of the game, so they were set aside; update the game to see them again.",
      }),
    ]);
    expect(await store.quarantined()).toEqual([
      expect.objectContaining({ store: 'cohort', kind: 'newer-version', raw: future }),
    ]);
    await store.cohort.save(cohort);
    expect(await store.cohort.load()).toEqual(cohort);
  });
});

describe('database layout version 2', () => {
  it('opens a version 1 database with all its data, and adds the new stores', async () => {
    const factory = new IDBFactory();
    const profile = { schemaVersion: 2, id: 'p1', name: 'Sam', createdAt: at };
    const attempt = {
      schemaVersion: 1,
      id: 'a1',
      profileId: 'p1',
      storyId: 'aisle',
      storyHash: 'h1',
      startedAt: at,
      updatedAt: at,
      status: 'in-progress',
      path: [2, 0],
      linesAfterLastChoice: 1,
      notes: [],
    };
    const meta = { schemaVersion: 1, key: 'app', createdAt: at, lastProfileId: 'p1' };
    const setAside = {
      store: 'profiles',
      key: 'junk',
      reason: 'name: expected string',
      kind: 'invalid',
      raw: { id: 'junk' },
      at,
    };
    await plantV1(factory, {
      profiles: [profile],
      attempts: [attempt],
      meta: [meta],
      quarantine: [setAside],
    });

    const store = await open(factory);
    expect(store.durable).toBe(true);
    expect(store.problems).toEqual([]);
    expect(await store.profiles.list()).toEqual([profile]);
    expect((await store.profiles.lastUsed())?.id).toBe('p1');
    expect(await store.attempts.inProgress('p1', 'aisle')).toEqual([
      { ...attempt, schemaVersion: 2, mode: 'practice' },
    ]);
    expect(await store.quarantined()).toEqual([setAside]);
    await store.snapshots.keep(snapshot);
    await store.cohort.save(cohort);
    store.close();

    const conn = await raw(factory);
    expect(conn.db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(2);
    expect([...conn.db.objectStoreNames].sort()).toEqual([
      'attempts',
      'cohort',
      'meta',
      'profiles',
      'quarantine',
      'snapshots',
    ]);
    const index = conn.db.transaction('attempts').objectStore('attempts').indexNames;
    expect([...index].sort()).toEqual(['profileId', 'storyId']);
    expect(await conn.get('snapshots', snapshot.hash)).toMatchObject({ hash: snapshot.hash });
    expect(await conn.get('cohort', 'current')).toMatchObject({ cohort });
    conn.close();
  });

  it('creates every store in a new database', async () => {
    const factory = new IDBFactory();
    (await open(factory)).close();
    const conn = await raw(factory, DB);
    expect([...conn.db.objectStoreNames].sort()).toEqual([
      'attempts',
      'cohort',
      'meta',
      'profiles',
      'quarantine',
      'snapshots',
    ]);
    conn.close();
  });
});

describe('snapshots and the cohort when the browser will not save', () => {
  const usable = async (store: Store) => {
    await store.snapshots.keep(snapshot);
    await store.snapshots.keep({ ...snapshot, title: 'ignored' });
    expect(await store.snapshots.get(snapshot.hash)).toMatchObject({
      title: 'The aisle',
      json: snapshot.json,
    });
    await store.cohort.save(cohort);
    expect(await store.cohort.load()).toEqual(cohort);
    await store.cohort.clear();
    expect(await store.cohort.load()).toEqual({ trainees: [] });
  };

  it('has no IndexedDB at all: both work in memory', async () => {
    const store = await open(null);
    expect(store).toMatchObject({
      durable: false,
      warning: FALLBACK_WARNING,
      fallback: { reason: 'no-indexeddb' },
    });
    await usable(store);
  });

  for (const how of ['throw', 'abort'] as const) {
    it(`quota exceeded while keeping a snapshot (${how}): memory, with the warning, and everything still there`, async () => {
      const { factory, failing } = quotaFactory(new IDBFactory(), how);
      const store = await open(factory);
      const sam = await store.profiles.create('Sam');
      if (!sam.ok) throw new Error(sam.message);
      await store.cohort.save(cohort);
      await store.snapshots.keep({ ...snapshot, hash: 'older' });
      const seen: (string | undefined)[] = [];
      store.onChange(() => seen.push(store.warning));
      failing.on = true;
      await expect(store.snapshots.keep(snapshot)).resolves.toBeUndefined();
      expect(store.durable).toBe(false);
      expect(store.warning).toBe(FALLBACK_WARNING);
      expect(store.fallback?.reason).toBe('quota');
      expect(seen).toEqual([FALLBACK_WARNING]);
      // The new snapshot, and everything saved before, are in memory.
      expect(await store.snapshots.get(snapshot.hash)).toMatchObject({ json: snapshot.json });
      expect(await store.snapshots.get('older')).toMatchObject({ hash: 'older' });
      expect(await store.cohort.load()).toEqual(cohort);
      expect(await store.profiles.list()).toMatchObject([{ name: 'Sam' }]);
      // And it keeps working.
      await store.cohort.save({ trainees: [] });
      expect(await store.cohort.load()).toEqual({ trainees: [] });
      await store.attempts.start(sam.profile.id, { id: 'aisle', hash: snapshot.hash }, 'practice');
      expect(await store.attempts.forProfile(sam.profile.id)).toHaveLength(1);
      // Nothing of the refused write reached the disk.
      const conn = await raw(factory);
      expect(await conn.get('snapshots', snapshot.hash)).toBeUndefined();
      expect(await conn.get('cohort', 'current')).toMatchObject({ cohort });
      conn.close();
    });
  }
});
