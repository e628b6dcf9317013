/**
 * Usage: npx tsx src/cli/play.ts [--plain] [--seed N] <story.ink | story.json>
 *
 * Plays an ink story in the terminal: type the number of a choice and press Enter.
 *
 * - Default (scenario mode): a scenario with the game's header is compiled with the game's own
 *   compiler and tag checks (mistakes are reported `file line N: ...`) and played with the game's
 *   engine: speakers, the call clock, the customer's mood, holds and transfers, the points and
 *   feedback of each choice, and the debrief at the end. A story without the header (one written in
 *   Inky, say) still plays, with a warning that nothing is scored.
 * - `--plain`: exactly inklecate's play-mode transcript (content lines, `# tags: ...`, a blank line,
 *   `N: choice` lines, the `?> ` prompt), so transcripts can be compared with other ink runtimes.
 * - `--seed N`: seeds ink's random numbers (shuffles, RANDOM) so a run can be repeated.
 *
 * Exit codes: 0 when the story ends or the input does, 1 when the story cannot be read, compiled or
 * run, 2 for a usage mistake.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Compiler, CompilerOptions, Story } from 'inkjs/full';
import type { Diagnostic } from '../authoring/diagnostics.ts';
import type { Debrief } from '../engine/debrief.ts';
import type { CallState, ChoiceOption, StoryLine, StoryRunner } from '../engine/runner.ts';
import type { Metadata, Score } from '../engine/tags.ts';

export const USAGE = 'Usage: npx tsx src/cli/play.ts [--plain] [--seed N] <story.ink | story.json>';

/** Where the player writes: `process.stdout`, or anything that collects text in a test. */
export interface Output {
  write(text: string): unknown;
}

interface Options {
  plain: boolean;
  seed?: number;
  file: string;
}

/** Header keys only the game's scenarios use: a story with one of them means to be a scenario. */
const SCENARIO_KEYS = ['summary', 'setting', 'difficulty', 'minutes', 'cast', 'caller', 'account', 'facts'];
/** inkjs reports warnings with ErrorType.Warning (1) and author notes (TODO) with 0. */
const INK_WARNING = 1;
const INK_AUTHOR = 0;

/**
 * The game's compiler and engine, loaded only for scenario mode: `--plain` needs nothing but inkjs,
 * and starts in half the time without them (it runs once per conformance case).
 */
async function loadGame() {
  const [compile, diagnostics, lint, clock, debrief, explore, runner, scoring, tags, wording] =
    await Promise.all([
      import('../authoring/compile.ts'),
      import('../authoring/diagnostics.ts'),
      import('../authoring/lint.ts'),
      import('../engine/clock.ts'),
      import('../engine/debrief.ts'),
      import('../engine/explore.ts'),
      import('../engine/runner.ts'),
      import('../engine/scoring.ts'),
      import('../engine/tags.ts'),
      import('../engine/wording.ts'),
    ]);
  return {
    compileInk: compile.compileInk,
    formatDiagnostic: diagnostics.formatDiagnostic,
    readHeader: lint.readHeader,
    formatClock: clock.formatClock,
    formatDuration: clock.formatDuration,
    makeDebrief: debrief.makeDebrief,
    explore: explore.explore,
    StoryRunner: runner.StoryRunner,
    StoryLoadError: runner.StoryLoadError,
    scoreChoices: scoring.scoreChoices,
    AXES: tags.AXES,
    AXIS_NAMES: tags.AXIS_NAMES,
    parseHeader: tags.parseHeader,
    splitTag: tags.splitTag,
    scoreText: wording.scoreText,
  };
}
type Game = Awaited<ReturnType<typeof loadGame>>;

/**
 * Runs the player. Never throws and never exits the process: returns the exit code, having written
 * the story to `stdout` and every problem, as one line each, to `stderr`.
 */
export async function main(
  argv: readonly string[],
  stdin: NodeJS.ReadableStream | string,
  stdout: Output,
  stderr: Output = process.stderr,
): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('usage' in parsed) {
    stderr.write(`play: ${parsed.usage}\n${USAGE}\n`);
    return 2;
  }
  const input = new LineReader(stdin);
  try {
    return await run(parsed, input, stdout, stderr);
  } catch (e) {
    // Anything unforeseen still ends as one line, not a stack trace.
    stderr.write(`${parsed.file}: ${errorMessage(e)}\n`);
    return 1;
  } finally {
    input.close();
  }
}

function parseArgs(argv: readonly string[]): Options | { help: true } | { usage: string } {
  let plain = false;
  let seed: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--plain') plain = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? argv[++i] : arg.slice('--seed='.length);
      if (value === undefined || !/^-?\d+$/.test(value)) {
        return { usage: '--seed needs a whole number, e.g. --seed 7' };
      }
      seed = Number(value);
    } else if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-')) return { usage: `unknown option '${arg}'` };
    else files.push(arg);
  }
  if (files.length === 0) return { usage: 'which story? Give an .ink or a compiled .json file' };
  if (files.length > 1) return { usage: `one story at a time (got ${files.length}: ${files.join(', ')})` };
  return { plain, seed, file: files[0] ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Reading the story file

type Loaded =
  | { kind: 'ink'; source: string; path: string }
  | { kind: 'json'; json: string; path: string }
  | { kind: 'error'; message: string };

function loadFile(file: string): Loaded {
  const path = resolve(file);
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return { kind: 'error', message: 'is a directory, not a story file' };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'error', message: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'error', message: 'permission denied' };
    return { kind: 'error', message: `cannot be read (${code ?? errorMessage(e)})` };
  }
  if (bytes.includes(0)) return { kind: 'error', message: 'is not a text file (it contains binary data)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'error', message: 'is not UTF-8 text (is it a binary file?)' };
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { kind: 'error', message: 'is empty: there is no story in it' };
  const isJson = /\.json$/i.test(file) || (!/\.ink$/i.test(file) && text.trimStart().startsWith('{'));
  if (!isJson) return { kind: 'ink', source: text, path };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { kind: 'error', message: `is not valid JSON (${errorMessage(e)})` };
  }
  if (typeof value !== 'object' || value === null || !('inkVersion' in value)) {
    return { kind: 'error', message: 'is JSON, but not a compiled ink story (it has no inkVersion)' };
  }
  return { kind: 'json', json: text, path };
}

/** How a path is shown to the user: relative to the working directory when that is shorter. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith(`..${sep}..`) && !isAbsolute(rel) ? rel : path;
}

// ---------------------------------------------------------------------------------------------
// Compiling with the raw inkjs compiler (--plain, and stories without the game's header)

const INK_MESSAGE =
  /^(ERROR|WARNING|TODO|RUNTIME ERROR|RUNTIME WARNING):\s*(?:'([^']*)'\s*)?(?:line (\d+):\s*)?([\s\S]*)$/;

/** Compiles with inkjs as inklecate would, then `ToJson()`; problems go to `stderr` as `file line N: ...`. */
function compileRaw(file: string, path: string, source: string, stderr: Output): string | undefined {
  // The compiler names an included file by the text of its INCLUDE line; remember what each name
  // was resolved to, so nested includes and messages can be placed.
  const resolved = new Map<string, string>();
  const display = (name: string | undefined): string => {
    if (name === undefined || name === file) return file;
    const full = resolved.get(name);
    return full ? shown(full) : name;
  };
  let failed = false;
  const report = (message: string, type: number): void => {
    const m = INK_MESSAGE.exec(message.trim());
    const where = m ? display(m[2]) : file;
    const line = m?.[3] ? ` line ${m[3]}` : '';
    // The compiler wraps some messages twice: "Failed to load: 'x.ink'. Error:Error: ...".
    const text = oneLine(m ? (m[4] ?? '') : message).replace(/\.?\s*(?:Error:\s*)+/g, ': ');
    const label = type === INK_WARNING ? 'warning: ' : type === INK_AUTHOR ? 'TODO: ' : '';
    if (type !== INK_WARNING && type !== INK_AUTHOR) failed = true;
    stderr.write(`${where}${line}: ${label}${text}\n`);
  };
  const fileHandler = {
    ResolveInkFilename: (name: string, from?: string | null): string => {
      if (!from) return name === file ? path : resolve(dirname(path), name);
      // Relative to the file that includes it (the game's convention); failing that, to the story's
      // folder (inklecate's).
      const including = resolved.get(from) ?? path;
      const candidates = [resolve(dirname(including), name), resolve(dirname(path), name)];
      const full = candidates.find((c) => isFile(c)) ?? (candidates[0] as string);
      resolved.set(name, full);
      return full;
    },
    LoadInkFileContents: (full: string): string => {
      if (full === path) return source;
      try {
        return readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
      } catch {
        throw new Error(`included file ${shown(full)} cannot be read`);
      }
    },
  };
  try {
    const compiler = new Compiler(source, new CompilerOptions(file, [], false, report, fileHandler));
    const json = compiler.Compile().ToJson();
    if (failed || !json) return undefined;
    return json;
  } catch (e) {
    const message = errorMessage(e);
    if (!failed || !/^Compilation failed/.test(message)) stderr.write(`${file}: ${oneLine(message)}\n`);
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A Story from compiled JSON, with errors collected rather than thrown. */
function openStory(
  json: string,
  seed: number | undefined,
): { story: Story; errors: string[]; warnings: string[] } {
  const story = new Story(json);
  const errors: string[] = [];
  const warnings: string[] = [];
  story.onError = (message, type) => {
    if (type === INK_WARNING || type === INK_AUTHOR) warnings.push(message);
    else errors.push(message);
  };
  if (seed !== undefined) seedStory(story, seed);
  return { story, errors, warnings };
}

function seedStory(story: Story, seed: number): void {
  story.state.storySeed = seed;
  story.state.previousRandom = 0;
}

// ---------------------------------------------------------------------------------------------
// Standard input, one line at a time

class LineReader {
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private ended = false;
  private readonly rl;
  readonly interactive: boolean;

  constructor(stdin: NodeJS.ReadableStream | string) {
    const stream = typeof stdin === 'string' ? Readable.from([stdin]) : stdin;
    this.interactive = typeof stdin !== 'string' && (stdin as { isTTY?: boolean }).isTTY === true;
    this.rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
    this.rl.on('line', (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(line);
      } else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.ended = true;
      this.waiting?.(null);
      this.waiting = undefined;
    });
    // Nothing is read until a line is asked for: a story without choices never touches stdin.
    this.rl.pause();
  }

  /** The next line, or null at the end of the input. */
  next(): Promise<string | null> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.rl.resume();
    });
  }

  close(): void {
    this.rl.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function run(options: Options, input: LineReader, out: Output, err: Output): Promise<number> {
  const { file } = options;
  const loaded = loadFile(file);
  if (loaded.kind === 'error') {
    err.write(`${file}: ${loaded.message}\n`);
    return 1;
  }
  if (options.plain) {
    const json = loaded.kind === 'ink' ? compileRaw(file, loaded.path, loaded.source, err) : loaded.json;
    if (json === undefined) return 1;
    const opened = tryOpen(file, json, options.seed, err);
    return opened ? playPlain(file, opened, input, out, err) : 1;
  }
  const g = await loadGame();
  if (loaded.kind === 'ink') {
    const header = g.readHeader(loaded.source).tags;
    if (isScenario(g, header))
      return playScenarioInk(g, options, loaded.path, loaded.source, input, out, err);
    const json = compileRaw(file, loaded.path, loaded.source, err);
    if (json === undefined) return 1;
    const opened = tryOpen(file, json, options.seed, err);
    return opened ? playUnscored(file, opened, input, out, err) : 1;
  }
  const opened = tryOpen(file, loaded.json, options.seed, err);
  if (!opened) return 1;
  const tags = opened.story.globalTags ?? [];
  if (!isScenario(g, tags)) return playUnscored(file, opened, input, out, err);
  const header = g.parseHeader(tags);
  if (!header.ok) {
    err.write(
      `${file}: the scenario header is not valid: ${header.issues.map((i) => i.message).join('; ')}\n`,
    );
    return 1;
  }
  return playScenario(g, options, loaded.json, input, out, err);
}

function tryOpen(file: string, json: string, seed: number | undefined, err: Output) {
  try {
    return openStory(json, seed);
  } catch (e) {
    err.write(`${file}: not a story inkjs can run: ${oneLine(errorMessage(e))}\n`);
    return undefined;
  }
}

/** A story is one of ours when its header parses, or when it uses a key only scenarios use. */
function isScenario(g: Game, tags: readonly string[]): boolean {
  if (g.parseHeader(tags).ok) return true;
  return tags.some((t) => {
    const split = g.splitTag(t);
    return split.ok && SCENARIO_KEYS.includes(split.key);
  });
}

// ---------------------------------------------------------------------------------------------
// --plain: inklecate's play mode

type Opened = ReturnType<typeof openStory>;

/** Continues while it can, as inklecate's EvaluateStory does. False when the story failed. */
function evaluate(file: string, { story, errors, warnings }: Opened, out: Output, err: Output): boolean {
  while (story.canContinue) {
    let text: string;
    try {
      text = story.Continue() ?? '';
    } catch (e) {
      err.write(`${file}: runtime error: ${oneLine(errorMessage(e))}\n`);
      return false;
    }
    out.write(text);
    const tags = story.currentTags ?? [];
    if (tags.length > 0) out.write(`# tags: ${tags.join(', ')}\n`);
    for (const w of warnings.splice(0)) err.write(`${file}: ${oneLine(w)}\n`);
    if (errors.length > 0) {
      for (const e of errors.splice(0)) err.write(`${file}: ${oneLine(e)}\n`);
      return false;
    }
  }
  return true;
}

async function playPlain(
  file: string,
  opened: Opened,
  input: LineReader,
  out: Output,
  err: Output,
): Promise<number> {
  const { story } = opened;
  if (!evaluate(file, opened, out, err)) return 1;
  while (story.currentChoices.length > 0) {
    const choices = story.currentChoices;
    out.write('\n');
    choices.forEach((c, i) => {
      out.write(`${i + 1}: ${c.text}\n`);
    });
    for (;;) {
      out.write('?> ');
      const line = await input.next();
      if (line === null) {
        out.write('<User input stream closed.>\n');
        return 0;
      }
      const answer = line.trim();
      if (/^-?\d+$/.test(answer)) {
        const index = Number(answer) - 1;
        // As inklecate: a number past the last choice is "out of range"; zero or below just asks again.
        if (index < 0) continue;
        if (index >= choices.length) {
          out.write('Choice out of range\n');
          continue;
        }
        try {
          story.ChooseChoiceIndex(index);
        } catch (e) {
          err.write(`${file}: runtime error: ${oneLine(errorMessage(e))}\n`);
          return 1;
        }
        break;
      }
      if (answer === 'help') {
        out.write("Type a choice number, a divert (e.g. '-> myKnot'), or 'exit'\n");
      } else if (answer === 'exit' || answer === 'quit') {
        return 0;
      } else if (answer.startsWith('->')) {
        try {
          story.ChoosePathString(answer.slice(2).trim());
          break;
        } catch (e) {
          out.write(`${oneLine(errorMessage(e))}\n`);
        }
      } else {
        out.write("Unexpected input. Type 'help' or a choice number.\n");
      }
    }
    if (!evaluate(file, opened, out, err)) return 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Stories without the game's header: plain ink, friendlier layout, nothing scored

async function playUnscored(
  file: string,
  opened: Opened,
  input: LineReader,
  out: Output,
  err: Output,
): Promise<number> {
  const { story, errors, warnings } = opened;
  err.write(
    `${file}: warning: no scenario header (# title, # summary, # setting, # difficulty, # minutes, # cast): playing it as plain ink; nothing is scored\n`,
  );
  // Global tags are the story's metadata (Inky writes title and author there), not the first line's.
  const global = story.globalTags ?? [];
  const meta = (key: string) =>
    global.map((t) => /^\s*(\w+)\s*:\s*(.*)$/.exec(t)).find((m) => m?.[1]?.toLowerCase() === key)?.[2];
  const title = meta('title');
  const author = meta('author');
  if (title) out.write(`${title}${author ? `, by ${author}` : ''}\n\n`);
  let first = true;
  for (;;) {
    while (story.canContinue) {
      let text: string;
      try {
        text = story.Continue() ?? '';
      } catch (e) {
        err.write(`${file}: the story stopped: ${oneLine(errorMessage(e))}\n`);
        return 1;
      }
      const tags = (story.currentTags ?? []).slice(first ? global.length : 0);
      first = false;
      const line = text.replace(/\n$/, '');
      if (line.trim() !== '') out.write(`${line}\n`);
      if (tags.length > 0) out.write(`    (${tags.map((t) => `#${t}`).join(' ')})\n`);
      for (const w of warnings.splice(0)) err.write(`${file}: ${oneLine(w)}\n`);
      if (errors.length > 0) {
        err.write(`${file}: the story stopped: ${errors.splice(0).map(oneLine).join('; ')}\n`);
        return 1;
      }
    }
    const choices = story.currentChoices;
    if (choices.length === 0) break;
    const index = await askChoice(
      choices.map((c) => c.text),
      input,
      out,
    );
    if (index === undefined) return inputEnded(out);
    try {
      story.ChooseChoiceIndex(index);
    } catch (e) {
      err.write(`${file}: the story stopped: ${oneLine(errorMessage(e))}\n`);
      return 1;
    }
  }
  out.write('\nThe end. (Not a scenario, so there is no debrief.)\n');
  return 0;
}

/** Lists the options and reads a valid number; undefined when the input ends first. */
async function askChoice(
  texts: readonly string[],
  input: LineReader,
  out: Output,
): Promise<number | undefined> {
  out.write('\n');
  texts.forEach((t, i) => {
    out.write(`  ${i + 1}. ${t}\n`);
  });
  for (;;) {
    const line = await prompt('> ', input, out);
    if (line === null) return undefined;
    const answer = line.trim();
    const n = /^\d+$/.test(answer) ? Number(answer) : Number.NaN;
    if (n >= 1 && n <= texts.length) return n - 1;
    out.write(
      answer === ''
        ? `Type the number of a choice, 1 to ${texts.length}.\n`
        : `'${answer}' is not one of the choices: type a number from 1 to ${texts.length}.\n`,
    );
  }
}

/** Shows the prompt and reads a line; piped input is echoed so a transcript reads naturally. */
async function prompt(text: string, input: LineReader, out: Output): Promise<string | null> {
  out.write(text);
  const line = await input.next();
  if (!input.interactive) out.write(line === null ? '\n' : `${line}\n`);
  return line;
}

function inputEnded(out: Output): number {
  out.write('(The input ended before the story did.)\n');
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Scenario mode: the game's compiler, engine, scoring and debrief

async function playScenarioInk(
  g: Game,
  options: Options,
  path: string,
  source: string,
  input: LineReader,
  out: Output,
  err: Output,
): Promise<number> {
  // compileInk works on posix paths and never climbs above the path it is given, so give it the
  // whole path (without the leading slash) and map its messages back for display.
  const virtual = toVirtual(path);
  const read = (p: string): string | undefined => {
    const full = fromVirtual(p);
    if (full === path) return source;
    try {
      return readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  };
  const compiled = g.compileInk(virtual, source, read);
  const display = (d: Diagnostic): Diagnostic => ({
    ...d,
    file: d.file === virtual ? options.file : shown(fromVirtual(d.file)),
  });
  for (const d of compiled.diagnostics) err.write(`${g.formatDiagnostic(display(d))}\n`);
  if (!compiled.json) return 1;
  return playScenario(g, options, compiled.json, input, out, err);
}

function toVirtual(path: string): string {
  return path.split(sep).join('/').replace(/^\/+/, '');
}

function fromVirtual(p: string): string {
  return sep === '/' ? `/${p}` : p.split('/').join(sep);
}

async function playScenario(
  g: Game,
  options: Options,
  json: string,
  input: LineReader,
  out: Output,
  err: Output,
): Promise<number> {
  const { file } = options;
  let runner: StoryRunner;
  try {
    runner = new g.StoryRunner(json, { seed: options.seed });
  } catch (e) {
    err.write(`${file}: ${e instanceof g.StoryLoadError ? e.message : oneLine(errorMessage(e))}\n`);
    return 1;
  }
  writeTitle(runner.metadata, out);

  for (;;) {
    const before: CallState = { ...runner.callState };
    const line = runner.next();
    if (line) {
      writeLine(g, line, before, runner.callState, out);
      if (line.marks.notes !== undefined) {
        const picked = await askNotes(line.marks.notes, runner.metadata, input, out);
        if (picked === undefined) return inputEnded(out);
        runner.writeNotes(picked, '');
      }
      continue;
    }
    const state = runner.state;
    if (state.kind === 'awaiting-choice') {
      const index = await askChoice(
        state.choices.map((c) => (c.marks.action ? `${c.text} [${c.marks.action}]` : c.text)),
        input,
        out,
      );
      if (index === undefined) return inputEnded(out);
      const was: CallState = { ...runner.callState };
      const chosen = runner.choose(index);
      if (chosen) writeChoiceResult(g, chosen, runner, was, out);
      continue;
    }
    if (state.kind === 'ended') {
      const explored = g.explore(json);
      const debrief = g.makeDebrief(
        runner.history,
        explored.bounds,
        { title: state.ending, resolved: state.resolved },
        runner.startMood,
        runner.desk,
      );
      writeDebrief(g, debrief, out);
      if (explored.truncated) {
        out.write(`\n(The story has over ${explored.paths} paths: "possible" counts only those explored.)\n`);
      }
      return 0;
    }
    if (state.kind === 'failed') {
      err.write(`${file}: the story stopped: ${state.error}\n`);
      return 1;
    }
  }
}

function writeTitle(meta: Metadata, out: Output): void {
  out.write(`${meta.title}\n${meta.summary}\n`);
  const player = meta.cast.find((c) => c.role === 'player')?.name;
  const customer = meta.cast.find((c) => c.role === 'customer')?.name;
  if (meta.caller || meta.account) {
    out.write(`Caller: ${[meta.caller, meta.account].filter(Boolean).join(' · ')}\n`);
  }
  out.write(
    `You play ${player}${customer ? `; the customer is ${customer}` : ''}. Type a choice's number and press Enter.\n\n`,
  );
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function writeLine(
  g: Game,
  line: StoryLine,
  before: CallState,
  after: Readonly<CallState>,
  out: Output,
): void {
  const { marks } = line;
  if (marks.call !== undefined) out.write(`[the phone rings: ${marks.call}]\n`);
  if (line.text !== '') out.write(line.speaker ? `${line.speaker}: ${line.text}\n` : `${line.text}\n`);
  const effects: string[] = [];
  if (marks.call !== undefined && marks.rep) effects.push(`you answer as ${marks.rep}`);
  if (marks.time) effects.push(`+${g.formatDuration(marks.time)}`);
  if (marks.wait) effects.push(`kept waiting ${g.formatDuration(marks.wait)}`);
  if (marks.hold) {
    effects.push(
      `on hold ${g.formatDuration(marks.hold.seconds)}${marks.hold.asked ? ', asked first' : ', without asking'}`,
    );
  }
  if (marks.transfer)
    effects.push(`${marks.transfer.warm ? 'warm' : 'cold'} transfer to ${marks.transfer.to}`);
  if (marks.dropped !== undefined) effects.push(`the line drops: ${marks.dropped}`);
  if (marks.repeated !== undefined) effects.push(`had to repeat ${marks.repeated}`);
  if (marks.crm !== undefined) effects.push(`CRM note: ${marks.crm}`);
  if (before.mood !== after.mood) effects.push(`mood ${signed(before.mood)} → ${signed(after.mood)}`);
  if (effects.length > 0) out.write(`    [${g.formatClock(after.seconds)}] ${effects.join(' · ')}\n`);
}

function writeChoiceResult(
  g: Game,
  chosen: ChoiceOption,
  runner: StoryRunner,
  before: CallState,
  out: Output,
): void {
  const scored = g.scoreChoices(runner.history);
  const last = scored[scored.length - 1];
  const points: Score = last?.score ?? chosen.marks.score;
  const parts = g.AXES.filter((a) => points[a] !== 0).map(
    (a) => `${signed(points[a])} ${g.AXIS_NAMES[a].toLowerCase()}`,
  );
  let earned = parts.length ? parts.join(', ') : 'no points';
  if (last?.empathyUse !== undefined && last.empathyUse > 1 && chosen.marks.score.de > 0) {
    earned += ` (a stock phrase, used ${last.empathyUse} times: less credit each time)`;
  }
  out.write(`${earned}${chosen.marks.feedback ? `: ${chosen.marks.feedback}` : ''}\n`);
  const after = runner.callState;
  const effects: string[] = [];
  if (chosen.marks.time) effects.push(`+${g.formatDuration(chosen.marks.time)}`);
  if (before.mood !== after.mood) effects.push(`mood ${signed(before.mood)} → ${signed(after.mood)}`);
  if (effects.length > 0) out.write(`    [${g.formatClock(after.seconds)}] ${effects.join(' · ')}\n`);
  out.write('\n');
}

/** The rep's call notes: which of the header's facts to record. Undefined when the input ends. */
async function askNotes(
  label: string,
  meta: Metadata,
  input: LineReader,
  out: Output,
): Promise<string[] | undefined> {
  const facts = meta.facts ?? [];
  if (facts.length === 0) return [];
  out.write(`\nCall notes (${label}): which facts do you write down?\n`);
  facts.forEach((f, i) => {
    out.write(`  ${i + 1}. ${f.text}\n`);
  });
  for (;;) {
    const line = await prompt('Numbers separated by spaces, or Enter for none> ', input, out);
    if (line === null) return undefined;
    const words = line.split(/[\s,]+/).filter(Boolean);
    const numbers = words.map((w) => (/^\d+$/.test(w) ? Number(w) : Number.NaN));
    if (numbers.every((n) => n >= 1 && n <= facts.length)) {
      const keys = [...new Set(numbers)].map((n) => facts[n - 1]?.key ?? '');
      out.write(
        keys.length ? `Noted: ${keys.length} fact${keys.length === 1 ? '' : 's'}.\n\n` : 'No notes.\n\n',
      );
      return keys;
    }
    out.write(`Type fact numbers from 1 to ${facts.length}, e.g. 1 3, or nothing for no notes.\n`);
  }
}

/** `Ownership 7 of 10 possible (70%)`: the debrief's line for one axis (`scoreText`). */
function axisLine(g: Game, a: Debrief['axes'][number]): string {
  return `${a.name} ${g.scoreText(a.points, a.best, a.percent)}`;
}

function writeDebrief(g: Game, d: Debrief, out: Output): void {
  out.write('\n== Debrief ==\n');
  out.write(`Ending: ${d.ending} (${d.resolved ? 'resolved' : 'not resolved'})\n\n`);
  for (const a of d.axes) out.write(`${axisLine(g, a)}\n  ${a.coaching}\n`);
  const f = d.figures;
  out.write('\nThe call\n');
  const rows: [string, string][] = [
    ['Duration', g.formatDuration(f.seconds)],
    ['Decisions', String(f.decisions)],
    ['Had to repeat themselves', f.repeats === 0 ? 'never' : `${f.repeats}×`],
    ['Kept waiting', f.waited === 0 ? 'no' : g.formatDuration(f.waited)],
    ['Resolved on first contact', f.firstContactResolution ? 'yes' : 'no'],
    ['Estimated satisfaction', `${f.satisfaction.toFixed(1)} / 5`],
  ];
  for (const [label, value] of rows) out.write(`  ${label}: ${value}\n`);
  if (d.journey) writeJourney(g, d.journey, out);
}

function writeJourney(g: Game, { calls, summary }: NonNullable<Debrief['journey']>, out: Output): void {
  out.write('\nThe customer’s journey\n');
  const rows: [string, string][] = [
    ['Customer’s time', g.formatDuration(summary.customerSeconds)],
    ['Calls', String(summary.calls)],
    ['Reps', summary.reps.length ? `${summary.reps.length} (${summary.reps.join(', ')})` : '0'],
    ['Departments', summary.departments.join(', ') || 'none'],
    ['Holds', summary.holds ? `${summary.holds} (${g.formatDuration(summary.holdSeconds)})` : 'none'],
    [
      'Transfers',
      summary.transfers
        ? `${summary.transfers} (${summary.warmTransfers} warm, ${summary.coldTransfers} cold)`
        : 'none',
    ],
    ['Dropped lines', String(summary.disconnects)],
  ];
  for (const [label, value] of rows) out.write(`  ${label}: ${value}\n`);
  for (const call of calls) {
    const holdSeconds = call.holds.reduce((s, h) => s + h.seconds, 0);
    const details = [
      call.holds.length
        ? `${call.holds.length} hold${call.holds.length > 1 ? 's' : ''} (${g.formatDuration(holdSeconds)}${call.holds.some((h) => !h.asked) ? ', not all asked' : ''})`
        : 'no holds',
      ...call.transfers.map((t) => `${t.warm ? 'warm' : 'cold'} transfer to ${t.to}`),
      call.dropped !== undefined ? `line dropped: ${call.dropped}` : '',
      call.notes ? `notes: ${call.notes.facts.length} fact${call.notes.facts.length === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    out.write(
      `  Call ${call.index + 1} · ${call.department}${call.rep ? ` · ${call.rep}` : ''}, at ${g.formatClock(call.startedAt)} for ${g.formatDuration(call.endedAt - call.startedAt)}: ${details.join(' · ')}\n`,
    );
    if (call.breaker) out.write(`    What would have broken the chain: ${call.breaker}\n`);
  }
}

// ---------------------------------------------------------------------------------------------

function errorMessage(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return `${e.message} (the story recurses too deeply)`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** A message on one line, and short: some inkjs errors quote the source of a whole class. */
function oneLine(s: string): string {
  const flat = s.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 240)}…` : flat;
}

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // A closed pipe (`play ... | head`) is not an error worth a stack trace.
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
  main(process.argv.slice(2), process.stdin, process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
