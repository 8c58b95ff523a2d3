import { childPointer } from '../json/json-pointer.js';
import { isRecord } from '../json/is-record.js';
import { findObject } from '../set/find-definitions.js';
import { resolveFieldPath } from '../set/resolve-field-path.js';
import type { MetadataSet } from '../types/metadata-set.js';
import { ErrorList, type MetadataError } from '../validate/metadata-error.js';
import type { CompareOp, ConditionNode, ResolvedField } from './ast.js';
import { COMPARE_OPERATORS } from './operators.js';
import { parseOperand, type OperandContext } from './parse-operand.js';

export interface ParseConditionOptions {
  /** The object the condition is about. */
  object: string;
  set: Partial<MetadataSet>;
  /** Nesting of $and / $or / $not (default 10). */
  maxDepth?: number;
  /** Values in one $in / $nin (default 1000). */
  maxIn?: number;
  /** manyToOne hops in a dotted path (default 3). */
  maxPathDepth?: number;
}

/** `ast` is null exactly when there are errors; error paths point into the condition JSON. */
export interface ParseConditionResult {
  ast: ConditionNode | null;
  errors: MetadataError[];
}

interface Context extends OperandContext {
  maxDepth: number;
}

/**
 * Parses a condition (DESIGN.md §2) against an object's fields.
 * @example parseCondition({ amount: { $gte: 100 } }, { object: 'opportunity', set })
 */
export function parseCondition(json: unknown, options: ParseConditionOptions): ParseConditionResult {
  const ctx: Context = {
    set: options.set,
    object: options.object,
    maxDepth: options.maxDepth ?? 10,
    maxIn: options.maxIn ?? 1000,
    maxPathDepth: options.maxPathDepth ?? 3,
    errors: new ErrorList(),
  };
  if (!findObject(options.set, options.object)) {
    ctx.errors.add('', `unknown object "${options.object}"`, 'unknown_object');
    return { ast: null, errors: ctx.errors.items };
  }
  const ast = parseNode(json, '', 1, ctx);
  return ctx.errors.items.length ? { ast: null, errors: ctx.errors.items } : { ast, errors: [] };
}

function parseNode(json: unknown, path: string, depth: number, ctx: Context): ConditionNode {
  const items: ConditionNode[] = [];
  if (!isRecord(json)) {
    ctx.errors.add(path, 'a condition must be a JSON object', 'invalid_condition');
  } else if (depth > ctx.maxDepth) {
    ctx.errors.add(path, `conditions may nest at most ${ctx.maxDepth} levels`, 'too_deep');
  } else {
    for (const [key, value] of Object.entries(json)) {
      const at = childPointer(path, key);
      if (key === '$and' || key === '$or') {
        items.push(parseList(key, value, at, depth, ctx));
      } else if (key === '$not') {
        items.push({ kind: 'not', item: parseNode(value, at, depth + 1, ctx) });
      } else if (key.startsWith('$')) {
        ctx.errors.add(at, `unknown operator "${key}"`, 'unknown_operator');
      } else {
        items.push(...parseFieldCondition(key, value, at, depth, ctx));
      }
    }
  }
  return items.length === 1 ? items[0]! : { kind: 'and', items };
}

function parseList(key: '$and' | '$or', value: unknown, path: string, depth: number, ctx: Context): ConditionNode {
  if (!Array.isArray(value) || value.length === 0) {
    ctx.errors.add(path, `${key} takes a non-empty array of conditions`, 'invalid_condition');
    return { kind: 'and', items: [] };
  }
  if (value.length > ctx.maxIn) {
    ctx.errors.add(path, `${key} has ${value.length} items; at most ${ctx.maxIn} are allowed`, 'too_many_values');
    return { kind: 'and', items: [] };
  }
  const items = value.map((v, i) => parseNode(v, childPointer(path, i), depth + 1, ctx));
  return { kind: key === '$and' ? 'and' : 'or', items };
}

/** `{ "amount": 5 }`, `{ "amount": { "$gte": 1, "$lt": 9 } }` or `{ "amount": { "$not": { … } } }`. */
function parseFieldCondition(key: string, value: unknown, path: string, depth: number, ctx: Context): ConditionNode[] {
  const res = resolveFieldPath(ctx.set, ctx.object, key.split('.'), ctx.maxPathDepth);
  if (res.error) {
    ctx.errors.add(path, res.error.message, res.error.code);
    return [];
  }
  const segments = key.split('.');
  if (!isOperatorObject(value)) return compare(segments, res.field, 'eq', value, path, ctx);
  return parseOperators(segments, res.field, value, path, depth, ctx);
}

function parseOperators(
  segments: string[], field: ResolvedField, ops: Record<string, unknown>, path: string, depth: number, ctx: Context,
): ConditionNode[] {
  const nodes: ConditionNode[] = [];
  for (const [op, raw] of Object.entries(ops)) {
    const at = childPointer(path, op);
    if (op === '$not') {
      if (depth + 1 > ctx.maxDepth) ctx.errors.add(at, `conditions may nest at most ${ctx.maxDepth} levels`, 'too_deep');
      else if (!isOperatorObject(raw)) ctx.errors.add(at, '$not on a field takes an object of operators', 'invalid_condition');
      else {
        const inner = parseOperators(segments, field, raw, at, depth + 1, ctx);
        nodes.push({ kind: 'not', item: inner.length === 1 ? inner[0]! : { kind: 'and', items: inner } });
      }
    } else if (!op.startsWith('$')) {
      ctx.errors.add(at, 'cannot mix operators and plain keys in one object', 'invalid_condition');
    } else if (!Object.hasOwn(COMPARE_OPERATORS, op)) {
      ctx.errors.add(at, `unknown operator "${op}"`, 'unknown_operator');
    } else {
      nodes.push(...compare(segments, field, COMPARE_OPERATORS[op]!, raw, at, ctx));
    }
  }
  return nodes;
}

function compare(
  path: string[], field: ResolvedField, op: CompareOp, raw: unknown, at: string, ctx: Context,
): ConditionNode[] {
  const value = parseOperand(op, raw, field, at, ctx);
  return value ? [{ kind: 'compare', path, field, op, value }] : [];
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Object.keys(value).some((k) => k.startsWith('$'));
}
