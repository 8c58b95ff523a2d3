import { describe, expect, it } from 'vitest';
import { computed, reactive } from 'vue';
import type { LayoutDef, MetadataSet, ObjectDef } from '@loom/metadata';
import { changedBody, createBody, formSections } from './record-form-model';
import { hiddenFields, shownSections, trackedValues, visibilityRules } from './layout-visibility';

const deal: ObjectDef = {
  kind: 'object', name: 'deal', label: 'Deal', titleField: 'name',
  fields: {
    name: { type: 'text', required: true },
    stage: { type: 'select', options: [{ key: 'open', label: 'Open' }, { key: 'lost', label: 'Lost' }] },
    loss_reason: { type: 'text' },
    amount: { type: 'currency' },
    discount: { type: 'percent' },
    account: { type: 'relation', target: 'account' },
  },
};
const account: ObjectDef = { kind: 'object', name: 'account', label: 'Account', titleField: 'name', fields: { name: { type: 'text' } } };
const set = { objects: { deal, account } } as Partial<MetadataSet>;
const layout = {
  kind: 'layout', name: 'deal_default', object: 'deal',
  sections: [
    { name: 'main', fields: ['name', 'stage', { field: 'loss_reason', visibleWhen: { stage: 'lost' } }, 'account'] },
    { name: 'money', visibleWhen: { amount: { $gte: 1000 } }, fields: ['discount', { field: 'amount' }] },
  ],
} as LayoutDef;

const sections = formSections(deal, layout);
const rules = visibilityRules(layout, set);
const hidden = (values: Record<string, unknown>) => [...hiddenFields(sections, rules, values)].sort();

describe('layout visibility', () => {
  it('reads field entries written as names or as { field, visibleWhen }', () => {
    expect(sections.map((s) => s.fields)).toEqual([['name', 'stage', 'loss_reason', 'account'], ['discount', 'amount']]);
    expect(Object.keys(rules.fields)).toEqual(['loss_reason']);
    expect(Object.keys(rules.sections)).toEqual(['money']);
  });

  it('hides a field while its condition is false for the current values, and shows it when it holds', () => {
    expect(hidden({ stage: 'open', amount: 5000 })).toEqual(['loss_reason']);
    expect(hidden({ stage: 'lost', amount: 5000 })).toEqual([]);
  });

  it('hides every field of a section whose condition is false, and drops the emptied section', () => {
    const values = { stage: 'lost', amount: 10 };
    expect(hidden(values)).toEqual(['amount', 'discount']);
    expect(shownSections(sections, hiddenFields(sections, rules, values)).map((s) => s.name)).toEqual(['main']);
    // a blank amount is not >= 1000 either
    expect(hidden({ stage: 'lost', amount: null })).toEqual(['amount', 'discount']);
  });

  it('keeps a rule it cannot parse (a field this user cannot read) from hiding anything', () => {
    const masked = { ...layout, sections: [{ name: 'main', fields: [{ field: 'name', visibleWhen: { cost: { $gt: 1 } } }] }] } as LayoutDef;
    expect(visibilityRules(masked, set).fields).toEqual({});
    expect(visibilityRules(undefined, set)).toEqual({ sections: {}, fields: {} });
  });

  it('reads expanded relations by id', () => {
    const byAccount = { ...layout, sections: [{ name: 'main', fields: ['account', { field: 'name', visibleWhen: { account: 'a1' } }] }] } as LayoutDef;
    const own = formSections(deal, byAccount);
    const ownRules = visibilityRules(byAccount, set);
    expect([...hiddenFields(own, ownRules, { account: { id: 'a1', title: 'Acme' } })]).not.toContain('name');
    expect([...hiddenFields(own, ownRules, { account: { id: 'a2', title: 'Other' } })]).toContain('name');
  });

  it('leaves hidden fields out of the bodies sent', () => {
    const values = { name: 'Big', stage: 'open', loss_reason: 'typed before the stage changed', amount: 10, discount: 5 };
    const hide = hiddenFields(sections, rules, values);
    expect(createBody(deal, values, hide)).toEqual({ name: 'Big', stage: 'open' });
    expect(changedBody(deal, { ...values, loss_reason: null, discount: null }, values, hide)).toEqual({});
    expect(changedBody(deal, { ...values, loss_reason: null }, values)).toEqual({ loss_reason: 'typed before the stage changed' });
  });

  it('re-evaluates live as values change, even for keys the form did not hold when first evaluated', () => {
    const values = reactive<Record<string, unknown>>({});
    const hide = computed(() => hiddenFields(sections, rules, trackedValues(values)));
    expect(hide.value.has('loss_reason')).toBe(true);
    Object.assign(values, { stage: 'lost', amount: 5000 });
    expect(hide.value.has('loss_reason')).toBe(false);
    values.stage = 'open';
    expect(hide.value.has('loss_reason')).toBe(true);
  });
});
