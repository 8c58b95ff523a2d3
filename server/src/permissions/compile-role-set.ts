import type { ConditionNode, MetadataSet, ObjectDef, RoleDef } from '@loom/metadata';
import { expandRoles, roleSetKey } from './expand-roles.js';
import { mergeFieldAccess, type RoleObjectEntry } from './field-access.js';
import {
  NEVER_CONDITION, RECORD_ACTIONS, type ActionDecision, type Grant, type ObjectDecision, type RecordAction, type RuleRef,
} from './permission-types.js';
import { normalizeScope, parseScope, reachesOthersRecords, scopeCondition } from './role-scope.js';

/** What a set of roles may do, per object: compiled once per (sorted role set, metadata revision). */
export interface CompiledRoleSet {
  key: string;
  /** The roles held, with everything inherited. */
  roles: string[];
  /** Some role has `admin: true` (administers metadata and users; grants every object through the same rules). */
  admin: boolean;
  objects: ReadonlyMap<string, ObjectDecision>;
  /** Role scopes that did not parse against the metadata: such a grant is void (fail closed). */
  problems: (RuleRef & { message: string })[];
}

/**
 * Roles (+ inherits, transitive, cycle-safe) + metadata → a decision per (object, action) and per
 * field. Record scopes of all roles are OR'ed (the most permissive wins); field access is the most
 * permissive across roles. A role with `admin: true` grants `all` on every object — as ordinary
 * grants decided here, so the records API has no second, hidden path for admins.
 * @example compileRoleSet(['sales_rep'], set).objects.get('opportunity')!.actions.read.scope
 */
export function compileRoleSet(names: readonly string[], set: MetadataSet): CompiledRoleSet {
  const roles = expandRoles(names, set);
  const problems: CompiledRoleSet['problems'] = [];
  const objects = new Map<string, ObjectDecision>();
  for (const obj of Object.values(set.objects)) {
    if (!obj.archived) objects.set(obj.name, decideObject(obj, roles, set, problems));
  }
  return { key: roleSetKey(names), roles: roles.map((r) => r.name), admin: roles.some((r) => r.admin === true), objects, problems };
}

function decideObject(obj: ObjectDef, roles: RoleDef[], set: MetadataSet, problems: CompiledRoleSet['problems']): ObjectDecision {
  const grants: Record<RecordAction, Grant[]> = { read: [], create: [], update: [], delete: [] };
  const entries: RoleObjectEntry[] = [];
  for (const role of roles) {
    const perm = role.objects && Object.hasOwn(role.objects, obj.name) ? role.objects[obj.name] : undefined;
    if (perm) entries.push(roleEntry(role.name, `/objects/${obj.name}`, perm.fields, grantsOf(role.name, obj, perm, set, problems, grants)));
    if (role.admin === true) {
      const all = Object.fromEntries(RECORD_ACTIONS.map((a) => [a, true])) as Record<RecordAction, true>;
      entries.push(roleEntry(role.name, '/admin', undefined, grantsOf(role.name, obj, all, set, problems, grants, '/admin')));
    }
  }
  const ownerGrant = grants.update.find((g) => reachesOthersRecords(g.scope));
  const fields = mergeFieldAccess(obj, entries, ownerGrant && { role: ownerGrant.role, rule: ownerGrant.rule });
  const hidden = new Set(Object.entries(fields).filter(([, f]) => f.access === 'none').map(([name]) => name));
  const actions = Object.fromEntries(RECORD_ACTIONS.map((a) => [a, decideAction(grants[a])])) as Record<RecordAction, ActionDecision>;
  return { object: obj.name, actions, fields, hidden, ownerAssignable: ownerGrant !== undefined };
}

/** Adds one role's grants on `obj` to `into`; returns which actions the role granted. */
function grantsOf(
  role: string, obj: ObjectDef, perm: Partial<Record<RecordAction, unknown>>, set: MetadataSet,
  problems: CompiledRoleSet['problems'], into: Record<RecordAction, Grant[]>, pointer?: string,
): Set<RecordAction> {
  const granted = new Set<RecordAction>();
  for (const action of RECORD_ACTIONS) {
    const scope = normalizeScope(perm[action] as never);
    if (scope === 'none') continue;
    const rule = pointer ?? `/objects/${obj.name}/${action}`;
    const condition = scopeCondition(scope);
    const node = condition ? parseScope(condition, obj.name, set) : undefined;
    if (node === null) {
      problems.push({ role, rule, message: `the ${action} scope does not parse against ${obj.name}` });
      continue;
    }
    into[action].push({ role, rule, scope, ...(condition ? { condition, node } : {}) });
    granted.add(action);
  }
  return granted;
}

function roleEntry(role: string, pointer: string, fields: RoleObjectEntry['fields'], granted: Set<RecordAction>): RoleObjectEntry {
  return { role, pointer, fields, readable: granted.has('read'), writable: granted.has('create') || granted.has('update') };
}

/** OR of the grants: undefined when one is unrestricted, never-true when there are none. */
function decideAction(grants: Grant[]): ActionDecision {
  if (grants.length === 0) return { grants, scope: NEVER_CONDITION };
  if (grants.some((g) => g.node === undefined)) return { grants, scope: undefined };
  const unique = new Map<string, ConditionNode>();
  for (const g of grants) unique.set(JSON.stringify(g.condition), g.node!);
  const nodes = [...unique.values()];
  return { grants, scope: nodes.length === 1 ? nodes[0] : { kind: 'or', items: nodes } };
}
