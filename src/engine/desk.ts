/**
 * The call model for desk scenarios: calls, holds, transfers, drops and the notes reps leave. Pure
 * records and summaries; the runner fills them in as the story plays.
 */
import { waitPenalty } from './mood.ts';

export interface HoldRecord {
  /** Seconds into the scenario when the hold began. */
  at: number;
  seconds: number;
  /** The rep asked first and said how long. */
  asked: boolean;
}

export interface TransferRecord {
  at: number;
  to: string;
  warm: boolean;
}

export interface CallRecord {
  /** 0-based. */
  index: number;
  department: string;
  /** The rep the trainee played. */
  rep?: string;
  /** What would have broken the chain on this call (from the author). */
  breaker?: string;
  startedAt: number;
  endedAt: number;
  holds: HoldRecord[];
  transfers: TransferRecord[];
  dropped?: string;
  /** Other reps heard on this call (colleagues, managers). */
  voices: string[];
  notes?: { facts: string[]; text: string };
  /** False once the line dropped or the rep wrote the call's notes: later lines are between calls. */
  open: boolean;
}

export interface CrmNote {
  at: number;
  author: string;
  text: string;
}

export interface DeskState {
  calls: CallRecord[];
  crm: CrmNote[];
}

export const emptyDesk = (): DeskState => ({ calls: [], crm: [] });

/**
 * Patience on hold: an unannounced hold drains like any wait; a hold the rep asked for and gave a
 * time for drains half as fast (people tolerate a wait they agreed to).
 */
export function holdPenalty(seconds: number, asked: boolean): number {
  const full = waitPenalty(seconds);
  return asked ? Math.min(-1, Math.ceil(full / 2)) : full;
}

export interface DeskSummary {
  calls: number;
  holds: number;
  holdSeconds: number;
  unaskedHolds: number;
  transfers: number;
  warmTransfers: number;
  coldTransfers: number;
  disconnects: number;
  /** Departments the customer dealt with (calls and transfer targets). */
  departments: string[];
  /** Reps the customer spoke to: the ones the trainee played and the others heard. */
  reps: string[];
  /** From the first ring to the end of the last call, in seconds. */
  customerSeconds: number;
  /** The longest single call, in seconds. */
  longestCall: number;
}

const unique = (xs: string[]) => [...new Set(xs.filter((x) => x !== ''))];

export function summarizeDesk(desk: DeskState): DeskSummary {
  const calls = desk.calls;
  const holds = calls.flatMap((c) => c.holds);
  const transfers = calls.flatMap((c) => c.transfers);
  const first = calls[0];
  const last = calls[calls.length - 1];
  return {
    calls: calls.length,
    holds: holds.length,
    holdSeconds: holds.reduce((s, h) => s + h.seconds, 0),
    unaskedHolds: holds.filter((h) => !h.asked).length,
    transfers: transfers.length,
    warmTransfers: transfers.filter((t) => t.warm).length,
    coldTransfers: transfers.filter((t) => !t.warm).length,
    disconnects: calls.filter((c) => c.dropped !== undefined).length,
    departments: unique([...calls.map((c) => c.department), ...transfers.map((t) => t.to)]),
    reps: unique(calls.flatMap((c) => [c.rep ?? '', ...c.voices])),
    customerSeconds: first && last ? last.endedAt - first.startedAt : 0,
    longestCall: calls.reduce((m, c) => Math.max(m, c.endedAt - c.startedAt), 0),
  };
}
