// Writing CSV (RFC 4180) for spreadsheets: quoting, CRLF record ends, and protection against formula injection.

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"): =, +, -, @, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell of free text (names, stories, notes, references) as safe for a spreadsheet: one starting like a formula
 * gets a leading apostrophe, which Excel, LibreOffice and Google Sheets show as text instead of evaluating it.
 */
export function protectText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, quoted when it holds a comma, a double quote or a line break (quotes inside are doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record with its CRLF line end. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
