import type { MetadataSet } from '@loom/metadata';
import { compileSelect, parseFilter, parseListQuery, QueryError, type QueryContext, type ReadAccess } from '../query/index.js';

export interface ViewQuery {
  filter?: unknown;
  sort?: string | null;
  columns?: string[] | null;
}

export interface ViewReadAccess extends ReadAccess {
  object: string;
  set: MetadataSet;
  ctx: QueryContext;
}

/**
 * A view's filter, sort and columns must compile as the list query they stand for, for this caller:
 * the filter through the one parser (422 with `/filter/...` paths), sort and columns as the list
 * would read them (422 `/sort`, `/columns`), hidden fields 403 — the same answers `GET /api/records` gives.
 * Pure: compiles, never runs.
 */
export function checkViewQuery(view: ViewQuery, read: ViewReadAccess): void {
  const { object, set } = read;
  const filter = view.filter === undefined || view.filter === null ? undefined : parseFilter(view.filter, { object, set, path: '/filter', status: 422 });
  const raw: Record<string, unknown> = {};
  if (view.sort) raw.sort = view.sort;
  if (view.columns?.length) raw.fields = view.columns.join(',');
  try {
    const q = parseListQuery(raw, { object, set });
    compileSelect({
      object, set, ctx: read.ctx, scopeFor: read.scopeFor, hiddenFor: read.hiddenFor,
      scope: read.scopeFor?.(object), hiddenFields: read.hiddenFor?.(object),
      filter, sort: q.sort, fields: q.fields, limit: 1,
    });
  } catch (e) {
    if (e instanceof QueryError && e.status === 400) {
      throw new QueryError(422, e.errors.map((p) => ({ ...p, path: p.path.replace(/^\/fields/, '/columns') })));
    }
    throw e;
  }
}
