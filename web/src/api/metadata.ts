import type { Label } from '@/i18n/label-of';
import type { FieldDefinition } from '@/fields/field-definition';
import { isApiProblem } from './api-problem';
import { request } from './request';

export interface ObjectDefinition {
  name: string;
  label?: Label;
  titleField?: string;
  searchFields?: string[];
  fields?: Record<string, FieldDefinition>;
  hidden?: boolean;
  [key: string]: unknown;
}

export interface PipelineStage {
  key: string;
  label?: Label;
  outcome?: 'won' | 'lost';
  probability?: number;
}

export interface PipelineDefinition {
  name: string;
  object: string;
  field: string;
  label?: Label;
  stages: PipelineStage[];
}

export interface RoleDefinition {
  name: string;
  label?: Label;
}

/** `GET /api/metadata`: the effective metadata the caller may see. */
export interface MetadataDocument {
  revision: number;
  hash?: string;
  objects: Record<string, ObjectDefinition>;
  pipelines?: Record<string, PipelineDefinition>;
  roles?: Record<string, RoleDefinition>;
  [kind: string]: unknown;
}

/** The effective metadata, or null while the server has no metadata endpoint yet (404). */
export async function fetchMetadata(): Promise<MetadataDocument | null> {
  try {
    return await request<MetadataDocument>('/api/metadata', { expect: [404] });
  } catch (error) {
    if (isApiProblem(error) && error.status === 404) return null;
    throw error;
  }
}
