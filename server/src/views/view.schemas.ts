const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' };
const sort = { type: ['string', 'null'], maxLength: 1000 };
const columns = { type: ['array', 'null'], maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 200 } };
const filter = { type: ['object', 'null'] };

/** `POST /api/views`. */
export const createViewSchema = {
  type: 'object', additionalProperties: false, required: ['object', 'name'],
  properties: { object: { type: 'string', minLength: 1, maxLength: 63 }, name, filter, sort, columns, shared: { type: 'boolean' } },
};

/** `PATCH /api/views/{id}`: any of the editable parts; the object never changes. */
export const updateViewSchema = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: { name, filter, sort, columns, shared: { type: 'boolean' } },
};

export interface ViewInput {
  name?: string;
  filter?: Record<string, unknown> | null;
  sort?: string | null;
  columns?: string[] | null;
  shared?: boolean;
}

export interface CreateViewInput extends ViewInput {
  object: string;
  name: string;
}
