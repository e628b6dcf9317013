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
