/**
 * The import rules each folder's README states, as code: a test fails when one is broken, and when
 * any import cycle appears in src/. (Rules nobody checks rot.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const SRC = join(ROOT, 'src');

interface Import {
  /** What the import names: a package (`zod`, `node:fs`) or a project path (`src/engine/tags.ts`). */
  target: string;
  typeOnly: boolean;
  line: number;
}

/** Every .ts file under src/, project-relative. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The imports of a file: static, re-exports and dynamic `import('…')`. */
function importsOf(file: string, source = readFileSync(join(ROOT, file), 'utf8')): Import[] {
  const out: Import[] = [];
  // Comments may mention imports; blank them out, keeping line numbers.
  const text = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    if (!spec) continue;
    // `import { type A, type B } from` is type-only too.
    const braces = /^\s*import\s+\{([^}]*)\}/.exec(m[0]);
    const allTypes = braces?.[1]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .every((s) => s.startsWith('type '));
    const line = text.slice(0, m.index + m[0].search(/import|export/)).split('\n').length;
    const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(join(ROOT, file)), spec)) : spec;
    out.push({ target: target.replaceAll('\\', '/'), typeOnly: Boolean(m[2]) || Boolean(allTypes), line });
  }
  return out;
}

/** The folder under src/ a project path is in (`engine`), or the path itself for src/main.ts. */
const folderOf = (path: string): string => path.replace(/^src\//, '').split('/')[0] ?? path;

interface Rule {
  /** Packages and project folders (`src/engine`) or files it may import, values and types. */
  may: string[];
  /** Project folders or files it may import types from only. */
  types?: string[];
  /** Files of the folder allowed `node:` modules (all when true). */
  node?: boolean | string[];
}

/** From each folder's README. */
const RULES: Record<string, Rule> = {
  engine: { may: ['inkjs', 'zod'] },
  authoring: {
    may: ['src/engine', 'inkjs/full', 'zod', 'vite', '@dagrejs/dagre'],
    node: ['src/authoring/vite-plugin-ink.ts'],
  },
  audio: { may: ['howler', 'zod', 'assets/audio'] },
  cli: { may: ['src/engine', 'src/authoring', 'inkjs'], node: true },
  flow: {
    may: ['src/engine', 'src/storage'],
    types: ['src/authoring', 'src/audio/audio.ts'],
  },
  storage: { may: ['zod', 'idb', 'src/engine'], types: ['src/authoring'] },
  game: { may: ['phaser', 'src/flow', 'src/engine', 'assets/art'], types: ['src/authoring'] },
  ui: {
    may: [
      'src/flow',
      'src/engine',
      'zod',
      'src/storage/exchange.ts',
      'src/storage/insights.ts',
      'src/storage/csv.ts',
      'chart.js',
      '@dagrejs/dagre',
    ],
    types: ['src/authoring', 'src/storage', 'src/audio'],
  },
};

const covers = (allowed: string, target: string): boolean =>
  target === allowed || target.startsWith(`${allowed}/`) || (allowed.endsWith('.ts') && target === allowed);

/**
 * Rules broken before they were checked, each with the work that mends it. The list may only
 * shrink: a test fails when one of these is mended and still listed.
 */
const KNOWN: Record<string, string> = {
  'src/ui/dashboard.ts → src/storage/verify.ts':
    "issue 12: the trainer's import → verify → merge flow moves out of the dashboard's DOM code",
};

interface Violation {
  /** `file → target`, the key KNOWN uses. */
  key: string;
  /** `file line N: imports X`. */
  text: string;
}

/** Every import in src/ that its folder's rule does not allow. */
function violations(): Violation[] {
  const out: Violation[] = [];
  const push = (file: string, line: number, target: string, why = ''): void => {
    out.push({ key: `${file} → ${target}`, text: `${file} line ${line}: imports ${target}${why}` });
  };
  for (const file of sourceFiles()) {
    const folder = folderOf(file);
    const rule = RULES[folder];
    if (!rule) continue; // src/main.ts wires everything together.
    for (const imp of importsOf(file)) {
      const { target } = imp;
      if (target.startsWith(`src/${folder}/`) || target.endsWith('.css')) continue;
      if (target.startsWith('node:')) {
        const ok = rule.node === true || (Array.isArray(rule.node) && rule.node.includes(file));
        if (!ok) push(file, imp.line, target, ' (no node: modules here)');
        continue;
      }
      if (rule.may.some((a) => covers(a, target))) continue;
      if (imp.typeOnly && rule.types?.some((a) => covers(a, target))) continue;
      const typesAllowed = rule.types?.some((a) => covers(a, target));
      push(file, imp.line, target, typesAllowed ? ' (types only are allowed from there)' : '');
    }
  }
  return out;
}

/**
 * Import cycles among src/ files, as file lists. Only imports that load code count: `import type`
 * is erased before anything runs.
 */
function cycles(): string[][] {
  const files = sourceFiles();
  const graph = new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .filter((i) => !i.typeOnly)
        .map((i) => i.target)
        .filter((t) => t.startsWith('src/') && t.endsWith('.ts')),
    ]),
  );
  // Tarjan's strongly connected components, iteratively.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  for (const start of files) {
    if (idx.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    on.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      if (!top) break;
      const edges = graph.get(top.node) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++] as string;
        if (!graph.has(to)) continue;
        if (!idx.has(to)) {
          idx.set(to, index);
          low.set(to, index++);
          stack.push(to);
          on.add(to);
          work.push({ node: to, next: 0 });
        } else if (on.has(to)) low.set(top.node, Math.min(low.get(top.node) ?? 0, idx.get(to) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(top.node) ?? 0));
      if (low.get(top.node) === idx.get(top.node)) {
        const component: string[] = [];
        let n: string | undefined;
        do {
          n = stack.pop();
          if (n === undefined) break;
          on.delete(n);
          component.push(n);
        } while (n !== top.node);
        const selfLoop = graph.get(top.node)?.includes(top.node);
        if (component.length > 1 || selfLoop) found.push(component.sort());
      }
    }
  }
  return found;
}

describe('the folder rules in src/*/README.md', () => {
  it('every import is one its folder may make', () => {
    const found = violations();
    expect(found.filter((v) => !(v.key in KNOWN)).map((v) => v.text)).toEqual([]);
    // A mended break leaves the list, so it cannot come back unseen.
    expect(Object.keys(KNOWN).filter((k) => !found.some((v) => v.key === k))).toEqual([]);
  });

  it('src/ has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('the engine, flow, storage and authoring code never touch the DOM, and nothing sets innerHTML', () => {
    const bad: string[] = [];
    for (const file of sourceFiles()) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/\.innerHTML\s*=|insertAdjacentHTML/.test(text)) bad.push(`${file}: sets HTML`);
      if (['engine', 'flow', 'authoring'].includes(folderOf(file)) && /\b(window|document)\./.test(text))
        bad.push(`${file}: uses the DOM`);
    }
    expect(bad).toEqual([]);
  });

  it('catches a broken rule and a cycle (the checks themselves work)', () => {
    const fake = importsOf(
      'src/engine/x.ts',
      "import Phaser from 'phaser';\nimport type { A } from '../flow/session.ts';\nimport { b } from './tags.ts';\n",
    );
    expect(fake.map((i) => [i.target, i.typeOnly, i.line])).toEqual([
      ['phaser', false, 1],
      ['src/flow/session.ts', true, 2],
      ['src/engine/tags.ts', false, 3],
    ]);
    const rule = RULES.engine;
    expect(rule?.may.some((a) => covers(a, 'phaser'))).toBe(false);
    expect(rule?.may.some((a) => covers(a, 'zod'))).toBe(true);
  });
});
