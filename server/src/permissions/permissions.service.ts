import { Injectable } from '@nestjs/common';
import type { ConditionNode } from '@loom/metadata';
import { isAdmin, type CurrentUser } from '../auth/current-user.js';
import { forbidden, notFound, type ProblemItem } from '../common/problem.js';
import type { Tx } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import type { QueryContext, ReadAccess } from '../query/index.js';
import { buildAbility, type PermissionAbility } from './build-ability.js';
import { unwritableFields } from './check-field-writes.js';
import type { CompiledRoleSet } from './compile-role-set.js';
import { isNever, NEVER_CONDITION, type ObjectDecision, type RecordAction } from './permission-types.js';
import { RecordShareService } from './record-share.service.js';
import { RequestShares } from './request-shares.js';
import { RoleSetCache } from './role-set-cache.js';
import { rowInScope } from './row-in-scope.js';
import { withShares } from './share-scope.js';

type WriteAction = Exclude<RecordAction, 'read'>;

/**
 * The caller's permissions, compiled once per (role set, metadata revision): read access for the
 * query compiler (scopes and hidden fields of every object, so joins and expands are scoped too),
 * the write checks every write path calls, and a CASL ability for in-memory questions.
 */
@Injectable()
export class PermissionsService {
  private readonly cache = new RoleSetCache();

  constructor(private readonly registry: MetadataRegistry, private readonly requestShares: RequestShares, private readonly shares: RecordShareService) {}

  compiled(roles: readonly string[]): CompiledRoleSet {
    const rev = this.registry.current();
    return this.cache.get(roles, rev.number, rev.set);
  }

  decision(user: Pick<CurrentUser, 'roles'>, object: string): ObjectDecision | undefined {
    return this.compiled(user.roles).objects.get(object);
  }

  /** Holds the `admin` role or a role with `admin: true` (metadata, users; explain about anyone). */
  isAdmin(user: CurrentUser): boolean {
    return isAdmin(user) || this.compiled(user.roles).admin;
  }

  /** Scopes (role scope OR records shared with the caller) and hidden fields for every object. */
  access(user: CurrentUser): ReadAccess {
    const compiled = this.compiled(user.roles);
    const set = this.registry.current().set;
    const shared = this.requestShares.of(user);
    const scopes = new Map<string, ConditionNode | undefined>();
    return {
      scopeFor: (object) => {
        if (!scopes.has(object)) {
          const decision = compiled.objects.get(object);
          scopes.set(object, decision ? withShares(decision.actions.read.scope, shared?.get(object), object, set) : NEVER_CONDITION);
        }
        return scopes.get(object);
      },
      hiddenFor: (object) => compiled.objects.get(object)?.hidden,
    };
  }

  ability(user: CurrentUser, ctx: QueryContext): PermissionAbility {
    return buildAbility(this.compiled(user.roles), {
      user: { id: ctx.userId, team: ctx.teamUserIds, subordinates: ctx.subordinateIds }, now: ctx.now, today: ctx.today,
    });
  }

  /** In memory: may the user do `action` on the object (any record), or on this record, or with this field? */
  can(user: CurrentUser, ctx: QueryContext, action: RecordAction, object: string, record?: Record<string, unknown>, field?: string): boolean {
    return this.ability(user, ctx).can(action, object, record, field);
  }

  /** Before a create: the object at all (403), then every field the body names (403 listing them). */
  assertCanCreate(user: CurrentUser, object: string, body: unknown): void {
    this.assertFields(user, object, 'create', body);
  }

  /**
   * Before an update, on the locked row (already checked in scope): fields not writable → 403 listing
   * them. Without `existing` (a bulk `set` for many rows) read-only fields are refused even if unchanged.
   */
  assertCanUpdate(user: CurrentUser, object: string, body: unknown, existing?: Record<string, unknown>): void {
    this.assertFields(user, object, 'update', body, existing);
  }

  /** Before a delete or restore: the object at all (403); the row is checked by assertRowInScope. */
  assertCanDelete(user: CurrentUser, object: string): void {
    this.objectDecisionOrThrow(user, object, 'delete');
  }

  /** Object-level: some role grants the action (else 403, which says nothing about any record). */
  objectDecisionOrThrow(user: CurrentUser, object: string, action: WriteAction): ObjectDecision {
    const decision = this.decision(user, object);
    if (!decision || isNever(decision.actions[action].scope)) throw forbidden(`Your roles may not ${action} ${object} records`);
    return decision;
  }

  /**
   * In the write's transaction: the row is inside the action's scope (update: or shared with the
   * caller for writing), else 403 when the caller may read it and 404 when not (never reveal that a
   * record exists). `create` checks the inserted row: outside the create scope → 403. Locks the row.
   */
  async assertRowInScope(tx: Tx, user: CurrentUser, ctx: QueryContext, object: string, id: string, action: WriteAction, opts: { deleted?: boolean } = {}): Promise<void> {
    const decision = this.objectDecisionOrThrow(user, object, action);
    // every record: nothing to decide here; the write itself locks the row and answers 404 when it is gone
    if (decision.actions[action].scope === undefined) return;
    const set = this.registry.current().set;
    const query = { object, id, set, ctx, deleted: opts.deleted };
    if (await rowInScope(tx, { ...query, scope: decision.actions[action].scope, lock: true })) return;
    if (action === 'create') throw forbidden(`The new ${object} is outside the records your roles may create`);
    if (action === 'update' && await this.shares.shareFor(tx, user, object, id, ['write']) && await rowInScope(tx, { ...query, scope: undefined, lock: true })) return;
    const readable = !isNever(decision.actions.read.scope) && (
      await rowInScope(tx, { ...query, scope: decision.actions.read.scope })
      || (await this.shares.shareFor(tx, user, object, id, ['read', 'write']) !== undefined && await rowInScope(tx, { ...query, scope: undefined })));
    if (readable) throw forbidden(`Your roles may not ${action} this ${object}`);
    throw notFound(`No ${opts.deleted ? 'deleted ' : ''}${object} ${id}`);
  }

  /** For GET /api/metadata: undefined for admins; else objects the caller cannot read and fields with access none. */
  metadataMask(user: CurrentUser): ((object: string) => { readable: boolean; hidden: Set<string> }) | undefined {
    if (this.isAdmin(user)) return undefined;
    const compiled = this.compiled(user.roles);
    return (object) => {
      const decision = compiled.objects.get(object);
      return { readable: !!decision && !isNever(decision.actions.read.scope), hidden: new Set(decision?.hidden ?? []) };
    };
  }

  /** The fields of a write body the caller may not write (after the object-level check, which throws). */
  fieldProblems(user: CurrentUser, object: string, action: 'create' | 'update', body: unknown, existing?: Record<string, unknown>): ProblemItem[] {
    const decision = this.objectDecisionOrThrow(user, object, action);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return []; // the validator answers 422
    const obj = this.registry.current().set.objects[object]!;
    return unwritableFields(obj, decision, body as Record<string, unknown>, user.id, existing);
  }

  /**
   * The records a write by filter (bulk update or delete) may touch: readable AND inside the action's
   * scope (update: OR shared with the caller for writing). Rows outside it simply do not match.
   */
  async writableScope(user: CurrentUser, object: string, action: 'update' | 'delete'): Promise<ConditionNode | undefined> {
    const decision = this.objectDecisionOrThrow(user, object, action);
    const set = this.registry.current().set;
    const read = this.access(user).scopeFor!(object);
    const write = action === 'update'
      ? withShares(decision.actions.update.scope, (await this.shares.sharedWith(user, ['write'])).get(object), object, set)
      : decision.actions.delete.scope;
    const items = [read, write].filter((n): n is ConditionNode => n !== undefined);
    return items.length === 0 ? undefined : items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private assertFields(user: CurrentUser, object: string, action: 'create' | 'update', body: unknown, existing?: Record<string, unknown>): void {
    const problems = this.fieldProblems(user, object, action, body, existing);
    if (problems.length) {
      throw forbidden(`${problems.length === 1 ? 'A field is' : `${problems.length} fields are`} not writable for your role`, problems);
    }
  }
}
