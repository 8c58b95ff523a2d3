import { request } from './request';

export type RecordAction = 'read' | 'create' | 'update' | 'delete';
export const RECORD_ACTIONS: readonly RecordAction[] = ['read', 'create', 'update', 'delete'];

export interface ExplainQuery {
  user?: string;
  action: RecordAction;
  object: string;
  record?: string;
  field?: string;
}

/** `GET /api/permissions/explain` (API.md "Permission explain"): the answer and the rule that decided it. */
export interface Explanation {
  allowed: boolean;
  decidedBy: { role: string | null; rule: string } | null;
  scope?: unknown;
  fields?: Record<string, 'none' | 'read' | 'write'>;
  [detail: string]: unknown;
}

export function explainPermission(query: ExplainQuery): Promise<Explanation> {
  return request<Explanation>('/api/permissions/explain', { query: { ...query }, expect: [400, 403, 404] });
}
