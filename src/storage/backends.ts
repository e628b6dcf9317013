/**
 * Where records physically live: IndexedDB (through `idb`) or, when the browser will not let the
 * game save, plain memory. Both hold raw, unvalidated values; `db.ts` validates everything it reads.
 */
import { type DBSchema, type IDBPDatabase, wrap } from 'idb';

/** Every store of records, in the order `dump` lists them. */
export const DATA_STORES = ['profiles', 'attempts', 'meta', 'snapshots', 'cohort'] as const;
export type DataStore = (typeof DATA_STORES)[number];
export type StoreName = DataStore | 'quarantine';
export type AttemptIndex = 'profileId' | 'storyId';

/** A record set aside because it could not be read. Never deleted by the game. */
export interface QuarantineEntry {
  store: DataStore;
  key: IDBValidKey;
  reason: string;
  /** Unreadable, or written by a newer version of the game (which may read it again). */
  kind: 'invalid' | 'newer-version';
  raw: unknown;
  at: string;
}

export interface Row {
  key: IDBValidKey;
  value: unknown;
}

export type Dump = Record<DataStore, Row[]> & {
  quarantine: { key: number; value: QuarantineEntry }[];
};

export interface Backend {
  readonly kind: 'indexeddb' | 'memory';
  get(store: DataStore, key: IDBValidKey): Promise<unknown>;
  getAll(store: DataStore, index?: { name: AttemptIndex; value: string }): Promise<Row[]>;
  put(store: DataStore, value: unknown): Promise<void>;
  /**
   * Reads a record and writes what `change` makes of it, in one transaction: no other page's write
   * can land in between. `change` runs synchronously; if it throws, nothing is written and the
   * error comes back as it was thrown.
   */
  putIf(store: DataStore, key: IDBValidKey, change: (current: unknown) => unknown): Promise<void>;
  /** Deletes all of them, or none. */
  deleteMany(items: readonly { store: DataStore; key: IDBValidKey }[]): Promise<void>;
  /** Moves records to quarantine: each is added there and removed from its store, together. */
  quarantine(entries: readonly QuarantineEntry[]): Promise<void>;
  quarantined(): Promise<{ key: number; value: QuarantineEntry }[]>;
  /** Puts a quarantined record back in its store (when a newer version of the game can read it). */
  release(quarantineKey: number, store: DataStore, value: unknown): Promise<void>;
  dump(): Promise<Dump>;
  close(): void;
}

export const KEY_PATHS: Record<DataStore, string> = {
  profiles: 'id',
  attempts: 'id',
  meta: 'key',
  snapshots: 'hash',
  cohort: 'key',
};

interface Schema extends DBSchema {
  profiles: { key: string; value: unknown };
  attempts: { key: string; value: unknown; indexes: { profileId: string; storyId: string } };
  meta: { key: string; value: unknown };
  snapshots: { key: string; value: unknown };
  cohort: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantineEntry };
}

/**
 * The IndexedDB layout version (object stores and indexes), not the records' schema version.
 * 1: profiles, attempts (indexed by profileId and storyId), meta, quarantine. 2: snapshots, cohort.
 */
export const DB_VERSION = 2;

export type OpenFailure = 'no-indexeddb' | 'blocked' | 'timeout' | 'newer-database' | 'open-failed';

export class OpenError extends Error {
  override name = 'OpenError';
  constructor(
    readonly failure: OpenFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Opens (creating or upgrading) the database. Rejects with an OpenError when the browser says no,
 * when another tab blocks the upgrade for longer than `timeoutMs`, or when it never answers.
 */
export function openIndexedDb(
  factory: IDBFactory,
  name: string,
  timeoutMs: number,
): Promise<IDBPDatabase<Schema>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let blocked = false;
    const fail = (failure: OpenFailure, message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new OpenError(failure, message));
    };
    const timer = setTimeout(
      () =>
        fail(
          blocked ? 'blocked' : 'timeout',
          blocked ? 'another tab of the game is holding the saved data open' : 'the browser did not answer',
        ),
      timeoutMs,
    );
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (e) {
      fail('open-failed', errorText(e));
      return;
    }
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 1) {
        db.createObjectStore('profiles', { keyPath: KEY_PATHS.profiles });
        const attempts = db.createObjectStore('attempts', { keyPath: KEY_PATHS.attempts });
        attempts.createIndex('profileId', 'profileId');
        attempts.createIndex('storyId', 'storyId');
        db.createObjectStore('meta', { keyPath: KEY_PATHS.meta });
        db.createObjectStore('quarantine', { autoIncrement: true });
      }
      if (event.oldVersion < 2) {
        // Only adds stores: everything already saved under version 1 stays as it is.
        db.createObjectStore('snapshots', { keyPath: KEY_PATHS.snapshots });
        db.createObjectStore('cohort', { keyPath: KEY_PATHS.cohort });
      }
    };
    request.onblocked = () => {
      blocked = true;
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        // We already gave up and fell back to memory: do not hold the database open for nothing.
        db.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      try {
        resolve(wrap(db) as unknown as IDBPDatabase<Schema>);
      } catch (e) {
        db.close();
        reject(new OpenError('open-failed', errorText(e)));
      }
    };
    request.onerror = (event) => {
      event.preventDefault();
      const error = request.error;
      if (error?.name === 'VersionError') {
        fail('newer-database', 'a newer version of the game has already updated the saved data');
      } else fail('open-failed', errorText(error));
    };
  });
}

/** `putIf`'s `change` refused (the caller's own rule, not storage failing): carries its error. */
export class ChangeRefused extends Error {
  override name = 'ChangeRefused';
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const { name, message } = e as { name?: string; message?: string };
    return [name, message].filter(Boolean).join(': ') || 'unknown error';
  }
  return String(e);
}

export class IndexedDbBackend implements Backend {
  readonly kind = 'indexeddb';
  constructor(readonly db: IDBPDatabase<Schema>) {}

  async get(store: DataStore, key: IDBValidKey): Promise<unknown> {
    return this.db.get(store, key as string);
  }

  async getAll(store: DataStore, index?: { name: AttemptIndex; value: string }): Promise<Row[]> {
    if (index) {
      const tx = this.db.transaction('attempts');
      const idx = tx.store.index(index.name);
      const [keys, values] = await Promise.all([
        idx.getAllKeys(index.value),
        idx.getAll(index.value),
        tx.done,
      ]);
      return keys.map((key, i) => ({ key, value: values[i] }));
    }
    const tx = this.db.transaction(store);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return keys.map((key, i) => ({ key, value: values[i] }));
  }

  async put(store: DataStore, value: unknown): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    await commit(tx, () => [tx.store.put(value)]);
  }

  async putIf(store: DataStore, key: IDBValidKey, change: (current: unknown) => unknown): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    let next: unknown;
    try {
      next = change(await tx.store.get(key as string));
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
      await tx.done.catch(() => undefined);
      throw new ChangeRefused(e);
    }
    await commit(tx, () => [tx.store.put(next)]);
  }

  async deleteMany(items: readonly { store: DataStore; key: IDBValidKey }[]): Promise<void> {
    if (!items.length) return;
    const names = [...new Set(items.map((i) => i.store))];
    const tx = this.db.transaction(names, 'readwrite');
    await commit(tx, () => items.map((i) => tx.objectStore(i.store).delete(i.key as string)));
  }

  async quarantine(entries: readonly QuarantineEntry[]): Promise<void> {
    if (!entries.length) return;
    const names = [...new Set(entries.map((e) => e.store)), 'quarantine' as const];
    const tx = this.db.transaction(names, 'readwrite');
    const q = tx.objectStore('quarantine');
    await commit(tx, () =>
      entries.flatMap((e) => [q.add(e), tx.objectStore(e.store).delete(e.key as string)]),
    );
  }

  async quarantined(): Promise<{ key: number; value: QuarantineEntry }[]> {
    const tx = this.db.transaction('quarantine');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return keys.map((key, i) => ({ key, value: values[i] as QuarantineEntry }));
  }

  async release(quarantineKey: number, store: DataStore, value: unknown): Promise<void> {
    const tx = this.db.transaction([store, 'quarantine'], 'readwrite');
    await commit(tx, () => [
      tx.objectStore(store).add(value),
      tx.objectStore('quarantine').delete(quarantineKey),
    ]);
  }

  async dump(): Promise<Dump> {
    const [quarantine, ...rows] = await Promise.all([
      this.quarantined(),
      ...DATA_STORES.map((store) => this.getAll(store)),
    ]);
    return dumpOf(rows, quarantine);
  }

  close(): void {
    this.db.close();
  }
}

/** The same operations on Maps: for browsers that will not let the game save. */
export class MemoryBackend implements Backend {
  readonly kind = 'memory';
  private readonly stores: Record<DataStore, Map<string, Row>> = {
    profiles: new Map(),
    attempts: new Map(),
    meta: new Map(),
    snapshots: new Map(),
    cohort: new Map(),
  };
  private readonly q = new Map<number, QuarantineEntry>();
  private nextQuarantineKey = 1;

  constructor(seed?: Dump) {
    if (!seed) return;
    for (const store of DATA_STORES) {
      for (const row of seed[store]) this.stores[store].set(keyText(row.key), row);
    }
    for (const row of seed.quarantine) {
      this.q.set(row.key, row.value);
      this.nextQuarantineKey = Math.max(this.nextQuarantineKey, row.key + 1);
    }
  }

  private rows(store: DataStore): Map<string, Row> {
    return this.stores[store];
  }

  async get(store: DataStore, key: IDBValidKey): Promise<unknown> {
    const row = this.rows(store).get(keyText(key));
    return row && structuredClone(row.value);
  }

  async getAll(store: DataStore, index?: { name: AttemptIndex; value: string }): Promise<Row[]> {
    const rows = [...this.rows(store).values()].filter(
      (r) => !index || (r.value as Record<string, unknown> | undefined)?.[index.name] === index.value,
    );
    return rows
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((r) => ({ key: r.key, value: structuredClone(r.value) }));
  }

  async put(store: DataStore, value: unknown): Promise<void> {
    const key = (value as Record<string, unknown>)[KEY_PATHS[store]] as IDBValidKey;
    this.rows(store).set(keyText(key), { key, value: structuredClone(value) });
  }

  async putIf(store: DataStore, key: IDBValidKey, change: (current: unknown) => unknown): Promise<void> {
    let next: unknown;
    try {
      next = change(structuredClone(this.rows(store).get(keyText(key))?.value));
    } catch (e) {
      throw new ChangeRefused(e);
    }
    await this.put(store, next);
  }

  async deleteMany(items: readonly { store: DataStore; key: IDBValidKey }[]): Promise<void> {
    for (const i of items) this.rows(i.store).delete(keyText(i.key));
  }

  async quarantine(entries: readonly QuarantineEntry[]): Promise<void> {
    for (const e of entries) {
      this.q.set(this.nextQuarantineKey++, structuredClone(e));
      this.rows(e.store).delete(keyText(e.key));
    }
  }

  async quarantined(): Promise<{ key: number; value: QuarantineEntry }[]> {
    return [...this.q].map(([key, value]) => ({ key, value: structuredClone(value) }));
  }

  async release(quarantineKey: number, store: DataStore, value: unknown): Promise<void> {
    const key = (value as Record<string, unknown>)[KEY_PATHS[store]] as IDBValidKey;
    if (this.rows(store).has(keyText(key))) throw new Error('a record with that key exists');
    this.rows(store).set(keyText(key), { key, value: structuredClone(value) });
    this.q.delete(quarantineKey);
  }

  async dump(): Promise<Dump> {
    const rows: Row[][] = [];
    for (const store of DATA_STORES) rows.push(await this.getAll(store));
    return dumpOf(rows, await this.quarantined());
  }

  close(): void {}
}

/**
 * Issues a transaction's requests and waits for it to commit. If issuing throws part-way, the
 * transaction is aborted so nothing half-done is kept. The error reported is the transaction's own
 * when it has one: a write that fails at commit (QuotaExceededError) aborts its requests first, and
 * their AbortError would hide the reason.
 */
async function commit(
  tx: { done: Promise<void>; error: DOMException | null; abort(): void },
  issue: () => Promise<unknown>[],
): Promise<void> {
  let requests: Promise<unknown>[];
  try {
    requests = issue();
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished.
    }
    await tx.done.catch(() => undefined);
    // The transaction's own error says why (a full disk aborts it, and the request then fails).
    throw tx.error ?? e;
  }
  const settled = await Promise.allSettled([tx.done, ...requests]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw tx.error ?? failed.reason;
}

function dumpOf(rows: readonly Row[][], quarantine: Dump['quarantine']): Dump {
  const dump = { quarantine } as Dump;
  DATA_STORES.forEach((store, i) => {
    dump[store] = rows[i] ?? [];
  });
  return dump;
}

function keyText(key: IDBValidKey): string {
  return typeof key === 'string' ? `s:${key}` : `o:${JSON.stringify(key)}`;
}

function compareKeys(a: IDBValidKey, b: IDBValidKey): number {
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
