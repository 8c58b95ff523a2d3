import { SYSTEM_FIELDS, type FieldAccess, type FieldDef, type ObjectDef, type ObjectPermission } from '@loom/metadata';
import type { FieldDecision, RuleRef } from './permission-types.js';

const RANK: Record<FieldAccess, number> = { none: 0, read: 1, write: 2 };
const READ_ONLY_SYSTEM = SYSTEM_FIELDS.filter((f) => f !== 'owner' && f !== 'deleted_at');

/** One role's say on one object: its grants (already normalized) and its field map. */
export interface RoleObjectEntry {
  role: string;
  /** JSON pointer of the object entry in the role (`/objects/opportunity`), or `/admin`. */
  pointer: string;
  readable: boolean;
  writable: boolean;
  fields: ObjectPermission['fields'];
}

/** A field whose value no write can set (formulas, rollups, autonumbers, oneToMany, readOnly): at most read. */
export function isComputedOrReadOnly(def: FieldDef): boolean {
  if (def.type === 'formula' || def.type === 'rollup' || def.type === 'autonumber') return true;
  if (def.type === 'relation' && def.relationType === 'oneToMany') return true;
  return def.readOnly === true;
}

/**
 * Field access of an object for a set of roles: per role, an explicit `fields` entry or the
 * default (write when the role may create or update, read when it may only read), capped by what
 * the role may do with the object at all; then the most permissive role wins. Computed and
 * read-only fields are at most `read`. System fields are readable with the object; `owner` is
 * writable only when `ownerRule` says a role may update records it does not own.
 */
export function mergeFieldAccess(obj: ObjectDef, entries: RoleObjectEntry[], ownerRule: RuleRef | undefined): Record<string, FieldDecision> {
  const out: Record<string, FieldDecision> = {};
  for (const [name, def] of Object.entries(obj.fields)) {
    if (def.archived) continue;
    let best: FieldDecision = { access: 'none' };
    for (const e of entries) {
      const explicit = e.fields && Object.hasOwn(e.fields, name) ? e.fields[name] : undefined;
      const wanted: FieldAccess = explicit ?? (e.writable ? 'write' : e.readable ? 'read' : 'none');
      const capped = cap(wanted, e.writable ? 'write' : e.readable ? 'read' : 'none');
      const access = isComputedOrReadOnly(def) ? cap(capped, 'read') : capped;
      const rule = explicit !== undefined ? `${e.pointer}/fields/${name}` : e.pointer;
      if (best.decidedBy === undefined || RANK[access] > RANK[best.access]) best = { access, decidedBy: { role: e.role, rule } };
    }
    out[name] = best;
  }
  const reader = entries.find((e) => e.readable);
  const readable: FieldDecision = reader ? { access: 'read', decidedBy: { role: reader.role, rule: reader.pointer } } : { access: 'none' };
  for (const name of READ_ONLY_SYSTEM) out[name] = readable;
  out.owner = ownerRule ? { access: 'write', decidedBy: ownerRule } : readable;
  return out;
}

function cap(access: FieldAccess, max: FieldAccess): FieldAccess {
  return RANK[access] > RANK[max] ? max : access;
}

export function atLeast(access: FieldAccess, needed: FieldAccess): boolean {
  return RANK[access] >= RANK[needed];
}
