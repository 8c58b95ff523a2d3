import { describe, expect, it } from 'vitest';
import type { AutomationDef, MetadataSet } from '@loom/metadata';
import { automationsFiredBy, recordEventsOf, triggerFires } from './match-trigger.js';

const set = {
  objects: {
    deal: { kind: 'object', name: 'deal', label: 'Deal', fields: { name: { type: 'text' }, amount: { type: 'currency' }, stage: { type: 'stage', pipeline: 'p' } } },
  },
  automations: {},
} as unknown as MetadataSet;

const auto = (name: string, trigger: Record<string, unknown>, enabled?: boolean): AutomationDef =>
  ({ kind: 'automation', name, trigger, actions: [{ type: 'notify', user: 'u', message: 'm' }], ...(enabled === undefined ? {} : { enabled }) }) as unknown as AutomationDef;
const updated = (changes: Record<string, unknown>) => ({ type: 'record.updated', object: 'deal', payload: { changes: Object.fromEntries(Object.entries(changes).map(([k, to]) => [k, { from: null, to }])) } });

describe('recordEventsOf', () => {
  it.each([
    [{ type: 'record.created', object: 'deal', payload: {} }, ['created']],
    [{ type: 'record.deleted', object: 'deal', payload: {} }, ['deleted']],
    [updated({ amount: 5 }), ['updated']],
    [updated({ stage: 'won' }), ['updated', 'stageChanged']],
    [{ type: 'approval.decided', object: 'deal', payload: {} }, ['approvalDecided']],
    [{ type: 'record.restored', object: 'deal', payload: {} }, []],
    [{ type: 'approval.requested', object: 'deal', payload: {} }, []],
  ])('%j → %j', (event, events) => {
    expect(recordEventsOf(event, set)).toEqual(events);
  });
});

describe('triggerFires', () => {
  it('matches object and event', () => {
    expect(triggerFires(auto('a', { object: 'deal', event: 'created' }), { type: 'record.created', object: 'deal', payload: {} }, set)).toBe(true);
    expect(triggerFires(auto('a', { object: 'deal', event: 'created' }), { type: 'record.created', object: 'contact', payload: {} }, set)).toBe(false);
    expect(triggerFires(auto('a', { object: 'deal', event: 'updated' }), { type: 'record.created', object: 'deal', payload: {} }, set)).toBe(false);
  });
  it('with fields, fires only when one of them changed', () => {
    const a = auto('a', { object: 'deal', event: 'updated', fields: ['amount'] });
    expect(triggerFires(a, updated({ amount: 10 }), set)).toBe(true);
    expect(triggerFires(a, updated({ name: 'x' }), set)).toBe(false);
    expect(triggerFires(a, updated({}), set)).toBe(false);
  });
  it('stageChanged fires on an update of a stage field only', () => {
    const a = auto('a', { object: 'deal', event: 'stageChanged' });
    expect(triggerFires(a, updated({ stage: 'won' }), set)).toBe(true);
    expect(triggerFires(a, updated({ amount: 1 }), set)).toBe(false);
  });
  it('never fires a disabled automation or a timed one', () => {
    expect(triggerFires(auto('a', { object: 'deal', event: 'created' }, false), { type: 'record.created', object: 'deal', payload: {} }, set)).toBe(false);
    expect(triggerFires(auto('a', { schedule: '0 9 * * *', object: 'deal' }), { type: 'record.created', object: 'deal', payload: {} }, set)).toBe(false);
  });
});

describe('automationsFiredBy', () => {
  it('lists every enabled match in name order', () => {
    const s = { ...set, automations: {
      zeta: auto('zeta', { object: 'deal', event: 'created' }),
      alpha: auto('alpha', { object: 'deal', event: 'created' }),
      off: auto('off', { object: 'deal', event: 'created' }, false),
    } } as MetadataSet;
    expect(automationsFiredBy({ type: 'record.created', object: 'deal', payload: {} }, s).map((a) => a.name)).toEqual(['alpha', 'zeta']);
  });
});
