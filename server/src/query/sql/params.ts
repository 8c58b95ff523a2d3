import { QueryError } from '../query-error.js';

/** Casts a parameter may carry: a closed list, so no text from outside reaches SQL here either. */
export type ParamCast =
  | 'text' | 'numeric' | 'integer' | 'boolean' | 'date' | 'timestamptz' | 'uuid' | 'jsonb'
  | 'text[]' | 'numeric[]' | 'uuid[]';

/**
 * Collects bound values for one statement and hands out `$1, $2 …`: the only way a
 * value enters SQL. Reuse the returned placeholder to bind one value in several places.
 */
export class Params {
  readonly values: unknown[] = [];

  /** `offset`: placeholders start after it, for SQL appended to a statement that already binds that many. */
  constructor(private readonly offset = 0) {}

  /** Binds `value` and returns its placeholder, optionally cast (`$3::uuid[]`). */
  add(value: unknown, cast?: ParamCast): string {
    assertStorable(value);
    this.values.push(value);
    const placeholder = `$${this.offset + this.values.length}`;
    return cast ? `${placeholder}::${cast}` : placeholder;
  }
}

/** PostgreSQL text cannot hold U+0000; reject it as bad input rather than fail in the driver. */
function assertStorable(value: unknown): void {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw QueryError.badRequest('', 'values may not contain the NUL character (U+0000)');
  }
  if (Array.isArray(value)) value.forEach(assertStorable);
}
