import type { ConditionJson } from '@loom/metadata';
import { request, requestBlob, requestWithResponse } from './request';

/** A record as the API sends it: `id`, the object's fields, system columns and `version`. */
export interface RecordData {
  id: string;
  version?: number;
  [field: string]: unknown;
}

/** `GET /api/records/{object}`: one page. */
export interface RecordPage {
  data: RecordData[];
  nextCursor: string | null;
  total?: number;
}

export interface ListQuery {
  limit?: number;
  cursor?: string | null;
  /** `-amount,name` */
  sort?: string | null;
  filter?: ConditionJson | null;
  fields?: readonly string[];
  expand?: readonly string[];
  q?: string | null;
  count?: boolean;
}

/** One entry of `GET …/{id}/history`. */
export interface HistoryEntry {
  version: number;
  at: string;
  by: unknown;
  /** The author's display name, when the server resolves it. */
  byName?: string;
  /** `create`, `update`, `restore`, … */
  action?: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** A record with the version its `ETag` named (what `If-Match` sends back). */
export interface VersionedRecord {
  record: RecordData;
  version: number | null;
}

/** Statuses a record form explains itself (API.md "Errors"). */
export const RECORD_WRITE_STATUSES = [403, 409, 412, 422, 423];

const base = (object: string) => `/api/records/${encodeURIComponent(object)}`;
const one = (object: string, id: string) => `${base(object)}/${encodeURIComponent(id)}`;
const list = (values: readonly string[] | undefined) => (values?.length ? values.join(',') : undefined);

export function listRecords(object: string, query: ListQuery, signal?: AbortSignal): Promise<RecordPage> {
  return request<RecordPage>(base(object), {
    signal,
    expect: [400, 403],
    query: {
      limit: query.limit,
      cursor: query.cursor || undefined,
      sort: query.sort || undefined,
      filter: query.filter ? JSON.stringify(query.filter) : undefined,
      fields: list(query.fields),
      expand: list(query.expand),
      q: query.q?.trim() || undefined,
      count: query.count ? true : undefined,
    },
  });
}

/** `W/"3"` or `"3"` → 3. */
export function versionFromEtag(etag: string | null): number | null {
  const match = etag ? /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

function versioned(data: RecordData, etag: string | null): VersionedRecord {
  return { record: data, version: versionFromEtag(etag) ?? (typeof data.version === 'number' ? data.version : null) };
}

export async function getRecord(object: string, id: string, expand?: readonly string[]): Promise<VersionedRecord> {
  const answer = await requestWithResponse<RecordData>(one(object, id), { query: { expand: list(expand) }, expect: [404] });
  return versioned(answer.data, answer.headers.get('ETag'));
}

export async function createRecord(object: string, values: Record<string, unknown>): Promise<VersionedRecord> {
  const answer = await requestWithResponse<RecordData>(base(object), {
    method: 'POST',
    body: values,
    expect: RECORD_WRITE_STATUSES,
  });
  return versioned(answer.data, answer.headers.get('ETag'));
}

/** A partial update; with a version the server refuses it (412) when someone saved in between. */
export async function updateRecord(
  object: string,
  id: string,
  values: Record<string, unknown>,
  version: number | null,
): Promise<VersionedRecord> {
  const answer = await requestWithResponse<RecordData>(one(object, id), {
    method: 'PATCH',
    body: values,
    headers: version === null ? {} : { 'If-Match': `"${version}"` },
    expect: RECORD_WRITE_STATUSES,
  });
  return versioned(answer.data, answer.headers.get('ETag'));
}

/** Soft delete (204); {@link restoreRecord} undoes it. */
export function deleteRecord(object: string, id: string): Promise<void> {
  return request<void>(one(object, id), { method: 'DELETE', expect: [409, 423] });
}

export function restoreRecord(object: string, id: string): Promise<RecordData> {
  return request<RecordData>(`${one(object, id)}/restore`, { method: 'POST' });
}

export function recordHistory(object: string, id: string): Promise<HistoryEntry[]> {
  return request<HistoryEntry[]>(`${one(object, id)}/history`, { expect: [404] });
}

/** One item of `GET …/{id}/timeline`: `kind` says which other details it has (see timeline-entries.ts). */
export interface TimelineItem {
  kind: string;
  at: string;
  by: string | null;
  [detail: string]: unknown;
}

/** `GET …/{id}/timeline`: newest first; `nextBefore` is the cursor of the next (older) page, null at the end. */
export interface TimelinePage {
  data: TimelineItem[];
  nextBefore: string | null;
}

export function recordTimeline(object: string, id: string, before?: string | null, limit = 30): Promise<TimelinePage> {
  return request<TimelinePage>(`${one(object, id)}/timeline`, { query: { limit, before: before ?? undefined }, expect: [404], silent: true });
}

export function restoreRecordVersion(object: string, id: string, version: number): Promise<RecordData> {
  return request<RecordData>(`${one(object, id)}/history/${version}/restore`, {
    method: 'POST',
    body: {},
    expect: [409, 412, 422, 423],
  });
}

/** The records matching `filter` as a CSV file, with the auth header (a plain link would have none). */
export function exportRecords(
  object: string,
  options: { filter?: ConditionJson | null; fields?: readonly string[]; format?: 'csv' | 'xlsx' },
): Promise<{ blob: Blob; filename: string | null }> {
  return requestBlob(`${base(object)}/export`, {
    query: {
      format: options.format ?? 'csv',
      filter: options.filter ? JSON.stringify(options.filter) : undefined,
      fields: list(options.fields),
    },
  });
}
