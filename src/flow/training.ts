/**
 * Training: who is playing, and keeping everything they do. It listens to the game session and
 * saves the run after every line and choice, so closing the tab at any moment loses nothing; it
 * offers unfinished runs back, and keeps attempts whose scenario changed instead of breaking them.
 * No DOM and no Phaser: the overlay renders what it exposes.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import type { Store } from '../storage/db.ts';
import { assessmentStanding, type Standing } from '../storage/insights.ts';
import type { Attempt, Profile, Progress } from '../storage/schema.ts';

/** A save refused because the attempt is no longer this page's (see `AttemptConflict` in db.ts). */
function isConflict(e: unknown): boolean {
  return e instanceof Error && e.name === 'AttemptConflict';
}

function newWriterId(): string {
  const c = globalThis.crypto;
  return typeof c?.randomUUID === 'function'
    ? c.randomUUID()
    : `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

import { resultFromDebrief } from '../storage/schema.ts';
import { Emitter } from './emitter.ts';
import type { GameSession, Mode, RunProgress } from './session.ts';

/** What Training uses of the saved data (src/storage/db.ts's `Store`; tests pass a real one). */
export type TrainingStore = Pick<
  Store,
  | 'durable'
  | 'warning'
  | 'problems'
  | 'onChange'
  | 'persistence'
  | 'profiles'
  | 'attempts'
  | 'snapshots'
  | 'cohort'
>;

/** An unfinished run the menu offers back. */
export interface Unfinished {
  attempt: Attempt;
  /** `story-changed`: the scenario was edited since; the run is kept but cannot carry on. */
  status: 'resume' | 'story-changed';
  /** Decisions made so far. */
  decisions: number;
}

export interface ScenarioStatus {
  entry: StoryEntry;
  /**
   * Assessment on this scenario (the same rule as the trainer's dashboard): passed at least once,
   * taken but not passed yet, never taken, or the scenario sets no pass marks.
   */
  assessment: Standing;
  finished: number;
  /** The most recently played unfinished run. */
  unfinished?: Unfinished;
  /** Every unfinished run, most recently played first (say, a practice and an assessment). */
  allUnfinished: Unfinished[];
}

export interface TrainingEvents {
  /** The trainee changed (or signed out). */
  profile: Profile | undefined;
  /** Saved data changed: attempts, or storage health. The menu re-reads. */
  changed: undefined;
  /** Something the trainee must be told (a save that failed, a run that cannot resume). */
  notice: { message: string; tone: 'info' | 'error' };
}

export class Training {
  readonly events = new Emitter<TrainingEvents>();
  private _profile: Profile | undefined;
  private _mode: Mode = 'practice';
  /** The attempt the run on screen is saved to (a promise while it is being created). */
  private attemptId: Promise<string | undefined> = Promise.resolve(undefined);
  /** This page, as the writer of the attempts it plays (another tab is another writer). */
  private readonly writer = newWriterId();
  /** The run on screen, to save it as a new attempt if another tab took its attempt over. */
  private run:
    | {
        entry: StoryEntry;
        mode: Mode;
        profileId: string;
        /** A replay: the finished attempt (its id once saved) and the decision it plays on from. */
        replayOf?: { attemptId: Promise<string | undefined>; step: number };
      }
    | undefined;
  /** The attempt of the run last finished (for a replay from its debrief). */
  private lastFinished: Promise<string | undefined> = Promise.resolve(undefined);
  /** Attempts another tab took over, and the new attempt this page's run went on in. */
  private readonly forks = new Map<string, string>();
  /** Assessments another tab took over: this page writes nothing more to them. */
  private readonly stopped = new Set<string>();
  /** A start (new, resumed or again) is being prepared. */
  private starting = false;
  /** Saves run one after another, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly off: (() => void)[] = [];
  /** The trainee has been told progress is not being saved. */
  private warned: boolean;

  constructor(
    readonly session: GameSession,
    readonly store: TrainingStore,
  ) {
    this.warned = store.warning !== undefined;
    this.off.push(
      session.events.on('started', ({ entry, mode, how, resumeOf, fromStep }) =>
        this.onStarted(entry, mode, how, resumeOf, fromStep),
      ),
      session.events.on('beat', () => this.saveNow()),
      session.events.on('drafted', () => this.saveNow()),
      session.events.on('finished', ({ debrief, verdict }) => {
        const progress = this.session.progress;
        const result = resultFromDebrief(debrief, verdict?.passed);
        this.enqueue(async (id) => {
          await this.store.attempts.finish(id, result, progress && toProgress(progress), this.writer);
          this.events.emit('changed', undefined);
        }, progress);
        // A "Replay from here" on this debrief plays on from this attempt.
        this.lastFinished = this.attemptId;
        this.attemptId = Promise.resolve(undefined);
        this.run = undefined;
      }),
      store.onChange(() => {
        // Storage gave out mid-session (full, or closed by the browser): say so now, not only on
        // the menu. Play carries on; progress is kept in this tab.
        const warning = store.warning;
        if (warning && !this.warned) this.notify(warning, 'error');
        this.warned = warning !== undefined;
        this.events.emit('changed', undefined);
      }),
    );
  }

  get profile(): Profile | undefined {
    return this._profile;
  }

  /** The mode the next scenario starts in. */
  get mode(): Mode {
    return this._mode;
  }

  setMode(mode: Mode): void {
    this._mode = mode;
  }

  /** Resolves once every save asked for so far has been written (tests, and before leaving). */
  flush(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  listProfiles(): Promise<Profile[]> {
    return this.store.profiles.list();
  }

  lastUsed(): Promise<Profile | undefined> {
    return this.store.profiles.lastUsed();
  }

  /** Creates a trainee and makes them the one playing. */
  async createProfile(
    name: string,
  ): Promise<{ ok: true; profile: Profile } | { ok: false; message: string }> {
    const made = await this.store.profiles.create(name);
    if (made.ok) await this.select(made.profile);
    return made;
  }

  /** Corrects the playing trainee's name (a typo on a shared PC); their attempts stay theirs. */
  async rename(name: string): Promise<{ ok: true; profile: Profile } | { ok: false; message: string }> {
    const profile = this._profile;
    if (!profile) return { ok: false, message: 'Pick who is training first.' };
    const renamed = await this.store.profiles.rename(profile.id, name);
    if (renamed.ok) {
      this._profile = renamed.profile;
      this.events.emit('profile', renamed.profile);
    }
    return renamed;
  }

  async select(profile: Profile): Promise<void> {
    // A run asked for while the scenes were loading was someone else's.
    if (profile.id !== this._profile?.id) this.session.cancelPendingStart();
    this._profile = profile;
    await this.store.profiles.setLastUsed(profile.id);
    this.events.emit('profile', profile);
  }

  /** Back to "Who's training?" (another person at the same computer). */
  signOut(): void {
    this.session.cancelPendingStart();
    this._profile = undefined;
    this.events.emit('profile', undefined);
  }

  /** Every scenario with this trainee's standing on it, in catalog order. */
  async statuses(): Promise<ScenarioStatus[]> {
    const profile = this._profile;
    const attempts = profile ? await this.store.attempts.forProfile(profile.id) : [];
    return this.session.stories.map((entry) => {
      const mine = attempts.filter((a) => a.storyId === entry.id);
      const open = mine
        .filter((a) => a.status === 'in-progress')
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map(
          (attempt): Unfinished => ({
            attempt,
            status: attempt.storyHash === entry.hash ? 'resume' : 'story-changed',
            decisions: attempt.path.length,
          }),
        );
      return {
        entry,
        assessment: assessmentStanding(mine, entry.metadata.pass),
        finished: mine.filter((a) => a.status === 'finished').length,
        unfinished: open[0],
        allUnfinished: open,
      };
    });
  }

  /** This trainee's attempts, newest first. */
  async attempts(): Promise<Attempt[]> {
    return this._profile ? this.store.attempts.forProfile(this._profile.id) : [];
  }

  /**
   * Picks a scenario in the current mode: carries on its unfinished run in that mode if there is
   * one (a click must never throw a run away), otherwise starts from the beginning.
   */
  async play(storyId: string): Promise<boolean> {
    return this.once(() => this.playNow(storyId));
  }

  /**
   * One start at a time: a double click (or a key held) while a start is being prepared must not
   * make two attempts.
   */
  private async once(start: () => Promise<boolean>): Promise<boolean> {
    if (this.starting) return false;
    this.starting = true;
    try {
      return await start();
    } finally {
      this.starting = false;
    }
  }

  private async playNow(storyId: string): Promise<boolean> {
    const profile = this._profile;
    if (!profile) return false;
    const entry = this.session.stories.find((e) => e.id === storyId);
    const open = entry ? await this.unfinished(profile.id, storyId) : [];
    const same = open.find((a) => a.mode === this._mode && a.storyHash === entry?.hash);
    if (same) return this.resumeNow(same.id);
    return this.session.start(storyId, this._mode);
  }

  /**
   * Starts a scenario again from the beginning: its unfinished runs are kept, marked abandoned. An
   * assessment that can carry on cannot be started again (no rewinds).
   */
  async startAgain(storyId: string): Promise<boolean> {
    return this.once(() => this.startAgainNow(storyId));
  }

  private async startAgainNow(storyId: string): Promise<boolean> {
    const profile = this._profile;
    if (!profile) return false;
    const entry = this.session.stories.find((e) => e.id === storyId);
    const open = await this.unfinished(profile.id, storyId);
    if (open.some((a) => a.mode === 'assessment' && a.storyHash === entry?.hash)) {
      this.notify('An assessment carries on where you left it: it cannot be started again.', 'error');
      return false;
    }
    await this.guard(async () => {
      for (const a of open) await this.store.attempts.abandon(a.id);
    });
    return this.session.start(storyId, this._mode);
  }

  private async unfinished(profileId: string, storyId: string): Promise<Attempt[]> {
    // Saves still queued (the run just left) must land before deciding what is unfinished.
    await this.flush();
    try {
      return await this.store.attempts.inProgress(profileId, storyId);
    } catch (e) {
      console.warn('Beyond the Script: reading saved runs failed', e);
      this.notify(
        'Your saved runs could not be read just now; this scenario starts from the beginning.',
        'error',
      );
      return [];
    }
  }

  /** Carries on an unfinished run at the moment it was left. */
  async resume(attemptId: string): Promise<boolean> {
    return this.once(() => this.resumeNow(attemptId));
  }

  private async resumeNow(attemptId: string): Promise<boolean> {
    const attempt = await this.store.attempts.get(attemptId);
    const entry = attempt && this.session.stories.find((e) => e.id === attempt.storyId);
    if (!attempt || !entry || attempt.status !== 'in-progress') {
      this.notify(
        'That run is no longer available to carry on: it was finished or started again, perhaps in another tab.',
        'error',
      );
      // The menu still offers it: read again.
      this.events.emit('changed', undefined);
      return false;
    }
    if (attempt.storyHash !== entry.hash) {
      this.notify('This scenario has changed since the run began, so it cannot carry on.', 'error');
      return false;
    }
    this._mode = attempt.mode;
    const ok = this.session.resume(
      entry.id,
      attempt.mode,
      {
        path: [...attempt.path],
        linesAfterLastChoice: attempt.linesAfterLastChoice,
        notes: attempt.notes.map((n) => ({ ...n, facts: [...n.facts] })),
        answered: attempt.answered,
        draft: attempt.draft,
      },
      attempt.id,
    );
    if (!ok) {
      this.notify(
        'This run could not be brought back: its choices no longer fit the scenario. It is kept in your history as unfinished.',
        'error',
      );
    }
    return ok;
  }

  /**
   * The debrief of a run whose scenario changed since, on the version it was played on. The run
   * stays as it is: the trainee can still start again.
   */
  async reviewChanged(attemptId: string): Promise<boolean> {
    const attempt = await this.store.attempts.get(attemptId);
    const entry = attempt && this.session.stories.find((e) => e.id === attempt.storyId);
    if (!attempt || !entry) return false;
    const snapshot = await this.store.snapshots.get(attempt.storyHash);
    if (!snapshot) {
      this.notify(
        'The version of the scenario this run was played on was not kept on this computer, so its debrief cannot be rebuilt. The run itself is kept.',
        'error',
      );
      return false;
    }
    const old: StoryEntry = {
      ...entry,
      hash: attempt.storyHash,
      bounds: snapshot.bounds,
      endings: snapshot.endings,
    };
    const ok = this.session.reviewUnfinished(old, snapshot.json, {
      path: [...attempt.path],
      linesAfterLastChoice: attempt.linesAfterLastChoice,
      notes: attempt.notes.map((n) => ({ ...n, facts: [...n.facts] })),
    });
    if (!ok) this.notify('This run could not be replayed on its own version of the scenario.', 'error');
    return ok;
  }

  dispose(): void {
    for (const off of this.off) off();
  }

  private onStarted(
    entry: StoryEntry,
    mode: Mode,
    how: 'new' | 'resumed' | 'replay',
    resumeOf: string | undefined,
    fromStep?: number,
  ): void {
    const profile = this._profile;
    this.run = profile && {
      entry,
      mode,
      profileId: profile.id,
      ...(how === 'replay' && fromStep !== undefined
        ? { replayOf: { attemptId: this.lastFinished, step: fromStep } }
        : {}),
    };
    if (how === 'resumed' && resumeOf !== undefined) {
      // This page carries the attempt on now: a tab still showing it saves elsewhere from here.
      const id = resumeOf;
      this.attemptId = Promise.resolve(id);
      this.enqueue(() => this.store.attempts.claim(id, this.writer), this.session.progress);
      return;
    }
    if (!profile) {
      this.attemptId = Promise.resolve(undefined);
      return;
    }
    const run = this.run;
    const created = this.queue.then(() => this.newAttempt(run));
    this.attemptId = created;
    this.queue = created;
  }

  /** A new attempt for the run on screen (and a copy of the story version it is played on). */
  private async newAttempt(run: Training['run']): Promise<string | undefined> {
    if (!run) return undefined;
    const { entry, mode, profileId } = run;
    const json = this.session.storyJson(entry.id);
    try {
      if (json !== undefined) {
        await this.store.snapshots.keep({
          hash: entry.hash,
          storyId: entry.id,
          title: entry.metadata.title,
          json,
          bounds: entry.bounds,
          endings: [...entry.endings],
        });
      }
      const original = run.replayOf && (await run.replayOf.attemptId);
      const attempt = await this.store.attempts.start(
        profileId,
        { id: entry.id, hash: entry.hash },
        mode,
        this.writer,
        original && run.replayOf ? { attemptId: original, step: run.replayOf.step } : undefined,
      );
      return attempt.id;
    } catch (e) {
      this.notify(faultMessage(e), 'error');
      return undefined;
    }
  }

  /** Saves where the run on screen is. */
  private saveNow(): void {
    const progress = this.session.progress;
    if (!progress) return;
    this.enqueue((id) => this.store.attempts.saveProgress(id, toProgress(progress), this.writer), progress);
  }

  /**
   * Queues a write to the run's attempt. If the attempt is no longer this page's (finished or
   * resumed in another tab), the run so far becomes a new attempt and the write goes there:
   * two tabs never overwrite each other, and neither loses its run.
   */
  private enqueue(write: (attemptId: string) => Promise<unknown>, progress?: RunProgress): void {
    const target = this.attemptId;
    const run = this.run;
    this.queue = this.queue.then(async () => {
      let id = await target;
      if (id === undefined) return;
      // Writes queued before a fork follow it to the new attempt.
      for (let next = this.forks.get(id); next !== undefined; next = this.forks.get(id)) id = next;
      if (this.stopped.has(id)) return;
      try {
        await write(id);
      } catch (e) {
        if (!isConflict(e) || !run) {
          this.notify(faultMessage(e), 'error');
          return;
        }
        if (run.mode === 'assessment') {
          // No second try at an assessment: the tab that took it over carries it; this one stops.
          this.stopped.add(id);
          if (this.run === run) {
            this.run = undefined;
            this.attemptId = Promise.resolve(undefined);
            this.session.showMenu();
          }
          this.notify(
            'This assessment carried on in another tab or was finished there, so it stops here. An assessment is one attempt.',
            'error',
          );
          return;
        }
        const fresh = await this.newAttempt(run);
        if (fresh === undefined) return;
        this.forks.set(id, fresh);
        if (this.attemptId === target) this.attemptId = Promise.resolve(fresh);
        this.notify(
          'This run was also open in another tab, so from here on it is saved as a separate attempt.',
          'info',
        );
        await this.guard(async () => {
          if (progress) await this.store.attempts.saveProgress(fresh, toProgress(progress), this.writer);
          await write(fresh);
        });
      }
    });
  }

  private async guard(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.notify(faultMessage(e), 'error');
    }
  }

  private notify(text: string, tone: 'info' | 'error'): void {
    this.events.emit('notice', { message: text, tone });
  }
}

function toProgress(run: RunProgress): Progress {
  return {
    path: run.path,
    linesAfterLastChoice: run.linesAfterLastChoice,
    notes: run.notes,
    ...(run.answered ? { answered: true } : {}),
    ...(run.draft ? { draft: { facts: [...run.draft.facts], text: run.draft.text } } : {}),
  };
}

/**
 * A save that failed for a reason other than storage (which falls back to memory by itself): a fault
 * in the game. The trainee gets a plain sentence; the details go to the console for a bug report.
 */
function faultMessage(e: unknown): string {
  console.warn('Beyond the Script: a save failed', e);
  return 'Your progress could not be saved just now because of a fault in the game. You can carry on; details are in the browser console.';
}
