import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { ReadContextService } from '../records/read-context.service.js';
import { RecordReader } from '../records/record-reader.service.js';
import { AnalyticsScope } from './analytics-scope.js';

/** Builds the caller's AnalyticsScope from the one read plan (RecordReader.access), never a second source. */
@Injectable()
export class AnalyticsReads {
  constructor(private readonly registry: MetadataRegistry, private readonly reader: RecordReader, private readonly contexts: ReadContextService) {}

  async scopeOf(user: CurrentUser): Promise<AnalyticsScope> {
    const set = this.registry.current().set;
    return new AnalyticsScope(set, await this.contexts.forUser(user), this.reader.access(user), user.locale === 'zh-CN' ? 'zh-CN' : 'en');
  }
}
