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
    const sql = `WITH rec AS (${records}),
      s AS (${stages}),
      h AS (SELECT h.id, h.record_id, h.from_stage, h.to_stage, h.at, h.seconds_in_previous
              FROM core.stage_history h JOIN rec ON rec.id = h.record_id WHERE h.object = ${object} AND h.pipeline = ${pipeline}),
      entry AS (SELECT DISTINCT ON (h.record_id, h.to_stage) h.id, h.record_id, h.to_stage, h.at
              FROM h WHERE ${inWindow('h.at')} ORDER BY h.record_id, h.to_stage, h.at, h.id),
      moved AS (SELECT e.to_stage, EXISTS (SELECT 1 FROM h later JOIN s ls ON ls.key = later.to_stage JOIN s es ON es.key = e.to_stage
                  WHERE later.record_id = e.record_id AND ls.rank > es.rank AND ls.outcome IS DISTINCT FROM 'lost'
                    AND (later.at, later.id) > (e.at, e.id)) AS converted
              FROM entry e)
      SELECT s.key,
        (SELECT count(*) FROM moved m WHERE m.to_stage = s.key)::int AS entered,
        (SELECT count(*) FROM moved m WHERE m.to_stage = s.key AND m.converted)::int AS converted,
        (SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY h.seconds_in_previous) / 86400)::numeric, 2)
           FROM h WHERE h.from_stage = s.key AND h.seconds_in_previous IS NOT NULL AND ${inWindow('h.at')}) AS median_days
      FROM s ORDER BY s.rank`;
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
