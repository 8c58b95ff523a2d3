import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import { stageTable } from './analytics-scope.js';
import { parseAnalyticsQuery } from './lib/analytics-query.js';
import { StatementParams } from './lib/statement-params.js';
import { dayWindow } from './lib/time-window.js';

export interface FunnelStage {
  key: string;
  label: string;
  entered: number;
  converted: number;
  conversionRate: number;
  medianDaysInStage: number | null;
}

/**
 * `GET /api/analytics/funnel?pipeline=&from=&to=` from core.stage_history, over the records the
 * caller may read: per stage, the records that entered it in the window, how many of those later
 * entered a later stage (a lost outcome does not count as converting), and the median days spent in
 * it by the moves out of it in the window (README.md "Funnel").
 */
@Injectable()
export class FunnelService {
  constructor(private readonly db: Db, private readonly reads: AnalyticsReads) {}

  async funnel(user: CurrentUser, raw: Record<string, unknown>): Promise<{ pipeline: string; stages: FunnelStage[] }> {
    const q = parseAnalyticsQuery(raw, ['pipeline', 'from', 'to']);
    const scope = await this.reads.scopeOf(user);
    const p = scope.pipelineOrThrow(q.pipeline);
    const params = new StatementParams();
    const records = scope.rows(p.object, { id: 'id', stage: p.field }, params, scope.recordTypeFilter(p));
    const stages = stageTable(p, params);
    const window = dayWindow(q.from, q.to);
    const object = params.add(p.object, 'text');
    const pipeline = params.add(p.name, 'text');
    const from = params.add(window.from, 'timestamptz');
    const to = params.add(window.to, 'timestamptz');
    const inWindow = (at: string) => `(${from} IS NULL OR ${at} >= ${from}) AND (${to} IS NULL OR ${at} < ${to})`;
    // later_rank: the furthest non-lost stage entered after each move (by at, then id), so "converted" needs no self-join
    const sql = `WITH rec AS (${records}),
      s AS (${stages}),
      h AS (SELECT h.id, h.record_id, h.from_stage, h.to_stage, h.at, h.seconds_in_previous, s.rank,
              max(s.rank) FILTER (WHERE s.outcome IS DISTINCT FROM 'lost')
                OVER (PARTITION BY h.record_id ORDER BY h.at, h.id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later_rank
            FROM core.stage_history h JOIN rec ON rec.id = h.record_id LEFT JOIN s ON s.key = h.to_stage
            WHERE h.object = ${object} AND h.pipeline = ${pipeline}),
      entry AS (SELECT DISTINCT ON (h.record_id, h.to_stage) h.to_stage, h.later_rank > h.rank AS converted
            FROM h WHERE ${inWindow('h.at')} ORDER BY h.record_id, h.to_stage, h.at, h.id),
      counts AS (SELECT to_stage, count(*)::int AS entered, (count(*) FILTER (WHERE converted))::int AS converted FROM entry GROUP BY to_stage),
      medians AS (SELECT from_stage, round((percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_in_previous) / 86400)::numeric, 2) AS median_days
            FROM h WHERE seconds_in_previous IS NOT NULL AND ${inWindow('h.at')} GROUP BY from_stage)
      SELECT s.key, COALESCE(c.entered, 0) AS entered, COALESCE(c.converted, 0) AS converted, m.median_days
      FROM s LEFT JOIN counts c ON c.to_stage = s.key LEFT JOIN medians m ON m.from_stage = s.key ORDER BY s.rank`;
    const rows = await this.db.query<{ key: string; entered: number; converted: number; median_days: number | null }>(sql, params.values);
    const labels = new Map(p.stages.map((s) => [s.key, scope.label(s.label, s.key)]));
    return {
      pipeline: p.name,
      stages: rows.map((r) => ({
        key: r.key, label: labels.get(r.key)!, entered: r.entered, converted: r.converted,
        conversionRate: r.entered ? round4(r.converted / r.entered) : 0,
        medianDaysInStage: r.median_days === null ? null : Number(r.median_days),
      })),
    };
  }
}

export const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
