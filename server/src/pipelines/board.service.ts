import { Injectable } from '@nestjs/common';
import { labelText, type ConditionJson, type PipelineDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { badRequest, notFound } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { compileAggregate, parseFilter } from '../query/index.js';
import { ReadContextService } from '../records/read-context.service.js';
import { RecordReader } from '../records/record-reader.service.js';

const PER_STAGE = 20;

/**
 * A pipeline as columns: per stage the count, the sum of the amount field and the first records, all
 * through the records read plan, so the caller's scope and hidden fields apply (SECURITY.md 1).
 */
@Injectable()
export class BoardService {
  constructor(private readonly db: Db, private readonly registry: MetadataRegistry, private readonly reader: RecordReader, private readonly contexts: ReadContextService) {}

  async board(user: CurrentUser, name: string, raw: Record<string, unknown>) {
    const set = this.registry.current().set;
    const pipeline = Object.hasOwn(set.pipelines, name) ? set.pipelines[name] : undefined;
    if (!pipeline) throw notFound(`No pipeline ${name}`);
    const unknown = Object.keys(raw).filter((k) => !['filter', 'limit'].includes(k));
    if (unknown.length) throw badRequest(`Unknown query parameter(s): ${unknown.join(', ')}`, unknown.map((k) => ({ path: `/${k}`, message: 'is not a known parameter' })));
    const limit = raw.limit === undefined ? PER_STAGE : Number(raw.limit);
    if (!Number.isInteger(limit) || limit < 0 || limit > 100) throw badRequest('limit must be 0-100', [{ path: '/limit', message: 'must be an integer from 0 to 100' }]);
    let userFilter: ConditionJson | undefined;
    if (raw.filter !== undefined) {
      parseFilter(raw.filter, { object: pipeline.object, set }); // the one filter parser: 400 with /filter paths
      userFilter = JSON.parse(raw.filter as string) as ConditionJson;
    }
    const base = this.baseFilter(pipeline, userFilter);
    const locale = user.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const totals = await this.totals(user, pipeline, base);
    const stages = [];
    for (const s of pipeline.stages) {
      const page = limit === 0 ? { data: [] } : await this.reader.list(user, pipeline.object, { filter: JSON.stringify({ $and: [...(Object.keys(base).length ? [base] : []), { [pipeline.field]: s.key }] }), limit: String(limit), sort: '-updated_at' });
      const t = totals.get(s.key);
      stages.push({ key: s.key, label: labelText(s.label, locale) ?? s.key, probability: s.probability ?? null, outcome: s.outcome ?? null, color: s.color ?? null,
        maxDays: s.maxDays ?? null, count: t?.count ?? 0, sum: t?.sum ?? 0, records: page.data });
    }
    await this.flagOverdue(pipeline, stages);
    return { pipeline: pipeline.name, object: pipeline.object, field: pipeline.field, amountField: this.amountField(pipeline), stages };
  }

  private amountField(p: PipelineDef): string | null {
    const f = p.amountField ?? 'amount';
    return this.registry.current().set.objects[p.object]?.fields[f] ? f : null;
  }

  private baseFilter(p: PipelineDef, user: ConditionJson | undefined): ConditionJson {
    const parts: ConditionJson[] = [];
    if (user) parts.push(user);
    if (p.recordTypeField && p.recordType !== undefined) parts.push({ [p.recordTypeField]: { $in: Array.isArray(p.recordType) ? p.recordType : [p.recordType] } });
    return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { $and: parts };
  }

  private async totals(user: CurrentUser, p: PipelineDef, filter: ConditionJson): Promise<Map<string, { count: number; sum: number | null }>> {
    const set = this.registry.current().set;
    const access = this.reader.access(user);
    const hidden = access.hiddenFor?.(p.object);
    const amount = this.amountField(p);
    const ast = parseFilter(filter, { object: p.object, set });
    const metrics = [{ fn: 'count' as const }, ...(amount && !hidden?.has(amount) ? [{ fn: 'sum' as const, field: amount }] : [])];
    const { sql, params } = compileAggregate({ object: p.object, set, ctx: await this.contexts.forUser(user), ...access, scope: access.scopeFor?.(p.object), hiddenFields: hidden, filter: ast, groupBy: [p.field], metrics });
    const rows = await this.db.query<{ row: Record<string, number | string | null> }>(sql, params);
    return new Map(rows.map(({ row }) => [String(row[p.field]), { count: Number(row.count), sum: amount ? Number(row[`sum_${amount}`] ?? 0) : null }]));
  }

  /** A record is overdue when it has been in its stage longer than the stage's maxDays. */
  private async flagOverdue(p: PipelineDef, stages: { maxDays: number | null; records: Record<string, unknown>[] }[]): Promise<void> {
    const ids = stages.flatMap((s) => s.records.map((r) => r.id as string));
    if (!ids.length) return;
    const rows = await this.db.query<{ record_id: string; at: string }>(
      `SELECT DISTINCT ON (record_id) record_id, at FROM core.stage_history WHERE object = $1 AND pipeline = $2 AND record_id = ANY($3::uuid[]) ORDER BY record_id, at DESC`,
      [p.object, p.name, ids]);
    const entered = new Map(rows.map((r) => [r.record_id, new Date(r.at)]));
    for (const s of stages) {
      for (const r of s.records) {
        const at = entered.get(r.id as string) ?? new Date(r.created_at as string);
        r.stageEnteredAt = at.toISOString();
        r.overdue = s.maxDays !== null && Date.now() - at.getTime() > s.maxDays * 86_400_000;
      }
    }
  }
}
