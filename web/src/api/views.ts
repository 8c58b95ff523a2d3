import type { ConditionJson } from '@loom/metadata';
import { request } from './request';

/** A saved list view (server/src/views/README.md). */
export interface SavedView {
  id: string;
  object: string;
  name: string;
  filter: ConditionJson | null;
  sort: string | null;
  columns: string[] | null;
  shared: boolean;
  owner: string;
  ownerName: string;
  /** The caller may rename, share or delete it (owner or admin). */
  editable: boolean;
}

export type ViewInput = Partial<Pick<SavedView, 'name' | 'filter' | 'sort' | 'columns' | 'shared'>>;

export function listViews(object: string): Promise<SavedView[]> {
  return request<SavedView[]>('/api/views', { query: { object } });
}

/** 409 (duplicate name) and 422 (bad filter) are shown by the caller on its form. */
export function createView(object: string, input: ViewInput & { name: string }): Promise<SavedView> {
  return request<SavedView>('/api/views', { method: 'POST', body: { object, ...input }, expect: [409, 422] });
}

export function updateView(id: string, input: ViewInput): Promise<SavedView> {
  return request<SavedView>(`/api/views/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, expect: [409, 422] });
}

export function deleteView(id: string): Promise<void> {
  return request<void>(`/api/views/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
