/** A spreadsheet reads a cell starting with one of these as a formula (CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as it may go into an exported cell: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'`
 * in front, so a spreadsheet shows it as text instead of running it. Numbers are never text here.
 * @example escapeFormula('=SUM(A1)') // "'=SUM(A1)"
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
