import { Injectable } from '@nestjs/common';
import { findField, findObject } from '@loom/metadata';
import { Db } from '../../database/db.js';
import type { AnalyticsScope } from '../analytics-scope.js';
import { stageTable } from '../analytics-scope.js';
import { linkField } from '../lib/link-field.js';
import { StatementParams } from '../lib/statement-params.js';
import { ORDERS } from '../rfm.service.js';

/** Ticket statuses that mean the case is over. */
const CLOSED_TICKETS = ['resolved', 'closed'];
/** The loyalty plugin's account (`balance`; a custom one may call it `points`). */
const LOYALTY = { object: 'loyalty_account', tier: 'tier', points: ['balance', 'points'] } as const;

type Part<T> = Promise<T | null>;

/**
 * The parts of a 360° summary, each one statement over the related rows the caller may read
 * (AnalyticsScope.relatedRows); a part is null when the caller cannot read what it needs, or the
 * object it reads does not exist or does not point at the summarized one.
 */
@Injectable()
export class SummaryParts {
  constructor(private readonly db: Db) {}

  /** Paid (or shipped) orders: their sum, count and the last payment. */
  async lifetimeValue(scope: AnalyticsScope, object: string, id: string): Part<{ amount: number; orders: number; lastPaidAt: string | null }> {
    const params = new StatementParams();
    const rows = this.related(scope, ORDERS.object, object, id, { amount: ORDERS.amount, status: ORDERS.status, paid_at: ORDERS.paidAt }, params);
    if (!rows) return null;
    const [r] = await this.db.query(`SELECT COALESCE(sum(o.amount), 0) AS amount, count(*)::int AS orders, max(o.paid_at) AS last
      FROM (${rows}) o WHERE o.status = ANY(${params.add(ORDERS.paidStatuses, 'text[]')}) AND o.paid_at IS NOT NULL`, params.values);
    return { amount: Number(r.amount), orders: r.orders, lastPaidAt: r.last ? new Date(r.last).toISOString() : null };
  }

  /** The latest activity that has happened (starts_at, else created_at, not in the future). */
  async lastContact(scope: AnalyticsScope, object: string, id: string): Part<{ id: string; title: string | null; type: string | null; at: string } | null> {
    const params = new StatementParams();
    const has = (f: string) => !!findField(scope.set, 'activity', f) && !scope.isHidden('activity', f);
    const title = scope.titleField('activity');
    const columns = { id: 'id', created_at: 'created_at', ...(title ? { title } : {}), ...(has('type') ? { type: 'type' } : {}), ...(has('starts_at') ? { at: 'starts_at' } : {}) };
    const rows = this.related(scope, 'activity', object, id, columns, params);
    if (!rows) return null;
    const at = 'at' in columns ? 'COALESCE(a.at, a.created_at)' : 'a.created_at';
    const [r] = await this.db.query(`SELECT a.id, ${title ? 'a.title::text' : 'NULL::text'} AS title, ${'type' in columns ? 'a.type::text' : 'NULL::text'} AS type, ${at} AS at
      FROM (${rows}) a WHERE ${at} <= now() ORDER BY ${at} DESC, a.id LIMIT 1`, params.values);
    return r ? { id: r.id, title: r.title, type: r.type, at: new Date(r.at).toISOString() } : null;
  }

  /** Deals of the pipeline not yet in an outcome stage: how many and their amount. */
  async openOpportunities(scope: AnalyticsScope, object: string, id: string, pipeline = 'sales'): Part<{ count: number; amount: number }> {
    const p = Object.hasOwn(scope.set.pipelines, pipeline) ? scope.set.pipelines[pipeline]! : undefined;
    if (!p) return null;
    const params = new StatementParams();
    const rows = this.related(scope, p.object, object, id, { stage: p.field, amount: p.amountField ?? 'amount' }, params);
    if (!rows) return null;
    const [r] = await this.db.query(`SELECT count(*)::int AS count, COALESCE(sum(d.amount), 0) AS amount
      FROM (${rows}) d JOIN (${stageTable(p, params)}) s ON s.key = d.stage WHERE s.outcome IS NULL`, params.values);
    return { count: r.count, amount: Number(r.amount) };
  }

  /** Tickets not resolved or closed. */
  async openTickets(scope: AnalyticsScope, object: string, id: string): Part<number> {
    const params = new StatementParams();
    const rows = this.related(scope, 'ticket', object, id, { status: 'status' }, params);
    if (!rows) return null;
    const [r] = await this.db.query(`SELECT count(*)::int AS n FROM (${rows}) t WHERE t.status IS NULL OR NOT t.status = ANY(${params.add(CLOSED_TICKETS, 'text[]')})`, params.values);
    return r.n;
  }

  /** The loyalty account pointing at the record, when a plugin defines `loyalty_account` with a tier. */
  async loyalty(scope: AnalyticsScope, object: string, id: string): Part<{ id: string; tier: string | null; tierLabel: string | null; points: number | null } | null> {
    const def = findObject(scope.set, LOYALTY.object);
    if (!def?.fields[LOYALTY.tier]) return null;
    const params = new StatementParams();
    const points = LOYALTY.points.find((f) => def.fields[f] && !scope.isHidden(LOYALTY.object, f));
    const rows = this.related(scope, LOYALTY.object, object, id, { id: 'id', tier: LOYALTY.tier, ...(points ? { points } : {}) }, params);
    if (!rows) return null;
    const [r] = await this.db.query(`SELECT l.id, l.tier::text AS tier, ${points ? 'l.points' : 'NULL'} AS points FROM (${rows}) l ORDER BY l.id LIMIT 1`, params.values);
    if (!r) return null;
    const tierDef = def.fields[LOYALTY.tier]!;
    const option = tierDef.type === 'select' ? tierDef.options.find((o) => o.key === r.tier) : undefined;
    return { id: r.id, tier: r.tier, tierLabel: option ? scope.label(option.label, option.key) : r.tier, points: r.points === null ? null : Number(r.points) };
  }

  private related(scope: AnalyticsScope, from: string, to: string, id: string, columns: Record<string, string>, params: StatementParams): string | null {
    const link = linkField(scope.set, from, to);
    return link ? scope.relatedRows(from, link, id, columns, params) : null;
  }
}
