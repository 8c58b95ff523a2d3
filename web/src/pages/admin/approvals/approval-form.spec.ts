import { describe, expect, it } from 'vitest';
import type { ApprovalDef } from '@loom/metadata';
import bigDiscount from '@loom/metadata/crm/approvals/big_discount.json';
import { approvalDocument, approvalForm, approversDocument, approversForm, newStepName, stepForm } from './approval-form';
import { valueRow } from '@/designers/value-rows';

const process = bigDiscount as ApprovalDef;

describe('approval form', () => {
  it('round-trips the base CRM big_discount process exactly', () => {
    expect(approvalDocument(approvalForm(process))).toEqual(process);
  });

  it('round-trips every kind of approver and timeout', () => {
    const document: ApprovalDef = {
      kind: 'approval', name: 'refund', object: 'sales_order', label: 'Refund',
      steps: [
        { name: 'people', approvers: { users: ['u-1', 'u-2'] }, mode: 'all', timeout: { days: 1, hours: 2.5, action: 'remind' } },
        { name: 'up_two', approvers: { manager: 'owner', levels: 2 }, mode: 'firstResponds', timeout: { minutes: 0.5, action: 'approve' } },
        { name: 'by_field', approvers: { userField: 'owner', role: 'finance' }, when: { amount: { $gt: 1000 } } },
      ],
      lock: {},
      allowRecall: false,
    };
    expect(approvalDocument(approvalForm(document))).toEqual(document);
  });

  it('builds a new process from the designer state', () => {
    const form = approvalForm({ kind: 'approval', name: 'discount_check', object: 'opportunity' });
    form.label = { en: 'Discount check', zh: '折扣审核', plain: false };
    form.entry = { discount: { $gte: 10 } };
    form.editable = ['description'];
    const first = stepForm({ name: newStepName(form) });
    first.approvers.manager = true;
    first.approvers.levels = 2;
    first.mode = 'any';
    Object.assign(first.timeout, { on: true, hours: 8, action: 'escalate' });
    first.timeout.to.role = 'sales_director';
    form.steps.push(first);
    form.outcomes.onApproved.push(valueRow('approval_status', ''));
    form.outcomes.onApproved[0]!.text = 'approved';
    form.allowRecall = true;
    expect(approvalDocument(form)).toEqual({
      kind: 'approval', name: 'discount_check', object: 'opportunity', label: { en: 'Discount check', 'zh-CN': '折扣审核' },
      entry: { discount: { $gte: 10 } },
      lock: { editable: ['description'] },
      steps: [{ name: 'step_1', approvers: { manager: 'owner', levels: 2 }, mode: 'any', timeout: { hours: 8, action: 'escalate', to: { role: 'sales_director' } } }],
      onApproved: { set: { approval_status: 'approved' } },
      allowRecall: true,
    });
  });

  it('drops what was switched off: timeout, manager levels, empty outcomes and conditions', () => {
    const form = approvalForm(process);
    form.steps[0]!.timeout.on = false;
    form.steps[1]!.when = {};
    form.outcomes.onRecalled = [];
    form.entry = undefined;
    const document = approvalDocument(form);
    expect(document.steps[0]).toEqual({ name: 'manager', label: { en: 'Manager', 'zh-CN': '直属上级' }, approvers: { manager: 'owner' }, mode: 'any' });
    expect(document.steps[1]).not.toHaveProperty('when');
    expect(document).not.toHaveProperty('onRecalled');
    expect(document).not.toHaveProperty('entry');
    const approvers = approversForm({ manager: 'owner', levels: 3 });
    approvers.manager = false;
    expect(approversDocument(approvers)).toEqual({});
  });

  it('types outcome values by their field', () => {
    const form = approvalForm({ kind: 'approval', name: 'a', object: 'opportunity', steps: [] });
    form.outcomes.onApproved = [valueRow('probability', '')];
    form.outcomes.onApproved[0]!.text = '90';
    expect(approvalDocument(form, (name) => (name === 'probability' ? { type: 'percent' } : undefined)).onApproved).toEqual({ set: { probability: 90 } });
  });
});
