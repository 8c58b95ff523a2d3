import { childPointer } from '../json/json-pointer.js';
import { fieldValueKind, type ValueKind } from '../set/field-value-kind.js';
import { stageKeysOf } from '../set/find-definitions.js';
import { resolveFieldPath } from '../set/resolve-field-path.js';
import type { MetadataSet } from '../types/metadata-set.js';
import type { ErrorList } from '../validate/metadata-error.js';
import type { CompareOp, Operand, ResolvedField } from './ast.js';
import { checkScalar, type LiteralContext } from './check-literal.js';
import { comparisonClass, LIST_VARIABLES, OPERATOR_KINDS, VARIABLES } from './operators.js';

export interface OperandContext {
  set: Partial<MetadataSet>;
  object: string;
  maxIn: number;
  maxPathDepth: number;
  errors: ErrorList;
}

const ORDERING: ReadonlySet<CompareOp> = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);
const ELEMENT_KIND: Partial<Record<ValueKind, ValueKind>> = { options: 'option', tags: 'text', ids: 'id' };

/** Parses and type-checks the value of one operator against the field it applies to. */
export function parseOperand(op: CompareOp, raw: unknown, field: ResolvedField, path: string, ctx: OperandContext): Operand | undefined {
  const kind = fieldValueKind(field.def, ctx.set);
  const fail = (message: string, code = 'invalid_value', at = path): undefined => {
    ctx.errors.add(at, message, code);
    return undefined;
  };
  if (kind === 'none') {
    const target = 'target' in field.def ? field.def.target : 'related';
    return fail(`"${field.name}" is a oneToMany relation; filter the ${target} object instead`, 'invalid_operator');
  }
  if (!OPERATOR_KINDS[op].has(kind)) return fail(`$${op} does not apply to ${field.def.type} field "${field.name}"`, 'invalid_operator');
  if (typeof raw === 'string' && /^\$[A-Za-z]/.test(raw)) return parseReference(op, raw, kind, path, ctx, fail);

  const lit = literalContext(field, kind, ctx.set);
  const element: LiteralContext = { ...lit, kind: ELEMENT_KIND[kind] ?? kind };
  const scalar = (value: unknown, at: string, c: LiteralContext): boolean => {
    const problem = typeof value === 'string' && /^\$[A-Za-z]/.test(value)
      ? 'variables cannot be used inside an array'
      : checkScalar(value, c);
    if (problem) fail(problem, 'invalid_value', at);
    return !problem;
  };
  switch (op) {
    case 'exists':
    case 'empty':
      return typeof raw === 'boolean' ? literal(raw) : fail(`$${op} takes true or false`);
    case 'in':
    case 'nin': {
      if (!Array.isArray(raw)) return fail(`$${op} takes an array`);
      if (raw.length > ctx.maxIn) return fail(`$${op} has ${raw.length} values; at most ${ctx.maxIn} are allowed`, 'too_many_values');
      const ok = raw.map((v, i) => scalar(v, childPointer(path, i), element)).every(Boolean);
      return ok ? literal(raw) : undefined;
    }
    case 'contains':
    case 'startsWith':
      return scalar(raw, path, element) ? literal(raw) : undefined;
    case 'anniversary':
      return scalar(raw, path, { kind: 'date', integer: false }) ? literal(raw) : undefined;
    case 'eq':
    case 'ne':
      if (raw === null) return literal(null);
      if (kind === 'json') return literal(raw);
      if (ELEMENT_KIND[kind]) {
        if (!Array.isArray(raw)) return fail(`must be an array (${field.def.type} holds several values)`);
        return raw.map((v, i) => scalar(v, childPointer(path, i), element)).every(Boolean) ? literal(raw) : undefined;
      }
      return scalar(raw, path, lit) ? literal(raw) : undefined;
    default:
      if (raw === null) return fail(`$${op} cannot compare with null`);
      return scalar(raw, path, lit) ? literal(raw) : undefined;
  }
}

function parseReference(
  op: CompareOp, raw: string, kind: ValueKind, path: string, ctx: OperandContext,
  fail: (message: string, code?: string) => undefined,
): Operand | undefined {
  if (raw.startsWith('$field.')) {
    const target = raw.slice('$field.'.length).split('.');
    const res = resolveFieldPath(ctx.set, ctx.object, target, ctx.maxPathDepth);
    if (res.error) return fail(res.error.message, res.error.code);
    const other = fieldValueKind(res.field.def, ctx.set);
    const fits = (ORDERING.has(op) || op === 'anniversary') && comparisonClass(other) === comparisonClass(kind);
    if (!fits) return fail(`cannot use $${op} to compare ${kind} with ${other} field "${target.join('.')}"`, 'type_mismatch');
    return { kind: 'field', path: target, field: res.field };
  }
  const name = Object.hasOwn(VARIABLES, raw) ? VARIABLES[raw] : undefined;
  if (!name) return fail(`unknown variable "${raw}"; use $user.id, $user.team, $user.subordinates, $now, $today or $field.<name>`, 'unknown_variable');
  const isList = LIST_VARIABLES.has(name);
  const fits =
    name === 'user.id' ? kind === 'user' && (op === 'eq' || op === 'ne')
    : isList ? kind === 'user' && (op === 'in' || op === 'nin')
    : comparisonClass(kind) === 'time' && (ORDERING.has(op) || op === 'anniversary');
  if (fits) return { kind: 'variable', name };
  if (isList && kind === 'user') return fail(`${raw} is a list of user ids: use $in or $nin`, 'type_mismatch');
  return fail(`${raw} cannot be used with $${op} on a ${kind} field`, 'type_mismatch');
}

function literal(value: unknown): Operand {
  return { kind: 'literal', value };
}

function literalContext(field: ResolvedField, kind: ValueKind, set: Partial<MetadataSet>): LiteralContext {
  const def = field.def;
  const integer = def.type === 'integer' || def.type === 'rating' ||
    (def.type === 'formula' && def.resultType === 'integer') || (def.type === 'rollup' && def.fn === 'count');
  if (def.type === 'select' || def.type === 'multiselect') {
    return { kind, integer, keys: Array.isArray(def.options) ? def.options.map((o) => o.key) : undefined };
  }
  if (def.type === 'stage') {
    const keys = stageKeysOf(set, field.object, field.name);
    return { kind, integer, keys: keys.length ? keys : undefined };
  }
  return { kind, integer };
}
