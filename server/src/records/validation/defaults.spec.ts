import type { ObjectDef } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { applyDefaults } from './defaults.js';
import { validationSet } from './record-validation.fixture.js';

const deal = validationSet().objects.deal!;
const NOW = new Date('2026-03-04T05:06:07.089Z');

describe('applyDefaults', () => {
  it('fills left-out fields: $today as the UTC date, constants as they are, readOnly fields too', () => {
    expect(applyDefaults(deal, { name: 'Acme' }, NOW)).toEqual({
      name: 'Acme', open_date: '2026-03-04', priority: 'low', approval_status: 'draft',
    });
  });

  it('never overrides a value the caller gave, null included', () => {
    expect(applyDefaults(deal, { name: 'A', open_date: '2020-01-01', priority: null }, NOW)).toEqual({
      name: 'A', open_date: '2020-01-01', priority: null, approval_status: 'draft',
    });
  });

  it('fills $now on datetime fields as an ISO timestamp, and copies array and json defaults', () => {
    const tags = ['new'];
    const meta = { source: 'web' };
    const object: ObjectDef = {
      kind: 'object', name: 'ticket', label: 'Ticket', titleField: 'subject',
      fields: {
        subject: { type: 'text' },
        opened_at: { type: 'datetime', default: '$now' },
        due_on: { type: 'date', default: '$now' },
        tags: { type: 'tags', default: tags },
        meta: { type: 'json', default: meta },
        legacy: { type: 'text', default: 'x', archived: true },
      },
    };
    const out = applyDefaults(object, {}, NOW);
    expect(out).toEqual({ opened_at: '2026-03-04T05:06:07.089Z', due_on: '2026-03-04', tags: ['new'], meta: { source: 'web' } });
    expect(out.tags).not.toBe(tags);
    expect(out.meta).not.toBe(meta);
  });

  it('does not change the body it is given', () => {
    const body = { name: 'Acme' };
    applyDefaults(deal, body, NOW);
    expect(body).toEqual({ name: 'Acme' });
  });
});
