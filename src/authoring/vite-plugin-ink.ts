/**
 * Vite plugin: every `stories/*.ink` becomes a scenario. The catalog (metadata, score bounds) is the
 * module `virtual:stories`; each compiled story is served as `stories/<id>.<hash>.json` for the
 * preloader. The catalog is in the order `stories/curriculum.json` sets (see curriculum.ts): the menu
 * numbers scenarios in that order. A compile error (or a mistake in the curriculum) fails the build
 * and shows in the dev overlay as `stories/<file>.ink line N: message`; saving a story or the
 * curriculum pushes the catalog to the running game (`ink:update`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { describeStory, type StoryEntry, type StorySource } from './catalog.ts';
import { compileInk } from './compile.ts';
import { CURRICULUM_FILE, orderScenarios } from './curriculum.ts';
import { type Diagnostic, formatDiagnostic } from './diagnostics.ts';

const VIRTUAL = 'virtual:stories';
const RESOLVED = `\0${VIRTUAL}`;

export interface CompiledCatalog {
  entries: StoryEntry[];
  json: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Exploring a story (for its score bounds and endings) is the slow part of a rebuild; a story whose
 * sources have not changed is not explored again, so saving one story updates the game quickly.
 * (Keyed by the sources, not only the compiled JSON: the explorer's reports carry line numbers.)
 */
const described = new Map<string, ReturnType<typeof describeStory>>();

function describeCached(
  id: string,
  file: string,
  json: string,
  hash: string,
  from: StorySource,
): ReturnType<typeof describeStory> {
  const sources = createHash('sha256');
  for (const f of from.compiled.files) sources.update(`${f}\0${from.readFile(f) ?? ''}\0`);
  const key = `${file}|${hash}|${sources.digest('hex')}`;
  let d = described.get(key);
  if (!d) {
    d = describeStory(id, file, json, hash, from);
    described.set(key, d);
  }
  return d;
}

/** Compiles every story directly in `<root>/stories`, in curriculum order. Node only. */
export function compileStories(root: string): CompiledCatalog {
  const dir = join(root, 'stories');
  const ids = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.ink'))
        .map((n) => n.slice(0, -'.ink'.length))
    : [];
  const curriculumPath = join(root, CURRICULUM_FILE);
  const curriculum = orderScenarios(
    ids,
    existsSync(curriculumPath) ? readFileSync(curriculumPath, 'utf8') : undefined,
  );
  const out: CompiledCatalog = { entries: [], json: new Map(), diagnostics: [...curriculum.diagnostics] };
  const readFile = (path: string): string | undefined => {
    const abs = resolve(root, path);
    if (!abs.startsWith(resolve(root) + sep) || !existsSync(abs)) return undefined;
    return readFileSync(abs, 'utf8');
  };
  for (const id of curriculum.order) {
    const name = `${id}.ink`;
    const file = `stories/${name}`;
    const source = readFileSync(join(dir, name), 'utf8');
    const result = compileInk(file, source, readFile);
    out.diagnostics.push(...result.diagnostics);
    if (!result.json) continue;
    const hash = createHash('sha256').update(result.json).digest('hex').slice(0, 12);
    try {
      const { problems, ...entry } = describeCached(id, file, result.json, hash, {
        source,
        readFile,
        compiled: result,
      });
      out.diagnostics.push(...problems);
      if (problems.some((p) => p.severity === 'error')) continue;
      out.entries.push({ ...entry, url: `stories/${id}.${hash}.json`, source: file });
      out.json.set(id, result.json);
    } catch (e) {
      out.diagnostics.push({ file, severity: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

const errorsOf = (c: CompiledCatalog) => c.diagnostics.filter((d) => d.severity === 'error');

export function inkStories(): Plugin {
  let root = process.cwd();
  let isBuild = false;
  let current: CompiledCatalog | undefined;
  let moduleFailed = false;
  let server: ViteDevServer | undefined;
  const isCurriculum = (file: string): boolean => resolve(file) === resolve(root, CURRICULUM_FILE);

  const compile = (): CompiledCatalog => {
    current = compileStories(root);
    for (const d of current.diagnostics) {
      if (d.severity === 'warning') console.warn(`[ink] ${formatDiagnostic(d)}`);
    }
    return current;
  };

  const overlay = (catalog: CompiledCatalog): void => {
    const errors = errorsOf(catalog);
    const first = errors[0];
    if (!server || !first) return;
    const abs = resolve(root, first.file);
    server.ws.send({
      type: 'error',
      err: {
        message: errors.map(formatDiagnostic).join('\n'),
        stack: '',
        plugin: 'ink-stories',
        id: abs,
        loc: { file: abs, line: first.line ?? 1, column: 1 },
      },
    });
  };

  return {
    name: 'ink-stories',
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const catalog = compile();
      const errors = errorsOf(catalog);
      if (errors.length) {
        moduleFailed = true;
        const first = errors[0];
        this.error({
          message: errors.map(formatDiagnostic).join('\n'),
          id: first ? resolve(root, first.file) : undefined,
          loc: first?.line ? { file: resolve(root, first.file), line: first.line, column: 1 } : undefined,
        });
      }
      moduleFailed = false;
      if (isBuild) {
        for (const entry of catalog.entries) {
          this.emitFile({ type: 'asset', fileName: entry.url, source: catalog.json.get(entry.id) ?? '' });
          // The source too, so author mode can open it from the library.
          this.emitFile({
            type: 'asset',
            fileName: entry.source,
            source: readFileSync(resolve(root, entry.source), 'utf8'),
          });
        }
      }
      for (const entry of catalog.entries) this.addWatchFile(resolve(root, entry.file));
      if (existsSync(resolve(root, CURRICULUM_FILE))) this.addWatchFile(resolve(root, CURRICULUM_FILE));
      return `export const stories = ${JSON.stringify(catalog.entries)};\n`;
    },
    configureServer(devServer) {
      server = devServer;
      devServer.middlewares.use((req, res, next) => {
        const m = /^\/stories\/([\w-]+)\.([0-9a-f]+)\.json(?:\?.*)?$/.exec(req.url ?? '');
        const json = m && current?.json.get(m[1] ?? '');
        if (!m || json === undefined) return next();
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(json);
      });
      const onStoriesChanged = (file: string): void => {
        if (!file.endsWith('.ink') && !isCurriculum(file)) return;
        const rel = relative(join(root, 'stories'), file);
        if (rel.startsWith('..')) return;
        const catalog = compile();
        const mod = devServer.moduleGraph.getModuleById(RESOLVED);
        if (mod) devServer.moduleGraph.invalidateModule(mod);
        if (errorsOf(catalog).length) {
          overlay(catalog);
          return;
        }
        if (moduleFailed || !mod) {
          devServer.ws.send({ type: 'full-reload' });
          return;
        }
        devServer.ws.send({
          type: 'custom',
          event: 'ink:update',
          data: catalog.entries.map((e) => ({ entry: e, json: catalog.json.get(e.id) ?? '' })),
        });
      };
      devServer.watcher.add(join(root, 'stories'));
      devServer.watcher.on('add', onStoriesChanged);
      devServer.watcher.on('unlink', onStoriesChanged);
      devServer.watcher.on('change', onStoriesChanged);
    },
    handleHotUpdate(ctx) {
      // Stories and the curriculum are handled by the watcher above; keep Vite from reloading the
      // page for them.
      if (ctx.file.endsWith('.ink') || isCurriculum(ctx.file)) return [];
      return undefined;
    },
  };
}
