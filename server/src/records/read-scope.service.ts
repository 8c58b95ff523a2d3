import { Injectable } from '@nestjs/common';
import type { MetadataSet } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import type { QueryContext, ReadAccess } from '../query/index.js';
import { ReadContextService } from './read-context.service.js';
import { RecordReader } from './record-reader.service.js';

/** Everything a compiled read of `object` takes for one caller: the same scope and field mask as the reader's. */
export interface ScopedRead extends ReadAccess {
  object: string;
  set: MetadataSet;
  ctx: QueryContext;
  scope: ReturnType<NonNullable<ReadAccess['scopeFor']>>;
  hiddenFields: ReadonlySet<string> | undefined;
}

/**
 * The one read plan for the records endpoints built beside the reader (bulk, aggregate, export,
 * timeline, duplicates): scope and hidden fields come from `RecordReader.access`, never a second source.
 */
@Injectable()
export class ReadScope {
  constructor(private readonly registry: MetadataRegistry, private readonly reader: RecordReader, private readonly contexts: ReadContextService) {}

  async of(user: CurrentUser, object: string): Promise<ScopedRead> {
    const set = this.registry.current().set;
    const ctx = await this.contexts.forUser(user);
    const access = this.reader.access(user);
    return { object, set, ctx, ...access, scope: access.scopeFor?.(object), hiddenFields: access.hiddenFor?.(object) };
  }
}
