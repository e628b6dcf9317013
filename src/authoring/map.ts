/**
 * The scenario map for author mode: a story's knots, stitches, choices and endings as a graph,
 * read from the ink SOURCE line by line (so every node keeps its file and line), laid out with
 * dagre and drawn as a standalone SVG document.
 *
 * The reading is deliberately forgiving: it understands knots, stitches, choices (with their
 * scoring marks), gathers, multi-line conditionals, diverts (plain, tunnel calls, threads) and
 * `#ending:` lines, and skips anything else. It never throws on odd ink. Pure TS: runs in the
 * browser and in Node.
 */
import dagre from '@dagrejs/dagre';
import { KNOT_HEADER, STITCH_HEADER, TARGET } from './inkSource.ts';
import { dirname, joinPath } from './paths.ts';

export type MapNodeKind = 'start' | 'knot' | 'stitch' | 'choice' | 'ending';
export type MapEdgeKind = 'flow' | 'choice' | 'divert';

export interface MapScore {
  de: number;
  own: number;
  res: number;
}

export interface MapNode {
  /**
   * `@start`; `knot`; `knot.stitch`; `<container>/c<n>` for the n-th choice and `<container>/e<n>`
   * for the n-th ending line in a knot or stitch (`@start/c1` before the first knot); `@END` or
   * `@DONE` for a bare `-> END` / `-> DONE` that no `#ending:` line leads to.
   */
  id: string;
  kind: MapNodeKind;
  /** Knot or stitch name, a choice's text shortened to about 40 characters, an ending's title. */
  label: string;
  /** The file the node is written in (a key of the sources map). */
  file: string;
  /** 1-based line in `file`. */
  line: number;
  /** Choices only: the scoring marks (a missing axis counts 0). */
  score?: MapScore;
  /** Endings only: the `#ending:` title. */
  ending?: string;
  /** Endings only: the `#resolved:` mark, when there is one. */
  resolved?: boolean;
  /** Choices only: the whole choice text, tags removed (the label is shortened). */
  text?: string;
  unreachable?: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
  kind: MapEdgeKind;
}

export interface StoryMap {
  root: string;
  /** The `# title:` header of the root file, when there is one. */
  title?: string;
  nodes: MapNode[];
  edges: MapEdge[];
}

export interface BuildMapOptions {
  /** Knots (`knot`) or stitches (`knot.stitch`) known to be unreachable, e.g. from the compiler. */
  unreachable?: Set<string>;
}

export const START_ID = '@start';
const LABEL_MAX = 40;

// ---------------------------------------------------------------------------------------------
// Reading the source

interface Group {
  /** Where the choices of this group are offered from. */
  sources: Set<string>;
  /** Flow left dangling by earlier choices of the group (joins the next gather). */
  loose: Set<string>;
}

interface Frame {
  saved: Set<string>;
  ends: Set<string>;
  markers: number;
  hadElse: boolean;
  hadContent: boolean;
}

interface PendingDivert {
  from: string[];
  target: string;
  knot: string | null;
  stitch: string | null;
  file: string;
  line: number;
}

const INCLUDE = /^\s*INCLUDE\s+(.+?)\s*$/;
const LOGIC = /^\s*(?:~|VAR\b|CONST\b|LIST\b|EXTERNAL\b|TODO\b)/;

/**
 * Blanks out `//` and `/* *\/` comments, keeping every newline so line numbers stay true. (The
 * linter has the same helper; it is repeated here so the map does not pull in the tag schemas.)
 */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Index of the first unescaped `#` (a tag), or the line's length. */
function tagStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '#') return i;
  }
  return text.length;
}

/** Net `{` minus `}` in a line, honouring escapes. */
function braceBalance(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') n++;
    else if (c === '}') n--;
  }
  return n;
}

/** The [start, end) of the first top-level `[...]`, honouring escapes and `{...}`. */
function bracketSpan(text: string): [number, number] | undefined {
  let braces = 0;
  let start = -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') braces++;
    else if (c === '}') braces = Math.max(0, braces - 1);
    else if (braces === 0 && c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (braces === 0 && c === ']' && depth > 0) {
      depth--;
      if (depth === 0) return [start, i + 1];
    }
  }
  return undefined;
}

/** The values of `#key: value` tags in `text`. */
function tagValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /#\s*([A-Za-z][\w-]*)\s*:\s*([^#]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = (m[1] ?? '').toLowerCase();
    if (!out.has(key)) out.set(key, (m[2] ?? '').trim());
  }
  return out;
}

function cleanText(text: string): string {
  return text
    .replace(/\\(.)/g, '$1')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/<>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens at a word boundary to at most `max` characters, with an ellipsis. */
export function shorten(text: string, max = LABEL_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

interface DivertScan {
  targets: { name: string; tunnel: boolean; thread: boolean }[];
  /** A plain divert or a tunnel return ends the flow here. */
  ends: boolean;
}

/** Finds `-> target`, `-> tunnel ->`, `->->` and `<- thread` in one line's content. */
function scanDiverts(text: string): DivertScan {
  const scan: DivertScan = { targets: [], ends: false };
  const tokens: { at: number; thread: boolean }[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '->' || two === '<-') {
      tokens.push({ at: i, thread: two === '<-' });
      i++;
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    const next = tokens[k + 1];
    const after = text.slice(tok.at + 2, next ? next.at : text.length);
    if (tok.thread) {
      const m = TARGET.exec(after);
      if (m?.[1]) scan.targets.push({ name: m[1].replace(/\s+/g, ''), tunnel: false, thread: true });
      continue;
    }
    if (next && !next.thread && next.at === tok.at + 2) {
      // `->->`: a tunnel return.
      scan.ends = true;
      k++;
      continue;
    }
    const m = TARGET.exec(after);
    if (!m?.[1]) continue;
    const tunnel = next !== undefined && !next.thread;
    scan.targets.push({ name: m[1].replace(/\s+/g, ''), tunnel, thread: false });
    if (!tunnel) scan.ends = true;
  }
  return scan;
}

class Reader {
  readonly nodes: MapNode[] = [];
  readonly edges: MapEdge[] = [];
  readonly pending: PendingDivert[] = [];
  /** Targets named outside the flow (`VAR x = -> knot`, `~ f(-> knot)`): treated as reachable. */
  readonly referenced: PendingDivert[] = [];
  readonly knots = new Set<string>();
  /** `knot.stitch` ids. */
  readonly stitches = new Set<string>();
  /** `container.label` → node id, for labelled choices and gathers. */
  readonly labels = new Map<string, string>();
  title: string | undefined;

  private readonly edgeKeys = new Set<string>();
  private readonly nodeById = new Map<string, MapNode>();
  private readonly visited = new Set<string>();
  private readonly counters = new Map<string, number>();

  // Per-file cursor.
  private file = '';
  private knot: string | null = null;
  private stitch: string | null = null;
  /** The node content is attached to; null inside a function (ignored). */
  private container: string | null = START_ID;
  private cur = new Set<string>();
  private groups = new Map<number, Group>();
  private frames: Frame[] = [];
  private knotHasContent = false;
  private knotHasStitch = false;
  private isRoot = false;

  constructor(private readonly files: Map<string, string>) {}

  node(node: MapNode): MapNode {
    const existing = this.nodeById.get(node.id);
    if (existing) return existing;
    this.nodes.push(node);
    this.nodeById.set(node.id, node);
    return node;
  }

  getNode(id: string): MapNode | undefined {
    return this.nodeById.get(id);
  }

  edge(from: string, to: string, kind: MapEdgeKind): void {
    const key = `${from}\u0000${to}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, kind });
  }

  private nextIndex(container: string, prefix: string): number {
    const key = `${container}/${prefix}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  /** Where flow continues from: the loose ends, or the container when there are none. */
  private sources(): string[] {
    if (this.cur.size > 0) return [...this.cur];
    return this.container ? [this.container] : [];
  }

  readFile(file: string, isRoot: boolean): void {
    if (this.visited.has(file)) return;
    const raw = this.files.get(file);
    if (raw === undefined) return;
    this.visited.add(file);
    const saved = {
      file: this.file,
      knot: this.knot,
      stitch: this.stitch,
      container: this.container,
      cur: this.cur,
      groups: this.groups,
      frames: this.frames,
      isRoot: this.isRoot,
    };
    this.file = file;
    this.isRoot = isRoot;
    this.knot = null;
    this.stitch = null;
    this.container = START_ID;
    this.cur = new Set(isRoot ? [START_ID] : []);
    this.groups = new Map();
    this.frames = [];
    const lines = stripComments(raw).split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      try {
        this.readLine(lines[i] ?? '', i + 1);
      } catch {
        // Never let one odd line stop the map.
      }
    }
    Object.assign(this, saved);
  }

  private readLine(line: string, lineNo: number): void {
    const trimmed = line.trim();
    if (trimmed === '') return;

    const include = INCLUDE.exec(line);
    if (include?.[1]) {
      const rel = include[1];
      const resolved = joinPath(dirname(this.file), rel);
      this.readFile(this.files.has(resolved) ? resolved : rel, false);
      return;
    }

    const knot = KNOT_HEADER.exec(line);
    if (knot?.[2]) {
      this.openKnot(knot[2], Boolean(knot[1]), lineNo);
      return;
    }
    const stitch = STITCH_HEADER.exec(line);
    if (stitch?.[1]) {
      this.openStitch(stitch[1], lineNo);
      return;
    }

    if (this.container === null) return; // inside a function

    if (trimmed.startsWith('#')) {
      // Header or tag-only line.
      const title = /^#\s*title\s*:\s*(.*)$/i.exec(trimmed);
      if (title && this.title === undefined && this.knot === null && this.isRoot)
        this.title = title[1]?.trim();
      if (tagValues(trimmed).has('ending')) this.content(trimmed, lineNo);
      return;
    }

    if (LOGIC.test(line)) {
      for (const t of scanDiverts(line).targets) {
        this.referenced.push({
          from: [],
          target: t.name,
          knot: this.knot,
          stitch: this.stitch,
          file: this.file,
          line: lineNo,
        });
      }
      return;
    }

    if (this.knot !== null && this.stitch === null) this.knotHasContent = true;

    const balance = braceBalance(line);
    const frame = this.frames[this.frames.length - 1];

    if (frame && /^-(?!>)/.test(trimmed)) {
      this.branchMarker(frame, trimmed, lineNo);
      return;
    }
    if (/^[*+]/.test(trimmed)) {
      this.choice(trimmed, lineNo);
      this.afterBraces(balance);
      return;
    }
    if (/^-(?!>)/.test(trimmed)) {
      this.gather(trimmed, lineNo);
      return;
    }

    if (balance > 0) {
      // A multi-line block opens: `{ cond:`, `{ x:`, `{` or `{stopping:`.
      for (let i = 0; i < balance; i++) this.openFrame();
      const colon = trimmed.replace(/^\{[^:]*:?/, '');
      this.content(colon, lineNo);
      return;
    }
    if (balance < 0) {
      this.content(trimmed.replace(/\}+\s*$/, ''), lineNo);
      this.afterBraces(balance);
      return;
    }
    this.content(trimmed, lineNo, trimmed.includes('{'));
  }

  private openKnot(name: string, isFunction: boolean, lineNo: number): void {
    this.frames = [];
    this.groups = new Map();
    this.knot = name;
    this.stitch = null;
    this.knotHasContent = false;
    this.knotHasStitch = false;
    if (isFunction) {
      this.container = null;
      this.cur = new Set();
      return;
    }
    this.knots.add(name);
    this.node({ id: name, kind: 'knot', label: name, file: this.file, line: lineNo });
    this.container = name;
    this.cur = new Set([name]);
  }

  private openStitch(name: string, lineNo: number): void {
    this.frames = [];
    this.groups = new Map();
    if (this.knot === null || !this.knots.has(this.knot)) {
      // A stitch before any knot, or inside a function: its content is ignored.
      this.container = null;
      this.cur = new Set();
      return;
    }
    const id = `${this.knot}.${name}`;
    this.stitches.add(id);
    this.node({ id, kind: 'stitch', label: name, file: this.file, line: lineNo });
    // A knot with no content of its own runs straight into its first stitch.
    if (!this.knotHasStitch && !this.knotHasContent) this.edge(this.knot, id, 'flow');
    this.knotHasStitch = true;
    this.stitch = name;
    this.container = id;
    this.cur = new Set([id]);
  }

  private openFrame(): void {
    this.frames.push({
      saved: new Set(this.cur),
      ends: new Set(),
      markers: 0,
      hadElse: false,
      hadContent: false,
    });
  }

  private afterBraces(balance: number): void {
    for (let i = 0; i < balance; i++) this.openFrame();
    for (let i = 0; i < -balance; i++) this.closeFrame();
  }

  private closeFrame(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    if (frame.hadContent || frame.markers > 0) for (const s of this.cur) frame.ends.add(s);
    if (!frame.hadElse) for (const s of frame.saved) frame.ends.add(s);
    this.cur = frame.ends;
    const parent = this.frames[this.frames.length - 1];
    if (parent) parent.hadContent = true;
  }

  private branchMarker(frame: Frame, trimmed: string, lineNo: number): void {
    if (frame.hadContent || frame.markers > 0) for (const s of this.cur) frame.ends.add(s);
    frame.markers++;
    if (/^-\s*else\s*:/.test(trimmed)) frame.hadElse = true;
    this.cur = new Set(frame.saved);
    frame.hadContent = false;
    // `- cond: content` may carry content on the same line.
    const rest = trimmed.replace(/^-\s*[^:]*:/, '');
    const balance = braceBalance(rest);
    this.content(rest, lineNo, rest.includes('{'));
    if (balance !== 0) this.afterBraces(balance);
  }

  private markContent(): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame) frame.hadContent = true;
  }

  /** Ordinary content: diverts, tunnels, threads and `#ending:` lines. */
  private content(text: string, lineNo: number, conditional = false): void {
    if (text.trim() === '') return;
    this.markContent();
    const cut = tagStart(text);
    const tags = tagValues(text.slice(cut));
    const ending = tags.get('ending');
    if (ending !== undefined) this.ending(ending, tags.get('resolved'), lineNo);
    this.diverts(text.slice(0, cut), lineNo, conditional);
  }

  private diverts(text: string, lineNo: number, conditional: boolean): void {
    if (!text.includes('->') && !text.includes('<-')) return;
    const scan = scanDiverts(text);
    const from = this.sources();
    for (const t of scan.targets) {
      const { knot, stitch, file } = this;
      this.pending.push({ from, target: t.name, knot, stitch, file, line: lineNo });
    }
    if (scan.ends && !conditional) this.cur = new Set();
  }

  private ending(title: string, resolved: string | undefined, lineNo: number): void {
    const container = this.container ?? START_ID;
    const id = `${container}/e${this.nextIndex(container, 'e')}`;
    const node: MapNode = { id, kind: 'ending', label: title, file: this.file, line: lineNo, ending: title };
    if (resolved !== undefined && /^(yes|no)$/i.test(resolved)) node.resolved = /^yes$/i.test(resolved);
    this.node(node);
    for (const s of this.sources()) this.edge(s, id, 'flow');
    this.cur = new Set([id]);
  }

  private choice(trimmed: string, lineNo: number): void {
    const marks = /^((?:[*+]\s*)+)/.exec(trimmed)?.[1] ?? '*';
    const depth = (marks.match(/[*+]/g) ?? []).length;
    let rest = trimmed.slice(marks.length);
    const label = /^\(\s*([A-Za-z_]\w*)\s*\)\s*/.exec(rest);
    if (label) rest = rest.slice(label[0].length);
    // Conditions: `{cond}` blocks before the text.
    for (let m = /^\{[^{}]*\}\s*/.exec(rest); m; m = /^\{[^{}]*\}\s*/.exec(rest))
      rest = rest.slice(m[0].length);

    const span = bracketSpan(rest);
    let shown: string;
    let scoreText: string;
    let after: string;
    if (span) {
      const inside = rest.slice(span[0] + 1, span[1] - 1);
      const cutInside = tagStart(inside);
      scoreText = inside.slice(cutInside);
      const before = rest.slice(0, span[0]);
      shown = `${before}${inside.slice(0, cutInside)}`;
      after = rest.slice(span[1]);
    } else {
      const cut = tagStart(rest);
      const arrow = rest.indexOf('->');
      const end = arrow >= 0 && arrow < cut ? arrow : cut;
      shown = rest.slice(0, end);
      scoreText = rest.slice(cut);
      after = rest.slice(end);
    }

    // Close deeper groups and collect the flow the previous choice left open.
    const loose = new Set(this.cur);
    for (const [d, g] of [...this.groups]) {
      if (d > depth) {
        for (const s of g.loose) loose.add(s);
        this.groups.delete(d);
      }
    }
    let group = this.groups.get(depth);
    if (group) {
      // The point that offers the choices is not a loose end (a conditional branch resets to it).
      for (const s of loose) if (!group.sources.has(s)) group.loose.add(s);
    } else {
      group = { sources: new Set(this.sources()), loose: new Set() };
      this.groups.set(depth, group);
    }

    const container = this.container ?? START_ID;
    const id = `${container}/c${this.nextIndex(container, 'c')}`;
    const text = cleanText(shown);
    const score: MapScore = { de: 0, own: 0, res: 0 };
    const tags = tagValues(scoreText);
    for (const axis of ['de', 'own', 'res'] as const) {
      const value = /^[+-]?\d+$/.exec(tags.get(axis) ?? '')?.[0];
      if (value !== undefined) score[axis] = Number.parseInt(value, 10);
    }
    this.node({
      id,
      kind: 'choice',
      label: shorten(text || '(no text)'),
      file: this.file,
      line: lineNo,
      score,
      text,
    });
    if (label?.[1]) this.labels.set(`${container}.${label[1]}`, id);
    for (const s of group.sources) this.edge(s, id, 'choice');
    this.cur = new Set([id]);
    this.markContent();
    // Content after the brackets: a divert, or an ending tag.
    const cut = tagStart(after);
    const afterTags = tagValues(after.slice(cut));
    const ending = afterTags.get('ending');
    if (ending !== undefined) this.ending(ending, afterTags.get('resolved'), lineNo);
    this.diverts(after.slice(0, cut), lineNo, after.slice(0, cut).includes('{'));
  }

  private gather(trimmed: string, lineNo: number): void {
    const marks = /^((?:-(?!>)\s*)+)/.exec(trimmed)?.[1] ?? '-';
    const depth = (marks.match(/-/g) ?? []).length;
    const joined = new Set(this.cur);
    for (const [d, g] of [...this.groups]) {
      if (d >= depth) {
        for (const s of g.loose) joined.add(s);
        this.groups.delete(d);
      }
    }
    this.cur = joined;
    let rest = trimmed.slice(marks.length);
    const label = /^\(\s*([A-Za-z_]\w*)\s*\)\s*/.exec(rest);
    if (label?.[1] && this.container) {
      this.labels.set(`${this.container}.${label[1]}`, this.container);
      rest = rest.slice(label[0].length);
    }
    this.content(rest, lineNo, rest.includes('{'));
  }
}

/** Resolves a divert target the way ink looks it up: the current weave, stitch, knot, then knots. */
function resolveTarget(reader: Reader, p: PendingDivert): string | undefined {
  const name = p.target;
  if (name === 'END' || name === 'DONE') return `@${name}`;
  const parts = name.split('.');
  const here = p.knot === null ? START_ID : p.stitch === null ? p.knot : `${p.knot}.${p.stitch}`;
  const candidates: string[] = [];
  if (parts.length === 1) {
    candidates.push(`${here}.${name}`);
    if (p.knot !== null) candidates.push(`${p.knot}.${name}`);
    candidates.push(name);
  } else if (parts.length === 2) {
    candidates.push(name);
    if (p.knot !== null) candidates.push(`${p.knot}.${name}`);
    candidates.push(parts[0]!);
  } else {
    candidates.push(name, parts.slice(0, 2).join('.'), parts[0]!);
  }
  for (const c of candidates) {
    const label = reader.labels.get(c);
    if (label) return label;
    if (reader.stitches.has(c) || reader.knots.has(c)) return c;
  }
  return undefined;
}

/** Knot and stitch that a node belongs to (`knot`, `knot.stitch`), for unreachability marks. */
function containersOf(id: string): string[] {
  const container = id.split('/')[0] ?? id;
  const knot = container.split('.')[0] ?? container;
  return container === knot ? [knot] : [knot, container];
}

export function buildMap(
  sources: Map<string, string>,
  rootFile: string,
  options: BuildMapOptions = {},
): StoryMap {
  const reader = new Reader(sources);
  reader.node({ id: START_ID, kind: 'start', label: 'Start', file: rootFile, line: 1 });
  try {
    reader.readFile(rootFile, true);
  } catch {
    // Keep whatever was read.
  }

  for (const p of reader.pending) {
    const to = resolveTarget(reader, p);
    if (to === undefined) continue;
    for (const from of p.from) {
      if (to.startsWith('@')) {
        // `-> END` after an `#ending:` line is the normal close: nothing to draw.
        if (reader.getNode(from)?.kind === 'ending') continue;
        reader.node({ id: to, kind: 'ending', label: to.slice(1), file: p.file, line: p.line });
      }
      reader.edge(from, to, 'divert');
    }
  }

  // Reachability over the graph: from the start and from targets named in logic (`VAR x = -> k`).
  const out = new Map<string, string[]>();
  for (const e of reader.edges) {
    const list = out.get(e.from) ?? [];
    list.push(e.to);
    out.set(e.from, list);
  }
  const seen = new Set<string>([START_ID]);
  const queue = [START_ID];
  for (const p of reader.referenced) {
    const to = resolveTarget(reader, p);
    if (to !== undefined && !seen.has(to)) {
      seen.add(to);
      queue.push(to);
    }
  }
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const to of out.get(id) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  // A knot entered only through its stitches (`-> knot.stitch`) is still in use.
  for (const id of [...seen]) {
    const knot = containersOf(id)[0];
    if (knot !== undefined && reader.knots.has(knot)) seen.add(knot);
  }
  const marked = options.unreachable ?? new Set<string>();
  for (const node of reader.nodes) {
    const named = node.kind !== 'start' && containersOf(node.id).some((c) => marked.has(c));
    if (!seen.has(node.id) || named) node.unreachable = true;
  }

  const map: StoryMap = { root: rootFile, nodes: reader.nodes, edges: reader.edges };
  if (reader.title) map.title = reader.title;
  return map;
}

// ---------------------------------------------------------------------------------------------
// Layout

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutNode extends MapNode {
  /** Centre of the node. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label wrapped into lines. */
  lines: string[];
}

export interface LaidOutEdge extends MapEdge {
  points: Point[];
}

export interface LaidOutMap {
  map: StoryMap;
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

interface Style {
  font: number;
  /** Line height. */
  lh: number;
  wrap: number;
  maxLines: number;
  padX: number;
  padY: number;
  minWidth: number;
  bold: boolean;
}

const STYLES: Record<MapNodeKind, Style> = {
  start: { font: 14, lh: 18, wrap: 30, maxLines: 2, padX: 18, padY: 9, minWidth: 90, bold: true },
  knot: { font: 14, lh: 18, wrap: 26, maxLines: 2, padX: 16, padY: 10, minWidth: 110, bold: true },
  stitch: { font: 12, lh: 15, wrap: 26, maxLines: 2, padX: 12, padY: 7, minWidth: 70, bold: true },
  choice: { font: 12, lh: 15, wrap: 24, maxLines: 2, padX: 18, padY: 7, minWidth: 120, bold: false },
  ending: { font: 12, lh: 15, wrap: 24, maxLines: 3, padX: 16, padY: 10, minWidth: 120, bold: true },
};
/** Small print (score marks, "unreachable", resolved) under the label. */
const SMALL = { font: 10, lh: 13 };

/** A rough width of `text` in system-ui at `font` px: good enough to size boxes. */
export function textWidth(text: string, font: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if ("il.,:;|!'`".includes(ch)) units += 0.3;
    else if ('fjrt()[] '.includes(ch)) units += 0.38;
    else if ('mwMW@'.includes(ch)) units += 0.9;
    else if (ch >= 'A' && ch <= 'Z') units += 0.68;
    else if (ch === '…') units += 1;
    else units += 0.56;
  }
  return units * font * (bold ? 1.07 : 1);
}

export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  const out = lines.map((l) => (l.length > width + 6 ? shorten(l, width + 2) : l));
  if (out.length <= maxLines) return out;
  const kept = out.slice(0, maxLines);
  kept[maxLines - 1] = shorten(`${kept[maxLines - 1]} ${out[maxLines]}`, width);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

/** The small print lines a node shows under its label. */
export function smallPrint(node: MapNode): string[] {
  const out: string[] = [];
  if (node.kind === 'choice' && node.score) out.push(scoreText(node.score));
  if (node.kind === 'ending') {
    if (node.ending === undefined) out.push('no #ending tag');
    else if (node.resolved !== undefined) out.push(node.resolved ? '✓ resolved' : '✗ not resolved');
  }
  if (node.unreachable) out.push('unreachable');
  return out;
}

const sign = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
export const scoreText = (s: MapScore): string =>
  `de ${sign(s.de)} · own ${sign(s.own)} · res ${sign(s.res)}`;

function measure(node: MapNode): { width: number; height: number; lines: string[] } {
  const st = STYLES[node.kind];
  const lines = wrapText(node.label, st.wrap, st.maxLines);
  const small = smallPrint(node);
  const textW = Math.max(
    ...lines.map((l) => textWidth(l, st.font, st.bold)),
    ...small.map((l) => textWidth(l, SMALL.font)),
  );
  const width = Math.ceil(Math.max(st.minWidth, textW + 2 * st.padX));
  const height = Math.ceil(lines.length * st.lh + small.length * SMALL.lh + 2 * st.padY);
  return { width, height, lines };
}

type LayoutGraph = InstanceType<typeof dagre.graphlib.Graph>;

export function layoutMap(map: StoryMap): LaidOutMap {
  const sized = new Map<string, { width: number; height: number; lines: string[] }>();
  const build = (): LayoutGraph => {
    const g = new dagre.graphlib.Graph({ multigraph: false });
    g.setGraph({ rankdir: 'TB', nodesep: 22, ranksep: 42, edgesep: 12, marginx: 16, marginy: 16 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of map.nodes) {
      const m = sized.get(node.id) ?? measure(node);
      sized.set(node.id, m);
      g.setNode(node.id, { width: m.width, height: m.height });
    }
    for (const edge of map.edges) {
      if (!sized.has(edge.from) || !sized.has(edge.to) || g.hasEdge(edge.from, edge.to)) continue;
      // Choices hang close under the point that offers them.
      g.setEdge(edge.from, edge.to, { weight: edge.kind === 'choice' ? 2 : 1, minlen: 1 });
    }
    return g;
  };
  // Dagre's first ordering is a depth-first walk in insertion order, which is source order: a
  // point's choices read left to right as written. Its crossing-reduction sweeps break ties by
  // flipping siblings around, so they are left out: story graphs are nearly trees, and authors
  // find a choice by its place in the file.
  let g = build();
  try {
    dagre.layout(g, { disableOptimalOrderHeuristic: true });
  } catch {
    g = build();
    dagre.layout(g);
  }

  const nodes: LaidOutNode[] = map.nodes.map((node) => {
    const laid = g.node(node.id) as { x?: number; y?: number } | undefined;
    const m = sized.get(node.id)!;
    return { ...node, x: laid?.x ?? 0, y: laid?.y ?? 0, width: m.width, height: m.height, lines: m.lines };
  });
  const edges: LaidOutEdge[] = map.edges.map((edge) => {
    const laid = g.hasEdge(edge.from, edge.to)
      ? (g.edge(edge.from, edge.to) as { points?: Point[] } | undefined)
      : undefined;
    return { ...edge, points: (laid?.points ?? []).map((p) => ({ x: p.x, y: p.y })) };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return {
    map,
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes,
    edges,
  };
}

// ---------------------------------------------------------------------------------------------
// SVG

export interface SvgOptions {
  /** Shown as the heading and in `<title>`; defaults to the story's `# title:` or the file name. */
  title?: string;
  /** Draw the legend (default true). */
  legend?: boolean;
}

/** Escapes text for XML content and attribute values, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n2 = (n: number): string => String(Math.round(n * 10) / 10);

export type ScoreTone = 'good' | 'mixed' | 'bad';

/** Green: a positive total with no axis negative. Red: a negative total. Amber: the rest. */
export function scoreTone(s: MapScore): ScoreTone {
  const total = s.de + s.own + s.res;
  if (total < 0) return 'bad';
  if (total > 0 && s.de >= 0 && s.own >= 0 && s.res >= 0) return 'good';
  return 'mixed';
}

const PALETTE = {
  ink: '#1f2430',
  muted: '#5f6b7a',
  start: { fill: '#1f2430', stroke: '#1f2430', text: '#ffffff' },
  knot: { fill: '#e7edff', stroke: '#3451b2', text: '#1b2c6b' },
  stitch: { fill: '#f3f5fb', stroke: '#7088d6', text: '#24346f' },
  good: { fill: '#dcf5e3', stroke: '#2f8a4c', text: '#143d22' },
  mixed: { fill: '#fff1c9', stroke: '#c27a00', text: '#4a3200' },
  bad: { fill: '#fde2e1', stroke: '#c23b35', text: '#5a1411' },
  ending: { fill: '#efe9ff', stroke: '#5b3fc4', text: '#2c1b6e' },
  unreachable: { fill: '#f4f5f7', stroke: '#9aa3ad', text: '#6b737c' },
  edge: { choice: '#8a94a3', divert: '#3d4654', flow: '#8a94a3' },
};

function colours(node: MapNode): { fill: string; stroke: string; text: string } {
  if (node.unreachable) return PALETTE.unreachable;
  if (node.kind === 'choice') return PALETTE[scoreTone(node.score ?? { de: 0, own: 0, res: 0 })];
  return PALETTE[node.kind];
}

/** A smooth path through dagre's points (the B-spline d3 calls curveBasis). */
function pathData(points: Point[]): string {
  if (points.length === 0) return '';
  const p = (x: number, y: number) => `${n2(x)},${n2(y)}`;
  const first = points[0]!;
  if (points.length === 2) return `M${p(first.x, first.y)}L${p(points[1]!.x, points[1]!.y)}`;
  let d = `M${p(first.x, first.y)}`;
  let x0 = first.x;
  let y0 = first.y;
  let x1 = first.x;
  let y1 = first.y;
  const bezier = (x: number, y: number) => {
    d += `C${p((2 * x0 + x1) / 3, (2 * y0 + y1) / 3)} ${p((x0 + 2 * x1) / 3, (y0 + 2 * y1) / 3)} ${p(
      (x0 + 4 * x1 + x) / 6,
      (y0 + 4 * y1 + y) / 6,
    )}`;
  };
  for (let i = 1; i < points.length; i++) {
    const { x, y } = points[i]!;
    if (i === 2) d += `L${p((5 * x0 + x1) / 6, (5 * y0 + y1) / 6)}`;
    if (i >= 2) bezier(x, y);
    x0 = x1;
    x1 = x;
    y0 = y1;
    y1 = y;
  }
  bezier(x1, y1);
  d += `L${p(x1, y1)}`;
  return d;
}

function nodeShape(node: LaidOutNode, c: { fill: string; stroke: string }): string {
  const w = node.width;
  const h = node.height;
  const x = -w / 2;
  const y = -h / 2;
  const dash = node.unreachable ? ' stroke-dasharray="5 4"' : '';
  switch (node.kind) {
    case 'start':
      return `<rect x="${n2(x)}" y="${n2(y)}" width="${w}" height="${h}" rx="${n2(h / 2)}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"${dash}/>`;
    case 'knot':
      return `<rect x="${n2(x)}" y="${n2(y)}" width="${w}" height="${h}" rx="10" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"${dash}/>`;
    case 'stitch':
      return `<rect x="${n2(x)}" y="${n2(y)}" width="${w}" height="${h}" rx="6" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.25"${dash}/>`;
    case 'choice':
      return `<rect x="${n2(x)}" y="${n2(y)}" width="${w}" height="${h}" rx="${n2(Math.min(h / 2, 18))}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"${dash}/>`;
    case 'ending':
      return (
        `<rect x="${n2(x)}" y="${n2(y)}" width="${w}" height="${h}" rx="4" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"${dash}/>` +
        `<rect x="${n2(x + 4)}" y="${n2(y + 4)}" width="${w - 8}" height="${h - 8}" rx="2" fill="none" stroke="${c.stroke}" stroke-width="1.5"${dash}/>`
      );
  }
}

function nodeSvg(node: LaidOutNode): string {
  const st = STYLES[node.kind];
  const c = colours(node);
  const small = smallPrint(node);
  const total = node.lines.length * st.lh + small.length * SMALL.lh;
  let y = -total / 2;
  const texts: string[] = [];
  for (const line of node.lines) {
    y += st.lh;
    texts.push(
      `<text x="0" y="${n2(y - st.lh * 0.27)}" font-size="${st.font}"${st.bold ? ' font-weight="600"' : ''} fill="${c.text}">${escapeXml(line)}</text>`,
    );
  }
  for (const line of small) {
    y += SMALL.lh;
    const italic = line === 'unreachable' ? ' font-style="italic"' : '';
    const fill = node.unreachable
      ? c.text
      : line.startsWith('✓')
        ? PALETTE.good.stroke
        : line.startsWith('✗')
          ? PALETTE.bad.stroke
          : PALETTE.muted;
    texts.push(
      `<text x="0" y="${n2(y - SMALL.lh * 0.27)}" font-size="${SMALL.font}"${italic} fill="${fill}">${escapeXml(line)}</text>`,
    );
  }
  const tip = [
    node.kind === 'choice' ? (node.text ?? node.label) : node.label,
    node.kind === 'choice' && node.score ? scoreText(node.score) : '',
    node.kind === 'ending' && node.resolved !== undefined ? `resolved: ${node.resolved ? 'yes' : 'no'}` : '',
    `${node.file} line ${node.line}`,
    node.unreachable ? 'unreachable' : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    `<g class="map-node map-${node.kind}${node.unreachable ? ' map-unreachable' : ''}" data-id="${escapeXml(node.id)}" transform="translate(${n2(node.x)},${n2(node.y)})">` +
    `<title>${escapeXml(tip)}</title>${nodeShape(node, c)}${texts.join('')}</g>`
  );
}

function edgeSvg(edge: LaidOutEdge): string {
  if (edge.points.length < 2) return '';
  const colour = PALETTE.edge[edge.kind];
  const dash = edge.kind === 'flow' ? ' stroke-dasharray="4 3"' : '';
  const width = edge.kind === 'divert' ? 1.6 : 1.2;
  return `<path class="map-edge map-edge-${edge.kind}" d="${pathData(edge.points)}" fill="none" stroke="${colour}" stroke-width="${width}"${dash} marker-end="url(#map-arrow-${edge.kind})"/>`;
}

export interface MapCounts {
  knots: number;
  stitches: number;
  choices: number;
  endings: number;
  unreachable: number;
}

export function countMap(map: StoryMap): MapCounts {
  const count = (kind: MapNodeKind) => map.nodes.filter((n) => n.kind === kind).length;
  return {
    knots: count('knot'),
    stitches: count('stitch'),
    choices: count('choice'),
    endings: count('ending'),
    unreachable: map.nodes.filter((n) => n.unreachable).length,
  };
}

interface LegendItem {
  label: string;
  draw: (x: number, y: number) => string;
  width: number;
}

function legendItems(): LegendItem[] {
  const box = (
    kind: Exclude<MapNodeKind, 'choice'> | ScoreTone | 'unreachable',
    rx: number,
    extra = '',
  ): ((x: number, y: number) => string) => {
    const c = PALETTE[kind];
    return (x, y) =>
      `<rect x="${x}" y="${y - 8}" width="26" height="16" rx="${rx}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"${extra}/>`;
  };
  const line = (kind: MapEdgeKind) => (x: number, y: number) =>
    `<path d="M${x},${y}L${x + 24},${y}" stroke="${PALETTE.edge[kind]}" stroke-width="${kind === 'divert' ? 1.6 : 1.2}"${kind === 'flow' ? ' stroke-dasharray="4 3"' : ''} marker-end="url(#map-arrow-${kind})"/>`;
  const items: { label: string; draw: (x: number, y: number) => string }[] = [
    { label: 'knot', draw: box('knot', 5) },
    { label: 'stitch', draw: box('stitch', 3) },
    { label: 'choice, positive', draw: box('good', 8) },
    { label: 'mixed or zero', draw: box('mixed', 8) },
    { label: 'negative', draw: box('bad', 8) },
    {
      label: 'ending',
      draw: (x, y) =>
        `${box('ending', 2)(x, y)}<rect x="${x + 3}" y="${y - 5}" width="20" height="10" rx="1" fill="none" stroke="${PALETTE.ending.stroke}" stroke-width="1.2"/>`,
    },
    { label: 'unreachable', draw: box('unreachable', 3, ' stroke-dasharray="4 3"') },
    { label: 'offers choice', draw: line('choice') },
    { label: 'divert', draw: line('divert') },
    { label: 'flows on', draw: line('flow') },
  ];
  return items.map((i) => ({ ...i, width: 34 + textWidth(i.label, 11) + 16 }));
}

export function mapToSvg(laid: LaidOutMap, options: SvgOptions = {}): string {
  const { map } = laid;
  const title = options.title ?? map.title ?? map.root;
  const counts = countMap(map);
  const many = (n: number, one: string, more = `${one}s`) => `${n} ${n === 1 ? one : more}`;
  const summary =
    `${many(counts.knots, 'knot')}, ${many(counts.stitches, 'stitch', 'stitches')}, ` +
    `${many(counts.choices, 'choice')}, ${many(counts.endings, 'ending')}, ${counts.unreachable} unreachable`;
  const showLegend = options.legend !== false;
  const items = showLegend ? legendItems() : [];

  const pad = 16;
  const graphW = Math.max(laid.width, 1);
  const legendW = items.reduce((w, i) => w + i.width, 0);
  const width = Math.ceil(Math.max(graphW, Math.min(legendW, 900) + 2 * pad, 480));
  // Legend rows wrap to the width.
  const rows: LegendItem[][] = [[]];
  let rowW = 0;
  for (const item of items) {
    if (rowW + item.width > width - 2 * pad && rows[rows.length - 1]!.length > 0) {
      rows.push([]);
      rowW = 0;
    }
    rows[rows.length - 1]!.push(item);
    rowW += item.width;
  }
  const headH = 54 + (showLegend ? rows.length * 22 + 6 : 0);
  const height = Math.ceil(headH + laid.height);
  const offsetX = (width - graphW) / 2;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" text-anchor="middle"` +
      ` data-knots="${counts.knots}" data-stitches="${counts.stitches}" data-choices="${counts.choices}"` +
      ` data-endings="${counts.endings}" data-unreachable="${counts.unreachable}">`,
  );
  out.push(`<title>${escapeXml(`Scenario map: ${title}`)}</title>`);
  out.push(`<desc>${escapeXml(`${map.root}: ${summary}`)}</desc>`);
  out.push('<defs>');
  for (const kind of ['choice', 'divert', 'flow'] as const) {
    out.push(
      `<marker id="map-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${PALETTE.edge[kind]}"/></marker>`,
    );
  }
  out.push('</defs>');
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${pad}" y="28" text-anchor="start" font-size="18" font-weight="700" fill="${PALETTE.ink}">${escapeXml(title)}</text>`,
  );
  out.push(
    `<text x="${pad}" y="46" text-anchor="start" font-size="11.5" fill="${PALETTE.muted}">${escapeXml(`${map.root} · ${summary}`)}</text>`,
  );
  if (showLegend) {
    out.push(`<g class="map-legend" font-size="11" text-anchor="start" fill="${PALETTE.ink}">`);
    rows.forEach((row, r) => {
      let x = pad;
      const y = 66 + r * 22;
      for (const item of row) {
        out.push(`${item.draw(x, y)}<text x="${n2(x + 32)}" y="${y + 4}">${escapeXml(item.label)}</text>`);
        x += item.width;
      }
    });
    out.push('</g>');
  }
  out.push(`<g class="map-graph" transform="translate(${n2(offsetX)},${headH})">`);
  out.push('<g class="map-edges">');
  for (const edge of laid.edges) out.push(edgeSvg(edge));
  out.push('</g><g class="map-nodes">');
  for (const node of laid.nodes) out.push(nodeSvg(node));
  out.push('</g></g></svg>');
  return `${out.join('\n')}\n`;
}

/** Source files → SVG in one go (build, lay out, draw). */
export function storyMapSvg(
  sources: Map<string, string>,
  rootFile: string,
  options: BuildMapOptions & SvgOptions = {},
): string {
  return mapToSvg(layoutMap(buildMap(sources, rootFile, options)), options);
}
