import type { Label } from '../types/label.js';

/** A column every object table has; valid in conditions and formulas, never definable. */
export interface SystemFieldDef {
  system: true;
  type: 'uuid' | 'user' | 'datetime' | 'integer';
  label: Label;
  readOnly: true;
}

const sys = (type: SystemFieldDef['type'], en: string, zh: string): SystemFieldDef => ({
  system: true,
  type,
  label: { en, 'zh-CN': zh },
  readOnly: true,
});

/** System columns on every object table (DESIGN.md §2). `owner` is writable by the records API. */
export const SYSTEM_FIELD_DEFS: Readonly<Record<string, SystemFieldDef>> = Object.freeze({
  id: sys('uuid', 'ID', 'ID'),
  owner: sys('user', 'Owner', '负责人'),
  created_at: sys('datetime', 'Created at', '创建时间'),
  updated_at: sys('datetime', 'Updated at', '更新时间'),
  created_by: sys('user', 'Created by', '创建人'),
  updated_by: sys('user', 'Updated by', '更新人'),
  version: sys('integer', 'Version', '版本'),
  deleted_at: sys('datetime', 'Deleted at', '删除时间'),
});

export const SYSTEM_FIELDS: readonly string[] = Object.freeze(Object.keys(SYSTEM_FIELD_DEFS));

export function isSystemField(name: string): boolean {
  return Object.hasOwn(SYSTEM_FIELD_DEFS, name);
}
