import type { ObjectDef } from '@loom/metadata';
import type { ProblemItem } from '../../common/problem.js';

/** The most a `json` field may hold, as serialized UTF-8. */
export const JSON_FIELD_LIMIT_BYTES = 64 * 1024;

/** `json` values over the cap; run after the schema, which accepts any JSON for them. */
export function jsonSizeProblems(object: ObjectDef, values: Record<string, unknown>): ProblemItem[] {
  const problems: ProblemItem[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (!Object.hasOwn(object.fields, name) || object.fields[name]!.type !== 'json' || value == null) continue;
    if (Buffer.byteLength(JSON.stringify(value), 'utf8') > JSON_FIELD_LIMIT_BYTES) {
      problems.push({ path: `/${name}`, message: 'must be at most 64 KiB of JSON' });
    }
  }
  return problems;
}
