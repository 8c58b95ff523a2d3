import type { ConditionNode, MetadataSet } from '@loom/metadata';
import type { SortSpec } from './compile/page/compile-sort.js';
import { MAX_LIMIT } from './compile/compile-select.js';
import { parseFilter } from './parse/parse-filter.js';
import { parseSortParam, splitList } from './parse/parse-sort.js';
import { pointerSegment, QueryError, type QueryProblem } from './query-error.js';

/** `GET /api/records/{object}` query parameters, parsed (API.md "Records"). */
export interface ListQuery {
  filter?: ConditionNode;
  sort?: SortSpec[];
  limit: number;
  cursor?: string;
  offset?: number;
  fields?: string[];
  expand?: string[];
  q?: string;
  count: boolean;
  deleted: boolean;
}

export const LIST_QUERY_PARAMETERS = ['filter', 'sort', 'limit', 'cursor', 'offset', 'fields', 'expand', 'q', 'count', 'deleted'] as const;
export const DEFAULT_LIMIT = 50;
const INTEGER = /^\d{1,9}$/;
const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, false: false };

/**
 * Parses the raw query-string object (values as the HTTP layer decoded them). Unknown or
 * repeated parameters, malformed values and filter errors are one 400 listing every problem
 * (`/limit`, `/filter/amount/$gte`, `/colour`). Field names are checked later, by the compiler.
 * @example parseListQuery({ filter: '{"stage":"won"}', sort: '-amount', limit: '20' }, { object: 'opportunity', set })
 */
export function parseListQuery(raw: Record<string, unknown>, options: { object: string; set: MetadataSet }): ListQuery {
  const problems: QueryProblem[] = [];
  const bad = (name: string, message: string) => problems.push({ path: `/${pointerSegment(name)}`, message });
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (!(LIST_QUERY_PARAMETERS as readonly string[]).includes(name)) bad(name, `unknown query parameter ${JSON.stringify(name)}`);
    else if (typeof value !== 'string') bad(name, Array.isArray(value) ? 'may be given only once' : 'must be text');
    else if (value.includes('\u0000')) bad(name, 'may not contain the NUL character (U+0000)');
    else values.set(name, value);
  }
  const query: ListQuery = { limit: DEFAULT_LIMIT, count: false, deleted: false };
  const text = (name: string, apply: (v: string) => void) => {
    const v = values.get(name);
    if (v !== undefined) apply(v);
  };
  text('limit', (v) => {
    if (INTEGER.test(v) && Number(v) >= 1 && Number(v) <= MAX_LIMIT) query.limit = Number(v);
    else bad('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  });
  text('offset', (v) => (INTEGER.test(v) ? (query.offset = Number(v)) : bad('offset', 'must be a non-negative integer')));
  text('cursor', (v) => (v ? (query.cursor = v) : bad('cursor', 'must not be empty')));
  text('q', (v) => (query.q = v));
  text('sort', (v) => {
    const { sort, problem } = parseSortParam(v);
    if (problem) bad('sort', problem);
    else query.sort = sort;
  });
  for (const name of ['fields', 'expand'] as const) {
    text(name, (v) => {
      const list = splitList(v);
      if (list) query[name] = list;
      else bad(name, 'must be a comma-separated list of field names');
    });
  }
  for (const name of ['count', 'deleted'] as const) {
    text(name, (v) => (Object.hasOwn(BOOLEAN, v) ? (query[name] = BOOLEAN[v]!) : bad(name, 'must be true or false')));
  }
  if (query.cursor !== undefined && query.offset !== undefined) bad('cursor', 'use either cursor or offset, not both');
  text('filter', (v) => {
    try {
      query.filter = parseFilter(v, { ...options, path: '/filter' });
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      problems.push(...e.errors);
    }
  });
  if (problems.length) throw new QueryError(400, problems);
  return query;
}
