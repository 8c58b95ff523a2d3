import { fieldValueKind, findObject, resolveFieldPath, type MetadataSet } from '@loom/metadata';
import type { FieldVisibility } from '../check/field-visibility.js';
import { MAX_PATH_HOPS } from '../check/resolve-path.js';
import type { CompileState } from '../plan/compile-state.js';
import type { Source } from '../plan/source.js';
import { QueryError } from '../query-error.js';
import { or } from '../sql/boolean.js';
import { containsPattern } from '../sql/escape-like.js';
import { fieldExpr } from './field-expression.js';

/**
 * `q`: a case-insensitive substring match over the object's readable text `searchFields`
 * (default: its title field), OR'ed, with the text bound once and its wildcards escaped.
 * Hidden search fields are skipped, so `q` cannot probe them; when none is left, 403.
 */
export function searchSql(state: CompileState, source: Source, vis: FieldVisibility, q: string): string {
  const fields = searchableFields(state.set, source.object, vis);
  if (fields.length === 0) throw QueryError.forbidden('/q', 'no field of this object that you can read is searchable');
  const pattern = state.params.add(containsPattern(q));
  return or(fields.map((path) => {
    const res = resolveFieldPath(state.set, source.object, path.split('.'), MAX_PATH_HOPS);
    return `${fieldExpr(state, source, res.field!).sql} ILIKE ${pattern}`;
  }));
}

function searchableFields(set: MetadataSet, object: string, vis: FieldVisibility): string[] {
  const def = findObject(set, object);
  const named = def?.searchFields?.length ? def.searchFields : def?.titleField ? [def.titleField] : [];
  return named.filter((path) => {
    const res = resolveFieldPath(set, object, path.split('.'), MAX_PATH_HOPS);
    return !res.error && fieldValueKind(res.field.def, set) === 'text' && vis.hiddenSegment(path.split('.'), res.field) === undefined;
  });
}
