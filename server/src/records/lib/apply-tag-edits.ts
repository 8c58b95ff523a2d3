import type { ObjectDef } from '@loom/metadata';
import type { ProblemItem } from '../../common/problem.js';

/** Tags to add and to remove, per `tags` field: `{ addTags: { tags: ['vip'] }, removeTags: { tags: ['churn_risk'] } }`. */
export interface TagEdits {
  addTags?: Record<string, string[]>;
  removeTags?: Record<string, string[]>;
}

/** Problems with the fields named in tag edits: each must be a live `tags` field of the object (422 paths). */
export function tagEditProblems(obj: ObjectDef, edits: TagEdits, base: string): ProblemItem[] {
  const problems: ProblemItem[] = [];
  for (const key of ['addTags', 'removeTags'] as const) {
    for (const field of Object.keys(edits[key] ?? {})) {
      const def = obj.fields[field];
      if (!def || def.archived || def.type !== 'tags') problems.push({ path: `${base}/${key}/${field}`, message: `is not a tags field of ${obj.name}` });
    }
  }
  return problems;
}

/**
 * The new values of the edited tags fields of one record: its tags, then the added ones not yet
 * there (in the given order), less the removed ones. Fields whose tags do not change are left out,
 * so a record that already has them is not written.
 * @example applyTagEdits({ tags: ['a'] }, { addTags: { tags: ['b', 'a'] } }) // { tags: ['a', 'b'] }
 */
export function applyTagEdits(record: Record<string, unknown>, edits: TagEdits): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const fields = new Set([...Object.keys(edits.addTags ?? {}), ...Object.keys(edits.removeTags ?? {})]);
  for (const field of fields) {
    const current = Array.isArray(record[field]) ? (record[field] as string[]) : [];
    const removed = new Set(edits.removeTags?.[field] ?? []);
    const next = [...new Set([...current, ...(edits.addTags?.[field] ?? [])])].filter((t) => !removed.has(t));
    if (next.length !== current.length || next.some((t, i) => t !== current[i])) out[field] = next;
  }
  return out;
}
