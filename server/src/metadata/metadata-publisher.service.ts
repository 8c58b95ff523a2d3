import { Injectable, Logger } from '@nestjs/common';
import { mergeLayers, validateMetadataSet, type MetadataSet } from '@loom/metadata';
import { Db, type Tx } from '../database/db.js';
import { conflict, invalid, ProblemError } from '../common/problem.js';
import { planSchemaChange, PlanRefused } from '../schema-migrator/plan-schema-change.js';
import type { MigrationPlan, SchemaAction } from '../schema-migrator/schema-action.js';
import { quoteIdent } from '../query/sql/quote-ident.js';
import { hashOf, sha256, canonicalJson } from './canonical-hash.js';
import { MetadataLayers } from './metadata-layers.js';
import { METADATA_CHANNEL, MetadataRegistry, type Revision } from './metadata-registry.service.js';
import { MetadataStore } from './metadata-store.js';
import { whereUsed } from './where-used.js';

/** Serializes publishes across nodes; held for the whole publish transaction. */
const PUBLISH_LOCK = 7265002;

export interface PublishRequest {
  /** Returns the new admin layer from the current one (may throw problems: 404, 409, 422). */
  change: (adminLayer: MetadataSet, effective: MetadataSet) => MetadataSet;
  author: string | null;
  message: string;
  dryRun?: boolean;
  planHash?: string;
  purge?: boolean;
}

export interface PublishResult {
  plan: MigrationPlan;
  revision: number;
  set: MetadataSet;
  applied: boolean;
}

/**
 * Publish = plan → apply. The DDL and the new revision commit in ONE transaction under
 * lock_timeout and an advisory lock; any failure rolls back both (DESIGN.md §4, SECURITY.md 5).
 */
@Injectable()
export class MetadataPublisher {
  private readonly logger = new Logger('metadata');

  constructor(private readonly db: Db, private readonly store: MetadataStore, private readonly layers: MetadataLayers, private readonly registry: MetadataRegistry) {}

  async publish(req: PublishRequest): Promise<PublishResult> {
    const outcome = await this.db.tx(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [PUBLISH_LOCK]);
      const latest = await this.store.latest(tx);
      const before = latest?.document ?? emptySet();
      const adminBefore = latest?.adminLayer ?? emptySet();
      const adminAfter = req.change(structuredClone(adminBefore), structuredClone(before));
      const after = this.effective(adminAfter);
      const plan = await this.plan(tx, before, after, req.purge ?? false);
      if (req.planHash && req.planHash !== plan.hash) {
        throw conflict('The migration plan has changed since it was previewed; review it again', { plan: plan.hash });
      }
      const number = (latest?.number ?? 0) + 1;
      // nothing changed (e.g. two nodes bootstrapping at once): no new revision
      if (latest && hashOf(after) === latest.hash && hashOf(adminAfter) === hashOf(adminBefore) && latest.baseHash === this.layers.hash()) {
        return { plan, revision: latest.number, set: after, applied: false, next: null };
      }
      if (req.dryRun) return { plan, revision: latest?.number ?? 0, set: after, applied: false, next: null };
      await this.apply(tx, plan.changes);
      const revision: Revision = { number, hash: hashOf(after), set: after, adminLayer: adminAfter, baseHash: this.layers.hash() };
      await this.store.insert(tx, { ...revision, document: after, plan: plan.changes, author: req.author, message: req.message });
      await tx.query(`SELECT pg_notify($1, $2)`, [METADATA_CHANNEL, String(number)]);
      return { plan, revision: number, set: after, applied: true, next: revision };
    });
    if (outcome.next) {
      this.registry.use(outcome.next);
      await this.buildDeferredIndexes(outcome.revision, outcome.plan.changes);
    }
    return { plan: outcome.plan, revision: outcome.revision, set: outcome.set, applied: outcome.applied };
  }

  /** The effective metadata for an admin layer: base → plugins → admin, validated as a whole. */
  effective(adminLayer: MetadataSet): MetadataSet {
    const merged = mergeLayers([...this.layers.below(), { source: 'admin', set: adminLayer }]);
    if (merged.errors.length) throw invalid(merged.errors.map((e) => ({ path: e.path, message: e.message })), 'The change conflicts with the base metadata');
    const errors = validateMetadataSet(merged.set);
    if (errors.length) throw invalid(errors.map((e) => ({ path: e.path, message: e.message })));
    return merged.set;
  }

  private async plan(tx: Tx, before: MetadataSet, after: MetadataSet, purge: boolean): Promise<MigrationPlan> {
    const populated = new Set<string>();
    for (const name of Object.keys(after.objects)) {
      if (!before.objects[name]) continue;
      const [row] = await tx.query(`SELECT EXISTS (SELECT 1 FROM "data".${quoteIdent(name)}) AS has`);
      if (row.has) populated.add(name);
    }
    let changes: SchemaAction[];
    try {
      changes = planSchemaChange(before, after, { purge, populated });
    } catch (e) {
      if (e instanceof PlanRefused) throw invalid(e.errors, 'This change cannot be applied safely');
      throw e;
    }
    const used = whereUsed(before, changes);
    const warnings = changes.filter((c) => c.class !== 'safe').map((c) => `${c.class}: ${c.description}`);
    const hash = sha256(canonicalJson({ changes, after: hashOf(after) }));
    return { hash, changes, warnings, whereUsed: used };
  }

  private async apply(tx: Tx, changes: SchemaAction[]): Promise<void> {
    await tx.query(`SET LOCAL lock_timeout = '3s'`);
    const refused: { path: string; message: string }[] = [];
    for (const c of changes) {
      if (!c.check) continue;
      const [row] = await tx.query<{ n: number }>(c.check.sql);
      if (row.n > 0) refused.push({ path: c.path, message: `${row.n} ${c.check.message}` });
    }
    if (refused.length) throw invalid(refused, 'Existing data does not satisfy the change');
    for (const c of changes) {
      for (const sql of c.sql) {
        try {
          await tx.query(sql);
        } catch (e) {
          if (e instanceof ProblemError) throw new ProblemError(e.body.status === 409 ? 'conflict' : 'validation', `${c.description} failed: ${e.body.detail}`, { errors: [{ path: c.path, message: e.body.detail ?? 'failed' }] });
          throw e;
        }
      }
    }
  }

  /** CREATE INDEX CONCURRENTLY cannot run in a transaction: run it after commit and record its state. */
  private async buildDeferredIndexes(revision: number, changes: SchemaAction[]): Promise<void> {
    for (const c of changes) {
      for (const sql of c.after ?? []) {
        const [row] = await this.db.query<{ id: string }>(`INSERT INTO core.index_build (revision, statement) VALUES ($1, $2) RETURNING id`, [revision, sql]);
        try {
          await this.db.query(sql);
          await this.db.query(`UPDATE core.index_build SET state = 'done', finished_at = now() WHERE id = $1`, [row.id]);
        } catch (e) {
          this.logger.warn({ msg: 'deferred index failed', sql, err: String((e as Error).message ?? e) });
          await this.db.query(`UPDATE core.index_build SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`, [row.id, String((e as Error).message ?? e)]);
        }
      }
    }
  }
}

export function emptySet(): MetadataSet {
  return { objects: {}, pipelines: {}, approvals: {}, roles: {}, automations: {}, layouts: {} };
}
