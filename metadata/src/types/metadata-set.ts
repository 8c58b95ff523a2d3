import type { ApprovalDef } from './approval-def.js';
import type { AutomationDef } from './automation-def.js';
import type { LayoutDef } from './layout-def.js';
import type { ObjectDef } from './object-def.js';
import type { PipelineDef } from './pipeline-def.js';
import type { RoleDef } from './role-def.js';

/** The kinds of definitions in a metadata set. */
export type MetadataKind = 'object' | 'pipeline' | 'approval' | 'role' | 'automation' | 'layout';
/** Kinds with a JSON Schema: the metadata kinds plus the plugin manifest. */
export type DocumentKind = MetadataKind | 'plugin';

export interface MetadataSet {
  objects: Record<string, ObjectDef>;
  pipelines: Record<string, PipelineDef>;
  approvals: Record<string, ApprovalDef>;
  roles: Record<string, RoleDef>;
  automations: Record<string, AutomationDef>;
  layouts: Record<string, LayoutDef>;
}

export type MetadataSection = keyof MetadataSet;

/** Kind ↔ the key of its section in a MetadataSet (and in `GET /api/metadata`). */
export const SECTION_OF_KIND = {
  object: 'objects',
  pipeline: 'pipelines',
  approval: 'approvals',
  role: 'roles',
  automation: 'automations',
  layout: 'layouts',
} as const satisfies Record<MetadataKind, MetadataSection>;

export const METADATA_KINDS = Object.keys(SECTION_OF_KIND) as MetadataKind[];
export const DOCUMENT_KINDS: DocumentKind[] = [...METADATA_KINDS, 'plugin'];

/** An empty set, to fill. */
export function emptyMetadataSet(): MetadataSet {
  return { objects: {}, pipelines: {}, approvals: {}, roles: {}, automations: {}, layouts: {} };
}
