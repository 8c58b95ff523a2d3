import { Injectable } from '@nestjs/common';
import { findField, type PipelineDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { invalid } from '../common/problem.js';
import { Db } from '../database/db.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import { stageTable, type AnalyticsScope } from './analytics-scope.js';
import { parseAnalyticsQuery, type Period } from './lib/analytics-query.js';
import { StatementParams } from './lib/statement-params.js';

export interface ForecastPeriod {
  period: string;
  open: number;
  weighted: number;
  won: number;
}

/** Period keys: `2026-11`, `2026-Q4`, `2026` (to_char patterns chosen from this enum, never from input). */
const PERIOD_SQL: Record<Period, { trunc: string; format: string }> = {
  month: { trunc: 'month', format: 'YYYY-MM' },
  quarter: { trunc: 'quarter', format: 'YYYY-"Q"Q' },
  year: { trunc: 'year', format: 'YYYY' },
};

/**
 * `GET /api/analytics/forecast?pipeline=&period=month|quarter|year&from=&to=`: per period of the
 * pipeline's close date field, over the records the caller may read — open (not in an outcome stage)
 * amount, weighted = amount × the stage's probability / 100, and won amount. Records without a close
 * date are left out; `from`/`to` bound the close date (inclusive).
 */
@Injectable()
export class ForecastService {
  constructor(private readonly db: Db, private readonly reads: AnalyticsReads) {}

  async forecast(user: CurrentUser, raw: Record<string, unknown>): Promise<{ periods: ForecastPeriod[] }> {
    const q = parseAnalyticsQuery(raw, ['pipeline', 'period', 'from', 'to']);
    const scope = await this.reads.scopeOf(user);
    const p = scope.pipelineOrThrow(q.pipeline);
    const { amount, closeDate } = fieldsOf(scope, p);
    const params = new StatementParams();
    const records = scope.rows(p.object, { stage: p.field, amount, close: closeDate }, params, scope.recordTypeFilter(p));
    const stages = stageTable(p, params);
    const period = PERIOD_SQL[q.period ?? 'month'];
    const isDatetime = findField(scope.set, p.object, closeDate)?.type === 'datetime';
    const close = isDatetime ? `(rec.close AT TIME ZONE 'UTC')::date` : 'rec.close::date';
    const from = params.add(q.from ?? null, 'date');
    const to = params.add(q.to ?? null, 'date');
    const sql = `WITH rec AS (${records}), s AS (${stages})
      SELECT to_char(date_trunc('${period.trunc}', ${close}), '${period.format}') AS period,
        COALESCE(sum(rec.amount) FILTER (WHERE s.outcome IS NULL), 0) AS open,
        COALESCE(round(sum(rec.amount * s.probability / 100) FILTER (WHERE s.outcome IS NULL), 2), 0) AS weighted,
        COALESCE(sum(rec.amount) FILTER (WHERE s.outcome = 'won'), 0) AS won
      FROM rec JOIN s ON s.key = rec.stage
      WHERE rec.close IS NOT NULL AND s.outcome IS DISTINCT FROM 'lost'
        AND (${from} IS NULL OR ${close} >= ${from}) AND (${to} IS NULL OR ${close} <= ${to})
      GROUP BY 1 ORDER BY 1`;
    const rows = await this.db.query<ForecastPeriod>(sql, params.values);
    return { periods: rows.map((r) => ({ period: r.period, open: Number(r.open), weighted: Number(r.weighted), won: Number(r.won) })) };
  }
}

/** The pipeline's amount and close date fields (API.md: amountField default `amount`, closeDateField default `close_date`). */
function fieldsOf(scope: AnalyticsScope, p: PipelineDef): { amount: string; closeDate: string } {
  const amount = p.amountField ?? 'amount';
  const closeDate = p.closeDateField ?? 'close_date';
  const type = (f: string) => findField(scope.set, p.object, f)?.type;
  if (!['currency', 'number', 'integer'].includes(type(amount) ?? '')) throw invalid([{ path: `/pipelines/${p.name}/amountField`, message: `${p.object}.${amount} is not a number field` }]);
  if (!['date', 'datetime'].includes(type(closeDate) ?? '')) throw invalid([{ path: `/pipelines/${p.name}/closeDateField`, message: `${p.object}.${closeDate} is not a date field` }]);
  return { amount, closeDate };
}
