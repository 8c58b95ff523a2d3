import { columnName, labelText } from '@loom/metadata';
import type { ObjectDef } from '@loom/metadata';
import { labelOf } from '@/i18n/label-of';

/** A field an import may fill, with the label to show in the mapping step. */
export interface ImportTarget {
  name: string;
  label: string;
}

const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Fields a file may fill (as the server's `importableField`): stored, live, not computed, not
 * read-only; plus `owner`.
 */
export function importTargets(object: ObjectDef, locale: string): ImportTarget[] {
  const own = Object.entries(object.fields ?? {})
    .filter(([name, def]) => !def.archived && def.type !== 'autonumber' && !!columnName(name, def) && !('readOnly' in def && def.readOnly))
    .map(([name, def]) => ({ name, label: labelOf(def.label, locale, name) }));
  const owner = object.fields?.owner ? [] : [{ name: 'owner', label: locale.startsWith('zh') ? '负责人' : 'Owner' }];
  return [...own, ...owner];
}

/** The header texts that name a field: its name, its en and zh-CN labels, and the export's `Label (name)`. */
function namesOf(object: ObjectDef, field: string): string[] {
  if (field === 'owner' && !object.fields?.owner) return ['owner', '负责人'];
  const def = object.fields[field];
  const labels = [labelText(def?.label, 'en'), labelText(def?.label, 'zh-CN')].filter((l): l is string => !!l);
  return [field, ...labels, ...labels.map((label) => `${label} (${field})`)].map(normalize);
}

/**
 * Matches each header column to a field by name or label (zh-CN or en), case- and space-insensitive,
 * each field at most once (the first column wins); a column nothing matches maps to null (skipped).
 * @example matchColumns(['邮箱', 'Notes?'], contact, targets) // { '邮箱': 'email', 'Notes?': null }
 */
export function matchColumns(header: readonly string[], object: ObjectDef, targets: readonly ImportTarget[]): Record<string, string | null> {
  const candidates = targets.map((target) => ({ field: target.name, names: namesOf(object, target.name) }));
  const used = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const column of header) {
    const hit = candidates.find((c) => !used.has(c.field) && c.names.includes(normalize(column)));
    mapping[column] = hit ? hit.field : null;
    if (hit) used.add(hit.field);
  }
  return mapping;
}

/** Fields two columns map to: the server refuses such a mapping, so the step shows it first. */
export function doublyMapped(mapping: Record<string, string | null>): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const field of Object.values(mapping)) {
    if (!field) continue;
    if (seen.has(field)) twice.add(field);
    seen.add(field);
  }
  return [...twice];
}
