import { columnName, type DuplicateRule, type ObjectDef } from '@loom/metadata';
import { quoteQualified } from '../../query/index.js';

/** Trigram similarity above which a fuzzy rule calls two names the same. */
export const FUZZY_THRESHOLD = 0.6;

export interface DuplicateMatch {
  /** ANDed conditions on the candidate row `t0`. */
  conditions: string[];
  /** SQL of the match score, 0–1 (1 for exact rules). */
  score: string;
}

/**
 * The SQL of one duplicate rule against a record's values, or null when the record lacks a value
 * for one of its fields (or the caller may not read it). Values go through `bind`; columns come
 * from metadata. Email: trimmed, lower-case. Phone: the last 11 digits. Text: lower-case without
 * whitespace, or trigram similarity > 0.6 when the rule is fuzzy and pg_trgm is at `trigram`.
 * @example duplicateMatch(contact, { match: ['email'] }, { email: 'A@x.com' }, bind, null) // { conditions: ['lower(btrim("t0"."email")) = lower(btrim($2))'], score: '1' }
 */
export function duplicateMatch(
  obj: ObjectDef, rule: DuplicateRule, record: Record<string, unknown>, bind: (v: unknown) => string, trigram: string | null,
): DuplicateMatch | null {
  const conditions: string[] = [];
  const scores: string[] = [];
  for (const field of rule.match) {
    const def = Object.hasOwn(obj.fields, field) ? obj.fields[field] : undefined;
    const column = def && columnName(field, def);
    const raw = record[field];
    const value = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : raw;
    if (!def || !column || value === undefined || value === null || value === '') return null;
    const col = quoteQualified('t0', column);
    if (def.type === 'email') {
      conditions.push(`lower(btrim(${col})) = lower(btrim(${bind(String(value))}))`);
    } else if (def.type === 'phone') {
      const digits = String(value).replace(/\D/g, '').slice(-11);
      if (!digits) return null;
      conditions.push(`right(regexp_replace(${col}, '\\D', '', 'g'), 11) = ${bind(digits)}`);
    } else if (def.type === 'text' || def.type === 'textarea') {
      if (rule.fuzzy && trigram) {
        const similarity = `${trigram}.similarity(lower(${col}), lower(${bind(String(value))}))`;
        conditions.push(`${similarity} > ${FUZZY_THRESHOLD}`);
        scores.push(similarity);
      } else {
        conditions.push(`lower(regexp_replace(${col}, '\\s+', '', 'g')) = lower(regexp_replace(${bind(String(value))}, '\\s+', '', 'g'))`);
      }
    } else {
      conditions.push(`${col} = ${bind(value)}`);
    }
  }
  if (!conditions.length) return null;
  const score = scores.length ? `CAST((${scores.join(' + ')}) / ${rule.match.length} + ${(rule.match.length - scores.length) / rule.match.length} AS double precision)` : '1';
  return { conditions, score };
}
