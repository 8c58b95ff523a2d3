import { describe, expect, it } from 'vitest';
import type { ApprovalDetail, ApprovalSummary } from '@/api/approvals';
import { activeStep, canDecide, canRecall, shortUserId, stepDisplay } from './approval-rules';

const summary = (changes: Partial<ApprovalSummary> = {}): ApprovalSummary => ({
  id: 'r1',
  object: 'opportunity',
  recordId: 'o1',
  process: 'big_discount',
  status: 'pending',
  step: 'manager',
  stepIndex: 0,
  submittedBy: 'rep',
  submittedAt: '2026-11-30T09:00:00Z',
  decidedAt: null,
  targetStage: 'negotiation',
  version: 1,
  myTask: null,
  ...changes,
});
const detail = (changes: Partial<ApprovalDetail> = {}): ApprovalDetail => ({
  ...summary(),
  allowRecall: true,
  steps: [
    { index: 0, name: 'manager', mode: 'any', status: 'current' },
    { index: 1, name: 'finance', mode: 'all', status: 'waiting' },
  ],
  tasks: [{ id: 't1', step: 'manager', stepIndex: 0, assignee: 'mgr', status: 'open', escalation: false, actedAt: null, dueAt: null }],
  actions: [],
  ...changes,
});

describe('canDecide', () => {
  it('lets a listed request be decided by whoever holds its open task', () => {
    expect(canDecide(summary({ myTask: { id: 't1', status: 'open', step: 'manager' } }), 'mgr')).toBe(true);
    expect(canDecide(summary({ myTask: { id: 't1', status: 'approved', step: 'manager' } }), 'mgr')).toBe(false);
    expect(canDecide(summary({ myTask: null }), 'mgr')).toBe(false);
  });

  it('reads a detail’s tasks: an open task of the user on the current step', () => {
    expect(canDecide(detail(), 'mgr')).toBe(true);
    expect(canDecide(detail(), 'rep')).toBe(false);
    expect(canDecide(detail({ stepIndex: 1 }), 'mgr')).toBe(false);
  });

  it('never for a decided request or without a user', () => {
    expect(canDecide(detail({ status: 'approved' }), 'mgr')).toBe(false);
    expect(canDecide(detail(), null)).toBe(false);
  });
});

describe('canRecall', () => {
  it('is the submitter’s, while pending, when the process allows it', () => {
    expect(canRecall(detail(), 'rep', undefined)).toBe(true);
    expect(canRecall(detail(), 'mgr', true)).toBe(false);
    expect(canRecall(detail({ status: 'rejected' }), 'rep', true)).toBe(false);
    expect(canRecall(detail({ allowRecall: false }), 'rep', true)).toBe(false);
  });

  it('takes the process definition’s allowRecall for a list row, which does not carry it', () => {
    expect(canRecall(summary(), 'rep', true)).toBe(true);
    expect(canRecall(summary(), 'rep', undefined)).toBe(false);
  });
});

describe('steps', () => {
  it('shows approved steps as success, the current one in progress, a refused one as an error, the rest waiting', () => {
    expect(['approved', 'current', 'rejected', 'recalled', 'skipped', 'waiting', 'notReached'].map((status) => stepDisplay({ status: status as never }))).toEqual([
      'success',
      'process',
      'error',
      'error',
      'wait',
      'wait',
      'wait',
    ]);
  });

  it('is active on the current step, past the last once approved', () => {
    expect(activeStep(detail({ stepIndex: 1 }))).toBe(1);
    expect(activeStep(detail({ status: 'approved' }))).toBe(2);
  });
});

it('shortens an unknown user’s id', () => {
  expect(shortUserId('ddd86f3b-eb8d-40be-96c7-ab6efc73d535')).toBe('ddd86f3b');
});
