import type { LayoutDef, MetadataSet, ObjectDef, PipelineDef } from '@loom/metadata';
import { isApiProblem } from './api-problem';
import { request } from './request';

/** `GET /api/metadata`: the effective metadata the caller may see (API.md "Metadata"). */
export type MetadataDocument = { revision: number; hash?: string } & Pick<MetadataSet, 'objects'> &
  Partial<Omit<MetadataSet, 'objects'>>;

export type ObjectDefinition = ObjectDef;
export type PipelineDefinition = PipelineDef;
export type LayoutDefinition = LayoutDef;

/** The effective metadata, or null while the server has no metadata endpoint yet (404). */
export async function fetchMetadata(): Promise<MetadataDocument | null> {
  try {
    return await request<MetadataDocument>('/api/metadata', { expect: [404] });
  } catch (error) {
    if (isApiProblem(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * One object as stored (`GET /api/metadata/objects/{name}`): for admins it keeps archived
 * fields, which the effective metadata leaves out.
 */
export function fetchObjectDefinition(name: string): Promise<ObjectDef> {
  return request<ObjectDef>(`/api/metadata/objects/${encodeURIComponent(name)}`, { expect: [404] });
}
