/**
 * Usage: npm run check [-- [--json] [--timeout <seconds>] [--max-states <n>] [--max-depth <n>] [files...]]
 *    or: npx tsx src/cli/check.ts [same options]
 *
 * Checks every `stories/*.ink` (or the files given): when it checks every story, first the curriculum
 * (`stories/curriculum.json`, if there is one: its mistakes, and stories it does not list), then each
 * story in menu order: compile errors and warnings, then every choice
 * at every point: endings, dead ends, runtime errors, knots and stitches never reached, loops, the
 * best and worst score per axis, the number of paths and the longest one. Each problem is printed
 * as `file line N: message`; choice paths count from 1, in the order the choices are shown.
 * `--json` prints the reports as JSON instead. Exit code 1 when any file has an error, 2 on bad usage.
 *
 * Each story is checked in a worker thread with a time limit (default 20 s, counted again once it
 * has compiled): a story that loops forever inside ink without offering a choice would otherwise
 * hang the check. The exploration itself stops at three quarters of the limit and reports what it
 * found as incomplete; only a story stuck inside ink reaches the limit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, type MessagePort, Worker } from 'node:worker_threads';
import { type CheckOptions, type CheckReport, checkStory, formatCount } from '../authoring/check.ts';
import { CURRICULUM_FILE, orderScenarios } from '../authoring/curriculum.ts';
import { type Diagnostic, formatDiagnostic } from '../authoring/diagnostics.ts';
import { AXES } from '../engine/tags.ts';

const USAGE =
  'usage: npm run check [-- [--json] [--timeout <seconds>] [--max-states <n>] [--max-depth <n>] [files...]]';
const DEFAULT_TIMEOUT_S = 20;

export interface MainOptions {
  /** Where output lines go (default: stdout). */
  write?: (line: string) => void;
  /** Project root that file names are relative to (default: the working directory). */
  root?: string;
}

interface Args {
  json: boolean;
  timeoutMs: number;
  check: Pick<CheckOptions, 'maxStates' | 'maxDepth' | 'maxMillis'>;
  files: string[];
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const write = options.write ?? ((line: string) => console.log(line));
  const root = options.root ?? process.cwd();
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    write(args);
    return args === USAGE ? 0 : 2;
  }
  const curriculum = args.files.length ? undefined : checkCurriculum(root);
  const files = args.files.length
    ? args.files.map((f) => relative(root, resolve(root, f)).split(sep).join('/'))
    : (curriculum?.order ?? []).map((id) => `stories/${id}.ink`);

  const reports = await runAll(files, root, args);
  const all = curriculum?.report ? [curriculum.report, ...reports] : reports;
  if (args.json) write(JSON.stringify(all, null, 2));
  else for (const report of all) for (const line of formatReport(report)) write(line);
  const failed = reports.filter((r) => !r.ok).length;
  const curriculumFailed = curriculum?.report?.ok === false;
  if (!args.json) {
    write(
      `${files.length} ${files.length === 1 ? 'story' : 'stories'} checked: ${
        failed === 0 ? 'all ok' : `${failed} with errors`
      }${curriculumFailed ? `; ${CURRICULUM_FILE} has errors` : ''}`,
    );
  }
  return failed > 0 || curriculumFailed ? 1 : 0;
}

/**
 * Every story in `stories/`, in menu order, and the curriculum's report: there is one when the
 * curriculum exists or has something to say, in the same form as a story's (with no exploration).
 */
function checkCurriculum(root: string): { order: string[]; report?: CheckReport } {
  const ids = readdirSync(join(root, 'stories'))
    .filter((n) => n.endsWith('.ink'))
    .map((n) => n.slice(0, -'.ink'.length));
  const path = join(root, CURRICULUM_FILE);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const { order, diagnostics } = orderScenarios(ids, text);
  if (text === undefined && diagnostics.length === 0) return { order };
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { order, report: { file: CURRICULUM_FILE, ok, diagnostics } };
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = {
    json: false,
    timeoutMs: DEFAULT_TIMEOUT_S * 1000,
    check: { maxMillis: DEFAULT_TIMEOUT_S * 750 },
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const number = (): number | undefined => {
      const v = Number(argv[++i]);
      return Number.isFinite(v) && v > 0 ? v : undefined;
    };
    if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a === '--timeout') {
      const v = number();
      if (v === undefined) return `--timeout needs a number of seconds\n${USAGE}`;
      args.timeoutMs = v * 1000;
      // Stop exploring in time to report what was found, before the worker is stopped.
      args.check.maxMillis = v * 750;
    } else if (a === '--max-states' || a === '--max-depth') {
      const v = number();
      if (v === undefined) return `${a} needs a positive number\n${USAGE}`;
      args.check[a === '--max-states' ? 'maxStates' : 'maxDepth'] = Math.floor(v);
    } else if (a.startsWith('-')) return `unknown option '${a}'\n${USAGE}`;
    else args.files.push(a);
  }
  return args;
}

/**
 * Checks the files in a few workers; each worker checks its files one after another (warm by the
 * second one) and is replaced when a check runs out of time. Reports come back in the order given.
 */
async function runAll(files: string[], root: string, args: Args): Promise<CheckReport[]> {
  const reports: CheckReport[] = new Array(files.length);
  let next = 0;
  const lanes = Math.max(1, Math.min(files.length, availableParallelism(), 4));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const worker = new CheckWorker(root, args);
      try {
        while (next < files.length) {
          const i = next++;
          reports[i] = await worker.check(files[i] ?? '');
        }
      } finally {
        worker.close();
      }
    }),
  );
  return reports;
}

interface WorkerData {
  root: string;
  check: Args['check'];
  module: string;
}

type WorkerMessage =
  | { type: 'compiled'; diagnostics: Diagnostic[] }
  | { type: 'report'; report: CheckReport }
  | { type: 'crash'; error: string };

/**
 * The worker loads this module through tsx's API, so it works however the parent was started
 * (`tsx`, or vitest): plain Node cannot load TypeScript.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then(({ tsImport }) => tsImport(workerData.data.module, workerData.data.module))
  .then((m) => m.runWorker(parentPort, workerData.data))
  .catch((e) => parentPort.postMessage({ type: 'crash', error: String((e && e.stack) || e) }));
`;

function tsxApi(): string {
  const meta = import.meta as ImportMeta & { resolve?: (s: string) => string };
  try {
    if (meta.resolve) return meta.resolve('tsx/esm/api');
  } catch {
    // Fall through.
  }
  // Resolve from this file, whatever the working directory is.
  const pkg = fileURLToPath(new URL('../../node_modules/tsx/package.json', import.meta.url));
  return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
}

const TIMED_OUT = (s: number) =>
  `exploration timed out after ${s} s: the story may loop forever without a choice (a divert back to itself with nothing to choose in between)`;

/** One worker thread that checks files one at a time, each with a time limit. */
class CheckWorker {
  private worker: Worker | undefined;
  private pending:
    | { file: string; compiled: Diagnostic[]; done: (r: CheckReport) => void; timer: NodeJS.Timeout }
    | undefined;

  constructor(
    private readonly root: string,
    private readonly args: Args,
  ) {}

  check(file: string): Promise<CheckReport> {
    const worker = this.worker ?? this.start();
    return new Promise((done) => {
      this.pending = { file, compiled: [], done, timer: this.timer() };
      worker.postMessage({ type: 'check', file });
    });
  }

  /** The time limit: for starting and compiling, then again for exploring. */
  private timer(): NodeJS.Timeout {
    return setTimeout(() => {
      this.fail(TIMED_OUT(this.args.timeoutMs / 1000));
      this.close();
    }, this.args.timeoutMs);
  }

  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }

  private start(): Worker {
    const data: WorkerData = { root: this.root, check: this.args.check, module: import.meta.url };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { tsx: tsxApi(), data } });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'compiled') {
        if (!this.pending) return;
        this.pending.compiled = m.diagnostics;
        clearTimeout(this.pending.timer);
        this.pending.timer = this.timer();
      } else if (m.type === 'report') this.settle(m.report);
      else {
        this.fail(`the checker crashed: ${m.error}`);
        this.close();
      }
    });
    worker.on('error', (e) => {
      this.fail(`the checker crashed: ${e.stack ?? e.message}`);
      this.close();
    });
    // A report posted just before the worker exits is still on its way: let it arrive first.
    worker.on('exit', (code) =>
      setImmediate(() => {
        if (this.worker === worker) this.worker = undefined;
        this.fail(`the checker stopped (exit code ${code})`);
      }),
    );
    this.worker = worker;
    return worker;
  }

  private settle(report: CheckReport): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.done(report);
  }

  /** Ends the check under way with an error, keeping the compile diagnostics already known. */
  private fail(message: string): void {
    const pending = this.pending;
    if (!pending) return;
    const diagnostics = [...pending.compiled, { file: pending.file, severity: 'error' as const, message }];
    this.settle({ file: pending.file, ok: false, diagnostics });
  }
}

/** The worker's side: check each file the parent sends and post the report. */
export function runWorker(port: MessagePort, data: WorkerData): void {
  const read = (p: string): string | undefined => {
    try {
      return readFileSync(join(data.root, p), 'utf8');
    } catch {
      return undefined;
    }
  };
  port.on('message', (m: { type: 'check'; file: string }) => {
    const file = m.file;
    const source = read(file);
    const report: CheckReport =
      source === undefined
        ? { file, ok: false, diagnostics: [{ file, severity: 'error', message: 'no such file' }] }
        : checkStory(file, source, read, {
            ...data.check,
            onCompiled: (diagnostics) => port.postMessage({ type: 'compiled', diagnostics }),
          });
    port.postMessage({ type: 'report', report });
  });
}

const MINUS = '\u2212';
const signed = (n: number | null): string =>
  n === null ? 'unbounded' : n > 0 ? `+${n}` : n < 0 ? `${MINUS}${-n}` : '0';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Game time for people: `45 s`, `29 min`, `1 h 05 min`. */
function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The human-readable report for one story. */
export function formatReport(report: CheckReport): string[] {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const status =
    errors + warnings === 0
      ? 'ok'
      : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
          .filter(Boolean)
          .join(', ');
  const out = [`${report.file}  ${status}`];
  for (const d of report.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
  const x = report.exploration;
  if (!x) return out;
  const paths = (n: number | null) =>
    n === null ? 'unbounded paths' : `${formatCount(n)} ${n === 1 ? 'path' : 'paths'}`;
  out.push(`  ${plural(x.endings.length, 'ending')}${x.endings.length ? ':' : ''}`);
  for (const e of x.endings) {
    out.push(`    ${e.title} (${e.resolved ? 'resolved' : 'not resolved'}): ${paths(e.paths)}`);
  }
  const longest =
    x.longest.choices === null
      ? 'no longest path (it loops)'
      : `longest ${plural(x.longest.choices, 'choice')}${x.longest.seconds === null ? '' : ` (up to ${duration(x.longest.seconds)})`}`;
  out.push(
    `  ${paths(x.paths)}, ${longest}; ${plural(x.states, 'moment')} explored in ${x.elapsedMs} ms${
      x.complete ? '' : ' (incomplete)'
    }`,
  );
  if (x.endings.length > 0) {
    out.push(
      `  best/worst  ${AXES.map((a) => `${a} ${signed(x.bounds.best[a])}/${signed(x.bounds.worst[a])}`).join('  ')}`,
    );
  }
  if (!x.complete && x.unfinishedPaths) out.push(`  ${paths(x.unfinishedPaths)} cut short by the limits`);
  for (const note of x.notes) out.push(`  note: ${note}`);
  return out;
}

const invoked = process.argv[1] ? resolve(process.argv[1]) : '';
if (isMainThread && invoked === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
