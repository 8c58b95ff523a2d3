import { byteLength, columnName, MAX_IDENTIFIER_BYTES } from '../identifiers/physical-names.js';
import { childPointer } from '../json/json-pointer.js';
import { parseFormula } from '../formula/parse-formula.js';
import type { FieldDef } from '../types/field-def.js';
import type { ErrorList } from './metadata-error.js';

const AUTONUMBER_COUNTER = /\{0+\}/g;

/** Checks one field on its own (after the schema passed). `at` is the field's pointer. */
export function checkFieldDefinition(name: string, field: FieldDef, at: string, errors: ErrorList): void {
  const column = columnName(name, field);
  if (column && byteLength(column) > MAX_IDENTIFIER_BYTES) {
    errors.add(at, `column "${column}" would be ${byteLength(column)} bytes; PostgreSQL names are at most ${MAX_IDENTIFIER_BYTES}`, 'name_too_long');
  }
  if ('min' in field && 'max' in field && field.min !== undefined && field.max !== undefined && field.min > field.max) {
    errors.add(childPointer(at, 'min'), `min (${field.min}) is greater than max (${field.max})`, 'invalid_range');
  }
  switch (field.type) {
    case 'select':
    case 'multiselect':
      checkOptions(field, at, errors);
      return;
    case 'text':
      if (field.pattern !== undefined && !isRegex(field.pattern)) {
        errors.add(childPointer(at, 'pattern'), 'is not a valid regular expression', 'invalid_pattern');
      }
      return;
    case 'autonumber': {
      const counters = field.pattern.match(AUTONUMBER_COUNTER)?.length ?? 0;
      if (counters !== 1) {
        errors.add(childPointer(at, 'pattern'), `needs exactly one counter like {0000}, found ${counters}`, 'invalid_pattern');
      }
      return;
    }
    case 'relation':
      checkRelation(field, at, errors);
      return;
    case 'rollup':
      if (field.fn === 'count' && field.field !== undefined) {
        errors.add(childPointer(at, 'field'), 'count takes no field', 'invalid_value');
      }
      return;
    case 'formula':
      for (const e of parseFormula(field.expression).errors) {
        errors.add(childPointer(at, 'expression'), `${e.message} (at position ${e.position})`, e.code);
      }
      return;
    default:
      return;
  }
}

function checkOptions(field: Extract<FieldDef, { options: unknown }>, at: string, errors: ErrorList): void {
  const keys = new Set<string>();
  field.options.forEach((o, i) => {
    if (keys.has(o.key)) errors.add(childPointer(at, 'options', i, 'key'), `duplicate option "${o.key}"`, 'duplicate_name');
    keys.add(o.key);
  });
  const defaults = field.default === undefined ? [] : Array.isArray(field.default) ? field.default : [field.default];
  defaults.forEach((d, i) => {
    if (!keys.has(d)) {
      const path = Array.isArray(field.default) ? childPointer(at, 'default', i) : childPointer(at, 'default');
      errors.add(path, `"${d}" is not an option`, 'unknown_option');
    }
  });
}

function checkRelation(field: Extract<FieldDef, { type: 'relation' }>, at: string, errors: ErrorList): void {
  const rt = field.relationType ?? 'manyToOne';
  if (rt === 'oneToMany' && field.inverseOf === undefined) {
    errors.add(childPointer(at, 'inverseOf'), 'is required for a oneToMany relation', 'required');
  }
  if (rt !== 'oneToMany' && field.inverseOf !== undefined) {
    errors.add(childPointer(at, 'inverseOf'), 'applies only to oneToMany relations', 'invalid_value');
  }
  if (rt !== 'manyToOne' && field.onDelete !== undefined) {
    errors.add(childPointer(at, 'onDelete'), 'applies only to manyToOne relations', 'invalid_value');
  }
  if (rt === 'oneToMany' && (field.required || field.unique)) {
    errors.add(childPointer(at, field.required ? 'required' : 'unique'), 'a oneToMany relation stores nothing to require', 'invalid_value');
  }
  if (field.onDelete === 'setNull' && field.required) {
    errors.add(childPointer(at, 'onDelete'), 'setNull cannot apply to a required relation', 'invalid_value');
  }
}

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
