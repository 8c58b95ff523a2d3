import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AuthGuard } from '../auth/auth.guard.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { RecordReader } from '../records/record-reader.service.js';
import { objectOpenApi } from './object-openapi.js';

/**
 * Adds one schema per object to GET /api/openapi.json for an authenticated caller, masked to the
 * fields that caller may read; cached per (metadata revision, role set). Anonymous callers get the
 * static document only, so field names are not published to the world.
 */
@Injectable()
export class OpenApiObjects {
  private readonly cache = new Map<string, ReturnType<typeof objectOpenApi>>();
  private revision = -1;

  constructor(private readonly auth: AuthGuard, private readonly registry: MetadataRegistry, private readonly reader: RecordReader) {}

  async patch(authorization: string | undefined, document: OpenAPIObject): Promise<OpenAPIObject> {
    if (!authorization) return document;
    const user = await this.auth.authenticate(authorization).catch(() => null);
    if (!user) return document;
    const rev = this.registry.current();
    if (rev.number !== this.revision) {
      this.cache.clear();
      this.revision = rev.number;
    }
    const key = [...user.roles].sort().join(',');
    let objects = this.cache.get(key);
    if (!objects) {
      const access = this.reader.access(user);
      objects = objectOpenApi(rev.set, (o) => access.hiddenFor?.(o) ?? new Set());
      this.cache.set(key, objects);
    }
    return {
      ...document,
      paths: { ...document.paths, ...(objects.paths as OpenAPIObject['paths']) },
      components: { ...document.components, schemas: { ...document.components?.schemas, ...(objects.schemas as Record<string, object>) } },
    };
  }
}
