import { describe, expect, it } from 'vitest';
import { salesSet } from '../fixtures/sales-set.fixture.js';
import type { MetadataSet } from '../types/metadata-set.js';
import { diffMetadata } from './diff-metadata.js';

type Loose = Record<string, any>;
const after = (edit: (s: Loose) => void): MetadataSet => {
  const s = salesSet() as unknown as Loose;
  edit(s);
  return s as MetadataSet;
};
const summary = (b: MetadataSet) => diffMetadata(salesSet(), b).map((c) => [c.kind, c.path]);

describe('diffMetadata', () => {
  it('finds nothing between equal sets (key order ignored)', () => {
    const b = after((s) => { s.objects.account.fields.name = { maxLength: 200, required: true, type: 'text' }; });
    expect(diffMetadata(salesSet(), b)).toEqual([]);
  });

  it('reports objects added, archived, removed and restored', () => {
    expect(summary(after((s) => { s.objects.task = { kind: 'object', name: 'task', label: 'Task', titleField: 'subject', fields: { subject: { type: 'text' } } }; })))
      .toEqual([['addObject', '/objects/task']]);
    const archived = after((s) => { s.objects.contact.archived = true; });
    expect(diffMetadata(salesSet(), archived)).toEqual([expect.objectContaining({ kind: 'removeObject', path: '/objects/contact', archived: true })]);
    expect(diffMetadata(salesSet(), after((s) => { delete s.objects.contact; }))).toEqual([expect.objectContaining({ kind: 'removeObject', archived: false })]);
    expect(summary(after(() => {})).length).toBe(0);
    expect(diffMetadata(archived, salesSet()).map((c) => c.kind)).toEqual(['restoreObject']);
  });

  it('reports fields archived, type changes, restored and added, in field order', () => {
    expect(diffMetadata(salesSet(), after((s) => {
      s.objects.opportunity.fields.budget = { type: 'currency' };
      s.objects.opportunity.fields.cost.archived = true;
      s.objects.opportunity.fields.old_code.archived = false;
      s.objects.opportunity.fields.probability.type = 'number';
    }))).toEqual([
      expect.objectContaining({ kind: 'removeField', path: '/objects/opportunity/fields/cost', field: 'cost', archived: true }),
      { kind: 'changeFieldType', path: '/objects/opportunity/fields/probability/type', object: 'opportunity', field: 'probability',
        from: 'percent', to: 'number', before: { type: 'percent' }, after: { type: 'number' } },
      { kind: 'restoreField', path: '/objects/opportunity/fields/old_code', object: 'opportunity', field: 'old_code', def: { type: 'text', archived: false } },
      expect.objectContaining({ kind: 'addField', path: '/objects/opportunity/fields/budget', def: { type: 'currency' } }),
    ]);
  });

  it('lists which props of a field changed, and which options', () => {
    const changes = diffMetadata(salesSet(), after((s) => {
      s.objects.account.fields.name.maxLength = 100;
      s.objects.account.fields.name.unique = true;
      s.objects.account.fields.name.label = 'Company';
      s.objects.account.fields.industry.options = [{ key: 'retail', label: 'Retail', color: '#f00' }, { key: 'energy', label: 'Energy' }];
    }));
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'changeField', path: '/objects/account/fields/name', props: ['maxLength', 'unique', 'label'] }),
      expect.objectContaining({ kind: 'changeField', path: '/objects/account/fields/industry', props: ['options'],
        options: { added: ['energy'], removed: ['tech'], changed: ['retail'] } }),
    ]);
  });

  it('reports object props, indexes and unique constraints', () => {
    expect(summary(after((s) => {
      s.objects.account.label = 'Customer';
      s.objects.account.indexes = [['industry']];
      s.objects.account.unique = [['name']];
    }))).toEqual([['changeObject', '/objects/account'], ['addIndex', '/objects/account/indexes/0'], ['addUnique', '/objects/account/unique/0']]);
    const withIndex = after((s) => { s.objects.account.indexes = [['industry'], ['name']]; });
    expect(diffMetadata(withIndex, after((s) => { s.objects.account.indexes = [['name']]; })))
      .toEqual([{ kind: 'removeIndex', path: '/objects/account/indexes/0', object: 'account', fields: ['industry'] }]);
  });

  it('reports pipelines, approvals, roles, automations and layouts as whole definitions', () => {
    const role = { kind: 'role', name: 'rep' };
    const layout = { kind: 'layout', name: 'l', object: 'account', sections: [{ name: 'main', fields: ['name'] }] };
    const before = after((s) => { s.roles.rep = role; s.layouts.l = layout; });
    const changes = diffMetadata(before, after((s) => {
      s.pipelines.sales.transitions = 'forward';
      s.approvals.big = { kind: 'approval', name: 'big', object: 'opportunity', steps: [{ name: 's', approvers: { role: 'rep' } }] };
      s.automations.a = { kind: 'automation', name: 'a', trigger: { object: 'account', event: 'created' }, actions: [{ type: 'notify', user: 'u', message: 'm' }] };
      s.roles.rep = { ...role, label: 'Rep' };
    }));
    expect(changes.map((c) => [c.kind, c.path, 'props' in c ? c.props : undefined])).toEqual([
      ['changePipeline', '/pipelines/sales', ['transitions']],
      ['addApproval', '/approvals/big', undefined],
      ['changeRole', '/roles/rep', ['label']],
      ['addAutomation', '/automations/a', undefined],
      ['removeLayout', '/layouts/l', undefined],
    ]);
  });
});
