/** A problem found in a story, placed as precisely as we can. */
export interface Diagnostic {
  /** Project-relative posix path, e.g. `stories/aisle.ink`. */
  file: string;
  line?: number;
  severity: 'error' | 'warning';
  message: string;
}

/** `stories/aisle.ink line 42: message` — the one format every tool prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file} line ${d.line}`;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

/** Each problem once, errors first, then by file and line: the order every tool shows them in. */
export function tidyDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}|${d.line}|${d.severity}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      Number(b.severity === 'error') - Number(a.severity === 'error') ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}
