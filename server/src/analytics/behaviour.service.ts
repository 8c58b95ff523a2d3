import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { badRequest } from '../common/problem.js';
import { Db } from '../database/db.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import { segmentCaseSql, segmentCounts, type BehaviourSegment } from './lib/behaviour-segment.js';
import { parseAnalyticsQuery } from './lib/analytics-query.js';
import { linkField } from './lib/link-field.js';
import { StatementParams } from './lib/statement-params.js';
import { dayWindow } from './lib/time-window.js';

/** Where engagement is counted: activities (not cancelled), timed by starts_at, else created_at. */
export const ACTIVITIES = { object: 'activity', type: 'type', status: 'status', at: 'starts_at', notCounted: ['cancelled'] } as const;

export interface BehaviourCustomer {
  id: string;
  title: string | null;
  activities: number;
  byType: Record<string, number>;
  segment: BehaviourSegment;
}

/**
 * `GET /api/analytics/behaviour?object=contact|account&from=&to=`: per readable customer, the readable
 * activities linked to it in the window, counted by type and bucketed into engagement segments
 * (lib/behaviour-segment.ts) — counting and bucketing in one statement. Customers with no activity
 * are only counted (as dormant), not listed.
 */
@Injectable()
export class BehaviourService {
  constructor(private readonly db: Db, private readonly reads: AnalyticsReads) {}

  async behaviour(user: CurrentUser, raw: Record<string, unknown>): Promise<{ customers: BehaviourCustomer[]; segments: Record<BehaviourSegment, number> }> {
    const q = parseAnalyticsQuery(raw, ['object', 'from', 'to']);
    const object = q.object ?? 'contact';
    const scope = await this.reads.scopeOf(user);
    scope.objectOrThrow(object);
    scope.objectOrThrow(ACTIVITIES.object);
    const link = linkField(scope.set, ACTIVITIES.object, object);
    if (!link) throw badRequest(`${ACTIVITIES.object} has no relation to ${object}`, [{ path: '/object', message: `must be an object that ${ACTIVITIES.object} points at` }]);
    const window = dayWindow(q.from, q.to);
    const params = new StatementParams();
    const activities = scope.rows(ACTIVITIES.object, { customer: link, type: ACTIVITIES.type, status: ACTIVITIES.status, at: ACTIVITIES.at, created_at: 'created_at' }, params);
    const titleField = scope.titleField(object);
    const customers = scope.rows(object, { id: 'id', ...(titleField ? { title: titleField } : {}) }, params);
    const from = params.add(window.from, 'timestamptz');
    const to = params.add(window.to, 'timestamptz');
    const skipped = params.add(ACTIVITIES.notCounted, 'text[]');
    const at = 'COALESCE(a.at, a.created_at)';
    const sql = `WITH a AS (${activities}), c AS (${customers}),
      typed AS (SELECT c.id, COALESCE(a.type::text, 'other') AS type, count(*)::int AS n FROM a JOIN c ON c.id = a.customer
                WHERE (a.status IS NULL OR a.status::text <> ALL(${skipped}))
                  AND (${from} IS NULL OR ${at} >= ${from}) AND (${to} IS NULL OR ${at} < ${to})
                GROUP BY c.id, 2),
      per AS (SELECT id, sum(n)::int AS total, jsonb_object_agg(type, n) AS by_type FROM typed GROUP BY id),
      seg AS (SELECT c.id, ${titleField ? 'c.title::text' : 'NULL::text'} AS title, COALESCE(per.total, 0) AS total, per.by_type,
                ${segmentCaseSql('COALESCE(per.total, 0)', params)} AS segment
              FROM c LEFT JOIN per ON per.id = c.id)
      SELECT (SELECT COALESCE(json_agg(json_build_object('id', id, 'title', title, 'activities', total, 'byType', by_type, 'segment', segment)
                ORDER BY total DESC, id), '[]') FROM seg WHERE total > 0) AS customers,
             (SELECT COALESCE(json_agg(json_build_object('segment', segment, 'n', n)), '[]') FROM (SELECT segment, count(*)::int AS n FROM seg GROUP BY segment) g) AS segments`;
    const [row] = await this.db.query<{ customers: BehaviourCustomer[]; segments: { segment: string; n: number }[] }>(sql, params.values);
    return { customers: row!.customers, segments: segmentCounts(row!.segments) };
  }
}
