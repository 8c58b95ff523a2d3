import { QueryError } from '../../query-error.js';
import { isUuid } from '../bind-value.js';
import type { SortKey } from './compile-sort.js';

/** A keyset cursor: the sort it was made for, and the last row's sort values (the id last). */
interface CursorBody {
  s: string;
  v: unknown[];
}

const MAX_CURSOR_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const NUMERIC = /^(-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?Infinity|NaN)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})( BC)?$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2}){0,2})( BC)?$/;

/** Opaque to clients: base64url of `{ s, v }`. */
export function encodeCursor(signature: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify({ s: signature, v: values } satisfies CursorBody), 'utf8').toString('base64url');
}

/**
 * Reads a cursor for `keys`, checking every value against its key's kind so a forged cursor
 * is a 400 here and never a cast error in PostgreSQL.
 */
export function decodeCursor(cursor: unknown, signature: string, keys: SortKey[]): unknown[] {
  const fail = (message: string): never => {
    throw QueryError.badRequest('/cursor', message);
  };
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) fail('malformed cursor');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor as string, 'base64url').toString('utf8'));
  } catch {
    return fail('malformed cursor');
  }
  const { s, v } = (body ?? {}) as Partial<CursorBody>;
  if (typeof s !== 'string' || !Array.isArray(v)) return fail('malformed cursor');
  if (s !== signature) return fail('the cursor belongs to another sort order; start again without it');
  const fits = (value: unknown, key: SortKey) => (value === null ? key.nullable : fitsKind(value, key.expr.kind));
  if (v.length !== keys.length || !v.every((value, i) => fits(value, keys[i]!))) return fail('malformed cursor');
  return v;
}

function fitsKind(value: unknown, kind: string): boolean {
  switch (kind) {
    case 'number': return typeof value === 'string' && NUMERIC.test(value);
    case 'boolean': return typeof value === 'boolean';
    case 'id': case 'user': return isUuid(value);
    case 'date': return typeof value === 'string' && validDate(DATE.exec(value));
    case 'datetime': {
      const m = typeof value === 'string' ? DATETIME.exec(value) : null;
      return validDate(m) && Number(m![4]) < 24 && Number(m![5]) < 60 && Number(m![6]) < 60;
    }
    default: return typeof value === 'string';
  }
}

function validDate(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(2000, month - 1, day));
  // Checked in a leap year, so 29 February passes; PostgreSQL rejects it in other years.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 || m[4] !== undefined;
  return year >= 1 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && (leap || month !== 2 || day !== 29);
}
