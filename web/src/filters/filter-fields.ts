import { SYSTEM_FIELD_DEFS, fieldValueKind } from '@loom/metadata';
import type { FieldDef, MetadataSet, ObjectDef, SystemFieldDef, ValueKind } from '@loom/metadata';
import type { FieldDefinition } from '@/fields/field-definition';
import { labelOf } from '@/i18n/label-of';
import { FLAG_OPERATORS, LIST_OPERATORS, operatorsFor } from './filter-operators';
import type { FilterOperator } from './filter-operators';

/** A field the filter builder offers, with the kind of value it compares. */
export interface FilterableField {
  name: string;
  label: string;
  kind: ValueKind;
  def: FieldDef | SystemFieldDef;
}

/** System columns worth filtering on, after the object's own fields. */
const SYSTEM_FILTER_FIELDS = ['owner', 'created_at', 'updated_at'] as const;

/** The object's live fields that compare (not archived, hidden, oneToMany or json), then owner and dates. */
export function filterableFields(object: ObjectDef, set: Partial<MetadataSet>, locale: string): FilterableField[] {
  const own = Object.entries(object.fields ?? {})
    .filter(([, def]) => !def.archived && !def.hidden)
    .map(([name, def]) => ({ name, label: labelOf(def.label, locale, name), kind: fieldValueKind(def, set), def }))
    .filter((field) => field.kind !== 'none' && field.kind !== 'json');
  const system = SYSTEM_FILTER_FIELDS.filter((name) => !object.fields?.[name]).map((name) => {
    const def = SYSTEM_FIELD_DEFS[name]!;
    return { name, label: labelOf(def.label, locale, name), kind: fieldValueKind(def, set), def };
  });
  return [...own, ...system];
}

const NUMERIC_TYPES = new Set(['integer', 'number', 'currency', 'percent']);

/** The definition whose registry input edits one value of this kind. */
function scalarValueField(def: FieldDef | SystemFieldDef, kind: ValueKind): FieldDefinition {
  const typed = def as FieldDefinition;
  switch (kind) {
    case 'number':
      return { type: NUMERIC_TYPES.has(def.type) ? def.type : 'number' };
    case 'boolean':
    case 'date':
    case 'datetime':
      return { type: kind };
    case 'option':
    case 'options':
      return { type: 'select', options: typed.options ?? [] };
    case 'stage':
      return { type: 'stage', pipeline: typed.pipeline };
    case 'id':
    case 'ids':
      return def.type === 'uuid' ? { type: 'text' } : { type: 'relation', target: typed.target };
    case 'user':
      return { type: 'user' };
    default:
      return { type: 'text' };
  }
}

/**
 * The field definition of the value widget for a comparison: the registry input of that
 * type edits the value. Lists of free values (text, numbers, dates) are tags; lists of
 * choices or records are the same picker with `multiple`; flags are a yes/no switch.
 */
export function valueFieldFor(field: FilterableField, operator: FilterOperator): FieldDefinition {
  if (FLAG_OPERATORS.has(operator)) return { type: 'boolean' };
  const scalar = scalarValueField(field.def, field.kind);
  if (!LIST_OPERATORS.has(operator)) return scalar;
  if (['text', 'number', 'date', 'datetime', 'tags'].includes(field.kind)) return { type: 'tags' };
  return { ...scalar, multiple: true };
}

/** The value a fresh comparison starts with: yes for flags, nothing otherwise. */
export function initialValue(operator: FilterOperator): unknown {
  return FLAG_OPERATORS.has(operator) ? true : LIST_OPERATORS.has(operator) ? [] : null;
}

/** Keeps a value in the shape the condition language wants (numbers typed as tags become numbers). */
export function normalizeValue(field: FilterableField, operator: FilterOperator, value: unknown): unknown {
  if (LIST_OPERATORS.has(operator) && Array.isArray(value) && field.kind === 'number') {
    return value.map(Number).filter((number) => Number.isFinite(number));
  }
  return value;
}

/** The operator a rule keeps when its field changes: the same one when the new field allows it. */
export function operatorAfterFieldChange(field: FilterableField, previous: FilterOperator): FilterOperator {
  const allowed = operatorsFor(field.kind);
  return allowed.includes(previous) ? previous : (allowed[0] ?? '$eq');
}
