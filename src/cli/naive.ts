/**
 * Usage: npm run naive [-- stories/x.ink ...]
 * Plays every story (or those given) with naive strategies and reports their share of the best
 * achievable score per axis. Each strategy must stay at or under 70% on at least one axis.
 * Exit code 1 when a story fails the rule or does not compile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileInk } from '../authoring/compile.ts';
import { formatDiagnostic } from '../authoring/diagnostics.ts';
import { explore } from '../engine/explore.ts';
import { NAIVE_THRESHOLD, naiveReport } from '../engine/strategies.ts';
import { AXES } from '../engine/tags.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const files = args.length
  ? args.map((f) => relative(root, resolve(f)))
  : readdirSync(join(root, 'stories'))
      .filter((n) => n.endsWith('.ink'))
      .map((n) => `stories/${n}`);
const read = (p: string) => {
  try {
    return readFileSync(join(root, p), 'utf8');
  } catch {
    return undefined;
  }
};

let failed = false;
const pct = (n: number) => `${Math.round(n * 100)}%`.padStart(5);
for (const file of files) {
  const source = read(file);
  if (source === undefined) {
    console.error(`${file}: no such file`);
    failed = true;
    continue;
  }
  const compiled = compileInk(file, source, read);
  if (!compiled.json) {
    for (const d of compiled.diagnostics) console.error(formatDiagnostic(d));
    failed = true;
    continue;
  }
  const { bounds } = explore(compiled.json);
  console.log(`\n${file}  best de ${bounds.best.de}, own ${bounds.best.own}, res ${bounds.best.res}`);
  console.log(`  ${'strategy'.padEnd(36)} ${AXES.map((a) => a.padStart(5)).join(' ')}   verdict`);
  for (const r of naiveReport(compiled.json, bounds)) {
    const verdict = r.passes
      ? `ok (held to ≤${NAIVE_THRESHOLD * 100}% on ${r.heldBack.join(', ')})`
      : `FAILS: above ${NAIVE_THRESHOLD * 100}% on every axis${r.errors.length ? `; ${r.errors[0]}` : ''}`;
    console.log(`  ${r.name.padEnd(36)} ${AXES.map((a) => pct(r.share[a])).join(' ')}   ${verdict}`);
    if (!r.passes) failed = true;
  }
}
process.exit(failed ? 1 : 0);
