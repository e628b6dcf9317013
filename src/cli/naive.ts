/**
 * Usage: npm run naive [-- stories/x.ink ...]
 * Plays every story (or those given) with naive strategies and reports their share of the best
 * achievable score per axis. Each strategy must stay at or under 70% on at least one axis.
 * Exit code 1 when a story fails the rule or does not compile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describeStory } from '../authoring/catalog.ts';
import { compileInk } from '../authoring/compile.ts';
import { CURRICULUM_FILE, orderScenarios } from '../authoring/curriculum.ts';
import { formatDiagnostic } from '../authoring/diagnostics.ts';
import { NAIVE_THRESHOLD, naiveReport } from '../engine/strategies.ts';
import { AXES } from '../engine/tags.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const read = (p: string) => {
  try {
    return readFileSync(join(root, p), 'utf8');
  } catch {
    return undefined;
  }
};
// Every story, in the menu's order (stories/curriculum.json), or those given.
const files = args.length
  ? args.map((f) => relative(root, resolve(f)))
  : orderScenarios(
      readdirSync(join(root, 'stories'))
        .filter((n) => n.endsWith('.ink'))
        .map((n) => n.slice(0, -'.ink'.length)),
      read(CURRICULUM_FILE),
    ).order.map((id) => `stories/${id}.ink`);

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
  // The bounds the game scores against, from the same explorer as the build.
  const id = file.replace(/^.*\//, '').replace(/\.ink$/, '');
  let described: ReturnType<typeof describeStory>;
  try {
    described = describeStory(id, file, compiled.json, '', { source, readFile: read, compiled });
  } catch (e) {
    console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    failed = true;
    continue;
  }
  const errors = described.problems.filter((d) => d.severity === 'error');
  if (errors.length) {
    for (const d of errors) console.error(formatDiagnostic(d));
    failed = true;
    continue;
  }
  const { bounds } = described;
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
