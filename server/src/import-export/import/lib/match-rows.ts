import type { ObjectDef } from '@loom/metadata';
import type { DuplicateHit } from '../import-store.js';
import type { ImportOptions } from './parse-import-options.js';

/**
 * The field sets that identify an existing record: `matchOn` when given, else (create mode) the
 * object's exact duplicate rules whose fields the caller may read and the file fills.
 */
export function matchRules(obj: ObjectDef, options: Pick<ImportOptions, 'matchOn' | 'mode'>, mapped: string[], hidden: ReadonlySet<string> = new Set()): string[][] {
  if (options.matchOn.length) return [options.matchOn];
  if (options.mode === 'upsert') return [];
  return (obj.duplicateRules ?? []).filter((r) => !r.fuzzy && r.match.every((f) => mapped.includes(f) && !hidden.has(f))).map((r) => r.match);
}

/** A comparable key of the rule's values, or null when one of them is empty (no match on blanks). */
export function matchKey(values: Record<string, unknown>, fields: string[]): string | null {
  const parts = fields.map((f) => values[f]);
  if (parts.some((v) => v === undefined || v === null || v === '')) return null;
  return JSON.stringify(parts.map((v) => (v instanceof Date ? v.toISOString() : String(v))));
}

/**
 * Rows repeating an earlier row of the same file on any rule: the later ones are duplicate hits
 * (the first one is imported). Returns the hits by row; rows already failing are not considered.
 */
export function fileDuplicates(rows: { row: number; values: Record<string, unknown>; skip?: boolean }[], rules: string[][]): Map<number, DuplicateHit> {
  const hits = new Map<number, DuplicateHit>();
  for (const fields of rules) {
    const first = new Map<string, number>();
    for (const r of rows) {
      if (r.skip || hits.has(r.row)) continue;
      const key = matchKey(r.values, fields);
      if (key === null) continue;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, r.row);
      else hits.set(r.row, { row: r.row, sameAsRow: earlier, match: fields });
    }
  }
  return hits;
}
