import { RESERVED_WORDS } from './reserved-words.js';

/** Identifier syntax (DESIGN.md §9): lower-case ASCII, starts with a letter, at most 63 bytes. */
export const IDENTIFIER_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** True when `name` matches the identifier syntax and is not a reserved word. */
export function isIdentifier(name: unknown): name is string {
  return typeof name === 'string' && IDENTIFIER_PATTERN.test(name) && !RESERVED_WORDS.has(name);
}

/** Why `name` is not an identifier, or undefined when it is one. */
export function identifierProblem(name: unknown): { code: string; message: string } | undefined {
  if (typeof name !== 'string') return { code: 'invalid_identifier', message: 'must be a string' };
  if (!IDENTIFIER_PATTERN.test(name)) {
    const tooLong = /^[a-z][a-z0-9_]*$/.test(name) && name.length > 63;
    return tooLong
      ? { code: 'name_too_long', message: `"${name.slice(0, 20)}…" is ${name.length} bytes; identifiers are at most 63` }
      : {
          code: 'invalid_identifier',
          message: `${JSON.stringify(name)} is not an identifier: use lower-case letters, digits and _, starting with a letter`,
        };
  }
  if (RESERVED_WORDS.has(name)) {
    return { code: 'reserved_word', message: `"${name}" is a reserved SQL word` };
  }
  return undefined;
}
