import { describe, expect, it } from 'vitest';
import {
  checkName,
  formatPath,
  readRecord,
  SCHEMA_VERSION,
  SNAPSHOT_JSON_MAX,
} from '../../src/storage/schema.ts';

const at = '2025-03-14T09:00:00.000Z';
const v1Attempt = {
  schemaVersion: 1,
  id: 'a1',
  profileId: 'p1',
  storyId: 'aisle',
  storyHash: 'abc123',
  startedAt: at,
  updatedAt: at,
  status: 'in-progress',
  path: [0, 2],
  linesAfterLastChoice: 3,
  notes: [],
};

describe('record versions', () => {
  it('is at version 2', () => expect(SCHEMA_VERSION).toBe(2));

  it('migrates a v1 attempt (no mode) to a v2 practice attempt', () => {
    const r = readRecord('attempt', v1Attempt);
    expect(r).toEqual({
      ok: true,
      migratedFrom: 1,
      value: { ...v1Attempt, schemaVersion: 2, mode: 'practice' },
    });
  });

  it('says what is wrong with an invalid old record, with its version', () => {
    const r = readRecord('attempt', { ...v1Attempt, path: [0, -1] });
    expect(r).toMatchObject({ ok: false, newer: false });
    if (!r.ok) expect(r.reason).toBe('version 1 attempt: path[1] is below the least allowed (0)');
  });

  it('refuses a record from a newer version without guessing', () => {
    const r = readRecord('attempt', { ...v1Attempt, schemaVersion: 3, mode: 'coached' });
    expect(r).toEqual({
      ok: false,
      newer: true,
      reason: 'written by a newer version of the game (record version 3; this version reads up to 2)',
    });
  });

  it('refuses garbage', () => {
    expect(readRecord('profile', 'hello')).toMatchObject({
      ok: false,
      reason: 'not a saved profile (string)',
    });
    expect(readRecord('profile', { id: 'x' })).toMatchObject({ ok: false, reason: /no valid schemaVersion/ });
    expect(readRecord('profile', { schemaVersion: 2, id: 'x', name: 42, createdAt: at })).toMatchObject({
      ok: false,
      reason: /^name: /,
    });
  });

  it('requires a result on a finished attempt', () => {
    const r = readRecord('attempt', {
      ...v1Attempt,
      schemaVersion: 2,
      mode: 'assessment',
      status: 'finished',
    });
    expect(r).toMatchObject({ ok: false, reason: 'result: a finished attempt needs a result' });
  });

  it('formats paths the way people read them', () => {
    expect(formatPath(['attempts', 2, 'result', 'percent', 'de'])).toBe('attempts[2].result.percent.de');
    expect(formatPath([])).toBe('');
  });
});

describe('trainee names', () => {
  it('trims and tidies', () => {
    expect(checkName('  Sam \n Okafor\t', [])).toEqual({ ok: true, name: 'Sam Okafor' });
  });
  it('needs 1–40 characters', () => {
    expect(checkName('   ', [])).toEqual({ ok: false, message: 'Enter a name.' });
    expect(checkName('x'.repeat(40), [])).toMatchObject({ ok: true });
    expect(checkName('x'.repeat(41), [])).toEqual({
      ok: false,
      message: 'A name can be at most 40 characters; this one has 41.',
    });
    // Counted in characters a person sees, not UTF-16 units.
    expect(checkName('😀'.repeat(40), [])).toMatchObject({ ok: true });
  });
  it('is unique ignoring case', () => {
    expect(checkName('sam okafor', ['Sam Okafor'])).toEqual({
      ok: false,
      message: 'There is already a trainee called “Sam Okafor”.',
    });
    expect(checkName('José', ['Jose'])).toMatchObject({ ok: true });
  });
});

describe('snapshot and cohort records', () => {
  const snapshot = {
    schemaVersion: 2,
    hash: 'abc123',
    storyId: 'aisle',
    title: 'The aisle',
    json: '{"inkVersion":21}',
    bounds: { best: { de: 3, own: 2, res: 1 }, worst: { de: -2, own: 0, res: 0 } },
    endings: ['Served'],
    savedAt: at,
  };
  const cohort = {
    schemaVersion: 2,
    key: 'current',
    updatedAt: at,
    cohort: { trainees: [{ trainee: { id: 'p1', name: 'Sam' }, attempts: [], exportedAt: at }] },
  };

  it('reads current ones as they are', () => {
    expect(readRecord('snapshot', snapshot)).toEqual({ ok: true, value: snapshot });
    expect(readRecord('cohort', cohort)).toEqual({ ok: true, value: cohort });
  });

  it('keeps score bounds in the engine’s shape: best and worst, each with every axis', () => {
    const r = readRecord('snapshot', {
      ...snapshot,
      bounds: { best: { de: 3, own: 2 }, worst: snapshot.bounds.worst },
    });
    expect(r).toMatchObject({ ok: false, reason: /^bounds\.best\.res: / });
  });

  it('has no older versions to migrate from', () => {
    expect(readRecord('snapshot', { ...snapshot, schemaVersion: 1 })).toEqual({
      ok: false,
      newer: false,
      reason: 'no migration from snapshot version 1',
    });
    expect(readRecord('cohort', { ...cohort, schemaVersion: 1 })).toEqual({
      ok: false,
      newer: false,
      reason: 'no migration from cohort version 1',
    });
    expect(readRecord('cohort', { ...cohort, schemaVersion: 3 })).toMatchObject({ ok: false, newer: true });
  });

  it('refuses a snapshot over the size limit', () => {
    const r = readRecord('snapshot', { ...snapshot, json: 'x'.repeat(SNAPSHOT_JSON_MAX + 1) });
    expect(r).toMatchObject({ ok: false, reason: /^json: / });
    expect(readRecord('snapshot', { ...snapshot, json: 'x'.repeat(SNAPSHOT_JSON_MAX) })).toMatchObject({
      ok: true,
    });
  });
});
