/**
 * Talks to author mode's worker. Every request has a time limit; a worker that does not answer in
 * time (a story looping forever without a choice, a pathological file) is terminated and replaced,
 * and the request fails with a message instead of freezing the page.
 */
import type { AuthorRequest, AuthorResponse, AuthorResult } from '../authoring/authorProtocol.ts';

type Pending = {
  resolve: (r: AuthorResult) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
};
type Body = AuthorRequest extends infer R ? (R extends AuthorRequest ? Omit<R, 'id'> : never) : never;

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export class AuthorClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../authoring/authorWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<AuthorResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.reset(new Error(`The story worker stopped: ${e.message || 'unknown error'}`));
    };
    this.worker = worker;
    return worker;
  }

  /** True while a request is waiting for its answer. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops the worker and fails whatever was waiting. */
  reset(reason: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    this.pending.clear();
  }

  request(body: Body, timeoutMs: number): Promise<AuthorResult> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.reset(new TimeoutError('took too long'));
        reject(new TimeoutError(`took longer than ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...body, id } as AuthorRequest);
    });
  }
}
