/**
 * Node tests fail on an unexpected console.error or console.warn, as the browser tests do: a warning
 * nobody reads is a bug nobody fixes. A test that means to provoke one says so with
 * `expectConsole('warn', /pattern/)`; whatever it expects must then appear.
 */
import { afterEach, beforeEach, expect, type MockInstance, vi } from 'vitest';

type Kind = 'error' | 'warn';

let seen: { kind: Kind; text: string }[] = [];
let expected: { kind: Kind; pattern: RegExp; met: boolean }[] = [];
const spies: MockInstance[] = [];

/** This test expects console[kind] output matching `pattern` (each expectation must be met). */
export function expectConsole(kind: Kind, pattern: RegExp): void {
  expected.push({ kind, pattern, met: false });
}

beforeEach(() => {
  seen = [];
  expected = [];
  for (const kind of ['error', 'warn'] as const) {
    spies.push(
      vi.spyOn(console, kind).mockImplementation((...args: unknown[]) => {
        seen.push({ kind, text: args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ') });
      }),
    );
  }
});

afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
  const unexpected: string[] = [];
  for (const s of seen) {
    const match = expected.find((e) => e.kind === s.kind && e.pattern.test(s.text));
    if (match) match.met = true;
    else unexpected.push(`console.${s.kind}: ${s.text}`);
  }
  expect(unexpected, 'unexpected console output').toEqual([]);
  expect(
    expected.filter((e) => !e.met).map((e) => `console.${e.kind} ${e.pattern}`),
    'console output the test expected but did not see',
  ).toEqual([]);
});
