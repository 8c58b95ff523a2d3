import { badRequest, invalid } from '../../common/problem.js';
import { parseBody } from '../../common/parse-body.js';
import type { TagEdits } from './apply-tag-edits.js';

/** Rows per bulk request (API.md "Limits"): more is a 400, matched by a filter too. */
export const MAX_BULK_ROWS = 500;

export type BulkRequest =
  | { kind: 'create'; rows: Record<string, unknown>[]; partial: boolean }
  | { kind: 'update'; filter: unknown; set: Record<string, unknown>; tags: TagEdits; partial: boolean }
  | { kind: 'delete'; filter: unknown; partial: boolean };

const filter = { type: 'object' };
const tagLists = { type: 'object', minProperties: 1, additionalProperties: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 100 } } };
const schema = {
  type: 'object', additionalProperties: false,
  properties: {
    create: { type: 'array', minItems: 1, items: { type: 'object' } },
    update: {
      type: 'object', additionalProperties: false, required: ['filter'], anyOf: [{ required: ['set'] }, { required: ['addTags'] }, { required: ['removeTags'] }],
      properties: { filter, set: { type: 'object', minProperties: 1 }, addTags: tagLists, removeTags: tagLists },
    },
    delete: { type: 'object', additionalProperties: false, required: ['filter'], properties: { filter } },
    partial: { type: 'boolean' },
  },
};

/**
 * `{ create: [...] } | { update: { filter, set?, addTags?, removeTags? } } | { delete: { filter } }`, optional
 * `partial`; an update needs at least one of set, addTags, removeTags (tags per `tags` field).
 * Unknown keys and wrong shapes are 422 with paths; more than 500 rows is 400.
 * @example parseBulkRequest({ delete: { filter: { stage: 'lost' } } }) // { kind: 'delete', filter: { stage: 'lost' }, partial: false }
 */
export function parseBulkRequest(body: unknown): BulkRequest {
  const rows = (body as { create?: unknown } | null)?.create;
  if (Array.isArray(rows) && rows.length > MAX_BULK_ROWS) {
    throw badRequest(`At most ${MAX_BULK_ROWS} rows per bulk request`, [{ path: '/create', message: `has ${rows.length} rows; the limit is ${MAX_BULK_ROWS}` }]);
  }
  const b = parseBody<{ create?: Record<string, unknown>[]; update?: { filter: unknown; set?: Record<string, unknown> } & TagEdits; delete?: { filter: unknown }; partial?: boolean }>(schema, body);
  const kinds = (['create', 'update', 'delete'] as const).filter((k) => b[k] !== undefined);
  if (kinds.length !== 1) throw invalid([{ path: '/', message: 'must hold exactly one of create, update or delete' }]);
  const partial = b.partial === true;
  if (b.create) return { kind: 'create', rows: b.create, partial };
  if (b.update) {
    const { filter: f, set = {}, addTags, removeTags } = b.update;
    return { kind: 'update', filter: f, set, tags: { ...(addTags ? { addTags } : {}), ...(removeTags ? { removeTags } : {}) }, partial };
  }
  return { kind: 'delete', filter: b.delete!.filter, partial };
}
