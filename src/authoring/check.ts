/**
 * `checkStory`: everything an author needs to know about one scenario before a trainee plays it.
 * It compiles the story (compile errors and warnings, with file and line), then plays every choice
 * at every point and reports, with `file line N` wherever there is a line: the endings reached, paths
 * that stop without an ending or fail at run time (with the choices that reproduce them), knots and
 * stitches never reached, choices that loop back, the best and worst achievable score per axis, the
 * number of distinct paths and the longest one.
 *
 * The exploration de-duplicates moments: two choice points with the same ink state (variables, visit
 * counts that can still be read, call stack, choices on offer; minus what cannot affect the future,
 * see `stateKey`) and the same call state the runner carries forward (the customer's mood,
 * scripted-empathy uses, a pending #ending, whether a desk call is open) are one node of a graph,
 * explored once. The clock is not part of it: what a choice adds to it does not depend on it. Scores,
 * path counts and lengths are then computed over that graph (loops included: a choice back to a
 * moment already on the path is reported, and makes path counts unbounded). Limits on the number of
 * moments, on the choices along one path and (optionally) on time keep stories that keep changing
 * state from running forever; when one is hit, the report says so.
 *
 * Pure TypeScript (no `node:` modules, no DOM): author mode runs it in the browser. A story that
 * loops forever inside ink without offering a choice makes inkjs spin inside one `Continue()`, which
 * no code here can interrupt: the CLI runs each check in a worker with a timeout for that.
 */
import { Compiler, CompilerOptions, type Story } from 'inkjs/full';
import { type RunnerSnapshot, type StoryJson, StoryLoadError, StoryRunner } from '../engine/runner.ts';
import { empathyCredit } from '../engine/scoring.ts';
import { AXES, type Axis } from '../engine/tags.ts';
import { type CompileResult, compileInk, type ReadFile } from './compile.ts';
import { type Diagnostic, tidyDiagnostics } from './diagnostics.ts';
import { KNOT_HEADER, STITCH_HEADER } from './inkSource.ts';
import { stripComments } from './lint.ts';
import { dirname, joinPath } from './paths.ts';

export interface CheckOptions {
  /** Most distinct moments (choice points) to explore; default 20,000. */
  maxStates?: number;
  /** Most choices along one path; default 200. */
  maxDepth?: number;
  /** Most lines read between two choices before the story is taken to loop; default 5,000. */
  maxLines?: number;
  /**
   * Most milliseconds to spend exploring (default: no limit, so that results do not depend on the
   * machine). The CLI sets it below its own timeout.
   */
  maxMillis?: number;
  /** Called once compiling is done, before exploring (the CLI keeps these in case it times out). */
  onCompiled?: (diagnostics: Diagnostic[]) => void;
  /** The story already compiled from `source` (the build has just done it): not compiled again. */
  compiled?: CompileResult;
}

export const CHECK_DEFAULTS = { maxStates: 20_000, maxDepth: 200, maxLines: 5_000 } as const;

/** A count of paths: `null` when a loop makes it unbounded. Very large counts are approximate. */
export type PathCount = number | null;

/** Choice indices from the start (0-based, as `StoryRunner.replay` takes them). */
export type ChoicePath = number[];

export interface EndingReport {
  title: string;
  resolved: boolean;
  paths: PathCount;
  /** One path that reaches it. */
  example: ChoicePath;
}

/** A path that fails: it stops without an #ending, or with an error. */
export interface PathProblem {
  message: string;
  /** The shortest-found path that reproduces it. */
  path: ChoicePath;
  /** How many paths end this way. */
  paths: PathCount;
  /** The knot (or knot.stitch) it happens in, when known. */
  location?: string;
  file?: string;
  line?: number;
}

/** A choice that leads back to a moment already on the path: a player can go round forever. */
export interface LoopReport {
  /** The path to the choice point, then the choice that closes the loop. */
  path: ChoicePath;
  choice: string;
  /** True when no ending (nor any other way out) can be reached from the loop. */
  endless: boolean;
  file?: string;
  line?: number;
}

/** A limit that stopped the exploration early, and the path that hit it. */
export interface LimitReport {
  limit: 'maxStates' | 'maxDepth' | 'maxMillis';
  message: string;
  path: ChoicePath;
  file?: string;
  line?: number;
}

export interface UnreachedSection {
  kind: 'knot' | 'stitch';
  /** `knot` or `knot.stitch`. */
  name: string;
  file: string;
  line: number;
}

/** Per axis; `null` when a loop makes it unbounded. */
export type AxisBound = Record<Axis, number | null>;

export interface ExplorationReport {
  /** False when a limit stopped the exploration before every path was played. */
  complete: boolean;
  /** The limits hit, when incomplete. */
  limits: LimitReport[];
  /** Other remarks on how far the findings go, in words. */
  notes: string[];
  /** Distinct moments (choice points) after de-duplication. */
  states: number;
  /** Choices tried: the edges of the de-duplicated graph. */
  choices: number;
  /** Distinct complete paths (ended or failed), counted over the graph. */
  paths: PathCount;
  /** Paths cut short by a limit. */
  unfinishedPaths: PathCount;
  /** Paths that stop at a line that already has a compile error (not reported again). */
  pathsStoppedByCompileErrors: PathCount;
  endings: EndingReport[];
  deadEnds: PathProblem[];
  runtimeErrors: PathProblem[];
  loops: LoopReport[];
  unreached: UnreachedSection[];
  /** Best and worst achievable totals over paths that reach an ending (0 when none does). */
  bounds: { best: AxisBound; worst: AxisBound };
  bestPaths: Record<Axis, ChoicePath>;
  worstPaths: Record<Axis, ChoicePath>;
  /**
   * The most choices on any path (and one such path), and the most game time any path takes, in
   * seconds on the call clock (not necessarily the same path); `null` when a loop makes it unbounded.
   */
  longest: { choices: number | null; seconds: number | null; path: ChoicePath };
  elapsedMs: number;
}

export interface CheckReport {
  file: string;
  /** False when there is any error. */
  ok: boolean;
  diagnostics: Diagnostic[];
  exploration?: ExplorationReport;
}

// ---------------------------------------------------------------------------------------------
// Entry point

export function checkStory(
  file: string,
  source: string,
  readFile: ReadFile,
  options: CheckOptions = {},
): CheckReport {
  const limits = {
    maxStates: options.maxStates ?? CHECK_DEFAULTS.maxStates,
    maxDepth: options.maxDepth ?? CHECK_DEFAULTS.maxDepth,
    maxLines: options.maxLines ?? CHECK_DEFAULTS.maxLines,
    maxMillis: options.maxMillis ?? Number.POSITIVE_INFINITY,
  };
  const read: ReadFile = (p) => (p === file ? source : readFile(p));
  const compiled = options.compiled ?? compileInk(file, source, read);
  const diagnostics = [...compiled.diagnostics];
  options.onCompiled?.(diagnostics);

  const sources = new Map<string, string>();
  for (const f of compiled.files) {
    const text = read(f);
    if (text !== undefined) sources.set(f, text);
  }
  const sections = findSections(sources);
  const debug = new DebugInfo(file, source, read);
  const compileErrors = diagnostics.filter((d) => d.severity === 'error');

  // With errors in the game's own tags, ink itself may still compile: explore that, so one run finds
  // every defect (failures at the lines already reported are dropped as duplicates).
  let json = compiled.json;
  if (json === undefined && compileErrors.length > 0) json = debug.json();
  if (json === undefined) return finish(file, diagnostics);

  let exploration: ExplorationReport;
  try {
    exploration = explore(json, { sections, sources, debug, limits, compileErrors });
  } catch (e) {
    if (e instanceof StoryLoadError) {
      if (compileErrors.length === 0)
        diagnostics.push({ file, severity: 'error', message: `the story cannot start: ${e.message}` });
      return finish(file, diagnostics);
    }
    throw e;
  }
  diagnostics.push(...explorationDiagnostics(file, exploration));
  return finish(file, diagnostics, exploration);
}

function finish(file: string, diagnostics: Diagnostic[], exploration?: ExplorationReport): CheckReport {
  const unique = tidyDiagnostics(diagnostics);
  const ok = !unique.some((d) => d.severity === 'error');
  return exploration ? { file, ok, diagnostics: unique, exploration } : { file, ok, diagnostics: unique };
}

/** The exploration's findings as diagnostics, placed where a line is known. */
function explorationDiagnostics(file: string, x: ExplorationReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (p: { file?: string; line?: number }) =>
    p.line === undefined ? { file: p.file ?? file } : { file: p.file ?? file, line: p.line };
  for (const d of x.deadEnds) {
    out.push({ ...at(d), severity: 'error', message: `${d.message} ${describePath(d)}` });
  }
  for (const d of x.runtimeErrors) {
    out.push({ ...at(d), severity: 'error', message: `runtime error: ${d.message} ${describePath(d)}` });
  }
  for (const u of x.unreached) {
    out.push({
      file: u.file,
      line: u.line,
      severity: 'warning',
      message: `${u.kind} '${u.name}' is never reached`,
    });
  }
  for (const l of x.loops) {
    out.push({
      ...at(l),
      severity: l.endless ? 'error' : 'warning',
      message: `choice '${l.choice}' leads back to a moment already played (${pathText(l.path)}): ${
        l.endless ? 'no ending can be reached from this loop' : 'a player can go round this loop forever'
      }`,
    });
  }
  const noEnding = x.endings.length === 0;
  for (const l of x.limits)
    out.push({ ...at(l), severity: noEnding ? 'error' : 'warning', message: l.message });
  const endless = x.loops.some((l) => l.endless);
  const explained =
    x.deadEnds.length > 0 || x.runtimeErrors.length > 0 || endless || x.pathsStoppedByCompileErrors !== 0;
  if (noEnding && x.complete && !explained) {
    out.push({ file, severity: 'error', message: 'no path reaches an #ending' });
  }
  return out;
}

/** `(in knot.stitch; after choices 2 › 1 › 4; 3 paths)`: choices 1-based, as a player sees them. */
function describePath(p: PathProblem): string {
  const n = p.paths === null ? 'unbounded paths' : p.paths === 1 ? '1 path' : `${formatCount(p.paths)} paths`;
  return `(${p.location ? `in ${p.location}; ` : ''}${pathText(p.path)}; ${n})`;
}

export function pathText(path: ChoicePath): string {
  if (path.length === 0) return 'before any choice';
  const shown =
    path.length > 20
      ? `${path
          .slice(0, 12)
          .map((i) => i + 1)
          .join(' › ')} › … › ${path
          .slice(-5)
          .map((i) => i + 1)
          .join(' › ')}`
      : path.map((i) => i + 1).join(' › ');
  return `after choices ${shown}${path.length > 20 ? ` (${path.length} choices)` : ''}`;
}

/** A path count for people: exact up to a billion, then rounded (`about 1.6e+60`). */
export function formatCount(n: PathCount): string {
  if (n === null) return 'unbounded';
  if (!Number.isFinite(n)) return 'more than 1e308';
  if (n < 1e9) return String(n);
  return `about ${n.toPrecision(2)}`;
}

// ---------------------------------------------------------------------------------------------
// Knots and stitches in the source

interface Section {
  kind: 'knot' | 'stitch' | 'function';
  /** Ink path: `knot` or `knot.stitch`. */
  name: string;
  file: string;
  line: number;
}

function findSections(sources: Map<string, string>): Section[] {
  const out: Section[] = [];
  for (const [file, text] of sources) {
    let knot: Section | undefined;
    const rows = stripComments(text).split('\n');
    for (let n = 0; n < rows.length; n++) {
      const row = rows[n] ?? '';
      const k = KNOT_HEADER.exec(row);
      if (k) {
        knot = { kind: k[1] ? 'function' : 'knot', name: k[2] ?? '', file, line: n + 1 };
        out.push(knot);
        continue;
      }
      const s = STITCH_HEADER.exec(row);
      if (s && knot && knot.kind === 'knot') {
        out.push({ kind: 'stitch', name: `${knot.name}.${s[1]}`, file, line: n + 1 });
      }
    }
  }
  return out;
}

/** The knot or knot.stitch a source line lies in. */
function sectionAt(sections: Section[], file: string, line: number): string | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.file === file && s.line <= line && (!best || s.line > best.line)) best = s;
  return best?.name;
}

// ---------------------------------------------------------------------------------------------
// The compiled JSON, instrumented to record which knots and stitches are visited

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flags for the ink container at the end of a container array (created if needed). */
function containerMeta(container: Json | undefined): JsonObject | undefined {
  if (!Array.isArray(container) || container.length === 0) return undefined;
  const last = container[container.length - 1];
  if (isObject(last)) return last;
  if (last === null) {
    const meta: JsonObject = {};
    container[container.length - 1] = meta;
    return meta;
  }
  return undefined;
}

interface Instrumented {
  json: string;
  /** Who reads which visit counts, to drop counts nothing can read any more (see `liveCounts`). */
  counts: CountReaders;
  /** Every knot and stitch path whose visits are counted (ours or the story's own). */
  sections: Set<string>;
  /** Container paths whose visits we count only to see what is reached: not part of the state. */
  artificial: Set<string>;
  /** Whether ink reads the turn index (TURNS(), TURNS_SINCE): if not, it is not part of the state. */
  usesTurns: boolean;
}

function instrument(json: StoryJson, sections: Section[]): Instrumented {
  const story = (typeof json === 'string' ? JSON.parse(json) : structuredClone(json)) as JsonObject;
  const artificial = new Set<string>();
  const counted = new Set<string>();
  const rootMeta = containerMeta(story.root);
  for (const section of sections) {
    if (section.kind === 'function' || !rootMeta) continue;
    const [knotName = '', stitchName] = section.name.split('.');
    const knot = rootMeta[knotName];
    const target = stitchName === undefined ? knot : containerMeta(knot)?.[stitchName];
    const meta = containerMeta(target);
    if (!meta) continue;
    const flags = typeof meta['#f'] === 'number' ? meta['#f'] : 0;
    counted.add(section.name);
    if ((flags & 1) === 0) {
      meta['#f'] = flags | 1;
      artificial.add(section.name);
    }
  }
  const counts = readersOf(story.root ?? null);
  return {
    json: JSON.stringify(story),
    counts,
    sections: counted,
    artificial,
    usesTurns: counts.usesTurns,
  };
}

// ---------------------------------------------------------------------------------------------
// Which visit counts can still be read
//
// Visit counts decide the future only where ink reads them: a once-only choice reads its own
// count when its choice point is evaluated, `{label}` and READ_COUNT read a container's count,
// sequences read the count of the container they are in. Most counts belong to once-only choices
// in a knot the story never comes back to; keeping them would make every branch a different
// moment. So the code is read once to find, for each counted container, the knots where it is read,
// and which knots each knot can go to; in a given state a count is kept only when one of its
// readers is in a knot still reachable from where the story stands (its call stack and the choices
// on offer). Counts with no known reader are always kept, and a story that reads counts through
// variables (READ_COUNT of a divert target) keeps them all.

interface CountReaders {
  /** False when counts are read in a way the code does not show (READ_COUNT of a variable). */
  prune: boolean;
  /** Counted container path → the knots (first path component) whose code reads its count. */
  readers: Map<string, Set<string>>;
  /** Knot → the knots its code can divert, tunnel, thread, call or choose into. */
  next: Map<string, Set<string>>;
  /** Knots divert-target values point at: reachable from anywhere through variables. */
  anywhere: Set<string>;
  /** Whether ink reads the turn index (TURNS(), TURNS_SINCE). */
  usesTurns: boolean;
}

function readersOf(root: Json): CountReaders {
  const out: CountReaders = {
    prune: true,
    readers: new Map(),
    next: new Map(),
    anywhere: new Set(),
    usesTurns: false,
  };
  const addTo = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  /** A target path as ink resolves it from content in the container at `from`. */
  const resolve = (from: string[], target: string): string[] => {
    if (!target.startsWith('.')) return target.split('.');
    const parts = target.split('.').slice(1);
    // The first `^` of a relative path, from content that is not a container, is its container.
    if (parts[0] === '^') parts.shift();
    const path = [...from];
    for (const part of parts) {
      if (part === '^') path.pop();
      else path.push(part);
    }
    return path;
  };
  const walk = (container: Json[], path: string[]) => {
    const knot = path[0] ?? '';
    const last = container[container.length - 1];
    const meta = isObject(last) ? last : undefined;
    const end = meta || last === null ? container.length - 1 : container.length;
    for (let i = 0; i < end; i++) {
      const item = container[i];
      if (Array.isArray(item)) {
        const tail = item[item.length - 1];
        const name = isObject(tail) && typeof tail['#n'] === 'string' ? tail['#n'] : String(i);
        walk(item, [...path, name]);
      } else if (item === 'visit') addTo(out.readers, path.join('.'), knot);
      else if (item === 'readc') out.prune = false;
      else if (item === 'turn' || item === 'turns') out.usesTurns = true;
      else if (isObject(item)) {
        for (const key of ['->', 'f()', '->t->', '*'] as const) {
          const target = item[key];
          if (typeof target !== 'string') continue;
          if (item.var === true) continue; // through a variable: its targets are in `anywhere`
          const full = resolve(path, target);
          addTo(out.next, knot, full[0] ?? '');
          // A once-only choice (flag 16) reads its own count.
          if (key === '*' && typeof item.flg === 'number' && (item.flg & 16) !== 0) {
            addTo(out.readers, full.join('.'), knot);
          }
        }
        const counted = item['CNT?'];
        if (typeof counted === 'string') addTo(out.readers, resolve(path, counted).join('.'), knot);
        const value = item['^->'];
        if (typeof value === 'string') out.anywhere.add(resolve(path, value)[0] ?? '');
      }
    }
    if (meta) {
      for (const [name, child] of Object.entries(meta)) {
        if (Array.isArray(child)) walk(child, [...path, name]);
      }
    }
  };
  if (Array.isArray(root)) walk(root, []);
  return out;
}

/** The visit counts of `state` something can still read, by container path. */
function liveCounts(state: StateJson, ctx: Instrumented): Record<string, number> {
  const visits = state.visitCounts ?? {};
  const { counts } = ctx;
  const keep = (path: string) => !ctx.artificial.has(path);
  const kept: Record<string, number> = {};
  let reachable: Set<string> | undefined;
  if (counts.prune) {
    // The knots the story can still run: where its call stacks stand, the choices on offer, and
    // everywhere those can lead.
    const start: string[] = [...counts.anywhere];
    const add = (path: unknown) => {
      if (typeof path === 'string') start.push(path.split('.')[0] ?? '');
    };
    for (const flow of Object.values(state.flows ?? {})) {
      const threads = [...(flow.callstack?.threads ?? []), ...Object.values(flow.choiceThreads ?? {})];
      for (const thread of threads) {
        for (const element of (thread.callstack as { cPath?: unknown }[] | undefined) ?? [])
          add(element.cPath);
      }
      for (const choice of flow.currentChoices ?? []) add(choice.targetPath);
    }
    reachable = new Set();
    while (start.length > 0) {
      const knot = start.pop() ?? '';
      if (reachable.has(knot)) continue;
      reachable.add(knot);
      for (const next of counts.next.get(knot) ?? []) start.push(next);
    }
  }
  for (const path of Object.keys(visits).sort()) {
    if (!keep(path)) continue;
    const readers = counts.readers.get(path);
    if (reachable && readers && ![...readers].some((r) => reachable.has(r))) continue;
    kept[path] = visits[path] ?? 0;
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// State keys

interface ThreadJson {
  threadIndex?: number;
  [key: string]: unknown;
}
interface FlowJson {
  callstack?: { threads?: ThreadJson[]; threadCounter?: number };
  outputStream?: unknown;
  choiceThreads?: Record<string, ThreadJson>;
  currentChoices?: {
    text?: string;
    originalThreadIndex?: number;
    originalChoicePath?: string;
    targetPath?: string;
  }[];
}
interface StateJson {
  flows?: Record<string, FlowJson>;
  visitCounts?: Record<string, number>;
  turnIdx?: number;
  [key: string]: unknown;
}

/** A deep copy with object keys in sorted order, so that equal values give equal JSON text. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) out[k] = sorted(o[k]);
    return out;
  }
  return v;
}

/**
 * The part of a saved ink state that decides what can happen next, as text. Kept: variables,
 * temporaries, the call stacks and where they point (including the last object run, which decides
 * which containers a divert newly enters), the choices on offer, the random seed and state, and every
 * visit count something can still read. Dropped: the text already output (the next `Continue`
 * clears it), the turn index when the story never reads it (TURNS(), TURNS_SINCE), the visit counts
 * we added only to see what is reached and those nothing can read any more (`liveCounts`), and the
 * numbering of threads (only their identity matters, and the counter grows with every choice point
 * ever offered). Dictionaries whose order depends on the path taken are sorted.
 */
function stateKey(state: StateJson, ctx: Instrumented): string {
  const copy: StateJson = {
    ...state,
    visitCounts: liveCounts(state, ctx),
    turnIndices: sorted(state.turnIndices),
    variablesState: sorted(state.variablesState),
  };
  if (!ctx.usesTurns) delete copy.turnIdx;
  const flows: Record<string, FlowJson> = {};
  for (const name of Object.keys(state.flows ?? {}).sort()) {
    const flow = state.flows?.[name] ?? {};
    const ids = new Map<number, number>();
    const id = (n: number | undefined): number | undefined => {
      if (n === undefined) return undefined;
      let v = ids.get(n);
      if (v === undefined) {
        v = ids.size;
        ids.set(n, v);
      }
      return v;
    };
    const thread = (t: ThreadJson, n: number | undefined) => ({
      ...t,
      threadIndex: n,
      callstack: sorted(t.callstack),
    });
    const threads = (flow.callstack?.threads ?? []).map((t) => thread(t, id(t.threadIndex)));
    const choices = (flow.currentChoices ?? []).map((c) => ({
      ...c,
      originalThreadIndex: id(c.originalThreadIndex),
    }));
    const choiceThreads: Record<string, unknown> = {};
    for (const k of Object.keys(flow.choiceThreads ?? {}).sort((a, b) => Number(a) - Number(b))) {
      const t = flow.choiceThreads?.[k];
      const n = id(Number(k));
      if (t && n !== undefined) choiceThreads[n] = thread(t, n);
    }
    flows[name] = { callstack: { threads }, currentChoices: choices, choiceThreads } as FlowJson;
  }
  copy.flows = flows;
  return JSON.stringify(copy);
}

/** Only the visit counts of a saved ink state (cheaper than parsing all of it). */
function visitCountsOf(ink: string): Record<string, number> {
  const start = ink.indexOf('"visitCounts":{');
  if (start < 0) return {};
  const from = start + '"visitCounts":'.length;
  const end = ink.indexOf('}', from);
  try {
    return JSON.parse(ink.slice(from, end + 1)) as Record<string, number>;
  } catch {
    return (JSON.parse(ink) as StateJson).visitCounts ?? {};
  }
}

/** Two 53-bit hashes of the key (cyrb53 with two seeds): a collision needs ~2^53 states. */
function hashKey(text: string): string {
  return `${cyrb53(text, 0x9e3779b9).toString(36)}:${cyrb53(text, 0x85ebca6b).toString(36)}:${text.length}`;
}

function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// ---------------------------------------------------------------------------------------------
// Line numbers: the same source compiled with its debug metadata (only when something needs placing)

interface Place {
  file: string;
  line: number;
}

class DebugInfo {
  private story: Story | null | undefined;
  private readonly resolved = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly source: string,
    private readonly readFile: ReadFile,
  ) {}

  /** The story compiled with debug metadata, or null when ink does not compile. */
  get compiled(): Story | null {
    if (this.story !== undefined) return this.story;
    const { file, resolved } = this;
    resolved.set(file, file);
    let failed = false;
    const handler = {
      ResolveInkFilename: (name: string, from?: string | null) => {
        if (!from) return name;
        const full = joinPath(dirname(resolved.get(from) ?? from), name);
        resolved.set(name, full);
        return full;
      },
      LoadInkFileContents: (full: string) => {
        const text = this.readFile(full);
        if (text === undefined) throw new Error(`${full} does not exist`);
        return text;
      },
    };
    const onMessage = (message: string) => {
      if (/^\s*ERROR/.test(message)) failed = true;
    };
    try {
      const story = new Compiler(
        this.source,
        new CompilerOptions(file, [], false, onMessage, handler),
      ).Compile();
      this.story = failed ? null : story;
    } catch {
      this.story = null;
    }
    return this.story;
  }

  /** The compiled JSON, when ink compiles (even if the game's tags have errors). */
  json(): string | undefined {
    const story = this.compiled;
    if (!story) return undefined;
    try {
      return story.ToJson() ?? undefined;
    } catch {
      return undefined;
    }
  }

  private place(
    dm: { fileName: string | null; startLineNumber: number } | null | undefined,
  ): Place | undefined {
    if (!dm?.startLineNumber) return undefined;
    const name = dm.fileName ?? this.file;
    const file = this.resolved.get(name) ?? (name === this.file ? name : joinPath(dirname(this.file), name));
    return { file, line: dm.startLineNumber };
  }

  /** Where the content at an ink path (`knot.stitch.3`, `0.c-1`) was written. */
  placeOfPath(path: string): Place | undefined {
    const story = this.compiled;
    if (!story) return undefined;
    type Node = {
      content?: Node[];
      namedContent?: Map<string, Node>;
      parent?: Node | null;
      debugMetadata?: { fileName: string | null; startLineNumber: number } | null;
    };
    let node = story.mainContentContainer as unknown as Node;
    let found: Node = node;
    for (const part of path.split('.')) {
      if (part === '') continue;
      const next: Node | null | undefined =
        part === '^'
          ? node.parent
          : /^\d+$/.test(part)
            ? node.content?.[Number(part)]
            : node.namedContent?.get(part);
      if (!next) break;
      node = next;
      found = next;
    }
    return this.place(found.debugMetadata);
  }

  /**
   * Runs ink step by step from a saved state until it stops (or fails), and returns where the last
   * step it took was written: the `-> END` of a dead end, the statement that raised an error.
   */
  traceStop(inkState: string): Place | undefined {
    const story = this.compiled;
    if (!story) return undefined;
    let last: Place | undefined;
    try {
      story.state.LoadJson(inkState);
      for (let steps = 0; steps < 1_000_000 && story.canContinue; steps++) {
        last = this.place(story.currentDebugMetadata) ?? last;
        story.Step();
        if (!story.canContinue) story.TryFollowDefaultInvisibleChoice();
      }
    } catch {
      // The step that threw is the one `last` points at.
    }
    return last;
  }
}

// ---------------------------------------------------------------------------------------------
// The exploration

const Kind = {
  Choice: 0,
  /** A choice point not explored because a limit was hit. */
  Cut: 1,
  Ending: 2,
  Failure: 3,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

interface FailureInfo {
  kind: 'dead-end' | 'runtime';
  /** An error inkjs raised (not one the runner found in the game's tags). */
  fromInk: boolean;
  message: string;
  /** The runner's ink location when it failed (`knot.stitch.3`). */
  at?: string;
  /** The ink pointer an ink runtime error names. */
  pointer?: string;
  /** The ink state when it failed. */
  ink?: string;
}

interface GraphNode {
  kind: Kind;
  /** Outgoing edges (choice points only). */
  edges: number[];
  /** The edge it was first reached by (-1 for the start). */
  parentEdge: number;
  title?: string;
  resolved?: boolean;
  failure?: FailureInfo;
  /** For a cut node: the first choice's ink path, to say where the limit was hit. */
  choicePath?: string;
}

interface Limits {
  maxStates: number;
  maxDepth: number;
  maxLines: number;
  maxMillis: number;
}

interface Env {
  sections: Section[];
  sources: Map<string, string>;
  debug: DebugInfo;
  limits: Limits;
  compileErrors: Diagnostic[];
}

interface Frame {
  node: number;
  snap: RunnerSnapshot;
  count: number;
  next: number;
  depth: number;
  empathy: Record<string, number>;
}

const LINE_LOOP = 'lines without a choice: the story may loop forever';

function explore(storyJson: string, env: Env): ExplorationReport {
  const { sections, debug, limits, compileErrors } = env;
  const started = now();
  const ctx = instrument(storyJson, sections);
  const runner = new StoryRunner(ctx.json);
  fixSeed(runner);

  const nodes: GraphNode[] = [];
  const ids = new Map<string, number>();
  // Edges, as parallel arrays.
  const eFrom: number[] = [];
  const eTo: number[] = [];
  const eChoice: number[] = [];
  const eScore: number[][] = [[], [], []];
  const eSecs: number[] = [];
  const reached = new Set<string>();
  const notes: string[] = [];
  const loops: { edge: number; choice: string; choicePath?: string }[] = [];
  let choiceNodes = 0;
  const cut: { limit: LimitReport['limit']; node: number }[] = [];

  const onStack: boolean[] = [];
  const noteVisits = (visits: Record<string, number>) => {
    for (const k in visits) if ((visits[k] ?? 0) > 0 && ctx.sections.has(k)) reached.add(k);
  };

  /** The graph node for where the runner is now, creating it if new. */
  const arrive = (
    parentEdge: number,
    depth: number,
    empathy: Record<string, number>,
    lineLoop: boolean,
  ): { id: number; fresh: boolean; snap?: RunnerSnapshot } => {
    const st = runner.state;
    if (st.kind === 'ended' && !lineLoop) {
      // An ending only matters for what it visited on the way, while something is still unvisited.
      if (reached.size < ctx.sections.size) noteVisits(visitCountsOf(runner.snapshot().ink));
      const key = `E|${st.resolved}|${st.ending}`;
      const known = ids.get(key);
      if (known !== undefined) return { id: known, fresh: false };
      nodes.push({ kind: Kind.Ending, edges: [], parentEdge, title: st.ending, resolved: st.resolved });
      ids.set(key, nodes.length - 1);
      return { id: nodes.length - 1, fresh: true };
    }
    const snap = runner.snapshot();
    noteVisits(visitCountsOf(snap.ink));
    let key: string;
    let make: () => GraphNode;
    if (lineLoop) {
      const at = runner.location;
      key = `L|${at}`;
      make = () => ({
        kind: Kind.Failure,
        edges: [],
        parentEdge,
        failure: {
          kind: 'runtime',
          fromInk: false,
          message: `more than ${limits.maxLines} ${LINE_LOOP}`,
          at,
          ink: snap.ink,
        },
      });
    } else if (st.kind === 'awaiting-choice') {
      const state = JSON.parse(snap.ink) as StateJson;
      const desk = runner.desk.calls[runner.desk.calls.length - 1];
      const carried = {
        mood: runner.callState.mood,
        empathy: Object.entries(empathy).sort(([a], [b]) => a.localeCompare(b)),
        ending: snap.ending ?? null,
        firstLine: snap.firstLine,
        callOpen: desk?.open ?? null,
      };
      key = `C|${hashKey(`${stateKey(state, ctx)}|${JSON.stringify(carried)}`)}`;
      make = () => {
        const limit =
          choiceNodes >= limits.maxStates ? 'maxStates' : depth > limits.maxDepth ? 'maxDepth' : undefined;
        if (limit && !cut.some((c) => c.limit === limit)) cut.push({ limit, node: nodes.length });
        if (!limit) choiceNodes++;
        const full = limit !== undefined;
        const flow = state.flows?.[String(state.currentFlowName ?? 'DEFAULT_FLOW')];
        return {
          kind: full ? Kind.Cut : Kind.Choice,
          edges: [],
          parentEdge,
          choicePath: flow?.currentChoices?.[0]?.originalChoicePath,
        };
      };
    } else {
      const error = st.kind === 'failed' ? st.error : 'the story stopped';
      const failure = readFailure(error, snap.ink);
      key = `F|${failure.kind}|${failure.message}|${failure.at ?? ''}`;
      make = () => ({ kind: Kind.Failure, edges: [], parentEdge, failure });
    }
    const known = ids.get(key);
    if (known !== undefined) return { id: known, fresh: false };
    const id = nodes.length;
    nodes.push(make());
    ids.set(key, id);
    return { id, fresh: true, snap };
  };

  const readSegment = (): boolean => {
    for (let n = 0; n < limits.maxLines; n++) if (!runner.next()) return true;
    return runner.state.kind !== 'running';
  };

  const rootEnded = readSegment();
  const root = arrive(-1, 0, {}, !rootEnded);
  const startSeconds = runner.callState.seconds;
  const stack: Frame[] = [];
  const push = (id: number, snap: RunnerSnapshot, depth: number, empathy: Record<string, number>) => {
    const node = nodes[id];
    if (node?.kind !== Kind.Choice) return false;
    const st = snap.state;
    stack.push({
      node: id,
      snap,
      count: st.kind === 'awaiting-choice' ? st.choices.length : 0,
      next: 0,
      depth,
      empathy,
    });
    onStack[id] = true;
    return true;
  };
  let at = root.snap && push(root.id, root.snap, 0, {}) ? root.id : -1;

  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (now() - started > limits.maxMillis) {
      cut.push({ limit: 'maxMillis', node: f.node });
      break;
    }
    if (f.next >= f.count) {
      stack.pop();
      onStack[f.node] = false;
      at = -1;
      continue;
    }
    const i = f.next++;
    if (at !== f.node) runner.restore(f.snap);
    at = -1;
    const chosen = runner.choose(i);
    const edge = eFrom.length;
    eFrom.push(f.node);
    eChoice.push(i);
    nodes[f.node]!.edges.push(edge);
    let empathy = f.empathy;
    const score = chosen ? { ...chosen.marks.score } : { de: 0, own: 0, res: 0 };
    if (chosen?.marks.empathy) {
      const key = chosen.marks.empathy;
      const use = (f.empathy[key] ?? 0) + 1;
      score.de = empathyCredit(score.de, use);
      // From the fourth use on a +5 earns nothing, as does every later use: they are all alike.
      empathy = { ...f.empathy, [key]: Math.min(use, 3) };
    }
    AXES.forEach((axis, a) => {
      eScore[a]!.push(score[axis]);
    });
    const ended = chosen ? readSegment() : true;
    eSecs.push(runner.callState.seconds - f.snap.call.seconds);
    const child = arrive(edge, f.depth + 1, empathy, !ended);
    eTo.push(child.id);
    if (child.fresh && child.snap) {
      if (push(child.id, child.snap, f.depth + 1, empathy)) at = child.id;
    } else if (onStack[child.id]) {
      const state = JSON.parse(f.snap.ink) as StateJson;
      const flow = state.flows?.[String(state.currentFlowName ?? 'DEFAULT_FLOW')];
      loops.push({
        edge,
        choice: chosen?.text ?? '',
        choicePath: flow?.currentChoices?.[i]?.originalChoicePath,
      });
    }
  }

  // --- Analysis over the graph ---
  const n = nodes.length;
  const pathTo = (edge: number): ChoicePath => {
    const out: number[] = [];
    for (let e = edge; e >= 0; e = nodes[eFrom[e]!]!.parentEdge) out.push(eChoice[e]!);
    return out.reverse();
  };
  const pathOf = (id: number): ChoicePath => pathTo(nodes[id]!.parentEdge);

  const comps = strongComponents(nodes, eTo);
  const compOf = new Int32Array(n).fill(-1);
  comps.forEach((c, ci) => {
    for (const v of c) compOf[v] = ci;
  });
  const cyclic = comps.map((c) => c.length > 1 || nodes[c[0]!]!.edges.some((e) => eTo[e] === c[0]));

  // Best and worst total from each node to an ending (NaN: no ending reachable from there).
  const best = AXES.map(() => new Float64Array(n).fill(Number.NaN));
  const worst = AXES.map(() => new Float64Array(n).fill(Number.NaN));
  const longestChoices = new Float64Array(n).fill(0);
  const longestSecs = new Float64Array(n).fill(0);
  const reachesEnd = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (nodes[v]!.kind === Kind.Ending) {
      for (let a = 0; a < 3; a++) {
        best[a]![v] = 0;
        worst[a]![v] = 0;
      }
    }
    if (nodes[v]!.kind !== Kind.Choice) reachesEnd[v] = 1;
  }
  const relaxAll = (comp: number[], sign: 1 | -1, values: Float64Array, a: number, internal: boolean) => {
    let changed = false;
    for (const v of comp) {
      for (const e of nodes[v]!.edges) {
        const to = eTo[e]!;
        if ((compOf[to] === compOf[v]) !== internal) continue;
        const tv = values[to]!;
        if (Number.isNaN(tv)) continue;
        const cand = eScore[a]![e]! + tv;
        const cur = values[v]!;
        if (Number.isNaN(cur) || sign * cand > sign * cur) {
          values[v] = cand;
          changed = true;
        }
      }
    }
    return changed;
  };
  comps.forEach((comp, ci) => {
    // Tarjan gives components with everything they reach already done.
    for (let a = 0; a < 3; a++) {
      for (const [values, sign] of [
        [best[a]!, 1],
        [worst[a]!, -1],
      ] as const) {
        relaxAll(comp, sign, values, a, false);
        if (!cyclic[ci]) continue;
        // Longest paths inside a loop: Bellman-Ford, with a budget. Still improving after |comp|
        // rounds means a loop that gains on every pass: unbounded.
        const edgesInside = comp.reduce((s, v) => s + nodes[v]!.edges.length, 0);
        const rounds = Math.min(
          comp.length + 1,
          Math.max(1, Math.floor(5_000_000 / Math.max(1, edgesInside))),
        );
        let changed = true;
        for (let r = 0; r < rounds && changed; r++) changed = relaxAll(comp, sign, values, a, true);
        if (changed)
          for (const v of comp) if (!Number.isNaN(values[v]!)) values[v] = sign * Number.POSITIVE_INFINITY;
      }
    }
    let compReaches = false;
    for (const v of comp) {
      for (const e of nodes[v]!.edges) {
        const to = eTo[e]!;
        if (reachesEnd[to]) compReaches = true;
        if (compOf[to] === ci) continue;
        longestChoices[v] = Math.max(longestChoices[v]!, 1 + longestChoices[to]!);
        longestSecs[v] = Math.max(longestSecs[v]!, eSecs[e]! + longestSecs[to]!);
      }
    }
    if (compReaches) for (const v of comp) reachesEnd[v] = 1;
    if (cyclic[ci]) {
      for (const v of comp) {
        longestChoices[v] = Number.POSITIVE_INFINITY;
        longestSecs[v] = Number.POSITIVE_INFINITY;
      }
    }
  });

  // Paths from the start into each node, in topological order (Tarjan's order reversed).
  const into = new Float64Array(n);
  into[root.id] = 1;
  for (let ci = comps.length - 1; ci >= 0; ci--) {
    const comp = comps[ci]!;
    if (cyclic[ci] && comp.some((v) => into[v]! > 0))
      for (const v of comp) into[v] = Number.POSITIVE_INFINITY;
    for (const v of comp) {
      for (const e of nodes[v]!.edges) {
        const to = eTo[e]!;
        if (compOf[to] !== ci) into[to] = into[to]! + into[v]!;
      }
    }
  }
  const count = (x: number): PathCount => (Number.isFinite(x) ? x : null);

  // --- Findings ---
  const endings: EndingReport[] = [];
  const deadEnds: PathProblem[] = [];
  const runtimeErrors: PathProblem[] = [];
  let total = 0;
  let unfinished = 0;
  let droppedAsCompileErrors = 0;
  let stoppedByCompileErrors = 0;
  for (let v = 0; v < n; v++) {
    const node = nodes[v]!;
    if (node.kind === Kind.Ending) {
      total += into[v]!;
      endings.push({
        title: node.title ?? '',
        resolved: node.resolved ?? false,
        paths: count(into[v]!),
        example: pathOf(v),
      });
    } else if (node.kind === Kind.Failure && node.failure) {
      total += into[v]!;
      const problem = locateFailure(node.failure, pathOf(v), ctx, env);
      problem.paths = count(into[v]!);
      const duplicate = compileErrors.some(
        (d) => (d.file === problem.file && d.line === problem.line) || problem.message.includes(d.message),
      );
      if (duplicate) {
        droppedAsCompileErrors++;
        stoppedByCompileErrors += into[v]!;
        continue;
      }
      // The same failure reached through different last lines: one problem, its paths added up.
      const list = node.failure.kind === 'dead-end' ? deadEnds : runtimeErrors;
      const same = list.find(
        (p) => p.message === problem.message && p.file === problem.file && p.line === problem.line,
      );
      if (!same) list.push(problem);
      else {
        same.paths = same.paths === null || problem.paths === null ? null : same.paths + problem.paths;
        if (problem.path.length < same.path.length) same.path = problem.path;
      }
    } else if (node.kind === Kind.Cut) {
      unfinished += into[v]!;
    }
  }

  const complete = cut.length === 0;
  const limitReports = cut.map(({ limit, node }): LimitReport => {
    const path = pathOf(node);
    const choice = nodes[node]!.choicePath;
    const place = choice ? debug.placeOfPath(choice) : undefined;
    const message =
      limit === 'maxDepth'
        ? `exploration incomplete: a path went past ${limits.maxDepth} choices (${pathText(path)}): the story may loop here; only the paths explored are reported`
        : limit === 'maxStates'
          ? `exploration incomplete: stopped at ${limits.maxStates} distinct moments (the next one ${pathText(path)}): the story may loop, or be very large; only the paths explored are reported`
          : `exploration incomplete: stopped after ${limits.maxMillis / 1000} s (at the moment ${pathText(path)}): the story may loop, or be very large; only the paths explored are reported`;
    return { limit, message, path, ...place };
  });
  if (droppedAsCompileErrors > 0) {
    notes.push(`some paths stop at the errors above, so knots and stitches never reached are not reported`);
  }

  const loopReports: LoopReport[] = [];
  const seenLoops = new Set<string>();
  for (const l of loops) {
    const key = l.choicePath ?? String(l.edge);
    if (seenLoops.has(key)) continue;
    seenLoops.add(key);
    const place = l.choicePath ? debug.placeOfPath(l.choicePath) : undefined;
    const from = eFrom[l.edge]!;
    loopReports.push({ path: pathTo(l.edge), choice: l.choice, endless: !reachesEnd[from], ...place });
  }

  // Only a complete exploration that plays through to some ending can tell what is never reached.
  const unreached: UnreachedSection[] = [];
  if (complete && droppedAsCompileErrors === 0 && endings.length > 0) {
    const knotReached = (knot: string) =>
      reached.has(knot) || [...reached].some((p) => p.startsWith(`${knot}.`));
    for (const s of sections) {
      if (s.kind === 'function') continue;
      if (s.kind === 'knot' ? knotReached(s.name) : reached.has(s.name)) continue;
      // A stitch in a knot never reached is not reported on its own.
      if (s.kind === 'stitch' && !knotReached(s.name.split('.')[0] ?? '')) continue;
      unreached.push({ kind: s.kind, name: s.name, file: s.file, line: s.line });
    }
  }

  const rootId = root.id;
  const follow = (pick: (v: number, e: number) => boolean): ChoicePath => {
    const out: number[] = [];
    const seen = new Set<number>();
    let v = rootId;
    while (nodes[v]?.kind === Kind.Choice && !seen.has(v) && out.length <= n) {
      seen.add(v);
      const e = nodes[v]!.edges.find((e) => pick(v, e) && !seen.has(eTo[e]!));
      if (e === undefined) break;
      out.push(eChoice[e]!);
      v = eTo[e]!;
    }
    return out;
  };
  const bound = (values: Float64Array[]): AxisBound => {
    const out = { de: 0, own: 0, res: 0 } as AxisBound;
    AXES.forEach((axis, a) => {
      const x = values[a]![rootId]!;
      out[axis] = Number.isNaN(x) ? 0 : Number.isFinite(x) ? x : null;
    });
    return out;
  };
  const pathsFor = (values: Float64Array[]): Record<Axis, ChoicePath> => {
    const out = { de: [], own: [], res: [] } as Record<Axis, ChoicePath>;
    AXES.forEach((axis, a) => {
      const vals = values[a]!;
      if (!Number.isFinite(vals[rootId]!)) return;
      out[axis] = follow((v, e) => eScore[a]![e]! + vals[eTo[e]!]! === vals[v]!);
    });
    return out;
  };

  const longestChoicesRoot = longestChoices[rootId]!;
  return {
    complete,
    limits: limitReports,
    notes,
    states: choiceNodes,
    choices: eFrom.length,
    paths: count(total),
    unfinishedPaths: count(unfinished),
    pathsStoppedByCompileErrors: count(stoppedByCompileErrors),
    endings,
    deadEnds,
    runtimeErrors,
    loops: loopReports,
    unreached,
    bounds: { best: bound(best), worst: bound(worst) },
    bestPaths: pathsFor(best),
    worstPaths: pathsFor(worst),
    longest: {
      choices: Number.isFinite(longestChoicesRoot) ? longestChoicesRoot : null,
      seconds: Number.isFinite(longestSecs[rootId]!) ? startSeconds + longestSecs[rootId]! : null,
      path: Number.isFinite(longestChoicesRoot)
        ? follow((v, e) => 1 + longestChoices[eTo[e]!]! === longestChoices[v]!)
        : [],
    },
    elapsedMs: Math.round(now() - started),
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Shuffles and RANDOM depend on a seed inkjs picks from the clock: fix it, so checks repeat. */
function fixSeed(runner: StoryRunner): void {
  const snap = runner.snapshot();
  const state = JSON.parse(snap.ink) as StateJson;
  state.storySeed = 0;
  state.previousRandom = 0;
  runner.restore({ ...snap, ink: JSON.stringify(state) });
}

/** Splits a runner error into what it is, where the runner was, and the ink pointer if any. */
function readFailure(error: string, ink: string): FailureInfo {
  let message = error.trim();
  let at: string | undefined;
  const where = /\s*\(at ((?:\(start\)|[^()])*)\)$/.exec(message);
  if (where) {
    at = where[1] === '(start)' ? undefined : where[1];
    message = message.slice(0, where.index);
  }
  const fromInk = /^(RUNTIME ERROR|Error:)/.test(message);
  let pointer: string | undefined;
  const ptr = /\(Ink Pointer -> (\S*) -- index (\d+)\):\s*/.exec(message);
  if (ptr) pointer = ptr[1] ? `${ptr[1]}.${ptr[2]}` : ptr[2];
  message = message
    .replace(/^RUNTIME ERROR:\s*/, '')
    .replace(/\(Ink Pointer -> [^)]*\):\s*/, '')
    .replace(/^'[^']*' line \d+:\s*/, '')
    .replace(/^Error:\s*/, '')
    .trim();
  if (/^the story stopped without an #ending/.test(message)) {
    return { kind: 'dead-end', fromInk: false, message: 'the story stops without an #ending', at, ink };
  }
  return { kind: 'runtime', fromInk, message, at, pointer, ink };
}

/** Replays a failing path to place the failure in the source. */
function locateFailure(failure: FailureInfo, path: ChoicePath, ctx: Instrumented, env: Env): PathProblem {
  const { debug, sources, sections, limits } = env;
  const problem: PathProblem = { message: failure.message, path, paths: 1 };
  let place: Place | undefined;
  const state = failure.ink ? (JSON.parse(failure.ink) as StateJson) : undefined;
  const flow = state?.flows?.[String(state.currentFlowName ?? 'DEFAULT_FLOW')];
  const external = /Missing function binding for externals?:?\s*'([^']+(?:',\s*'[^']+)*)'/i.exec(
    failure.message,
  );
  const badChoice = /^choice '([\s\S]*?)': /.exec(failure.message);
  if (external) {
    const names = (external[1] ?? '').split(/',\s*'/);
    problem.message = `EXTERNAL function ${names.map((x) => `'${x}'`).join(', ')} is not bound by the game, so the story fails before its first line: write it as an ink function instead`;
    for (const [file, text] of sources) {
      const rows = stripComments(text).split('\n');
      const n = rows.findIndex((r) =>
        names.some((name) => new RegExp(`^\\s*EXTERNAL\\s+${name}\\b`).test(r)),
      );
      if (n >= 0) {
        place = { file, line: n + 1 };
        break;
      }
    }
  } else if (badChoice) {
    const choice = flow?.currentChoices?.find((c) => c.text === badChoice[1]);
    if (choice?.originalChoicePath) place = debug.placeOfPath(choice.originalChoicePath);
  } else if (failure.kind === 'dead-end' || failure.fromInk) {
    const before = replayBefore(ctx.json, path, limits.maxLines);
    if (before) place = debug.traceStop(before);
    if (!place && failure.pointer) place = debug.placeOfPath(failure.pointer);
  } else {
    // The game's own checks fail just after ink produced the line: ink's last step is on it.
    const prev = flow?.callstack?.threads?.at(-1)?.previousContentObject;
    if (typeof prev === 'string') place = debug.placeOfPath(prev);
    if (!place) {
      const before = replayBefore(ctx.json, path, limits.maxLines);
      if (before) place = debug.traceStop(before);
    }
  }
  if (!place && failure.at) place = debug.placeOfPath(failure.at);
  if (place) {
    problem.file = place.file;
    problem.line = place.line;
    problem.location = sectionAt(sections, place.file, place.line);
  }
  return problem;
}

/** The ink state just before the `next()` that failed, replaying `path` on a fresh runner. */
function replayBefore(json: string, path: ChoicePath, maxLines: number): string | undefined {
  const runner = new StoryRunner(json);
  fixSeed(runner);
  for (const i of path) {
    for (let n = 0; n < maxLines && runner.next(); n++);
    if (!runner.choose(i)) return undefined;
  }
  let before: string | undefined;
  for (let n = 0; n < maxLines && runner.state.kind === 'running'; n++) {
    before = runner.snapshot().ink;
    if (!runner.next()) break;
  }
  return before;
}

/** Tarjan's strongly connected components over choice nodes, iteratively; sinks first. */
function strongComponents(nodes: GraphNode[], eTo: number[]): number[][] {
  const n = nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const comps: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    const work: [number, number][] = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const edges = nodes[v]!.edges;
      if (i < edges.length) {
        top[1] = i + 1;
        const w = eTo[edges[i]!]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        comps.push(comp);
      }
    }
  }
  return comps;
}
