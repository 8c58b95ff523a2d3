import type { MetadataChange, MetadataSet } from '@loom/metadata';
import { request } from './request';

/** One entry of `GET /api/metadata/revisions`, newest first. */
export interface RevisionSummary {
  number: number;
  hash: string;
  message: string | null;
  author: string | null;
  authorName?: string | null;
  createdAt: string;
  /** How many metadata changes the publish made. */
  changes: number;
}

/** `GET /api/metadata/revisions/{n}`: the full document and its diff to revision n-1. */
export interface RevisionDetail {
  number: number;
  hash: string;
  message: string | null;
  author: string | null;
  createdAt: string;
  document: MetadataSet;
  diff: MetadataChange[];
}

export function listRevisions(): Promise<RevisionSummary[]> {
  return request<RevisionSummary[]>('/api/metadata/revisions');
}

export function fetchRevision(number: number): Promise<RevisionDetail> {
  return request<RevisionDetail>(`/api/metadata/revisions/${number}`, { expect: [404] });
}
