import { Injectable, Logger, Optional } from '@nestjs/common';
import { evaluateCondition, parseCondition, type ConditionJson, type ConditionNode } from '@loom/metadata';
import { conditionFields } from '@loom/metadata';
import { invalid, notFound, ProblemError } from '../../common/problem.js';
import { Db, type Tx } from '../../database/db.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { HookBatch } from '../../plugins/hook-batch.js';
import { hookUserOf } from '../../plugins/hook-user.js';
import { RecordHooks } from '../../plugins/record-hooks.service.js';
import { compileGet, compileSelect, queryContext } from '../../query/index.js';
import { applyTagEdits, type TagEdits } from '../../records/lib/apply-tag-edits.js';
import { lockRow, RecordWriter } from '../../records/record-writer.service.js';
import { RecordValidators } from '../../records/validation/record-validator.js';

/** Db or a transaction: anything that runs one statement. */
export interface Queryable {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type AnyRecord = Record<string, unknown> & { id: string };

const NO_USER = '00000000-0000-0000-0000-000000000000';

const HOOKS = { create: ['beforeCreate', 'afterCreate'], update: ['beforeUpdate', 'afterUpdate', 'stageChanged'] } as const;

/**
 * Records as automations see and write them: engine reads of every field (automations are
 * admin-defined), writes through the one validator and RecordWriter, carrying the chain depth.
 * Plugin hooks run like for any write, acting as the run's actor: `before*` in the action's
 * transaction (a plugin's problem fails the action), `after*` from `afterCommit` once it committed.
 */
@Injectable()
export class AutomationRecords {
  private readonly validators = new RecordValidators();
  private readonly logger = new Logger('automation');

  constructor(
    private readonly registry: MetadataRegistry, private readonly writer: RecordWriter, private readonly db: Db,
    @Optional() private readonly hooks?: RecordHooks,
  ) {}

  /** The hooks of one action's write of `object`; undefined (and no lookup) when no enabled plugin hooks it. */
  async hookBatch(object: string, mode: 'create' | 'update', actorId: string, depth: number): Promise<HookBatch | undefined> {
    const hooks = this.hooks;
    if (!hooks || !HOOKS[mode].some((h) => hooks.has(object, h))) return undefined;
    return new HookBatch(hooks, await hookUserOf(this.db, actorId), depth);
  }

  /** After the action's transaction committed: fires the queued `after*` hooks on the records as stored. */
  afterCommit(batch: HookBatch | undefined, actorId: string): void {
    if (!batch?.size) return;
    void batch.flush((object, id) => this.read(this.db, object, id, { userId: actorId }))
      .catch((e: unknown) => this.logger.warn({ msg: 'automation after-hooks failed', err: String(e) }));
  }

  async read(q: Queryable, object: string, id: string, opts: { deleted?: boolean; filter?: ConditionNode; userId?: string | null; now?: Date } = {}): Promise<AnyRecord | null> {
    const set = this.registry.current().set;
    if (!set.objects[object]) return null;
    const ctx = queryContext(opts.userId ?? NO_USER, opts.now ?? new Date());
    if (opts.filter) {
      // the same record, only if it also matches the condition (relation paths join in SQL)
      const byId = this.parseWhere(object, { id });
      const compiled = compileSelect({ object, set, ctx, deleted: opts.deleted, filter: { kind: 'and', items: [byId, opts.filter] }, limit: 1 });
      const [row] = await q.query<{ record: AnyRecord }>(compiled.sql, compiled.params);
      return row?.record ?? null;
    }
    const compiled = compileGet({ object, set, ctx, id, deleted: opts.deleted });
    const [row] = await q.query<{ record: AnyRecord }>(compiled.sql, compiled.params);
    return row?.record ?? null;
  }

  parseWhere(object: string, where: ConditionJson): ConditionNode {
    const parsed = parseCondition(where, { object, set: this.registry.current().set });
    if (!parsed.ast) throw invalid(parsed.errors.map((e) => ({ path: `/trigger/where${e.path}`, message: e.message })), 'The automation condition is invalid');
    return parsed.ast;
  }

  /**
   * `where` on the record: in memory with evaluateCondition; a condition that follows relations
   * (`account.industry`) is asked of PostgreSQL through the same compiler instead.
   */
  async matches(q: Queryable, object: string, record: AnyRecord, where: ConditionJson | undefined, vars: { userId: string | null; now: Date; deleted?: boolean }): Promise<boolean> {
    if (!where) return true;
    const ast = this.parseWhere(object, where);
    if (conditionFields(ast).some((p) => p.includes('.'))) {
      return !!(await this.read(q, object, record.id, { deleted: vars.deleted, filter: ast, userId: vars.userId, now: vars.now }));
    }
    return evaluateCondition(ast, record, { user: vars.userId ? { id: vars.userId } : undefined, now: vars.now });
  }

  async update(tx: Tx, object: string, id: string, body: Record<string, unknown>, actorId: string, depth: number, now: Date, tags?: TagEdits, hooks?: HookBatch): Promise<{ version: number; changed: string[] }> {
    const obj = this.objectOrThrow(object);
    const before = await lockRow(tx, obj, id);
    if (!before) throw notFound(`No ${object} ${id}`);
    const edited = { ...body, ...(tags ? applyTagEdits(before, tags) : {}) };
    if (!Object.keys(edited).length) return { version: Number(before.version), changed: [] }; // the tags are already as asked
    const patch = await hooks?.beforeUpdate(object, before, edited);
    const values = this.validate(object, 'update', patch ? { ...edited, ...patch } : edited, actorId, now, before);
    const result = await this.writer.update(tx, obj, id, values, { id: actorId }, { depth, before });
    hooks?.updated(obj, id, before, result.changes);
    return { version: result.version, changed: Object.keys(result.changes) };
  }

  async create(tx: Tx, object: string, body: Record<string, unknown>, actorId: string, depth: number, now: Date, hooks?: HookBatch): Promise<string> {
    const obj = this.objectOrThrow(object);
    let values = this.validate(object, 'create', body, actorId, now);
    const patch = await hooks?.beforeCreate(object, values);
    if (patch) values = this.validate(object, 'create', { ...body, ...patch }, actorId, now);
    const id = await this.writer.insert(tx, obj, values, { id: actorId }, depth);
    hooks?.created(object, id);
    return id;
  }

  /** The problems writing `body` would meet, without writing (dry-run); null when it would pass. */
  check(object: string, mode: 'create' | 'update', body: Record<string, unknown>, actorId: string, now: Date, existing?: Record<string, unknown>): { path: string; message: string }[] | null {
    try {
      this.objectOrThrow(object);
      this.validate(object, mode, body, actorId, now, existing);
      return null;
    } catch (e) {
      if (e instanceof ProblemError) return e.body.errors ?? [{ path: '', message: e.message }];
      throw e;
    }
  }

  private validate(object: string, mode: 'create' | 'update', body: Record<string, unknown>, actorId: string, now: Date, existing?: Record<string, unknown>) {
    const rev = this.registry.current();
    const result = this.validators.forRevision(rev.number, rev.set).validate(object, mode, body, {
      existing, now, allowReadOnlyFields: true, variables: { user: { id: actorId }, now },
    });
    if (!result.ok) throw invalid(result.errors);
    return result.values;
  }

  private objectOrThrow(name: string) {
    const obj = this.registry.current().set.objects[name];
    if (!obj || obj.archived) throw notFound(`No object ${name}`);
    return obj;
  }
}
