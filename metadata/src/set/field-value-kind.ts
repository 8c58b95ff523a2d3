import type { SystemFieldDef } from '../identifiers/system-fields.js';
import type { FieldDef } from '../types/field-def.js';
import type { MetadataSet } from '../types/metadata-set.js';
import { findField } from './find-definitions.js';

/**
 * What kind of value a field holds, as conditions and formulas see it:
 * `id` a record id (manyToOne, `id`), `user` a user id, `option` a select key,
 * `stage` a stage key, `options`/`tags`/`ids` arrays, `none` no value (oneToMany).
 */
export type ValueKind =
  | 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'option' | 'stage'
  | 'id' | 'user' | 'options' | 'tags' | 'ids' | 'json' | 'none';

export function fieldValueKind(def: FieldDef | SystemFieldDef, set: Partial<MetadataSet>, depth = 0): ValueKind {
  switch (def.type) {
    case 'text': case 'textarea': case 'richtext': case 'email': case 'phone': case 'url': case 'autonumber':
      return 'text';
    case 'integer': case 'number': case 'currency': case 'percent': case 'rating':
      return 'number';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    case 'select': return 'option';
    case 'multiselect': return 'options';
    case 'tags': return 'tags';
    case 'stage': return 'stage';
    case 'user': return 'user';
    case 'uuid': return 'id';
    case 'json': return 'json';
    case 'relation': {
      const rt = def.relationType ?? 'manyToOne';
      return rt === 'manyToOne' ? 'id' : rt === 'manyToMany' ? 'ids' : 'none';
    }
    case 'formula':
      return ['number', 'integer', 'currency', 'percent'].includes(def.resultType) ? 'number' : (def.resultType as ValueKind);
    case 'rollup': {
      if (def.fn !== 'min' && def.fn !== 'max') return 'number';
      const target = def.field === undefined ? undefined : findField(set, def.object, def.field);
      // min/max keep the aggregated field's kind; a bounded depth guards rollup-of-rollup loops.
      return target && depth < 5 ? fieldValueKind(target, set, depth + 1) : 'number';
    }
  }
}

/** Kinds whose values order (for $gt…$lte, MIN/MAX). */
export const ORDERED_KINDS: ReadonlySet<ValueKind> = new Set(['text', 'number', 'date', 'datetime']);
/** Kinds holding arrays. */
export const ARRAY_KINDS: ReadonlySet<ValueKind> = new Set(['options', 'tags', 'ids']);
