import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { badRequest } from '../common/problem.js';
import { Db } from '../database/db.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import type { AnalyticsScope } from './analytics-scope.js';
import { parseAnalyticsQuery } from './lib/analytics-query.js';
import { linkField } from './lib/link-field.js';
import { countSegments, rfmSegment, type RfmSegment } from './lib/rfm-segment.js';
import { StatementParams } from './lib/statement-params.js';

/** Where purchases live: paid (or since shipped) orders with their payment time (README.md "RFM"). */
export const ORDERS = { object: 'sales_order', amount: 'amount', status: 'status', paidAt: 'paid_at', paidStatuses: ['paid', 'shipped'] } as const;

export interface RfmCustomer {
  id: string;
  title: string | null;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/**
 * `GET /api/analytics/rfm?object=contact|account`: per customer with paid orders, both read under the
 * caller's scopes — recency (days since the last payment), frequency (paid orders), monetary (their sum),
 * scored 1–5 by NTILE(5) (5 = best), and the named segment.
 */
@Injectable()
export class RfmService {
  constructor(private readonly db: Db, private readonly reads: AnalyticsReads) {}

  async rfm(user: CurrentUser, raw: Record<string, unknown>): Promise<{ customers: RfmCustomer[]; segments: Record<RfmSegment, number> }> {
    const q = parseAnalyticsQuery(raw, ['object']);
    const object = q.object ?? 'contact';
    const scope = await this.reads.scopeOf(user);
    scope.objectOrThrow(ORDERS.object);
    const link = orderLinkTo(scope, object);
    const params = new StatementParams();
    const orders = scope.rows(ORDERS.object, { customer: link, amount: ORDERS.amount, status: ORDERS.status, paid_at: ORDERS.paidAt }, params);
    const titleField = scope.titleField(object);
    const customers = scope.rows(object, { id: 'id', ...(titleField ? { title: titleField } : {}) }, params);
    const paid = params.add(ORDERS.paidStatuses, 'text[]');
    const today = params.add(scope.ctx.today, 'date');
    // each scoped CTE is used once, so PostgreSQL inlines it instead of materializing it
    const sql = `WITH o AS (${orders}), c AS (${customers}),
      agg AS (SELECT c.id, ${titleField ? 'c.title::text' : 'NULL::text'} AS title,
                (${today} - max((o.paid_at AT TIME ZONE 'UTC')::date))::int AS recency, count(*)::int AS frequency, COALESCE(sum(o.amount), 0) AS monetary
              FROM o JOIN c ON c.id = o.customer
              WHERE o.status = ANY(${paid}) AND o.paid_at IS NOT NULL GROUP BY c.id${titleField ? ', c.title' : ''}),
      scored AS (SELECT agg.*,
                ntile(5) OVER (ORDER BY recency DESC, frequency, monetary, id) AS r,
                ntile(5) OVER (ORDER BY frequency, recency, monetary, id) AS f,
                ntile(5) OVER (ORDER BY monetary, recency DESC, frequency, id) AS m
              FROM agg)
      SELECT * FROM scored ORDER BY r DESC, f DESC, m DESC, id`;
    const rows = await this.db.query<Omit<RfmCustomer, 'segment'>>(sql, params.values);
    const result = rows.map((row) => ({
      id: row.id, title: row.title, recency: row.recency, frequency: row.frequency, monetary: Number(row.monetary),
      r: Number(row.r), f: Number(row.f), m: Number(row.m), segment: rfmSegment(Number(row.r), Number(row.f), Number(row.m)),
    }));
    return { customers: result, segments: countSegments(result.map((c) => c.segment)) };
  }
}

/** The manyToOne field of the orders pointing at `object` (contact → customer, account → account); 400 when there is none. */
function orderLinkTo(scope: AnalyticsScope, object: string): string {
  scope.objectOrThrow(object);
  const link = linkField(scope.set, ORDERS.object, object);
  if (!link) throw badRequest(`${ORDERS.object} has no relation to ${object}`, [{ path: '/object', message: `must be an object that ${ORDERS.object} points at` }]);
  return link;
}
