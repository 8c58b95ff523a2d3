import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { invalid } from '../common/problem.js';
import { Db } from '../database/db.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import { stageTable } from './analytics-scope.js';
import { round4 } from './funnel.service.js';
import { linkField } from './lib/link-field.js';
import { parseAnalyticsQuery } from './lib/analytics-query.js';
import { StatementParams } from './lib/statement-params.js';

export interface CampaignRoi {
  id: string;
  name: string | null;
  cost: number;
  opportunities: number;
  wonCount: number;
  wonAmount: number;
  /** (won amount − cost) / cost; null when the campaign cost nothing. */
  roi: number | null;
}

const CAMPAIGN = { object: 'campaign', title: 'name', cost: 'cost' } as const;

/**
 * `GET /api/analytics/campaigns[?pipeline=sales]`: per campaign the caller may read, its actual cost
 * against the won amount of the opportunities attributed to it (their campaign field), both read under
 * the caller's scopes; cost is a field like any other, so a role that may not read it gets 403.
 */
@Injectable()
export class CampaignRoiService {
  constructor(private readonly db: Db, private readonly reads: AnalyticsReads) {}

  async campaigns(user: CurrentUser, raw: Record<string, unknown>): Promise<{ campaigns: CampaignRoi[] }> {
    const q = parseAnalyticsQuery(raw, ['pipeline']);
    const scope = await this.reads.scopeOf(user);
    scope.objectOrThrow(CAMPAIGN.object);
    const p = scope.pipelineOrThrow(q.pipeline ?? 'sales');
    const link = linkField(scope.set, p.object, CAMPAIGN.object);
    if (!link) throw invalid([{ path: `/objects/${p.object}`, message: `has no relation to ${CAMPAIGN.object}` }]);
    const params = new StatementParams();
    const campaigns = scope.rows(CAMPAIGN.object, { id: 'id', name: CAMPAIGN.title, cost: CAMPAIGN.cost }, params);
    const deals = scope.rows(p.object, { campaign: link, stage: p.field, amount: p.amountField ?? 'amount' }, params, scope.recordTypeFilter(p));
    const stages = stageTable(p, params);
    const sql = `WITH c AS (${campaigns}), d AS (${deals}), s AS (${stages})
      SELECT c.id, c.name::text AS name, COALESCE(c.cost, 0) AS cost, count(d.campaign)::int AS opportunities,
        (count(*) FILTER (WHERE s.outcome = 'won'))::int AS won_count, COALESCE(sum(d.amount) FILTER (WHERE s.outcome = 'won'), 0) AS won_amount
      FROM c LEFT JOIN d ON d.campaign = c.id LEFT JOIN s ON s.key = d.stage
      GROUP BY c.id, c.name, c.cost ORDER BY won_amount DESC, c.id`;
    const rows = await this.db.query<{ id: string; name: string | null; cost: number; opportunities: number; won_count: number; won_amount: number }>(sql, params.values);
    return {
      campaigns: rows.map((r) => {
        const cost = Number(r.cost);
        const won = Number(r.won_amount);
        return { id: r.id, name: r.name, cost, opportunities: r.opportunities, wonCount: r.won_count, wonAmount: won, roi: cost > 0 ? round4((won - cost) / cost) : null };
      }),
    };
  }
}
