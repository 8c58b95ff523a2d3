/**
 * Escapes LIKE wildcards so a user's text matches literally: `\` (PostgreSQL's default
 * LIKE escape), `%` and `_` get a backslash. The result is bound as a parameter.
 * @example escapeLike('50%_off') // '50\\%\\_off'
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%`, escaped: a case-insensitive substring pattern for ILIKE. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** `text%`, escaped: a case-insensitive prefix pattern for ILIKE. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
