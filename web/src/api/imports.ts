import { request } from './request';

export type ImportMode = 'create' | 'upsert';

export interface ImportRequest {
  file: File;
  /** `{ column: field }`; null skips the column. Absent: the server matches headers by field name or label. */
  mapping?: Record<string, string | null>;
  mode: ImportMode;
  matchOn: string[];
  dryRun: boolean;
}

export interface ImportRowError {
  /** Line of the sheet; the header is row 1. */
  row: number;
  errors: Array<{ path: string; message: string }>;
}

/** The `result` of a finished import job (API.md "Import and export"). */
export interface ImportResult {
  total?: number;
  created: number;
  updated: number;
  skipped: number;
  unchanged?: number;
  errors: ImportRowError[];
  duplicates?: Array<{ row: number; record?: string; sameAsRow?: number; match: string[] }>;
  unmappedColumns?: string[];
  dryRun?: boolean;
}

/** The result of a revert job. */
export interface RevertResult {
  deleted: number;
  restored: number;
  conflicts: Array<{ row: number; id: string; reason: string }>;
}

/** `POST /api/records/{object}/import` (multipart) → 202 `{ job }`; 400/403/413/422 are shown by the wizard. */
export function startImport(object: string, options: ImportRequest): Promise<{ job: string }> {
  const form = new FormData();
  form.set('mode', options.mode);
  if (options.matchOn.length) form.set('matchOn', options.matchOn.join(','));
  form.set('dryRun', String(options.dryRun));
  if (options.mapping) form.set('mapping', JSON.stringify(options.mapping));
  form.set('file', options.file, options.file.name);
  return request<{ job: string }>(`/api/records/${encodeURIComponent(object)}/import`, {
    method: 'POST',
    body: form,
    expect: [400, 403, 413, 422],
  });
}

/** `POST /api/imports/{job}/revert` → 202 `{ job }` of the revert. */
export function revertImport(job: string): Promise<{ job: string }> {
  return request<{ job: string }>(`/api/imports/${encodeURIComponent(job)}/revert`, { method: 'POST', expect: [409] });
}
