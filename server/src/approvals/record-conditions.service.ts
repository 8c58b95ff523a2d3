import { Injectable } from '@nestjs/common';
import { parseCondition, type ConditionJson } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { invalid } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { compileWhere, quoteQualified, queryContext } from '../query/index.js';
import { ROOT_ALIAS } from '../query/plan/aliases.js';

/**
 * Whether an approval condition (`entry`, a step's `when`) holds for one stored record, compiled by the
 * one query compiler so dotted paths, formulas and rollups mean what they mean in filters.
 */
@Injectable()
export class RecordConditions {
  constructor(private readonly registry: MetadataRegistry) {}

  async holds(tx: Tx, object: string, recordId: string, condition: ConditionJson, userId: string): Promise<boolean> {
    const set = this.registry.current().set;
    const parsed = parseCondition(condition, { object, set });
    if (!parsed.ast) throw invalid(parsed.errors.map((e) => ({ path: e.path, message: e.message })), `A condition of the approval process no longer fits ${object}`);
    const where = compileWhere({ object, set, ctx: queryContext(userId, new Date()), filter: parsed.ast });
    const [row] = await tx.query<{ holds: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${where.from} WHERE ${where.where} AND ${quoteQualified(ROOT_ALIAS, 'id')} = $${where.params.length + 1}) AS holds`,
      [...where.params, recordId]);
    return row.holds;
  }
}
