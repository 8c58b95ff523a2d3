import type { ApprovalDef, AutomationDef, JsonSchema, LayoutDef, PipelineDef, RoleDef } from '@loom/metadata';
import type { MigrationPlan, PublishMode } from './metadata-writes';
import { request } from './request';

/** The metadata kinds written whole with `PUT /api/metadata/{section}/{name}` (API.md "Metadata"). */
export type DefinitionSection = 'pipelines' | 'approvals' | 'roles' | 'automations' | 'layouts';
export type DefinitionKind = 'pipeline' | 'approval' | 'role' | 'automation' | 'layout';

export interface DefinitionOfSection {
  pipelines: PipelineDef;
  approvals: ApprovalDef;
  roles: RoleDef;
  automations: AutomationDef;
  layouts: LayoutDef;
}

export const KIND_OF_SECTION: Record<DefinitionSection, DefinitionKind> = {
  pipelines: 'pipeline',
  approvals: 'approval',
  roles: 'role',
  automations: 'automation',
  layouts: 'layout',
};

/** A preview (`plan` only) or an applied write (`plan`, `revision` and the stored definition under its kind). */
export interface DefinitionAnswer {
  plan: MigrationPlan;
  revision?: number;
  [kind: string]: unknown;
}

const FORM_STATUSES = [400, 409, 422];
const path = (section: DefinitionSection, name: string) => `/api/metadata/${section}/${encodeURIComponent(name)}`;
const modeQuery = (mode: PublishMode) => ('dryRun' in mode ? { dryRun: true } : { plan: mode.plan });

/** One definition as stored (admins see every one, webhook secrets masked as `****`). */
export function fetchDefinition<S extends DefinitionSection>(section: S, name: string): Promise<DefinitionOfSection[S]> {
  return request<DefinitionOfSection[S]>(path(section, name), { expect: [404] });
}

/** `GET /api/metadata/schemas/{kind}`: the JSON Schema a designer reads its choices and bounds from. */
export function fetchDefinitionSchema(kind: DefinitionKind): Promise<JsonSchema> {
  return request<JsonSchema>(`/api/metadata/schemas/${kind}`, { silent: true });
}

/** Creates or replaces a definition with the full document; a dry run answers the plan only. */
export function putDefinition(section: DefinitionSection, name: string, document: unknown, mode: PublishMode): Promise<DefinitionAnswer> {
  return request<DefinitionAnswer>(path(section, name), { method: 'PUT', body: document, query: modeQuery(mode), expect: FORM_STATUSES });
}

export function deleteDefinition(section: DefinitionSection, name: string, mode: PublishMode): Promise<DefinitionAnswer> {
  return request<DefinitionAnswer>(path(section, name), { method: 'DELETE', query: modeQuery(mode), expect: FORM_STATUSES });
}
