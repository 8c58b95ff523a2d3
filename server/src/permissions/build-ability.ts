import { createMongoAbility, subject, type AnyMongoAbility, type MatchConditions } from '@casl/ability';
import { evaluateCondition, type ConditionJson, type ConditionVariables } from '@loom/metadata';
import type { CompiledRoleSet } from './compile-role-set.js';
import { RECORD_ACTIONS, type Grant, type ObjectDecision, type RecordAction } from './permission-types.js';

/** One CASL rule per grant; `fields` lists what the action may touch (always `id`, so it is never empty). */
export interface AbilityRule {
  action: RecordAction;
  subject: string;
  conditions?: ConditionJson;
  fields: string[];
}

interface RuleBundle {
  rules: AbilityRule[];
  grantOf: WeakMap<object, Grant>;
}

const bundles = new WeakMap<CompiledRoleSet, RuleBundle>();

/**
 * The CASL rules of a compiled role set — the same grants the SQL scopes come from (one source,
 * two compilers). Rules are listed in reverse role order because CASL lets later rules win:
 * `relevantRuleFor` then names the first role (in the user's order) whose grant matches.
 */
export function abilityRules(compiled: CompiledRoleSet): RuleBundle {
  let bundle = bundles.get(compiled);
  if (!bundle) {
    const grantOf = new WeakMap<object, Grant>();
    const rules: AbilityRule[] = [];
    for (const decision of compiled.objects.values()) {
      for (const action of RECORD_ACTIONS) {
        for (const grant of decision.actions[action].grants) {
          const rule: AbilityRule = { action, subject: decision.object, fields: fieldsFor(decision, action) };
          if (grant.condition) rule.conditions = structuredClone(grant.condition);
          grantOf.set(rule, grant);
          rules.push(rule);
        }
      }
    }
    bundle = { rules: rules.reverse(), grantOf };
    bundles.set(compiled, bundle);
  }
  return bundle;
}

function fieldsFor(decision: ObjectDecision, action: RecordAction): string[] {
  if (action === 'delete') return ['id'];
  const needed = action === 'read' ? ['read', 'write'] : ['write'];
  return ['id', ...Object.entries(decision.fields).filter(([n, f]) => n !== 'id' && needed.includes(f.access)).map(([n]) => n)];
}

/** A user's ability; conditions are matched by evaluateCondition, the in-memory twin of the SQL compiler. */
export interface PermissionAbility {
  can(action: RecordAction, object: string, record?: Record<string, unknown>, field?: string): boolean;
  /** The grant that allows it (first in role order), if any. */
  grantFor(action: RecordAction, object: string, record?: Record<string, unknown>, field?: string): Grant | undefined;
}

/**
 * Builds the CASL ability of a compiled role set for one caller. The conditions matcher looks up
 * the parsed condition of each rule and evaluates it with the caller's variables, so memory and
 * SQL share one semantics (metadata/src/conditions/ast.ts), `$contains` and `$user.team` included.
 * @example buildAbility(compiled, { user: { id, team, subordinates } }).can('update', 'opportunity', record)
 */
export function buildAbility(compiled: CompiledRoleSet, vars: ConditionVariables): PermissionAbility {
  const { rules, grantOf } = abilityRules(compiled);
  const nodeOf = new WeakMap<object, Grant>();
  for (const rule of rules) if (rule.conditions) nodeOf.set(rule.conditions, grantOf.get(rule)!);
  const conditionsMatcher = (conditions: ConditionJson): MatchConditions => {
    const node = nodeOf.get(conditions)?.node;
    return ((record: Record<string, unknown>) => node !== undefined && evaluateCondition(node, record, vars)) as MatchConditions;
  };
  const ability = createMongoAbility(rules as never[], { conditionsMatcher: conditionsMatcher as never }) as AnyMongoAbility;
  const target = (object: string, record?: Record<string, unknown>) => (record ? subject(object, { ...record }) : object);
  return {
    can: (action, object, record, field) => ability.can(action, target(object, record), field),
    grantFor: (action, object, record, field) => {
      const rule = ability.relevantRuleFor(action, target(object, record), field);
      return rule && !rule.inverted ? grantOf.get(rule.origin as object) : undefined;
    },
  };
}
