import { describe, expect, it, vi } from 'vitest';
import type { ApprovalDetail, ApprovalList, ApprovalSummary } from '@/api/approvals';
import { useApprovalInbox } from './use-approval-inbox';
import type { InboxApi } from './use-approval-inbox';

const request = (id: string, changes: Partial<ApprovalSummary> = {}): ApprovalSummary => ({
  id,
  object: 'opportunity',
  recordId: `rec-${id}`,
  process: 'big_discount',
  status: 'pending',
  step: 'manager',
  stepIndex: 0,
  submittedBy: 'rep',
  submittedAt: '2026-11-30T09:00:00Z',
  decidedAt: null,
  targetStage: 'negotiation',
  version: 1,
  myTask: { id: `t-${id}`, status: 'open', step: 'manager' },
  ...changes,
});
const list = (data: ApprovalSummary[], pending = data.length): ApprovalList => ({ data, counts: { pending, approved: 0, rejected: 0, recalled: 0 }, total: data.length });
const decided = (id: string, status: ApprovalDetail['status']): ApprovalDetail => ({
  ...request(id, { status, myTask: { id: `t-${id}`, status, step: 'manager' } }),
  allowRecall: true,
  steps: [],
  tasks: [],
  actions: [],
});

function setup(api: Partial<InboxApi> = {}) {
  const changed = vi.fn();
  const calls = {
    list: vi.fn().mockResolvedValue(list([request('1'), request('2')])),
    act: vi.fn(),
    record: vi.fn().mockResolvedValue({ id: 'rec-2', name: 'Globex renewal' }),
    records: vi.fn().mockResolvedValue({ data: [{ id: 'rec-1', name: 'Big deal', owner: { id: 'rep', name: 'Ray Rep' } }], nextCursor: null }),
    ...api,
  };
  const inbox = useApprovalInbox({ boxes: ['inbox', 'submitted'], titleFieldOf: () => 'name', onChanged: changed, api: calls as InboxApi });
  return { inbox, calls, changed };
}

describe('useApprovalInbox', () => {
  it('lists the pending inbox, with its count, and the records’ titles (records API first, then each request’s record)', async () => {
    const { inbox, calls } = setup();
    await inbox.load();
    await vi.waitFor(() => expect(Object.keys(inbox.records.value)).toHaveLength(2));
    expect(calls.list).toHaveBeenCalledWith({ box: 'inbox', status: 'pending', limit: 50, offset: 0 });
    expect(inbox.rows.value.map((row) => row.id)).toEqual(['1', '2']);
    expect(inbox.counts.inbox).toBe(2);
    expect(calls.records).toHaveBeenCalledWith('opportunity', {
      filter: { id: { $in: ['rec-1', 'rec-2'] } },
      fields: ['name', 'owner'],
      expand: ['owner'],
      limit: 500,
    });
    expect(calls.record).toHaveBeenCalledTimes(1);
    expect(calls.record).toHaveBeenCalledWith('2');
    expect(inbox.records.value).toMatchObject({ 1: { name: 'Big deal' }, 2: { name: 'Globex renewal' } });
  });

  it('counts the other boxes’ pending requests from one-row pages', async () => {
    const { inbox, calls } = setup({ list: vi.fn().mockResolvedValue(list([request('9')], 4)) });
    await inbox.loadCounts();
    expect(calls.list).toHaveBeenCalledTimes(1);
    expect(calls.list).toHaveBeenCalledWith({ box: 'submitted', status: 'pending', limit: 1 }, { silent: true });
    expect(inbox.counts.submitted).toBe(4);
  });

  it('approves in one call: the request leaves the pending inbox and the badge is counted again', async () => {
    const { inbox, calls, changed } = setup({ act: vi.fn().mockResolvedValue(decided('1', 'approved')) });
    await inbox.load();
    const result = await inbox.act('1', 'approve');
    expect(calls.act).toHaveBeenCalledWith('1', 'approve', undefined);
    expect(result?.status).toBe('approved');
    expect(inbox.rows.value.map((row) => row.id)).toEqual(['2']);
    expect(inbox.total.value).toBe(1);
    expect(changed).toHaveBeenCalled();
  });

  it('leaves the inbox after approving a step even while a later step keeps the request pending', async () => {
    const { inbox } = setup({ act: vi.fn().mockResolvedValue({ ...decided('1', 'pending'), step: 'finance', stepIndex: 1 }) });
    await inbox.load();
    await inbox.act('1', 'approve');
    expect(inbox.rows.value.map((row) => row.id)).toEqual(['2']);
  });

  it('rejects with the comment; with "any status" the row stays, showing its new state without the user’s open task', async () => {
    const { inbox, calls } = setup({ act: vi.fn().mockResolvedValue(decided('1', 'rejected')) });
    inbox.status.value = '';
    await inbox.load();
    await inbox.act('1', 'reject', 'Too much');
    expect(calls.act).toHaveBeenCalledWith('1', 'reject', 'Too much');
    expect(inbox.rows.value[0]).toMatchObject({ id: '1', status: 'rejected', myTask: null });
  });

  it('keeps the list as it was when an action fails (request.ts has shown why)', async () => {
    const { inbox, changed } = setup({ act: vi.fn().mockRejectedValue(new Error('409')) });
    await inbox.load();
    expect(await inbox.act('1', 'approve')).toBeNull();
    expect(inbox.rows.value).toHaveLength(2);
    expect(inbox.acting.value).toBeNull();
    expect(changed).not.toHaveBeenCalled();
  });

  it('appends the next page when asked for more', async () => {
    const listCall = vi.fn().mockResolvedValueOnce({ ...list([request('1')]), total: 2 }).mockResolvedValueOnce({ ...list([request('2')]), total: 2 });
    const { inbox } = setup({ list: listCall });
    await inbox.load();
    await inbox.load(true);
    expect(listCall).toHaveBeenLastCalledWith({ box: 'inbox', status: 'pending', limit: 50, offset: 1 });
    expect(inbox.rows.value.map((row) => row.id)).toEqual(['1', '2']);
  });
});
