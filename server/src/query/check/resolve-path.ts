import { conditionFieldRefs, resolveFieldPath, type ConditionNode, type MetadataSet, type ResolvedField } from '@loom/metadata';
import type { FieldVisibility } from './field-visibility.js';
import type { RequestProblems } from './request-problems.js';

/** Dotted paths follow at most this many manyToOne relations (API.md limits). */
export const MAX_PATH_HOPS = 3;

/**
 * Resolves a field path a caller named (in fields, sort, groupBy, metrics) against metadata:
 * unknown or archived → malformed; any segment the caller may not read → forbidden.
 */
export function resolveReadablePath(
  set: MetadataSet, object: string, path: unknown, at: string, vis: FieldVisibility, problems: RequestProblems,
): ResolvedField | undefined {
  if (typeof path !== 'string' || path === '') return problems.bad(at, 'must name a field');
  const segments = path.split('.');
  const res = resolveFieldPath(set, object, segments, MAX_PATH_HOPS);
  if (res.error) return problems.bad(at, res.error.message);
  const hidden = vis.hiddenSegment(segments, res.field);
  if (hidden !== undefined) return problems.hidden(at, `"${path}" names a field you cannot read`);
  return res.field;
}

/**
 * A filter may not read hidden fields (SECURITY.md 3: a filter on a hidden field is a
 * yes/no oracle): every compared path and `$field.` operand, on every joined object.
 */
export function checkConditionReadable(node: ConditionNode, at: string, vis: FieldVisibility, problems: RequestProblems): void {
  for (const ref of conditionFieldRefs(node)) {
    if (vis.hiddenSegment(ref.path.split('.'), ref.field) !== undefined) {
      problems.hidden(at, `the filter reads "${ref.path}", a field you cannot read`);
    }
  }
}
