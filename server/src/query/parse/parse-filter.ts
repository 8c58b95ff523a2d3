import { parseCondition, type ConditionNode, type MetadataSet } from '@loom/metadata';
import { QueryError, type QueryErrorStatus } from '../query-error.js';

export const MAX_FILTER_LENGTH = 100_000;
/** JSON nesting allowed before the condition parser runs (its own limit, 10 logical levels, is far below). */
export const MAX_FILTER_JSON_DEPTH = 64;

export interface ParseFilterOptions {
  object: string;
  set: MetadataSet;
  /** Where the filter sits in the request (`/filter`): prefixes every error path. */
  path?: string;
  /** 400 for a query parameter, 422 for a request body. */
  status?: 400 | 422;
}

/**
 * A filter from a query string (JSON text) or a request body (parsed JSON) → ConditionNode,
 * or a QueryError whose paths point into the filter (`/filter/amount/$gte`). Deep nesting
 * is refused before any recursion, so a 1000-deep filter is a 400, not a stack overflow.
 * @example parseFilter('{"amount":{"$gte":100}}', { object: 'opportunity', set })
 */
export function parseFilter(input: unknown, options: ParseFilterOptions): ConditionNode {
  const at = options.path ?? '/filter';
  const status: QueryErrorStatus = options.status ?? 400;
  const fail = (message: string, path = at): never => {
    throw new QueryError(status, [{ path, message }]);
  };
  let json = input;
  if (typeof input === 'string') {
    if (input.length > MAX_FILTER_LENGTH) fail(`must be at most ${MAX_FILTER_LENGTH} characters`);
    if (textDepth(input) > MAX_FILTER_JSON_DEPTH) fail(`nests deeper than ${MAX_FILTER_JSON_DEPTH} levels`);
    try {
      json = JSON.parse(input);
    } catch {
      fail('is not valid JSON');
    }
  } else if (!withinDepth(input, MAX_FILTER_JSON_DEPTH)) {
    fail(`nests deeper than ${MAX_FILTER_JSON_DEPTH} levels`);
  }
  if (containsNul(json)) fail('may not contain the NUL character (U+0000)');
  const result = parseCondition(json, { object: options.object, set: options.set });
  if (!result.ast) throw new QueryError(status, result.errors.map((e) => ({ path: at + e.path, message: e.message })));
  return result.ast;
}

/** The deepest bracket nesting of JSON text, ignoring brackets inside strings. */
function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

/** Iterative, so a hostile body cannot exhaust the stack. */
function withinDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
}
