import { describe, expect, it } from 'vitest';
import type { AutomationDef } from '@loom/metadata';
import { actionForm, automationDocument, automationForm, rowValue, tagEditRow, valueRow } from './automation-form';

const automations = import.meta.glob('../../../../../metadata/crm/automations/*.json', { eager: true, import: 'default' }) as Record<string, AutomationDef>;
const numeric = (object: string, field: string) => (object === 'opportunity' && field === 'probability' ? { type: 'percent' as const } : undefined);

describe('automation form', () => {
  it.each(Object.entries(automations).map(([path, automation]) => [path.split('/').pop(), automation] as const))(
    'round-trips %s exactly',
    (_file, automation) => {
      expect(automationDocument(automationForm(automation), numeric)).toEqual(automation);
    },
  );

  it('builds a record trigger: fields only with updated, where kept', () => {
    const form = automationForm({ kind: 'automation', name: 'a', trigger: { object: 'ticket', event: 'updated' }, actions: [] });
    form.fields = ['status'];
    form.where = { priority: 'urgent' };
    expect(automationDocument(form).trigger).toEqual({ object: 'ticket', event: 'updated', fields: ['status'], where: { priority: 'urgent' } });
    form.event = 'created';
    expect(automationDocument(form).trigger).toEqual({ object: 'ticket', event: 'created', where: { priority: 'urgent' } });
  });

  it('builds schedule and date triggers', () => {
    const form = automationForm({ kind: 'automation', name: 'a', trigger: { object: 'ticket', event: 'created' }, actions: [] });
    form.triggerType = 'schedule';
    form.schedule = ' 0 8 * * 1-5 ';
    form.object = '';
    expect(automationDocument(form).trigger).toEqual({ schedule: '0 8 * * 1-5' });
    form.triggerType = 'date';
    Object.assign(form, { object: 'opportunity', dateField: 'close_date', offsetDays: -3, at: '09:00', where: undefined });
    expect(automationDocument(form).trigger).toEqual({ object: 'opportunity', dateField: 'close_date', offsetDays: -3, at: '09:00' });
  });

  it('writes every kind of action as the contract spells it', () => {
    const form = automationForm({ kind: 'automation', name: 'all_actions', enabled: false, trigger: { object: 'opportunity', event: 'stageChanged' }, actions: [] });
    const update = actionForm({ type: 'updateRecord' });
    update.values = [valueRow('probability', ''), valueRow('next_step', '')];
    update.values[0]!.text = '90';
    update.values[1]!.text = 'Call {{record.owner}}';
    const create = actionForm({ type: 'createRecord' });
    create.object = 'task';
    create.values = [valueRow('subject', 'Follow up {{record.name}}'), valueRow('due_date', '$today')];
    const email = actionForm({ type: 'sendEmail' });
    Object.assign(email, { to: 'a@x.cn, b@x.cn', subject: 'Won', body: '{{record.name}} was won' });
    const hook = actionForm({ type: 'webhook' });
    Object.assign(hook, { url: 'https://hooks.example.com/loom', method: 'PUT', secret: 'a-secret-of-16-chars', payload: '{ "id": "{{record.id}}" }' });
    hook.headers = [valueRow('X-Source', 'loom')];
    const notify = actionForm({ type: 'notify' });
    Object.assign(notify, { user: '{{record.owner}}', message: 'Done' });
    const approval = actionForm({ type: 'startApproval' });
    approval.process = 'big_discount';
    form.actions = [update, create, email, hook, notify, approval];
    expect(automationDocument(form, numeric)).toEqual({
      kind: 'automation', name: 'all_actions', enabled: false,
      trigger: { object: 'opportunity', event: 'stageChanged' },
      actions: [
        { type: 'updateRecord', values: { probability: 90, next_step: 'Call {{record.owner}}' } },
        { type: 'createRecord', object: 'task', values: { subject: 'Follow up {{record.name}}', due_date: '$today' } },
        { type: 'sendEmail', to: ['a@x.cn', 'b@x.cn'], subject: 'Won', body: '{{record.name}} was won' },
        { type: 'webhook', url: 'https://hooks.example.com/loom', method: 'PUT', headers: { 'X-Source': 'loom' }, secret: 'a-secret-of-16-chars', body: { id: '{{record.id}}' } },
        { type: 'notify', user: '{{record.owner}}', message: 'Done' },
        { type: 'startApproval', process: 'big_discount' },
      ],
    });
  });

  it('round-trips a webhook with a masked secret and a body, and a single e-mail address', () => {
    const document: AutomationDef = {
      kind: 'automation', name: 'hook', trigger: { schedule: '*/5 * * * *' },
      actions: [
        { type: 'webhook', url: 'https://example.com/h', secret: '****', body: { n: 1, list: [true] } },
        { type: 'sendEmail', to: 'ops@example.com', subject: 's', body: '' },
      ],
    };
    expect(automationDocument(automationForm(document))).toEqual(document);
  });

  it('keeps a value typed until it is edited, then types it by the field', () => {
    const row = valueRow('probability', 100);
    expect(rowValue(row)).toBe(100);
    row.text = '80';
    expect(rowValue(row, { type: 'percent' })).toBe(80);
    expect(rowValue(row)).toBe('80');
    const flag = valueRow('done', '');
    flag.text = 'true';
    expect(rowValue(flag, { type: 'boolean' })).toBe(true);
  });

  it('keeps addTags and removeTags through load and save, with or without values', () => {
    const document: AutomationDef = {
      kind: 'automation', name: 'tags', trigger: { schedule: '0 2 * * *', object: 'contact' },
      actions: [
        { type: 'updateRecord', addTags: { tags: ['churn_risk'] } },
        { type: 'updateRecord', values: { status: 'lost' }, removeTags: { tags: ['vip', 'trial'] } },
      ],
    };
    const form = automationForm(document);
    expect(form.actions[0]!.addTags.map(({ field, tags }) => ({ field, tags }))).toEqual([{ field: 'tags', tags: ['churn_risk'] }]);
    expect(automationDocument(form)).toEqual(document);
  });

  it('writes edited tag rows, leaving out empty rows and an unused values', () => {
    const form = automationForm({ kind: 'automation', name: 'a', trigger: { object: 'contact', event: 'updated' }, actions: [{ type: 'updateRecord', addTags: { tags: ['churn_risk'] } }] });
    const action = form.actions[0]!;
    action.addTags[0]!.tags.push(' won_back ', 'churn_risk');
    action.addTags.push(tagEditRow('', ['orphan']), tagEditRow('tags', []));
    action.removeTags.push(tagEditRow('tags', ['churn_risk']));
    expect(automationDocument(form).actions).toEqual([{ type: 'updateRecord', addTags: { tags: ['churn_risk', 'won_back'] }, removeTags: { tags: ['churn_risk'] } }]);
    action.addTags = [];
    action.removeTags = [];
    expect(automationDocument(form).actions).toEqual([{ type: 'updateRecord', values: {} }]);
  });

  it('keeps an action property it has no input for', () => {
    const document = {
      kind: 'automation', name: 'x', trigger: { object: 'ticket', event: 'created' },
      actions: [{ type: 'notify', user: 'u', message: 'm', priority: 'high' }, { type: 'updateRecord', values: { a: 1 }, note: { n: [1] } }],
    } as unknown as AutomationDef;
    expect(automationDocument(automationForm(document))).toEqual(document);
  });
});
