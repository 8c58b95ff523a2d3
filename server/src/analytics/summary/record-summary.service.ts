import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../../auth/current-user.js';
import { badRequest, notFound } from '../../common/problem.js';
import { RecordReader } from '../../records/record-reader.service.js';
import { isUuid } from '../../users/users.service.js';
import { AnalyticsReads } from '../analytics-reads.service.js';
import { SummaryParts } from './summary-parts.service.js';

/**
 * `GET /api/records/{object}/{id}/summary` — the 360° view of a customer (contact or account):
 * lifetime value from paid orders, the last contact, open opportunities, open tickets and the
 * loyalty tier. The record itself is read through the one read plan (404 outside the caller's
 * scope) and every part reads only the related rows the caller may read.
 */
@Injectable()
export class RecordSummaryService {
  constructor(private readonly reads: AnalyticsReads, private readonly reader: RecordReader, private readonly parts: SummaryParts) {}

  async summary(user: CurrentUser, object: string, id: string, query: Record<string, unknown>) {
    const extra = Object.keys(query);
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter of a summary' })));
    const scope = await this.reads.scopeOf(user);
    scope.objectOrThrow(object);
    if (!isUuid(id)) throw notFound(`No ${object} ${id}`);
    const titleField = scope.titleField(object);
    const record = await this.reader.getOrThrow(user, object, id, { fields: titleField ? [titleField] : ['id'] });
    const [lifetimeValue, lastContact, openOpportunities, openTickets, loyalty] = await Promise.all([
      this.parts.lifetimeValue(scope, object, id), this.parts.lastContact(scope, object, id), this.parts.openOpportunities(scope, object, id),
      this.parts.openTickets(scope, object, id), this.parts.loyalty(scope, object, id),
    ]);
    return { object, id, title: titleField ? (record[titleField] ?? null) : null, lifetimeValue, lastContact, openOpportunities, openTickets, loyalty };
  }
}
