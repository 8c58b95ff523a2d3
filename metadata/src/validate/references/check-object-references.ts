import { parseFormula } from '../../formula/parse-formula.js';
import { fitsResultType, typeFormula } from '../../formula/type-formula.js';
import { byteLength, joinTableName, MAX_IDENTIFIER_BYTES, tableName } from '../../identifiers/physical-names.js';
import { childPointer, pointer } from '../../json/json-pointer.js';
import { fieldValueKind, ORDERED_KINDS } from '../../set/field-value-kind.js';
import { findDefinition, isManyToOne, stageKeysOf } from '../../set/find-definitions.js';
import type { FieldDef, FieldOfType } from '../../types/field-def.js';
import type { ObjectDef } from '../../types/object-def.js';
import { checkCondition, isBroken, requireField, requireObject, type ReferenceContext } from './reference-context.js';

/** Checks what an object's fields and rules name elsewhere in the set. */
export function checkObjectReferences(ctx: ReferenceContext, obj: ObjectDef): void {
  const base = pointer('objects', obj.name);
  for (const [name, field] of Object.entries(obj.fields)) {
    const at = childPointer(base, 'fields', name);
    switch (field.type) {
      case 'relation': checkRelation(ctx, obj.name, name, field, at); break;
      case 'rollup': checkRollup(ctx, obj.name, field, at); break;
      case 'formula': checkFormula(ctx, obj.name, field, at); break;
      case 'stage': checkStageField(ctx, obj.name, name, field, at); break;
      default: break;
    }
  }
  obj.validations?.forEach((v, i) => checkCondition(ctx, v.condition, childPointer(base, 'validations', i, 'condition'), obj.name));
}

function checkRelation(ctx: ReferenceContext, object: string, name: string, field: FieldOfType<'relation'>, at: string): void {
  if (!requireObject(ctx, field.target, childPointer(at, 'target'))) return;
  const rt = field.relationType ?? 'manyToOne';
  if (rt === 'manyToMany') {
    const table = joinTableName(object, name);
    if (byteLength(table) > MAX_IDENTIFIER_BYTES) {
      ctx.errors.add(at, `join table "${table}" would be ${byteLength(table)} bytes; PostgreSQL names are at most ${MAX_IDENTIFIER_BYTES}`, 'name_too_long');
    }
  }
  if (rt === 'oneToMany' && field.inverseOf !== undefined) {
    const inverse = requireField(ctx, field.target, field.inverseOf, childPointer(at, 'inverseOf'));
    if (inverse && !(isManyToOne(inverse) && inverse.target === object)) {
      ctx.errors.add(childPointer(at, 'inverseOf'), `"${field.target}.${field.inverseOf}" must be a manyToOne relation to ${object}`, 'invalid_reference');
    }
  }
}

function checkRollup(ctx: ReferenceContext, object: string, field: FieldOfType<'rollup'>, at: string): void {
  if (!requireObject(ctx, field.object, childPointer(at, 'object'))) return;
  const relation = requireField(ctx, field.object, field.relation, childPointer(at, 'relation'));
  if (relation && !(isManyToOne(relation) && relation.target === object)) {
    ctx.errors.add(childPointer(at, 'relation'), `"${field.object}.${field.relation}" must be a manyToOne relation to ${object}`, 'invalid_reference');
  }
  if (field.field !== undefined && field.fn !== 'count') {
    const target = requireField(ctx, field.object, field.field, childPointer(at, 'field'));
    const kind = target && fieldValueKind(target, ctx.set);
    const fits = field.fn === 'sum' || field.fn === 'avg' ? kind === 'number' : kind !== undefined && ORDERED_KINDS.has(kind);
    if (target && !fits) ctx.errors.add(childPointer(at, 'field'), `cannot ${field.fn} a ${target.type} field`, 'type_mismatch');
  }
  checkCondition(ctx, field.filter, childPointer(at, 'filter'), field.object);
}

function checkFormula(ctx: ReferenceContext, object: string, field: FieldOfType<'formula'>, at: string): void {
  const { ast } = parseFormula(field.expression);
  if (!ast) return; // syntax errors come from validateDocument
  const { type, errors } = typeFormula(ast, object, ctx.set);
  for (const e of errors) ctx.errors.add(childPointer(at, 'expression'), `${e.message} (at position ${e.position})`, e.code);
  if (type && !fitsResultType(type, field.resultType)) {
    ctx.errors.add(childPointer(at, 'resultType'), `the expression is ${type}, not ${field.resultType}`, 'type_mismatch');
  }
}

function checkStageField(ctx: ReferenceContext, object: string, name: string, field: FieldOfType<'stage'>, at: string): void {
  const keys = stageKeysOf(ctx.set, object, name);
  if (field.default !== undefined && keys.length > 0 && !keys.includes(field.default)) {
    ctx.errors.add(childPointer(at, 'default'), `"${field.default}" is not a stage of ${object}.${name}`, 'unknown_stage');
  }
  if (field.pipeline === undefined || isBroken(ctx, 'pipelines', field.pipeline)) return;
  const pipeline = findDefinition(ctx.set, 'pipelines', field.pipeline);
  if (!pipeline) ctx.errors.add(childPointer(at, 'pipeline'), `unknown pipeline "${field.pipeline}"`, 'unknown_pipeline');
  else if (pipeline.object !== object || pipeline.field !== name) {
    ctx.errors.add(childPointer(at, 'pipeline'), `pipeline "${field.pipeline}" is for ${pipeline.object}.${pipeline.field}`, 'invalid_reference');
  }
}

/** Object tables and join tables share one namespace: `a__b` (object) vs `a` + field `b`. */
export function checkTableNames(ctx: ReferenceContext, objects: ObjectDef[]): void {
  const tables = new Map<string, string>();
  const claim = (table: string, at: string): void => {
    const other = tables.get(table);
    if (other !== undefined) ctx.errors.add(at, `table "${table}" is also used by ${other}`, 'table_collision');
    else tables.set(table, at);
  };
  for (const obj of objects) claim(tableName(obj.name), pointer('objects', obj.name));
  for (const obj of objects) {
    for (const [name, field] of Object.entries(obj.fields) as [string, FieldDef][]) {
      if (field.type === 'relation' && field.relationType === 'manyToMany') {
        claim(joinTableName(obj.name, name), pointer('objects', obj.name, 'fields', name));
      }
    }
  }
}
