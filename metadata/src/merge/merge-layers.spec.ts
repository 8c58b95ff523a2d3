import { describe, expect, it } from 'vitest';
import { salesSet } from '../fixtures/sales-set.fixture.js';
import { validateMetadataSet } from '../validate/validate-metadata-set.js';
import { mergeLayers } from './merge-layers.js';
import type { MetadataLayerSet } from './merge-types.js';

const base = () => ({ source: 'base', set: salesSet() as MetadataLayerSet });

describe('mergeLayers', () => {
  it('returns the base alone, unchanged and not shared', () => {
    const input = base();
    const { set, errors } = mergeLayers([input]);
    expect(errors).toEqual([]);
    expect(set).toEqual(salesSet());
    set.objects.account!.label = 'changed';
    expect(input.set.objects!.account!.label).toBe('Account');
  });

  it('lets later layers add objects and fields, and override labels, options and validations', () => {
    const loyalty: MetadataLayerSet = {
      objects: {
        loyalty_card: { label: 'Card', titleField: 'number', fields: { number: { type: 'text' }, contact: { type: 'relation', target: 'contact' } } },
        contact: { fields: { points: { type: 'integer', min: 0 } } },
      },
    };
    const admin: MetadataLayerSet = {
      objects: {
        account: {
          label: { en: 'Customer', 'zh-CN': '客户' },
          fields: {
            industry: { label: 'Sector', options: [{ key: 'retail', label: 'Retail & shops', color: '#f00' }, { key: 'energy', label: 'Energy' }] },
            annual_revenue: { hidden: true },
          },
          validations: [{ name: 'has_name', condition: { name: { $exists: true } }, message: 'Name it' }],
          indexes: [['industry']],
        },
      },
    };
    const { set, errors } = mergeLayers([base(), { source: 'plugin:loyalty', set: loyalty }, { source: 'admin', set: admin }]);
    expect(errors).toEqual([]);
    expect(set.objects.loyalty_card).toMatchObject({ kind: 'object', name: 'loyalty_card', titleField: 'number' });
    expect(set.objects.contact!.fields.points).toEqual({ type: 'integer', min: 0 });
    expect(set.objects.contact!.fields.name).toEqual({ type: 'text', required: true });
    expect(set.objects.account!.label).toEqual({ en: 'Customer', 'zh-CN': '客户' });
    expect(set.objects.account!.fields.industry).toEqual({
      type: 'select', label: 'Sector',
      options: [{ key: 'retail', label: 'Retail & shops', color: '#f00' }, { key: 'tech', label: 'Tech' }, { key: 'energy', label: 'Energy' }],
    });
    expect(set.objects.account!.fields.annual_revenue).toEqual({ type: 'currency', min: 0, hidden: true });
    expect(set.objects.account!.indexes).toEqual([['industry']]);
    expect(set.objects.account!.validations).toHaveLength(1);
    expect(validateMetadataSet(set)).toEqual([]);
  });

  it('refuses a type change, naming the path and both sources', () => {
    const { set, errors } = mergeLayers([base(), { source: 'plugin:loyalty', set: { objects: { opportunity: { fields: { amount: { type: 'text' } } } } } }]);
    expect(errors).toEqual([{
      path: '/objects/opportunity/fields/amount/type', code: 'merge_conflict', sources: ['base', 'plugin:loyalty'],
      message: 'field "opportunity.amount" is type "currency" in base; plugin:loyalty cannot change it to "text"',
    }]);
    expect(set.objects.opportunity!.fields.amount!.type).toBe('currency');
  });

  it('names the plugin that added a field when the admin layer conflicts with it', () => {
    const { errors } = mergeLayers([
      base(),
      { source: 'plugin:loyalty', set: { objects: { contact: { fields: { points: { type: 'integer' } } } } } },
      { source: 'admin', set: { objects: { contact: { fields: { points: { type: 'number' }, account: { target: 'opportunity' } } } } } },
    ]);
    expect(errors.map((e) => [e.path, e.sources])).toEqual([
      ['/objects/contact/fields/points/type', ['plugin:loyalty', 'admin']],
      ['/objects/contact/fields/account/target', ['base', 'admin']],
    ]);
  });

  it('refuses dropping or archiving a base field or object', () => {
    const { set, errors } = mergeLayers([base(), { source: 'admin', set: {
      objects: { opportunity: { fields: { cost: null, probability: { archived: true } } }, contact: null, account: { archived: true } },
    } }]);
    expect(errors.map((e) => e.path)).toEqual([
      '/objects/opportunity/fields/cost', '/objects/opportunity/fields/probability/archived', '/objects/contact', '/objects/account/archived',
    ]);
    expect(set.objects.opportunity!.fields.cost).toBeDefined();
    expect(set.objects.contact).toBeDefined();
  });

  it('overrides pipelines prop by prop, but not what they are about', () => {
    const { set, errors } = mergeLayers([base(), { source: 'admin', set: { pipelines: { sales: { transitions: 'forward', label: 'Deals', object: 'contact' } } } }]);
    expect(set.pipelines.sales).toMatchObject({ transitions: 'forward', label: 'Deals', object: 'opportunity', stages: salesSet().pipelines.sales!.stages });
    expect(errors).toEqual([expect.objectContaining({ path: '/pipelines/sales/object', sources: ['base', 'admin'] })]);
  });

  it('merges role permissions per object and field, and may remove non-object definitions', () => {
    const withRole = base();
    withRole.set.roles = { rep: { kind: 'role', name: 'rep', inherits: ['employee'], objects: { opportunity: { read: 'own', fields: { cost: 'none' } } } } };
    withRole.set.automations = { old: { kind: 'automation', name: 'old', trigger: { object: 'account', event: 'created' }, actions: [] } };
    const { set } = mergeLayers([withRole, { source: 'plugin:loyalty', set: {
      roles: { rep: { inherits: ['loyalty_user'], objects: { opportunity: { update: 'own', fields: { discount: 'read' } }, account: { read: 'all' } } } },
      automations: { old: null },
    } }]);
    expect(set.roles.rep).toEqual({ kind: 'role', name: 'rep', inherits: ['employee', 'loyalty_user'], objects: {
      opportunity: { read: 'own', update: 'own', fields: { cost: 'none', discount: 'read' } }, account: { read: 'all' },
    } });
    expect(set.automations.old).toBeUndefined();
  });
});
