import { Injectable } from '@nestjs/common';
import { findField } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import { stageTable } from './analytics-scope.js';
import { round4 } from './funnel.service.js';
import { parseAnalyticsQuery } from './lib/analytics-query.js';
import { StatementParams } from './lib/statement-params.js';
import { dayWindow, periodWindow } from './lib/time-window.js';

export interface OwnerPerformance {
  owner: string;
  name: string | null;
  wonAmount: number;
  wonCount: number;
  lostCount: number;
  winRate: number;
  activities: number;
}

const ACTIVITY = { object: 'activity', at: 'starts_at' } as const;

/**
 * `GET /api/analytics/performance?period=month|quarter|year[&from=&to=][&pipeline=sales]`: per owner,
 * over the records the caller may read, the deals closed in the window — their record is in a won or
 * lost stage and moved there (stage history) within it — and the activities in it (starts_at, else
 * created_at). The window is the current calendar period (default month) unless from/to are given.
 */
@Injectable()
export class PerformanceService {
  constructor(private readonly db: Db, private readonly reads: AnalyticsReads) {}

  async performance(user: CurrentUser, raw: Record<string, unknown>): Promise<{ owners: OwnerPerformance[] }> {
    const q = parseAnalyticsQuery(raw, ['pipeline', 'period', 'from', 'to']);
    const scope = await this.reads.scopeOf(user);
    const p = scope.pipelineOrThrow(q.pipeline ?? 'sales');
    const window = q.from || q.to ? dayWindow(q.from, q.to) : periodWindow(q.period ?? 'month', scope.ctx.today);
    const params = new StatementParams();
    const deals = scope.rows(p.object, { id: 'id', owner: 'owner', stage: p.field, amount: p.amountField ?? 'amount' }, params, scope.recordTypeFilter(p));
    const stages = stageTable(p, params);
    const hasActivities = Object.hasOwn(scope.set.objects, ACTIVITY.object);
    const activityAt = hasActivities && findField(scope.set, ACTIVITY.object, ACTIVITY.at)?.type === 'datetime' ? ACTIVITY.at : 'created_at';
    const activities = hasActivities
      ? scope.rows(ACTIVITY.object, { owner: 'owner', at: activityAt, created_at: 'created_at' }, params)
      : 'SELECT NULL::uuid AS owner, NULL::timestamptz AS at, NULL::timestamptz AS created_at WHERE FALSE';
    const object = params.add(p.object, 'text');
    const pipeline = params.add(p.name, 'text');
    const from = params.add(window.from, 'timestamptz');
    const to = params.add(window.to, 'timestamptz');
    const inWindow = (at: string) => `(${from} IS NULL OR ${at} >= ${from}) AND (${to} IS NULL OR ${at} < ${to})`;
    const sql = `WITH d AS (${deals}), s AS (${stages}), a AS (${activities}),
      moved AS (SELECT DISTINCT ON (h.record_id) h.record_id, h.to_stage, h.at FROM core.stage_history h JOIN d ON d.id = h.record_id
                WHERE h.object = ${object} AND h.pipeline = ${pipeline} ORDER BY h.record_id, h.at DESC, h.id DESC),
      closed AS (SELECT d.owner, sum(d.amount) FILTER (WHERE s.outcome = 'won') AS won_amount,
                   count(*) FILTER (WHERE s.outcome = 'won')::int AS won_count, count(*) FILTER (WHERE s.outcome = 'lost')::int AS lost_count
                 FROM d JOIN s ON s.key = d.stage AND s.outcome IS NOT NULL JOIN moved m ON m.record_id = d.id AND m.to_stage = d.stage
                 WHERE ${inWindow('m.at')} GROUP BY d.owner),
      acts AS (SELECT a.owner, count(*)::int AS n FROM a WHERE ${inWindow('COALESCE(a.at, a.created_at)')} GROUP BY a.owner)
      SELECT COALESCE(c.owner, acts.owner) AS owner, u.name, COALESCE(c.won_amount, 0) AS won_amount,
        COALESCE(c.won_count, 0) AS won_count, COALESCE(c.lost_count, 0) AS lost_count, COALESCE(acts.n, 0) AS activities
      FROM closed c FULL JOIN acts ON acts.owner = c.owner LEFT JOIN core."user" u ON u.id = COALESCE(c.owner, acts.owner)
      WHERE COALESCE(c.owner, acts.owner) IS NOT NULL
      ORDER BY 3 DESC, 4 DESC, 6 DESC, 1`;
    const rows = await this.db.query<{ owner: string; name: string | null; won_amount: number; won_count: number; lost_count: number; activities: number }>(sql, params.values);
    return {
      owners: rows.map((r) => ({
        owner: r.owner, name: r.name, wonAmount: Number(r.won_amount), wonCount: r.won_count, lostCount: r.lost_count,
        winRate: r.won_count + r.lost_count ? round4(r.won_count / (r.won_count + r.lost_count)) : 0, activities: r.activities,
      })),
    };
  }
}
