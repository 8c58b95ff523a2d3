import type { ConditionJson } from './condition-json.js';
import type { Label } from './label.js';

/** Which records: a named scope, true (= all) / false (= none), or a condition. */
export type RecordScope = 'all' | 'team' | 'subordinates' | 'own' | 'none' | boolean | ConditionJson;
export const NAMED_SCOPES = ['all', 'team', 'subordinates', 'own', 'none'] as const;

export type FieldAccess = 'none' | 'read' | 'write';

export interface ObjectPermission {
  read?: RecordScope;
  create?: RecordScope;
  update?: RecordScope;
  delete?: RecordScope;
  /** Default `write` when the object is writable, else `read`. */
  fields?: Record<string, FieldAccess>;
}

export interface RoleDef {
  kind: 'role';
  name: string;
  label?: Label;
  description?: Label;
  /** Administers metadata, users and plugins. Record access still comes from `objects`. */
  admin?: boolean;
  inherits?: string[];
  objects?: Record<string, ObjectPermission>;
}
