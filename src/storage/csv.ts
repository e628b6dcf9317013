/**
 * CSV as the game writes it for spreadsheets (the trainee's results and the trainer's table): RFC 4180
 * with CRLF line ends, fields with commas, quotes or line breaks quoted, text from people defused so a
 * spreadsheet never runs it as a formula, and a byte-order mark so Excel reads names like “José”.
 */

/**
 * Text from people (names, titles, endings): prefixed with an apostrophe when a spreadsheet would run
 * it as a formula (=, +, -, @, tab or CR first). Numbers written by the game are not passed through
 * this, so "-2" stays a number.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One field: quoted (with quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of fields as a document: CRLF after every row, and a byte-order mark unless `bom` is false. */
export function csvDocument(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}
