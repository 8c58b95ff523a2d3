import { Injectable } from '@nestjs/common';
import { conditionFields, findObject } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { badRequest, forbidden, notFound } from '../common/problem.js';
import { Db } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { compileGet } from '../query/index.js';
import { ReadContextService } from '../records/read-context.service.js';
import { isUuid } from '../users/users.service.js';
import { explainDecision, type Explanation } from './explain-decision.js';
import { RECORD_ACTIONS, type RecordAction } from './permission-types.js';
import { PermissionsService } from './permissions.service.js';
import { RecordShareService } from './record-share.service.js';

export interface ExplainQuery { user?: string; action: RecordAction; object: string; record?: string; field?: string }

const PARAMETERS = ['user', 'action', 'object', 'record', 'field'];

/** "Can user X do Y on record Z, and which rule decided?" — admins about anyone, others about themselves. */
@Injectable()
export class ExplainService {
  constructor(
    private readonly db: Db, private readonly registry: MetadataRegistry, private readonly permissions: PermissionsService,
    private readonly contexts: ReadContextService, private readonly shares: RecordShareService,
  ) {}

  parse(raw: Record<string, unknown>): ExplainQuery {
    const problems = Object.keys(raw).filter((k) => !PARAMETERS.includes(k)).map((k) => ({ path: `/${k}`, message: 'is not a parameter of explain' }));
    for (const [k, v] of Object.entries(raw)) if (PARAMETERS.includes(k) && typeof v !== 'string') problems.push({ path: `/${k}`, message: 'must be given once, as text' });
    if (!RECORD_ACTIONS.includes(raw.action as RecordAction)) problems.push({ path: '/action', message: 'must be read, create, update or delete' });
    if (typeof raw.object !== 'string') problems.push({ path: '/object', message: 'is required' });
    for (const k of ['user', 'record'] as const) if (raw[k] !== undefined && !isUuid(String(raw[k]))) problems.push({ path: `/${k}`, message: 'must be an id' });
    if (problems.length) throw badRequest('Invalid explain query', problems);
    return raw as unknown as ExplainQuery;
  }

  async explain(caller: CurrentUser, q: ExplainQuery): Promise<Explanation> {
    const subject = await this.subjectOrThrow(caller, q.user);
    const set = this.registry.current().set;
    const obj = findObject(set, q.object);
    const decision = this.permissions.decision(subject, q.object);
    if (!obj || obj.archived || !decision) throw notFound(`No object ${q.object}`);
    if (q.field !== undefined && !Object.hasOwn(decision.fields, q.field)) throw badRequest(`${q.field} is not a field of ${q.object}`, [{ path: '/field', message: 'is not a field of the object' }]);
    const ctx = await this.contexts.forUser(subject);
    const ability = this.permissions.ability(subject, ctx);
    if (q.record === undefined) return explainDecision({ decision, action: q.action, field: q.field, ability });

    // The record as stored, with the fields the scopes read (dotted paths as nested objects).
    const paths = [...decision.actions[q.action].grants, ...decision.actions.read.grants].flatMap((g) => (g.node ? conditionFields(g.node) : []));
    const compiled = compileGet({ object: q.object, set, ctx, id: q.record, fields: [...new Set(['owner', ...paths])] });
    const [row] = await this.db.query<{ record: Record<string, unknown> }>(compiled.sql, compiled.params);
    const shareAccess = q.action === 'read' ? ['read', 'write'] as const : q.action === 'update' ? ['write'] as const : [];
    const shareId = row && shareAccess.length ? await this.shares.shareFor(this.db, subject, q.object, q.record, [...shareAccess]) : undefined;
    // Someone asking about themself learns nothing about a record they cannot read: it answers as if absent.
    const visible = row && (this.permissions.isAdmin(caller) || ability.can('read', q.object, row.record)
      || (await this.shares.shareFor(this.db, subject, q.object, q.record, ['read', 'write'])) !== undefined);
    return explainDecision({ decision, action: q.action, field: q.field, ability, record: visible ? row.record : null, shareId });
  }

  private async subjectOrThrow(caller: CurrentUser, userId: string | undefined): Promise<CurrentUser> {
    if (userId === undefined || userId === caller.id) return caller;
    if (!this.permissions.isAdmin(caller)) throw forbidden('Only admins may ask about another user');
    const [row] = await this.db.query<{ id: string; email: string; name: string; roles: string[]; team_id: string | null; manager_id: string | null; locale: string | null }>(
      `SELECT id, email, name, roles, team_id, manager_id, locale FROM core."user" WHERE id = $1`, [userId]);
    if (!row) throw notFound(`No user ${userId}`);
    return { id: row.id, email: row.email, name: row.name, roles: row.roles, teamId: row.team_id, managerId: row.manager_id, locale: row.locale, via: 'jwt' };
  }
}
