import { emptyMetadataSet, type MetadataSet } from '@loom/metadata';

/** For specs: `deal` has one field of every type (and the non-writable kinds), `account` is its target. */
export function validationSet(): MetadataSet {
  return {
    ...emptyMetadataSet(),
    objects: {
      deal: {
        kind: 'object', name: 'deal', label: 'Deal', titleField: 'name',
        fields: {
          name: { type: 'text', required: true, maxLength: 20 },
          code: { type: 'text', pattern: '^[A-Z]{3}-[0-9]+$' },
          notes: { type: 'textarea' },
          body: { type: 'richtext' },
          email: { type: 'email' },
          phone: { type: 'phone' },
          website: { type: 'url' },
          seats: { type: 'integer', min: 1, max: 500 },
          big: { type: 'integer' },
          score: { type: 'number' },
          probability: { type: 'percent', min: 0, max: 100 },
          amount: { type: 'currency', min: 0 },
          rating: { type: 'rating' },
          vip: { type: 'boolean' },
          open_date: { type: 'date', default: '$today' },
          close_date: { type: 'date' },
          signed_at: { type: 'datetime' },
          priority: {
            type: 'select', required: true, default: 'low',
            options: [{ key: 'low', label: 'Low' }, { key: 'high', label: 'High' }],
          },
          channels: {
            type: 'multiselect',
            options: [{ key: 'web', label: 'Web' }, { key: 'phone', label: 'Phone' }, { key: 'email', label: 'Email' }],
          },
          tags: { type: 'tags' },
          account: { type: 'relation', target: 'account' },
          partners: { type: 'relation', target: 'account', relationType: 'manyToMany' },
          assignee: { type: 'user' },
          stage: { type: 'stage', pipeline: 'deals' },
          meta: { type: 'json' },
          weighted: { type: 'formula', expression: 'amount * probability / 100', resultType: 'currency' },
          number: { type: 'autonumber', pattern: 'D-{0000}' },
          old_code: { type: 'text', archived: true },
          approval_status: {
            type: 'select', readOnly: true, default: 'draft',
            options: [{ key: 'draft', label: 'Draft' }, { key: 'approved', label: 'Approved' }],
          },
        },
        validations: [{
          name: 'close_after_open',
          condition: { $or: [{ close_date: null }, { close_date: { $gte: '$field.open_date' } }] },
          message: { en: 'Close date cannot be before open date', 'zh-CN': '结束日期不能早于开始日期' },
        }],
      },
      account: {
        kind: 'object', name: 'account', label: 'Account', titleField: 'name',
        fields: {
          name: { type: 'text', required: true },
          summary: { type: 'richtext', required: true },
          deals: { type: 'relation', target: 'deal', relationType: 'oneToMany', inverseOf: 'account' },
          deal_count: { type: 'rollup', object: 'deal', relation: 'account', fn: 'count' },
        },
      },
    },
    pipelines: {
      deals: {
        kind: 'pipeline', name: 'deals', object: 'deal', field: 'stage',
        stages: [{ key: 'qualify' }, { key: 'won', outcome: 'won' }, { key: 'lost', outcome: 'lost' }],
      },
    },
  };
}

export const ID_1 = '0b6f1f3e-8a43-4c55-9c1e-2f6a7d3b9e01';
export const ID_2 = '5d2c7a90-1f4e-4b8b-a6d3-9e8f7c6b5a42';
