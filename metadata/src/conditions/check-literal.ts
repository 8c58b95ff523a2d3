import type { ValueKind } from '../set/field-value-kind.js';

export interface LiteralContext {
  kind: ValueKind;
  integer: boolean;
  /** Allowed keys for option/options/stage kinds (undefined = not known, any identifier). */
  keys?: readonly string[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Checks one scalar value against a field's kind; returns a message when it does not fit. */
export function checkScalar(value: unknown, ctx: LiteralContext): string | undefined {
  switch (ctx.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      return ctx.integer && !Number.isInteger(value) ? 'must be an integer' : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return isDate(value) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined : 'must be an ISO 8601 date-time';
    case 'option': case 'options': case 'stage':
      if (typeof value !== 'string') return 'must be a string';
      return ctx.keys && !ctx.keys.includes(value)
        ? `"${value}" is not one of: ${ctx.keys.join(', ')}` : undefined;
    case 'id': case 'user': case 'ids':
      return typeof value === 'string' && value.length > 0 && value.length <= 100 ? undefined : 'must be an id (a string)';
    case 'text': case 'tags':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'json':
      return undefined;
    case 'none':
      return 'this field holds no value';
  }
}

export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
