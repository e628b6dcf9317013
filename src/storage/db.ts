/**
 * The trainees' profiles and attempts, the story versions they played (snapshots) and the trainer's
 * imported cohort, kept in IndexedDB and validated with zod on every read.
 *
 * - A record that does not validate is moved to the `quarantine` store with the reason and its raw
 *   value (never deleted) and listed in `store.problems`; a record written by a newer version of the
 *   game is set aside the same way, and put back automatically once a version that reads it opens.
 * - When the browser will not let the game save (no IndexedDB, open refused or blocked, storage
 *   full), the store carries on in memory with the same API: `durable` is false and `warning` says so
 *   in plain English. Writes never throw because storage failed.
 */
import {
  type Backend,
  ChangeRefused,
  DATA_STORES,
  type DataStore,
  type Dump,
  errorText,
  IndexedDbBackend,
  MemoryBackend,
  OpenError,
  type OpenFailure,
  openIndexedDb,
  type QuarantineEntry,
  type Row,
} from './backends.ts';
import { type Cohort, emptyCohort } from './exchange.ts';
import type { ReplayOf } from './fields.ts';
import {
  type Attempt,
  type AttemptResult,
  AttemptSchema,
  type CohortRecord,
  CohortRecordSchema,
  checkName,
  describeIssues,
  type Kind,
  type Meta,
  MetaSchema,
  MODES,
  type Mode,
  type Profile,
  ProfileSchema,
  type Progress,
  ProgressSchema,
  ResultSchema,
  readRecord,
  SCHEMA_VERSION,
  type SnapshotInput,
  SnapshotSchema,
  type StorySnapshot,
} from './schema.ts';

export type { DataStore, QuarantineEntry } from './backends.ts';

export const DEFAULT_DB_NAME = 'beyond-the-script';

/** What the trainee is told whenever progress lives only in this tab. */
export const FALLBACK_WARNING =
  'Your progress is kept only until you close this tab: this browser is not letting the game save.';

export type FallbackReason =
  | OpenFailure
  /** A write failed with QuotaExceededError: the site's storage is full. */
  | 'quota'
  /** A read or write failed for another reason. */
  | 'storage-failed'
  /** Another tab upgraded the database, or the browser closed it. */
  | 'closed';

/** A record that could not be read this session, for the UI to mention. */
export interface StorageProblem {
  store: DataStore;
  key: string;
  reason: string;
  /** One plain sentence for the trainee. */
  message: string;
  at: string;
}

/** The browser's answer to `navigator.storage.persist()`. */
export type Persistence = 'granted' | 'denied' | 'unsupported' | 'not-asked';

export interface OpenOptions {
  /** The IndexedDB to use; `globalThis.indexedDB` when absent, none at all when null. */
  indexedDB?: IDBFactory | null;
  /** Database name (tests use one per case). */
  name?: string;
  /** For `persist()`; `navigator.storage` when absent, none when null. */
  storage?: Pick<StorageManager, 'persist' | 'persisted'> | null;
  /** Ask for persistent storage (Firefox shows a prompt). Default true. */
  askPersistence?: boolean;
  /** Give up on a blocked or silent `open` after this long. Default 5000. */
  openTimeoutMs?: number;
  now?: () => Date;
  newId?: () => string;
}

/** Misuse by the caller (an unknown id, saving to a finished attempt, bad input): a bug, not storage. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/**
 * A save to an attempt this page no longer holds: it was finished or abandoned (`closed`), or another
 * tab resumed it (`taken`). The caller saves its run as a new attempt instead; nothing is overwritten.
 */
export class AttemptConflict extends StorageError {
  override name = 'AttemptConflict';
  constructor(
    readonly reason: 'closed' | 'taken',
    message: string,
  ) {
    super(message);
  }
}

export type NameResult = { ok: true; profile: Profile } | { ok: false; message: string };

export interface ProfilesApi {
  /** Every readable profile, by name. */
  list(): Promise<Profile[]>;
  get(id: string): Promise<Profile | undefined>;
  /** Names are trimmed, 1–40 characters, unique ignoring case; a bad name comes back as a message. */
  create(name: string): Promise<NameResult>;
  rename(id: string, name: string): Promise<NameResult>;
  /** Removes the profile and its attempts (ask the trainee first). */
  remove(id: string): Promise<{ ok: true; attemptsRemoved: number } | { ok: false; message: string }>;
  /** The profile picked last time, if it still exists. */
  lastUsed(): Promise<Profile | undefined>;
  setLastUsed(id: string): Promise<void>;
}

export interface AttemptsApi {
  /** `writer`: the page that plays it (see `Attempt.writer`). */
  start(
    profileId: string,
    story: { id: string; hash: string },
    mode: Mode,
    writer?: string,
    /** "Replay from here": the attempt and decision it played on from. */
    replayOf?: ReplayOf,
  ): Promise<Attempt>;
  get(id: string): Promise<Attempt | undefined>;
  /**
   * After every choice (and line): replaces the path, the line count and the notes. With `writer`,
   * throws AttemptConflict when another page has taken the attempt over, or it is no longer in
   * progress.
   */
  saveProgress(id: string, progress: Progress, writer?: string): Promise<Attempt>;
  /** The run ended; `progress` (optional) records the final path and notes too. */
  finish(id: string, result: AttemptResult, progress?: Progress, writer?: string): Promise<Attempt>;
  /** This page carries on the attempt: it becomes its writer. */
  claim(id: string, writer: string): Promise<Attempt>;
  /** The trainee chose to start again: the attempt is kept, marked abandoned. */
  abandon(id: string): Promise<Attempt>;
  /** Unfinished attempts, most recently played first. */
  inProgress(profileId: string, storyId?: string): Promise<Attempt[]>;
  /** All of a profile's attempts, newest first. */
  forProfile(profileId: string): Promise<Attempt[]>;
}

export interface SnapshotsApi {
  /**
   * Keeps the compiled story an attempt is played on, under its hash (call it when an attempt starts).
   * Idempotent: when that hash is already kept, nothing is written. A snapshot that is not valid
   * (an empty json, say) is a StorageError; the store adds `schemaVersion` and `savedAt`.
   */
  keep(snapshot: SnapshotInput): Promise<void>;
  /** The story version with this hash, if it was kept and still reads; a corrupt one is set aside. */
  get(hash: string): Promise<StorySnapshot | undefined>;
}

export interface CohortApi {
  /** The trainer's imported results; an empty cohort when there are none (or they could not be read). */
  load(): Promise<Cohort>;
  /** Replaces the kept cohort (after every import). An invalid cohort is a StorageError. */
  save(cohort: Cohort): Promise<void>;
  /** Forgets the imported results (the trainer's "clear"). */
  clear(): Promise<void>;
}

/**
 * Whether an unfinished attempt can carry on: the story it was started on must be the version being
 * played now. When it changed, keep the attempt and offer to view its debrief or start again.
 */
export function resumeStatus(
  attempt: Pick<Attempt, 'storyHash'>,
  currentHash: string,
): 'resume' | 'story-changed' {
  return attempt.storyHash === currentHash ? 'resume' : 'story-changed';
}

const STORE_KIND: Record<DataStore, Kind> = {
  profiles: 'profile',
  attempts: 'attempt',
  meta: 'meta',
  snapshots: 'snapshot',
  cohort: 'cohort',
};
/** How a problem names a record of each store, and whether that name is plural ("results were"). */
const STORE_LABEL: Record<DataStore, { name: string; plural?: true }> = {
  profiles: { name: 'A saved trainee profile' },
  attempts: { name: 'A saved attempt' },
  meta: { name: 'The saved game information' },
  snapshots: { name: 'A saved copy of a scenario' },
  cohort: { name: "The trainer dashboard's imported results", plural: true },
};
interface Values {
  profiles: Profile;
  attempts: Attempt;
  meta: Meta;
  snapshots: StorySnapshot;
  cohort: CohortRecord;
}
type Value<S extends DataStore> = Values[S];

/**
 * Stores `init` reads in full and validates on every open. Snapshots are not among them: each holds a
 * whole compiled story (up to 5 MB), and reading them all on every start would cost time and memory
 * for records needed only when an old attempt is replayed. A snapshot is validated when it is read
 * (`snapshots.get`, `snapshots.keep`) and set aside then if it is corrupt.
 */
const CHECKED_ON_OPEN = DATA_STORES.filter((s) => s !== 'snapshots');

export class Store {
  private backend: Backend;
  private _fallback: { reason: FallbackReason; detail: string } | undefined;
  private readonly _problems: StorageProblem[] = [];
  private readonly listeners = new Set<() => void>();
  private lock: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly newId: () => string;
  /** The browser's answer to the request for persistent storage (never rejects). */
  persistence: Promise<Persistence> = Promise.resolve('not-asked');

  /** @internal use `openStore` */
  constructor(backend: Backend, options: OpenOptions, failure?: { reason: FallbackReason; detail: string }) {
    this.backend = backend;
    this._fallback = failure;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newId;
    if (backend instanceof IndexedDbBackend) {
      // Another tab is upgrading the database: let it, and carry on in memory here.
      backend.db.addEventListener('versionchange', () => {
        void this.exclusive(() => this.degrade('closed', 'another tab updated the saved data'));
      });
      backend.db.addEventListener('close', () => {
        void this.exclusive(() => this.degrade('closed', 'the browser closed the saved data'));
      });
    }
  }

  /** False when progress is kept in this tab only. */
  get durable(): boolean {
    return this.backend.kind === 'indexeddb';
  }

  /** Plain English for the trainee while progress is not being saved; undefined while it is. */
  get warning(): string | undefined {
    return this._fallback ? FALLBACK_WARNING : undefined;
  }

  /** Why storage fell back to memory, for a "details" line or the console. */
  get fallback(): { reason: FallbackReason; detail: string } | undefined {
    return this._fallback;
  }

  /** Records set aside this session. */
  get problems(): readonly StorageProblem[] {
    return this._problems;
  }

  /** Called whenever `warning`, `durable` or `problems` change. Returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Everything ever set aside, oldest first (for a trainer or a bug report). */
  quarantined(): Promise<QuarantineEntry[]> {
    return this.settled(async () => {
      const rows = await this.read(() => this.backend.quarantined());
      return rows.map((r) => r.value);
    });
  }

  close(): void {
    this.backend.close();
  }

  readonly profiles: ProfilesApi = {
    list: () =>
      this.settled(async () => {
        const all = await this.readAll('profiles');
        return all.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
      }),
    get: (id) => this.settled(() => this.readOne('profiles', id)),
    create: (input) =>
      this.exclusive(async () => {
        const others = await this.readAll('profiles');
        const name = checkName(
          input,
          others.map((p) => p.name),
        );
        if (!name.ok) return name;
        const profile = ProfileSchema.parse({
          schemaVersion: SCHEMA_VERSION,
          id: this.newId(),
          name: name.name,
          createdAt: this.iso(),
        });
        await this.write((b) => b.put('profiles', profile));
        return { ok: true, profile };
      }),
    rename: (id, input) =>
      this.exclusive(async () => {
        const all = await this.readAll('profiles');
        const profile = all.find((p) => p.id === id);
        if (!profile) return { ok: false, message: 'That trainee no longer exists.' };
        const name = checkName(
          input,
          all.filter((p) => p.id !== id).map((p) => p.name),
        );
        if (!name.ok) return name;
        const renamed = { ...profile, name: name.name };
        await this.write((b) => b.put('profiles', renamed));
        return { ok: true, profile: renamed };
      }),
    remove: (id) =>
      this.exclusive(async () => {
        const profile = await this.readOne('profiles', id);
        if (!profile) return { ok: false, message: 'That trainee no longer exists.' };
        const attempts = await this.readAll('attempts', { name: 'profileId', value: id });
        await this.write((b) =>
          b.deleteMany([
            ...attempts.map((a) => ({ store: 'attempts' as const, key: a.id })),
            { store: 'profiles', key: id },
          ]),
        );
        return { ok: true, attemptsRemoved: attempts.length };
      }),
    lastUsed: () =>
      this.settled(async () => {
        const meta = await this.readOne('meta', 'app');
        return meta?.lastProfileId ? this.readOne('profiles', meta.lastProfileId) : undefined;
      }),
    setLastUsed: (id) =>
      this.exclusive(async () => {
        const meta = (await this.readOne('meta', 'app')) ?? this.newMeta();
        await this.write((b) => b.put('meta', { ...meta, lastProfileId: id }));
      }),
  };

  readonly attempts: AttemptsApi = {
    start: (profileId, story, mode, writer, replayOf) =>
      this.exclusive(async () => {
        if (!MODES.includes(mode)) throw new StorageError(`start: unknown mode '${String(mode)}'`);
        if (!(await this.readOne('profiles', profileId))) {
          throw new StorageError(`start: no trainee with id '${profileId}'`);
        }
        const at = this.iso();
        const attempt = checked('start', AttemptSchema, {
          schemaVersion: SCHEMA_VERSION,
          id: this.newId(),
          profileId,
          storyId: story.id,
          storyHash: story.hash,
          mode,
          startedAt: at,
          updatedAt: at,
          status: 'in-progress',
          path: [],
          linesAfterLastChoice: 0,
          notes: [],
          ...(writer === undefined ? {} : { writer }),
          ...(replayOf === undefined ? {} : { replayOf }),
        });
        await this.write((b) => b.put('attempts', attempt));
        return attempt;
      }),
    get: (id) => this.settled(() => this.readOne('attempts', id)),
    saveProgress: (id, progress, writer) =>
      this.exclusive(async () => {
        const p = checked('saveProgress', ProgressSchema, progress);
        return this.update('saveProgress', id, (a) => withProgress(a, p), writer);
      }),
    finish: (id, result, progress, writer) =>
      this.exclusive(async () => {
        const r = checked('finish', ResultSchema, result);
        const p = progress && checked('finish', ProgressSchema, progress);
        return this.update(
          'finish',
          id,
          (a) => ({ ...(p ? withProgress(a, p) : a), status: 'finished', result: r }),
          writer,
        );
      }),
    claim: (id, writer) => this.exclusive(() => this.update('claim', id, (a) => ({ ...a, writer }))),
    abandon: (id) => this.exclusive(() => this.update('abandon', id, (a) => ({ ...a, status: 'abandoned' }))),
    inProgress: (profileId, storyId) =>
      this.settled(async () => {
        const all = await this.readAll('attempts', { name: 'profileId', value: profileId });
        return all
          .filter((a) => a.status === 'in-progress' && (storyId === undefined || a.storyId === storyId))
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      }),
    forProfile: (profileId) =>
      this.settled(async () => {
        const all = await this.readAll('attempts', { name: 'profileId', value: profileId });
        return all.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      }),
  };

  readonly snapshots: SnapshotsApi = {
    keep: (input) =>
      this.exclusive(async () => {
        const snapshot = checked('keep', SnapshotSchema, {
          ...input,
          schemaVersion: SCHEMA_VERSION,
          savedAt: this.iso(),
        });
        // Same hash, same story: a readable copy is enough. A corrupt one is set aside and replaced.
        if (await this.readOne('snapshots', snapshot.hash)) return;
        await this.write((b) => b.put('snapshots', snapshot));
      }),
    get: (hash) => this.settled(() => this.readOne('snapshots', hash)),
  };

  readonly cohort: CohortApi = {
    load: () => this.settled(async () => (await this.readOne('cohort', 'current'))?.cohort ?? emptyCohort()),
    save: (cohort) =>
      this.exclusive(async () => {
        const record = checked('save', CohortRecordSchema, {
          schemaVersion: SCHEMA_VERSION,
          key: 'current',
          updatedAt: this.iso(),
          cohort,
        });
        await this.write((b) => b.put('cohort', record));
      }),
    clear: () => this.exclusive(() => this.write((b) => b.deleteMany([{ store: 'cohort', key: 'current' }]))),
  };

  /**
   * Once, on open: brings older records up to date (and writes them back), sets aside the unreadable,
   * and puts back records an earlier version set aside as "newer" that this version can now read.
   */
  async init(): Promise<void> {
    await this.exclusive(async () => {
      for (const store of CHECKED_ON_OPEN) {
        const rows = await this.read(() => this.backend.getAll(store));
        const upgraded: unknown[] = [];
        const bad: QuarantineEntry[] = [];
        for (const row of rows) {
          const outcome = readRecord(STORE_KIND[store], row.value);
          if (!outcome.ok) bad.push(this.entry(store, row, outcome.reason, outcome.newer));
          else if (outcome.migratedFrom !== undefined) upgraded.push(outcome.value);
        }
        for (const value of upgraded) await this.write((b) => b.put(store, value));
        await this.setAside(bad);
      }
      await this.releaseReadable();
      if (!(await this.readOne('meta', 'app'))) {
        const meta = this.newMeta();
        await this.write((b) => b.put('meta', meta));
      }
    });
  }

  private async releaseReadable(): Promise<void> {
    const entries = await this.read(() => this.backend.quarantined());
    for (const { key, value: entry } of entries) {
      if (entry.kind !== 'newer-version') continue;
      const outcome = readRecord(STORE_KIND[entry.store], entry.raw);
      if (!outcome.ok) continue;
      try {
        if ((await this.backend.get(entry.store, entry.key)) !== undefined) continue;
        await this.backend.release(key, entry.store, outcome.value);
      } catch {
        // Best effort: the record stays safely in quarantine.
      }
    }
  }

  // ---- reading and writing ----

  private iso(): string {
    return this.now().toISOString();
  }

  private newMeta(): Meta {
    return MetaSchema.parse({ schemaVersion: SCHEMA_VERSION, key: 'app', createdAt: this.iso() });
  }

  private async update(
    op: string,
    id: string,
    change: (a: Attempt) => Record<string, unknown>,
    writer?: string,
  ): Promise<Attempt> {
    // Check and write in one transaction: another tab's claim or finish can never land between
    // them. One read per save (this runs after every line of a run).
    let next: Attempt | undefined;
    let unreadable = false;
    try {
      await this.write((b) =>
        b.putIf('attempts', id, (raw) => {
          if (raw === undefined) throw new StorageError(`${op}: no attempt with id '${id}'`);
          const now = readRecord('attempt', raw);
          if (!now.ok) {
            unreadable = true;
            throw new StorageError(`${op}: attempt '${id}' could not be read, so it was set aside`);
          }
          if (now.value.status !== 'in-progress') {
            throw new AttemptConflict(
              'closed',
              `${op}: attempt '${id}' is ${now.value.status}, not in progress`,
            );
          }
          if (writer !== undefined && now.value.writer !== undefined && now.value.writer !== writer) {
            throw new AttemptConflict('taken', `${op}: attempt '${id}' is being played in another tab`);
          }
          next = checked(op, AttemptSchema, { ...change(now.value), updatedAt: this.iso() });
          return next;
        }),
      );
    } catch (e) {
      // An unreadable record is quarantined the usual way (readOne sets it aside and reports it).
      if (unreadable) await this.readOne('attempts', id);
      throw e;
    }
    if (!next) throw new StorageError(`${op}: attempt '${id}' was not written`);
    return next;
  }

  private async readAll<S extends 'profiles' | 'attempts'>(
    store: S,
    index?: { name: 'profileId' | 'storyId'; value: string },
  ): Promise<Value<S>[]> {
    const rows = await this.read(() => this.backend.getAll(store, index));
    const good: Value<S>[] = [];
    const bad: QuarantineEntry[] = [];
    for (const row of rows) {
      const outcome = readRecord(STORE_KIND[store], row.value);
      if (outcome.ok) good.push(outcome.value as unknown as Value<S>);
      else bad.push(this.entry(store, row, outcome.reason, outcome.newer));
    }
    if (bad.length) await this.setAside(bad);
    return good;
  }

  private async readOne<S extends DataStore>(store: S, key: string): Promise<Value<S> | undefined> {
    const raw = await this.read(() => this.backend.get(store, key));
    if (raw === undefined) return undefined;
    const outcome = readRecord(STORE_KIND[store], raw);
    if (outcome.ok) return outcome.value as unknown as Value<S>;
    await this.setAside([this.entry(store, { key, value: raw }, outcome.reason, outcome.newer)]);
    return undefined;
  }

  private entry(store: DataStore, row: Row, reason: string, newer: boolean): QuarantineEntry {
    return {
      store,
      key: row.key,
      reason,
      kind: newer ? 'newer-version' : 'invalid',
      raw: row.value,
      at: this.iso(),
    };
  }

  private async setAside(entries: QuarantineEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.write((b) => b.quarantine(entries));
    for (const e of entries) {
      const { name, plural } = STORE_LABEL[e.store];
      const [was, it] = plural ? ['were', 'they'] : ['was', 'it'];
      this._problems.push({
        store: e.store,
        key: String(e.key),
        reason: e.reason,
        message:
          e.kind === 'newer-version'
            ? `${name} ${was} saved by a newer version of the game, so ${it} ${was} set aside; update the game to see ${plural ? 'them' : 'it'} again.`
            : `${name} could not be read, so ${it} ${was} set aside and kept; nothing was deleted.`,
        at: e.at,
      });
    }
    this.changed();
  }

  /** A read; if IndexedDB fails, the store falls back to memory and reads there. */
  private async read<T>(op: () => Promise<T>): Promise<T> {
    const backend = this.backend;
    try {
      return await op();
    } catch (e) {
      if (backend.kind === 'memory') throw e;
      await this.degrade('storage-failed', errorText(e));
      return op();
    }
  }

  /**
   * A write; if IndexedDB refuses it (quota or anything else), the store falls back to memory, seeded
   * with what was saved so far, and the write goes there. Only called inside `exclusive`.
   */
  private async write(op: (backend: Backend) => Promise<void>): Promise<void> {
    const backend = this.backend;
    try {
      await op(backend);
    } catch (e) {
      // The caller's own rule said no (a conflict, say): storage is fine.
      if (e instanceof ChangeRefused) throw e.reason;
      if (backend.kind === 'memory') throw e;
      await this.degrade(isQuotaError(e) ? 'quota' : 'storage-failed', errorText(e));
      try {
        await op(this.backend);
      } catch (again) {
        throw again instanceof ChangeRefused ? again.reason : again;
      }
    }
  }

  private async degrade(reason: FallbackReason, detail: string): Promise<void> {
    const old = this.backend;
    if (old.kind === 'memory') return;
    let seed: Dump | undefined;
    try {
      seed = await old.dump();
    } catch (e) {
      detail += `; what was saved earlier could not be read back either (${errorText(e)})`;
    }
    try {
      old.close();
    } catch {
      // Already closed.
    }
    if (this.backend !== old) return;
    this.backend = new MemoryBackend(seed);
    this._fallback = { reason, detail };
    this.changed();
  }

  /** Runs writes one at a time, in call order, so a late save can never undo a finish. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** A read that sees every write asked for before it (they run first). */
  private async settled<T>(fn: () => Promise<T>): Promise<T> {
    await this.lock;
    return fn();
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A listener's bug is not storage's.
      }
    }
  }
}

function checked<T>(op: string, schema: { safeParse(v: unknown): ZodResult<T> }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new StorageError(`${op}: ${describeIssues(r.error)}`);
  return r.data;
}
type ZodResult<T> =
  | { success: true; data: T }
  | { success: false; error: Parameters<typeof describeIssues>[0] };

const PROGRESS_KEYS = Object.keys(ProgressSchema.shape);

/**
 * An attempt with `progress` in place of its saved progress: every progress field is replaced, so
 * one left out (no notes draft now, say) does not linger from the save before.
 */
function withProgress(attempt: Attempt, progress: Progress): Record<string, unknown> {
  const next: Record<string, unknown> = { ...attempt };
  for (const key of PROGRESS_KEYS) delete next[key];
  return { ...next, ...progress };
}

export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  // Old Firefox: NS_ERROR_DOM_QUOTA_REACHED; DOMException code 22 is QUOTA_EXCEEDED_ERR.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** A random id; `randomUUID` needs a secure context (https), `getRandomValues` does not. */
function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Opens the saved data. Never rejects for storage reasons: when IndexedDB is missing or refuses, the
 * store works in memory (`durable` false, `warning` set). Asks for persistent storage in the
 * background; `store.persistence` has the answer.
 */
export async function openStore(options: OpenOptions = {}): Promise<Store> {
  let factory: IDBFactory | undefined;
  let failure: { reason: FallbackReason; detail: string } | undefined;
  try {
    factory = options.indexedDB === undefined ? globalThis.indexedDB : (options.indexedDB ?? undefined);
  } catch (e) {
    // Some sandboxed frames throw SecurityError just for looking.
    failure = { reason: 'no-indexeddb', detail: errorText(e) };
  }
  let backend: Backend | undefined;
  if (!factory) failure ??= { reason: 'no-indexeddb', detail: 'this browser offers no IndexedDB here' };
  else {
    try {
      const db = await openIndexedDb(factory, options.name ?? DEFAULT_DB_NAME, options.openTimeoutMs ?? 5000);
      backend = new IndexedDbBackend(db);
    } catch (e) {
      failure =
        e instanceof OpenError
          ? { reason: e.failure, detail: e.message }
          : { reason: 'open-failed', detail: errorText(e) };
    }
  }
  const store = new Store(backend ?? new MemoryBackend(), options, failure);
  await store.init();
  if (store.durable && options.askPersistence !== false) store.persistence = askPersistence(options);
  else store.persistence = Promise.resolve(store.durable ? 'not-asked' : 'unsupported');
  return store;
}

async function askPersistence(options: OpenOptions): Promise<Persistence> {
  try {
    const manager =
      options.storage === undefined
        ? (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator?.storage
        : (options.storage ?? undefined);
    if (typeof manager?.persist !== 'function') return 'unsupported';
    if (typeof manager.persisted === 'function' && (await manager.persisted())) return 'granted';
    return (await manager.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
