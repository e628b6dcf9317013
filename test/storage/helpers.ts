/**
 * fake-indexeddb for the storage tests. `idb` checks values with `instanceof IDBRequest` and friends,
 * as a browser always has them, so the IndexedDB *classes* are installed as globals here; the factory
 * itself (`indexedDB`) is not: every test passes a fresh one, and "no IndexedDB" stays testable.
 */
import {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
  IDBVersionChangeEvent,
} from 'fake-indexeddb';
import { DB_VERSION } from '../../src/storage/backends.ts';
import { type OpenOptions, openStore, type Store } from '../../src/storage/db.ts';

Object.assign(globalThis, {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
  IDBVersionChangeEvent,
});

export { IDBFactory };

export const DB = 'bts-test';

/** A clock that moves one second per reading, from a fixed start. */
export function fixedClock(start = Date.UTC(2025, 2, 14, 9, 0, 0)): () => Date {
  let t = start;
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** openStore on `factory` with a fixed clock and readable ids, not asking for persistence. */
export function open(factory: IDBFactory | null, options: OpenOptions = {}): Promise<Store> {
  return openStore({
    indexedDB: factory,
    name: DB,
    askPersistence: false,
    now: fixedClock(),
    newId: counterIds(),
    ...options,
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A plain IndexedDB connection, bypassing the store: to plant raw records and look at what is kept. */
export async function raw(factory: IDBFactory, name = DB) {
  const db = await request(factory.open(name, DB_VERSION));
  const tx = (store: string, mode: IDBTransactionMode = 'readonly') =>
    db.transaction(store, mode).objectStore(store);
  return {
    db,
    put: (store: string, value: unknown) => request(tx(store, 'readwrite').put(value)),
    get: (store: string, key: IDBValidKey) => request(tx(store).get(key)),
    all: (store: string) => request(tx(store).getAll()),
    close: () => db.close(),
  };
}

/** Creates the database layout (by opening and closing a store), then plants raw records. */
export async function plant(factory: IDBFactory, records: Record<string, unknown[]>): Promise<void> {
  (await open(factory)).close();
  const conn = await raw(factory);
  for (const [store, values] of Object.entries(records)) for (const v of values) await conn.put(store, v);
  conn.close();
}

/**
 * A database exactly as the first release of the game (IndexedDB layout version 1) left it: its four
 * stores, created by hand here rather than by the code under test, holding `records` as they are.
 */
export async function plantV1(factory: IDBFactory, records: Record<string, unknown[]>): Promise<void> {
  const req = factory.open(DB, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    db.createObjectStore('profiles', { keyPath: 'id' });
    const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
    attempts.createIndex('profileId', 'profileId');
    attempts.createIndex('storyId', 'storyId');
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('quarantine', { autoIncrement: true });
  };
  const db = await request(req);
  for (const [store, values] of Object.entries(records)) {
    for (const v of values) await request(db.transaction(store, 'readwrite').objectStore(store).put(v));
  }
  db.close();
}

export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * A factory whose connections refuse writes while `failing.on`: `put` either throws at once or the
 * transaction aborts with QuotaExceededError when it commits (as Chrome does when the disk is full).
 */
export function quotaFactory(real: IDBFactory, how: 'throw' | 'abort' = 'throw') {
  const failing = { on: false };
  const factory = new Proxy(real, {
    get(target, prop) {
      if (prop !== 'open') return Reflect.get(target, prop, target);
      return (name: string, version?: number) => {
        const req = target.open(name, version);
        req.addEventListener('success', () => {
          const db = req.result;
          const transaction = db.transaction.bind(db);
          db.transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
            const tx = transaction(stores, mode);
            if (mode !== 'readwrite' || !failing.on) return tx;
            const objectStore = tx.objectStore.bind(tx);
            tx.objectStore = (n: string) => {
              const store = objectStore(n);
              if (how === 'throw') {
                store.put = () => {
                  throw quotaError();
                };
              } else {
                const put = store.put.bind(store);
                store.put = (value: unknown, key?: IDBValidKey) => {
                  const r = put(value, key);
                  Object.defineProperty(tx, 'error', { get: quotaError, configurable: true });
                  tx.abort();
                  return r;
                };
              }
              return store;
            };
            return tx;
          }) as IDBDatabase['transaction'];
        });
        return req;
      };
    },
  });
  return { factory, failing };
}
