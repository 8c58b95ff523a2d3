import type { ResolvedField } from '../conditions/ast.js';
import type { MetadataSet } from '../types/metadata-set.js';
import { findFieldOrSystem, findObject, isManyToOne } from './find-definitions.js';

export type ResolveResult =
  | { field: ResolvedField; error?: undefined }
  | { field?: undefined; error: { message: string; code: string } };

/**
 * Resolves a field path from `object`: every segment but the last must be a
 * manyToOne relation (a join), the last any field or system column. At most
 * `maxHops` joins. Archived fields do not resolve.
 */
export function resolveFieldPath(set: Partial<MetadataSet>, object: string, path: string[], maxHops = 3): ResolveResult {
  if (path.length === 0 || path.some((s) => s === '')) return fail('empty field path', 'unknown_field');
  if (path.length - 1 > maxHops) {
    return fail(`"${path.join('.')}" follows ${path.length - 1} relations; at most ${maxHops} are allowed`, 'path_too_deep');
  }
  const joins: ResolvedField['joins'] = [];
  let current = object;
  for (let i = 0; i < path.length; i++) {
    const name = path[i]!;
    if (!findObject(set, current)) return fail(`unknown object "${current}"`, 'unknown_object');
    const def = findFieldOrSystem(set, current, name);
    if (!def) return fail(`unknown field "${name}" on ${current}`, 'unknown_field');
    if ('archived' in def && def.archived) return fail(`field "${name}" on ${current} is archived`, 'unknown_field');
    if (i === path.length - 1) return { field: { object: current, name, def, joins } };
    if (!isManyToOne(def)) {
      return fail(`"${name}" on ${current} is not a manyToOne relation; dotted paths follow manyToOne relations only`, 'invalid_path');
    }
    joins.push({ from: current, field: name, to: def.target });
    current = def.target;
  }
  return fail('empty field path', 'unknown_field');
}

function fail(message: string, code: string): ResolveResult {
  return { error: { message, code } };
}
