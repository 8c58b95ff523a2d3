import type { ApprovalDef } from '../types/approval-def.js';
import type { AutomationDef } from '../types/automation-def.js';
import type { FieldDef, FieldType } from '../types/field-def.js';
import type { LayoutDef } from '../types/layout-def.js';
import type { ObjectDef } from '../types/object-def.js';
import type { PipelineDef } from '../types/pipeline-def.js';
import type { RoleDef } from '../types/role-def.js';

/** `path` points at the changed definition in the set (the new set for additions, the old for removals). */
interface At {
  path: string;
}

export type ObjectChange =
  | (At & { kind: 'addObject'; object: string; def: ObjectDef })
  /** `archived`: still present with `archived: true` (kept) vs gone from the new set. */
  | (At & { kind: 'removeObject'; object: string; def: ObjectDef; archived: boolean })
  | (At & { kind: 'restoreObject'; object: string; def: ObjectDef })
  /** Props other than fields, unique and indexes (labels, titleField, validations, …). */
  | (At & { kind: 'changeObject'; object: string; props: string[]; before: ObjectDef; after: ObjectDef });

export interface OptionChanges {
  added: string[];
  removed: string[];
  /** Keys whose label, color or order changed. */
  changed: string[];
}

export type FieldChange =
  | (At & { kind: 'addField'; object: string; field: string; def: FieldDef })
  | (At & { kind: 'removeField'; object: string; field: string; def: FieldDef; archived: boolean })
  | (At & { kind: 'restoreField'; object: string; field: string; def: FieldDef })
  | (At & { kind: 'changeFieldType'; object: string; field: string; from: FieldType; to: FieldType; before: FieldDef; after: FieldDef })
  /** `props` lists every changed prop (required, unique, maxLength, options, label, …). */
  | (At & { kind: 'changeField'; object: string; field: string; props: string[]; before: FieldDef; after: FieldDef; options?: OptionChanges });

export type ConstraintChange = At & {
  kind: 'addIndex' | 'removeIndex' | 'addUnique' | 'removeUnique';
  object: string;
  fields: string[];
};

type DefinitionChanges<Name extends string, Def> =
  | (At & { kind: `add${Name}`; name: string; def: Def })
  | (At & { kind: `change${Name}`; name: string; props: string[]; before: Def; after: Def })
  | (At & { kind: `remove${Name}`; name: string; def: Def });

export type MetadataChange =
  | ObjectChange
  | FieldChange
  | ConstraintChange
  | DefinitionChanges<'Pipeline', PipelineDef>
  | DefinitionChanges<'Approval', ApprovalDef>
  | DefinitionChanges<'Role', RoleDef>
  | DefinitionChanges<'Automation', AutomationDef>
  | DefinitionChanges<'Layout', LayoutDef>;

export type MetadataChangeKind = MetadataChange['kind'];
