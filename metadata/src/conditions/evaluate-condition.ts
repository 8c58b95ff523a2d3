import { deepEqual } from '../json/deep-equal.js';
import { isRecord } from '../json/is-record.js';
import { ARRAY_KINDS, fieldValueKind, type ValueKind } from '../set/field-value-kind.js';
import type { ConditionNode, Operand } from './ast.js';

/** The values behind `$user.*`, `$now` and `$today`. `now` defaults to the clock, `today` to now's UTC date. */
export interface ConditionVariables {
  user?: { id?: string; team?: readonly string[]; subordinates?: readonly string[] };
  now?: Date | string;
  today?: string;
}

type Compare = Extract<ConditionNode, { kind: 'compare' }>;

/**
 * Evaluates a parsed condition against a plain record in memory (for the UI and
 * hooks). Dotted paths read nested objects (`record.account.industry`); a relation
 * may hold an id or an expanded `{ id, … }`. Semantics are documented in ast.ts.
 */
export function evaluateCondition(ast: ConditionNode, record: Record<string, unknown>, vars: ConditionVariables = {}): boolean {
  switch (ast.kind) {
    case 'and': return ast.items.every((n) => evaluateCondition(n, record, vars));
    case 'or': return ast.items.some((n) => evaluateCondition(n, record, vars));
    case 'not': return !evaluateCondition(ast.item, record, vars);
    case 'compare': return evaluateCompare(ast, record, vars);
  }
}

function evaluateCompare(node: Compare, record: Record<string, unknown>, vars: ConditionVariables): boolean {
  const kind = fieldValueKind(node.field.def, {});
  const value = normalize(readPath(record, node.path), kind);
  const operand = resolveOperand(node.value, record, vars);
  if (operand === undefined) return false; // a variable the caller did not provide never matches
  const target = node.op === 'in' || node.op === 'nin' || ARRAY_KINDS.has(kind)
    ? operand
    : normalize(operand, kind);
  switch (node.op) {
    case 'eq': return equals(value, target, kind);
    case 'ne': return !equals(value, target, kind);
    case 'gt': return order(value, target) > 0;
    case 'gte': return order(value, target) >= 0;
    case 'lt': return order(value, target) < 0;
    case 'lte': return order(value, target) <= 0;
    case 'in': return isIn(value, target, kind);
    case 'nin': return !isIn(value, target, kind);
    case 'contains': return contains(value, target);
    case 'startsWith':
      return typeof value === 'string' && typeof target === 'string' && value.toLowerCase().startsWith(target.toLowerCase());
    case 'exists': return (value != null) === target;
    case 'empty': return (value == null || value === '' || (Array.isArray(value) && value.length === 0)) === target;
    case 'anniversary': return isAnniversary(value, normalize(operand, 'date'));
  }
}

/** Reads `record.a.b.c`; a relation holding `{ id, … }` reads as its id. */
export function readPath(record: Record<string, unknown>, path: string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return null;
    current = current[segment];
  }
  return isRecord(current) && typeof current.id === 'string' ? current.id : current;
}

function resolveOperand(operand: Operand, record: Record<string, unknown>, vars: ConditionVariables): unknown {
  if (operand.kind === 'literal') return operand.value;
  if (operand.kind === 'field') return readPath(record, operand.path);
  const now = vars.now === undefined ? new Date() : new Date(vars.now);
  switch (operand.name) {
    case 'user.id': return vars.user?.id;
    case 'user.team': return vars.user?.team;
    case 'user.subordinates': return vars.user?.subordinates;
    case 'now': return now;
    case 'today': return vars.today ?? now.toISOString().slice(0, 10);
  }
}

function normalize(value: unknown, kind: ValueKind): unknown {
  if (value === undefined || value === null) return null;
  if (kind === 'date') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'string' ? value.slice(0, 10) : value;
  }
  if (kind === 'datetime') {
    const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isNaN(ms) ? value : ms;
  }
  if (kind === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value); // PostgreSQL numeric arrives as a string
  }
  return value;
}

// NaN when the values do not order (a null, mixed types): every comparison with it is false.
const NO_ORDER = Number.NaN;

function order(a: unknown, b: unknown): number {
  if (a === null || b === null) return NO_ORDER;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return NO_ORDER;
}

function equals(a: unknown, b: unknown, kind: ValueKind): boolean {
  if (a === null || b === null) return a === b;
  if (ARRAY_KINDS.has(kind) && Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && b.every((x) => a.includes(x)) && a.every((x) => b.includes(x));
  }
  return kind === 'json' ? deepEqual(a, b) : a === b;
}

function isIn(value: unknown, list: unknown, kind: ValueKind): boolean {
  if (!Array.isArray(list) || value === null) return false;
  const items = list.map((v) => normalize(v, kind));
  if (Array.isArray(value)) return value.some((v) => items.includes(v));
  return items.includes(value);
}

function contains(value: unknown, needle: unknown): boolean {
  if (Array.isArray(value)) return value.includes(needle);
  return typeof value === 'string' && typeof needle === 'string' && value.toLowerCase().includes(needle.toLowerCase());
}

function isAnniversary(value: unknown, target: unknown): boolean {
  const v = typeof value === 'string' ? value.slice(0, 10) : value instanceof Date ? value.toISOString().slice(0, 10) : null;
  if (v === null || typeof target !== 'string' || v.length < 10 || target.length < 10) return false;
  const md = v.slice(5, 10);
  const targetMd = target.slice(5, 10);
  if (md === targetMd) return true;
  const year = Number(target.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return md === '02-29' && targetMd === '02-28' && !leap;
}
