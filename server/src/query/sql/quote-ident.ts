import { QueryError } from '../query-error.js';

/**
 * Identifier syntax accepted in SQL: metadata names (`^[a-z][a-z0-9_]{0,62}$`), the compiler's own
 * aliases (`t0`, `p1`), and join tables (`contact__campaigns`), which the same pattern covers.
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const MAX_BYTES = 63;

/** Why `name` cannot be an SQL identifier, or undefined when it can. */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) return 'is not a valid identifier';
  // PostgreSQL silently truncates longer names, so two long names could collide.
  if (Buffer.byteLength(name, 'utf8') > MAX_BYTES) return `is longer than ${MAX_BYTES} bytes`;
  return undefined;
}

function checked(name: string): string {
  const problem = identifierProblem(name);
  if (problem) {
    const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 40)) : typeof name;
    throw QueryError.unprocessable('', `${shown} ${problem}`);
  }
  return name;
}

/**
 * The only way an identifier enters SQL: checked, then double-quoted.
 * @example quoteIdent('close_date') // '"close_date"'
 */
export function quoteIdent(name: string): string {
  return `"${checked(name)}"`;
}

/** `"schema"."table"` or `"alias"."column"`. */
export function quoteQualified(...names: string[]): string {
  return names.map(quoteIdent).join('.');
}

/**
 * A metadata name or dotted path used as a JSON key (`json_build_object('account.name', …)`):
 * each segment checked like an identifier, so it can hold no quote, then single-quoted.
 */
export function quoteKey(name: string): string {
  if (typeof name !== 'string') checked(name);
  name.split('.').forEach(checked);
  return `'${name}'`;
}
