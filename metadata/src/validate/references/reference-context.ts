import { parseCondition } from '../../conditions/parse-condition.js';
import { isRecord } from '../../json/is-record.js';
import { findField, findObject } from '../../set/find-definitions.js';
import type { FieldDef } from '../../types/field-def.js';
import type { MetadataSet } from '../../types/metadata-set.js';
import type { ErrorList } from '../metadata-error.js';

/** What every cross-reference check needs: the set and where to report. */
export interface ReferenceContext {
  set: Partial<MetadataSet>;
  errors: ErrorList;
  /** `objects/account`, … for documents with schema errors: references to them stay quiet (their own errors say why). */
  broken: ReadonlySet<string>;
}

export function isBroken(ctx: ReferenceContext, section: string, name: string): boolean {
  return ctx.broken.has(`${section}/${name}`);
}

/** Parses a condition found at `at` in the set, reporting its errors under that path. */
export function checkCondition(ctx: ReferenceContext, json: unknown, at: string, object: string): void {
  if (json === undefined || !findObject(ctx.set, object) || isBroken(ctx, 'objects', object)) return;
  ctx.errors.addAll(parseCondition(json, { object, set: ctx.set }).errors, at);
}

/** Reports and returns false when `object` is not in the set. */
export function requireObject(ctx: ReferenceContext, object: string, at: string): boolean {
  if (isBroken(ctx, 'objects', object)) return false;
  if (findObject(ctx.set, object)) return true;
  ctx.errors.add(at, `unknown object "${object}"`, 'unknown_object');
  return false;
}

/** Reports when `object.field` does not exist (or is archived); returns it otherwise. */
export function requireField(ctx: ReferenceContext, object: string, field: string, at: string): FieldDef | undefined {
  if (isBroken(ctx, 'objects', object)) return undefined;
  const def = findField(ctx.set, object, field);
  if (!def) ctx.errors.add(at, `unknown field "${field}" on ${object}`, 'unknown_field');
  else if (def.archived) ctx.errors.add(at, `field "${field}" on ${object} is archived`, 'unknown_field');
  else return def;
  return undefined;
}

/** Fields that hold a value a rule may set (not computed, not the many side of a relation). */
export function isWritable(def: FieldDef): boolean {
  if (def.type === 'formula' || def.type === 'rollup' || def.type === 'autonumber') return false;
  return def.type !== 'relation' || (def.relationType ?? 'manyToOne') !== 'oneToMany';
}

export function sectionEntries<T>(section: Record<string, T> | undefined): [string, T][] {
  return isRecord(section) ? (Object.entries(section) as [string, T][]).filter(([, d]) => isRecord(d)) : [];
}
