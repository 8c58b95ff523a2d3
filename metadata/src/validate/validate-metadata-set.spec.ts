import { describe, expect, it } from 'vitest';
import { salesSet } from '../fixtures/sales-set.fixture.js';
import type { MetadataSet } from '../types/metadata-set.js';
import { validateMetadataSet } from './validate-metadata-set.js';

type Loose = Record<string, any>;
/** The fixture, changed by `edit`, validated; returns [path, code] pairs. */
function errorsAfter(edit: (set: Loose) => void): [string, string | undefined][] {
  const set = salesSet() as unknown as Loose;
  edit(set);
  return validateMetadataSet(set as MetadataSet).map((e) => [e.path, e.code]);
}

const approval = () => ({
  kind: 'approval', name: 'big_discount', object: 'opportunity', entry: { discount: { $gt: 20 } }, lock: { editable: ['loss_reason'] },
  steps: [{ name: 'manager', approvers: { manager: 'owner' }, timeout: { hours: 24, action: 'escalate', to: { role: 'director' } } }],
  onApproved: { set: { loss_reason: 'n/a' } },
});

describe('validateMetadataSet', () => {
  it('accepts the fixture and an empty or partial set', () => {
    expect(validateMetadataSet(salesSet())).toEqual([]);
    expect(validateMetadataSet({})).toEqual([]);
  });

  it('prefixes document errors with their place in the set', () => {
    expect(errorsAfter((s) => { s.objects.opportunity.fields.amount.type = 'money'; })).toEqual([['/objects/opportunity/fields/amount/type', 'schema']]);
    expect(errorsAfter((s) => { s.objects.opportunity.name = 'deal'; })).toEqual([['/objects/opportunity/name', 'name_mismatch']]);
    expect(errorsAfter((s) => { s.roles = []; })).toEqual([['/roles', 'schema']]);
  });

  it('resolves relation targets and oneToMany inverses', () => {
    expect(errorsAfter((s) => { s.objects.contact.fields.account.target = 'company'; })).toEqual([['/objects/contact/fields/account/target', 'unknown_object']]);
    expect(errorsAfter((s) => { s.objects.account.fields.opportunities.inverseOf = 'contact'; })).toEqual([['/objects/account/fields/opportunities/inverseOf', 'invalid_reference']]);
    expect(errorsAfter((s) => { s.objects.account.fields.opportunities.inverseOf = 'nope'; })).toEqual([['/objects/account/fields/opportunities/inverseOf', 'unknown_field']]);
  });

  it('keeps join tables within 63 bytes and apart from object tables', () => {
    const long = 'm'.repeat(55);
    expect(errorsAfter((s) => { s.objects.opportunity.fields[long] = { type: 'relation', target: 'contact', relationType: 'manyToMany' }; }))
      .toEqual([[`/objects/opportunity/fields/${long}`, 'name_too_long']]);
    expect(errorsAfter((s) => {
      s.objects.contact.fields.accounts = { type: 'relation', target: 'account', relationType: 'manyToMany' };
      s.objects.contact__accounts = { kind: 'object', name: 'contact__accounts', label: 'x', titleField: 'id', fields: {} };
    })).toEqual([['/objects/contact/fields/accounts', 'table_collision']]);
  });

  it('checks rollups', () => {
    expect(errorsAfter((s) => { s.objects.account.fields.open_amount.relation = 'contact'; })).toEqual([['/objects/account/fields/open_amount/relation', 'invalid_reference']]);
    expect(errorsAfter((s) => { s.objects.account.fields.open_amount.field = 'name'; })).toEqual([['/objects/account/fields/open_amount/field', 'type_mismatch']]);
    expect(errorsAfter((s) => { s.objects.account.fields.open_amount.object = 'deal'; })).toEqual([['/objects/account/fields/open_amount/object', 'unknown_object']]);
    expect(errorsAfter((s) => { s.objects.account.fields.open_amount.filter = { stage: { $in: ['gone'] } }; }))
      .toEqual([['/objects/account/fields/open_amount/filter/stage/$in/0', 'invalid_value']]);
  });

  it('types formulas against the set', () => {
    expect(errorsAfter((s) => { s.objects.opportunity.fields.weighted.expression = 'amount * chance'; }))
      .toEqual([['/objects/opportunity/fields/weighted/expression', 'formula_type']]);
    expect(errorsAfter((s) => { s.objects.opportunity.fields.weighted.resultType = 'text'; })).toEqual([['/objects/opportunity/fields/weighted/resultType', 'type_mismatch']]);
  });

  it('finds loops among formulas and rollups, with the path', () => {
    const set = salesSet() as unknown as Loose;
    set.objects.opportunity.fields.a = { type: 'formula', expression: 'b + 1', resultType: 'number' };
    set.objects.opportunity.fields.b = { type: 'formula', expression: 'account.open_amount + a', resultType: 'number' };
    set.objects.opportunity.fields.amount = { type: 'formula', expression: 'b * 2', resultType: 'currency' };
    const errors = validateMetadataSet(set as MetadataSet);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['/objects/account/fields/open_amount', 'formula_cycle'],
      ['/objects/opportunity/fields/b/expression', 'formula_cycle'],
    ]);
    expect(errors[1]!.message).toContain('opportunity.b → opportunity.a → opportunity.b');
    expect(errors[0]!.message).toContain('account.open_amount → opportunity.amount → opportunity.b → account.open_amount');
    expect(errorsAfter((s) => { s.objects.opportunity.fields.weighted.expression = 'weighted + 1'; }))
      .toEqual([['/objects/opportunity/fields/weighted/expression', 'formula_cycle']]);
  });

  it('checks validation conditions against the object', () => {
    expect(errorsAfter((s) => { s.objects.opportunity.validations = [{ name: 'v', condition: { close_date: { $gte: '$field.opn_date' } }, message: 'm' }]; }))
      .toEqual([['/objects/opportunity/validations/0/condition/close_date/$gte', 'unknown_field']]);
  });

  it('checks pipelines: object, stage field, required fields, gates, amount and record types', () => {
    expect(errorsAfter((s) => { s.pipelines.sales.field = 'name'; })).toEqual([
      ['/objects/opportunity/fields/stage/pipeline', 'invalid_reference'], ['/pipelines/sales/field', 'type_mismatch'],
    ]);
    expect(errorsAfter((s) => { s.pipelines.sales.object = 'deal'; })).toEqual([
      ['/objects/opportunity/fields/stage/pipeline', 'invalid_reference'], ['/pipelines/sales/object', 'unknown_object'],
    ]);
    expect(errorsAfter((s) => { s.pipelines.sales.stages[1].requiredFields = ['amount', 'budget']; })).toEqual([['/pipelines/sales/stages/1/requiredFields/1', 'unknown_field']]);
    expect(errorsAfter((s) => { s.pipelines.sales.stages[1].gate = { approval: 'big_discount' }; })).toEqual([['/pipelines/sales/stages/1/gate/approval', 'unknown_approval']]);
    expect(errorsAfter((s) => { s.pipelines.sales.amountField = 'name'; s.pipelines.sales.closeDateField = 'amount'; })).toEqual([
      ['/pipelines/sales/amountField', 'type_mismatch'], ['/pipelines/sales/closeDateField', 'type_mismatch'],
    ]);
    expect(errorsAfter((s) => { s.objects.opportunity.fields.stage.pipeline = 'nope'; })).toEqual([['/objects/opportunity/fields/stage/pipeline', 'unknown_pipeline']]);
    expect(errorsAfter((s) => { s.objects.opportunity.fields.stage.default = 'closing'; })).toEqual([['/objects/opportunity/fields/stage/default', 'unknown_stage']]);
  });

  it('tells several pipelines on one field apart by record type', () => {
    const twoPipelines = (s: Loose) => {
      s.objects.opportunity.fields.kind = { type: 'select', options: [{ key: 'b2b', label: 'B2B' }, { key: 'b2c', label: 'B2C' }] };
      delete s.objects.opportunity.fields.stage.pipeline;
      s.pipelines.retail = { ...structuredClone(s.pipelines.sales), name: 'retail', recordTypeField: 'kind', recordType: ['b2c'] };
      s.pipelines.sales.recordTypeField = 'kind';
      s.pipelines.sales.recordType = 'b2b';
    };
    expect(errorsAfter(twoPipelines)).toEqual([]);
    expect(errorsAfter((s) => { twoPipelines(s); s.pipelines.sales.recordType = 'b2c'; })).toEqual([
      ['/pipelines/sales/recordType', 'duplicate_name'], ['/pipelines/retail/recordType', 'duplicate_name'],
    ]);
    expect(errorsAfter((s) => { twoPipelines(s); delete s.pipelines.sales.recordType; delete s.pipelines.sales.recordTypeField; }))
      .toEqual([['/pipelines/sales/recordType', 'required']]);
    expect(errorsAfter((s) => { twoPipelines(s); s.pipelines.retail.recordType = ['b2x']; })).toEqual([['/pipelines/retail/recordType/0', 'unknown_option']]);
  });

  it('checks approvals: conditions, locks, approver roles and fields, outcomes', () => {
    const withApproval = (s: Loose) => {
      s.approvals.big_discount = approval();
      s.roles.director = { kind: 'role', name: 'director' };
    };
    expect(errorsAfter(withApproval)).toEqual([]);
    expect(errorsAfter((s) => {
      withApproval(s);
      const a = s.approvals.big_discount;
      a.entry = { discont: { $gt: 20 } };
      a.lock.editable = ['descr'];
      a.steps[0].timeout.to = { role: 'ceo' };
      a.steps.push({ name: 'peer', approvers: { userField: 'name' }, when: { amount: 'x' } });
      a.onApproved.set = { weighted: 1, ghost: 2 };
    })).toEqual([
      ['/approvals/big_discount/entry/discont', 'unknown_field'],
      ['/approvals/big_discount/lock/editable/0', 'unknown_field'],
      ['/approvals/big_discount/steps/0/timeout/to/role', 'unknown_role'],
      ['/approvals/big_discount/steps/1/when/amount', 'invalid_value'],
      ['/approvals/big_discount/steps/1/approvers/userField', 'type_mismatch'],
      ['/approvals/big_discount/onApproved/set/weighted', 'invalid_reference'],
      ['/approvals/big_discount/onApproved/set/ghost', 'unknown_field'],
    ]);
  });

  it('checks roles: inherited roles and loops, objects, fields, condition scopes', () => {
    expect(errorsAfter((s) => {
      s.roles.rep = { kind: 'role', name: 'rep', inherits: ['boss', 'ghost'], objects: {
        opportunity: { read: 'team', update: { owner: '$user.id' }, delete: { amount: { $gt: 'x' } }, fields: { cost: 'none', secret: 'none' } },
        deal: { read: 'all' } } };
      s.roles.boss = { kind: 'role', name: 'boss', inherits: ['rep'] };
    })).toEqual([
      ['/roles/rep/inherits/1', 'unknown_role'],
      ['/roles/rep/objects/opportunity/delete/amount/$gt', 'invalid_value'],
      ['/roles/rep/objects/opportunity/fields/secret', 'unknown_field'],
      ['/roles/rep/objects/deal', 'unknown_object'],
      ['/roles/boss/inherits/0', 'inherit_cycle'],
    ]);
  });

  it('checks automations: trigger object, fields, dates, conditions and actions', () => {
    const auto = (trigger: Loose, actions: Loose[]) => (s: Loose) => { s.automations.a = { kind: 'automation', name: 'a', trigger, actions }; };
    expect(errorsAfter(auto({ schedule: '0 9 * * *', object: 'contact', where: { birthday: { $anniversary: '$today' } } },
      [{ type: 'createRecord', object: 'opportunity', values: { name: 'Greet {{record.name}}', owner: '{{record.owner}}', close_date: '$today' } }]))).toEqual([]);
    expect(errorsAfter(auto({ object: 'opportunity', event: 'updated', fields: ['stage', 'stag'], where: { amont: 1 } },
      [{ type: 'updateRecord', values: { weighted: 1, probability: 50 } }, { type: 'createRecord', object: 'task', values: { x: 1 } }, { type: 'startApproval', process: 'nope' }]))).toEqual([
      ['/automations/a/trigger/fields/1', 'unknown_field'],
      ['/automations/a/trigger/where/amont', 'unknown_field'],
      ['/automations/a/actions/0/values/weighted', 'invalid_reference'],
      ['/automations/a/actions/1/object', 'unknown_object'],
      ['/automations/a/actions/2/process', 'unknown_approval'],
    ]);
    expect(errorsAfter(auto({ schedule: '0 2 * * *', object: 'contact', where: { tags: { $contains: 'x' } } },
      [{ type: 'updateRecord', addTags: { tags: ['churn_risk'] }, removeTags: { name: ['x'], nope: ['y'] } }]))).toEqual([
      ['/automations/a/actions/0/removeTags/name', 'type_mismatch'],
      ['/automations/a/actions/0/removeTags/nope', 'unknown_field'],
    ]);
    expect(errorsAfter(auto({ object: 'opportunity', dateField: 'name', offsetDays: -3 }, [{ type: 'notify', user: '{{record.owner}}', message: 'm' }])))
      .toEqual([['/automations/a/trigger/dateField', 'type_mismatch']]);
    expect(errorsAfter(auto({ object: 'contact', event: 'stageChanged' }, [{ type: 'notify', user: 'u', message: 'm' }])))
      .toEqual([['/automations/a/trigger/event', 'invalid_reference']]);
  });

  it('checks layouts: sections, list columns through relations, related lists', () => {
    const layout = (s: Loose) => {
      s.layouts.opportunity_default = { kind: 'layout', name: 'opportunity_default', object: 'opportunity',
        sections: [{ name: 'main', fields: ['name', 'amount', 'stage'] }],
        list: { columns: ['name', 'account.name', 'owner'], sort: ['-amount'] } };
      s.layouts.account_default = { kind: 'layout', name: 'account_default', object: 'account', sections: [{ name: 'main', fields: ['name'] }],
        relatedLists: [{ object: 'opportunity', relation: 'account', columns: ['name', 'amount'] }] };
    };
    expect(errorsAfter(layout)).toEqual([]);
    expect(errorsAfter((s) => {
      layout(s);
      s.layouts.opportunity_default.sections[0].fields.push('budget', 'old_code');
      s.layouts.opportunity_default.list = { columns: ['account.nope', 'name.x'], sort: ['-ghost'] };
      s.layouts.account_default.relatedLists[0].relation = 'contact';
    })).toEqual([
      ['/layouts/opportunity_default/sections/0/fields/3', 'unknown_field'],
      ['/layouts/opportunity_default/sections/0/fields/4', 'unknown_field'],
      ['/layouts/opportunity_default/list/columns/0', 'unknown_field'],
      ['/layouts/opportunity_default/list/columns/1', 'invalid_path'],
      ['/layouts/opportunity_default/list/sort/0', 'unknown_field'],
      ['/layouts/account_default/relatedLists/0/relation', 'invalid_reference'],
    ]);
  });

  it('checks the fields named by layout visibility conditions, with a path into the condition', () => {
    const layout = (when: unknown, fieldWhen: unknown) => (s: Loose) => {
      s.layouts.opportunity_default = { kind: 'layout', name: 'opportunity_default', object: 'opportunity',
        sections: [{ name: 'main', fields: ['name', { field: 'amount', visibleWhen: fieldWhen }] },
          { name: 'more', visibleWhen: when, fields: [{ field: 'stage' }] }] };
    };
    expect(errorsAfter(layout({ amount: { $gt: 0 } }, { $or: [{ name: { $startsWith: 'A' } }, { 'account.name': { $exists: true } }] }))).toEqual([]);
    const errors = errorsAfter(layout({ ghost: 1 }, { $and: [{ name: 'x' }, { nope: { $gt: 1 } }] }));
    expect(errors.map(([path]) => path)).toEqual([
      '/layouts/opportunity_default/sections/0/fields/1/visibleWhen/$and/1/nope',
      '/layouts/opportunity_default/sections/1/visibleWhen/ghost',
    ]);
    expect(errors.every(([, code]) => code === 'unknown_field')).toBe(true);
    expect(errorsAfter((s) => {
      layout({ amount: 1 }, { amount: 1 })(s);
      s.layouts.opportunity_default.sections[1].fields = [{ field: 'ghost' }];
    })).toEqual([['/layouts/opportunity_default/sections/1/fields/0/field', 'unknown_field']]);
  });

  it('does not check references of (or to) a document with schema errors, and never throws on junk', () => {
    expect(errorsAfter((s) => { s.pipelines.sales.object = 5; })).toEqual([['/pipelines/sales/object', 'schema']]);
    expect(errorsAfter((s) => { s.objects.account.label = 5; })).toEqual([['/objects/account/label', 'schema']]);
    const junk = { objects: { a: null, b: { kind: 'object', fields: { x: 5 } }, constructor: {} }, roles: { r: 'x' } };
    expect(() => validateMetadataSet(junk as unknown as MetadataSet)).not.toThrow();
  });
});
