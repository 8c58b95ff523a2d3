import type { FieldDef, JsonSchema, ObjectDef } from '@loom/metadata';
import { request } from './request';

export type ChangeClass = 'safe' | 'breaking' | 'destructive';

/** One typed step of a migration plan; `sql` is exactly what the server will run. */
export interface PlanChange {
  kind: string;
  class: ChangeClass;
  sql: string[];
  description: string;
  path?: string;
}

/** A definition that mentions what a change archives: `{ path, usedBy }` (or a plain path). */
export type WhereUsedEntry = string | { path: string; usedBy: string[] };

/** `?dryRun=true`: what a metadata write would do (API.md "Metadata"). */
export interface MigrationPlan {
  hash: string;
  changes: PlanChange[];
  warnings: string[];
  whereUsed: WhereUsedEntry[];
}

/** Preview (`dryRun`) or apply the previewed plan (`plan` = its hash; 409 when it changed since). */
export type PublishMode = { dryRun: true } | { plan: string };

export interface PublishAnswer<T = unknown> {
  plan: MigrationPlan;
  revision?: number;
  object?: ObjectDef;
  field?: T;
}

const FORM_STATUSES = [400, 409, 422];
const objectPath = (name: string) => `/api/metadata/objects/${encodeURIComponent(name)}`;
const fieldPath = (object: string, field: string) => `${objectPath(object)}/fields/${encodeURIComponent(field)}`;
const modeQuery = (mode: PublishMode) => ('dryRun' in mode ? { dryRun: true } : { plan: mode.plan });

/** `GET /api/metadata/schemas/object`: the JSON Schema the field form is built from. */
export function fetchObjectSchema(): Promise<JsonSchema> {
  return request<JsonSchema>('/api/metadata/schemas/object');
}

export function createObject(object: ObjectDef, mode: PublishMode): Promise<PublishAnswer> {
  return request<PublishAnswer>('/api/metadata/objects', { method: 'POST', body: object, query: modeQuery(mode), expect: FORM_STATUSES });
}

export function addField(object: string, field: { name: string } & Partial<FieldDef>, mode: PublishMode): Promise<PublishAnswer<FieldDef>> {
  return request<PublishAnswer<FieldDef>>(`${objectPath(object)}/fields`, {
    method: 'POST',
    body: field,
    query: modeQuery(mode),
    expect: FORM_STATUSES,
  });
}

export function updateField(object: string, field: string, patch: Partial<FieldDef>, mode: PublishMode): Promise<PublishAnswer<FieldDef>> {
  return request<PublishAnswer<FieldDef>>(fieldPath(object, field), {
    method: 'PATCH',
    body: patch,
    query: modeQuery(mode),
    expect: FORM_STATUSES,
  });
}

/** Archives a field: the column and its data stay, hidden (`?purge=true` would drop them; not offered here). */
export function archiveField(object: string, field: string, mode: PublishMode): Promise<PublishAnswer> {
  return request<PublishAnswer>(fieldPath(object, field), { method: 'DELETE', query: modeQuery(mode), expect: FORM_STATUSES });
}
