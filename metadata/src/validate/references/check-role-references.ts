import { childPointer, pointer } from '../../json/json-pointer.js';
import { isRecord } from '../../json/is-record.js';
import { findDefinition } from '../../set/find-definitions.js';
import type { RoleDef } from '../../types/role-def.js';
import { checkCondition, requireField, requireObject, type ReferenceContext } from './reference-context.js';

const ACTIONS = ['read', 'create', 'update', 'delete'] as const;

/** Checks a role's inherited roles, objects, condition scopes and fields. */
export function checkRoleReferences(ctx: ReferenceContext, role: RoleDef): void {
  const base = pointer('roles', role.name);
  role.inherits?.forEach((parent, i) => {
    if (!findDefinition(ctx.set, 'roles', parent)) {
      ctx.errors.add(childPointer(base, 'inherits', i), `unknown role "${parent}"`, 'unknown_role');
    }
  });
  for (const [object, perm] of Object.entries(role.objects ?? {})) {
    const at = childPointer(base, 'objects', object);
    if (!requireObject(ctx, object, at)) continue;
    for (const action of ACTIONS) {
      const scope = perm[action];
      if (isRecord(scope)) checkCondition(ctx, scope, childPointer(at, action), object);
    }
    for (const field of Object.keys(perm.fields ?? {})) requireField(ctx, object, field, childPointer(at, 'fields', field));
  }
}

/** Reports each role that inherits itself through others, at the inherits entry closing the loop. */
export function checkRoleCycles(ctx: ReferenceContext, roles: RoleDef[]): void {
  const byName = new Map(roles.map((r) => [r.name, r]));
  const reported = new Set<string>(); // one report per loop, whichever role it starts from
  for (const start of roles) {
    // Depth-first walk from each role; a path back to `start` is a cycle.
    const walk = (role: RoleDef, trail: string[]): void => {
      role.inherits?.forEach((parent, i) => {
        const loop = [start.name, ...trail].sort().join(',');
        if (parent === start.name && trail.length > 0 && !reported.has(loop)) {
          reported.add(loop);
          const message = `roles inherit in a loop: ${[start.name, ...trail, start.name].join(' → ')}`;
          ctx.errors.add(pointer('roles', role.name, 'inherits', i), message, 'inherit_cycle');
          return;
        }
        const next = byName.get(parent);
        if (next && !trail.includes(parent) && parent !== start.name) walk(next, [...trail, parent]);
      });
    };
    walk(start, []);
  }
}
