import type { ValueKind } from '@loom/metadata';
import type { Params } from '../sql/params.js';

import { isUuid } from '../../common/is-uuid.js';

export { isUuid };

/** A literal that can equal no stored value of its kind (an id that is not a uuid). */
export const IMPOSSIBLE = Symbol('impossible');

/**
 * A literal as PostgreSQL must receive it for a field of `kind`: datetimes normalized to
 * ISO 8601 UTC (the evaluator reads them with Date.parse too), year 0 as `0001 BC`.
 */
export function literalFor(kind: ValueKind, value: unknown): unknown {
  if ((kind === 'id' || kind === 'user' || kind === 'ids') && !isUuid(value)) return IMPOSSIBLE;
  if (kind === 'datetime' && typeof value === 'string') return pgYear(new Date(value).toISOString());
  if (kind === 'date' && typeof value === 'string') return pgYear(value);
  return value;
}

function pgYear(iso: string): string {
  return iso.startsWith('0000-') ? `0001${iso.slice(4)} BC` : iso;
}

/**
 * Binds one literal compared with an expression of `kind`; the placeholder takes its type
 * from the other side, except numbers that a bigint column could not take.
 * Returns undefined (and binds nothing) when no stored value can equal it.
 */
export function bindScalar(params: Params, kind: ValueKind, value: unknown): string | undefined {
  const v = literalFor(kind, value);
  if (v === IMPOSSIBLE) return undefined;
  if (kind === 'json') return params.add(JSON.stringify(v), 'jsonb');
  if (typeof v === 'number' && !Number.isSafeInteger(v)) return params.add(v, 'numeric');
  return params.add(v);
}

/** Binds an `$in` list, leaving out values no stored value can equal. */
export function bindList(params: Params, kind: ValueKind, values: readonly unknown[]): string {
  const kept = values.map((v) => literalFor(kind, v)).filter((v) => v !== IMPOSSIBLE);
  const unique = [...new Set(kept)];
  if (unique.some((v) => typeof v === 'number' && !Number.isSafeInteger(v))) return params.add(unique, 'numeric[]');
  return params.add(unique);
}

/**
 * Binds an array-field value (multiselect, tags, manyToMany ids) as a typed array. A value no
 * stored element can equal makes it undefined (nothing bound), unless `dropImpossible` (overlap tests).
 */
export function bindArray(
  params: Params, kind: ValueKind, values: readonly unknown[], options: { dropImpossible?: boolean } = {},
): string | undefined {
  const all = values.map((v) => literalFor(kind, v));
  const kept = all.filter((v) => v !== IMPOSSIBLE);
  if (kept.length < all.length && !options.dropImpossible) return undefined;
  return params.add([...new Set(kept)], kind === 'ids' ? 'uuid[]' : 'text[]');
}
