// The one CSV writer for every file ReaderDesk exports (event log, deploy report): RFC 4180 with
// CRLF line ends, plus one rule against formula injection, because these files are opened in
// spreadsheets and some of their text (reader addresses, reader messages) comes from outside.

export type CsvValue = string | number;

/** A text cell a spreadsheet would run as a formula or a DDE command (OWASP's list of lead characters). */
const FORMULA_LEAD = /^[=+\-@\t\r]/;
/** Characters that end a field or a record in some reader: commas, semicolons (many locales), tabs, quotes, line breaks. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One field. Text that starts like a formula gets a leading apostrophe (shown, never evaluated) and
 * quotes; a quote inside a field is doubled and the field quoted, so no value can end its field or
 * start a new line. Numbers are written as they are: a negative number is not a formula.
 */
export function csvCell(value: CsvValue): string {
  if (typeof value === 'number') return String(value);
  if (FORMULA_LEAD.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole file: the header line, then one line per row, every line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
