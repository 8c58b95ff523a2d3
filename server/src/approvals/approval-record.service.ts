import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { notFound } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { compileGet } from '../query/index.js';
import { ReadContextService } from '../records/read-context.service.js';
import { RecordReader } from '../records/record-reader.service.js';
import type { ApiRecord } from '../records/records.service.js';
import { ApprovalViews } from './approval-views.service.js';

/**
 * `GET /api/approvals/{id}/record`: an approver may read the record under approval even outside their
 * read scope. Only the record scope is lifted, for that one id; the field mask is the reader's
 * (`RecordReader.access`), so hidden fields stay hidden.
 */
@Injectable()
export class ApprovalRecordReader {
  constructor(
    private readonly db: Db, private readonly registry: MetadataRegistry, private readonly reader: RecordReader,
    private readonly contexts: ReadContextService, private readonly views: ApprovalViews,
  ) {}

  async read(user: CurrentUser, requestId: string): Promise<ApiRecord> {
    const req = await this.views.visibleOrThrow(user, requestId);
    const set = this.registry.current().set;
    if (!set.objects[req.object] || set.objects[req.object].archived) throw notFound(`No object ${req.object}`);
    const access = this.reader.access(user);
    const compiled = compileGet({
      object: req.object, set, ctx: await this.contexts.forUser(user), ...access, id: req.record_id,
      scope: undefined, hiddenFields: access.hiddenFor?.(req.object),
    });
    const [row] = await this.db.query<{ record: ApiRecord }>(compiled.sql, compiled.params);
    if (!row) throw notFound(`No ${req.object} ${req.record_id}`);
    return row.record;
  }
}
