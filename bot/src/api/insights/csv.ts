/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted when it holds a quote, comma or line
 * break, rows ended by CRLF, a UTF-8 byte-order mark so Excel reads the accents. A cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a CR would run as a formula in Excel or Sheets (CSV injection):
 * it gets a leading `'`, which shows as text and runs nothing.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A file name any browser and file system takes: ASCII letters, digits, `.`, `-`, `_`; nothing else. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return (cleaned === '' ? 'peerlearn.csv' : cleaned).slice(0, 120);
}
