import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '@/api/api-problem';
import type { ApprovalDetail } from '@/api/approvals';
import { useRecordApproval } from './use-record-approval';

const detail = (over: Partial<ApprovalDetail> = {}) => ({ id: 'r1', object: 'deal', recordId: 'd1', process: 'review', status: 'pending', step: 'manager', stepIndex: 0, steps: [], tasks: [], actions: [], ...over }) as ApprovalDetail;
const problem = (status: number) => new ApiProblem({ type: 'https://loom.dev/problems/x', title: 'No', status, detail: 'Already decided' });

function setup(over: Record<string, unknown> = {}) {
  const changed = vi.fn();
  const api = {
    list: vi.fn().mockResolvedValue({ data: [{ id: 'r1' }, { id: 'r0' }], counts: {}, total: 2 }),
    get: vi.fn().mockResolvedValue(detail()),
    submit: vi.fn().mockResolvedValue(detail()),
    act: vi.fn().mockResolvedValue(detail({ status: 'approved' })),
    ...over,
  };
  const panel = useRecordApproval({ object: () => 'deal', recordId: () => 'd1', onChanged: changed, api: api as never });
  return { panel, api, changed };
}

describe('useRecordApproval', () => {
  it('lists the record’s requests and loads the latest in full', async () => {
    const { panel, api } = setup();
    await panel.load();
    expect(api.list).toHaveBeenCalledWith({ box: 'all', object: 'deal', recordId: 'd1', limit: 20 }, { silent: true });
    expect(api.get).toHaveBeenCalledWith('r1');
    expect(panel.current.value?.id).toBe('r1');
    expect(panel.requests.value).toHaveLength(2);
  });

  it('has no current request for a record never submitted', async () => {
    const { panel, api } = setup({ list: vi.fn().mockResolvedValue({ data: [], counts: {}, total: 0 }) });
    await panel.load();
    expect(panel.current.value).toBeNull();
    expect(api.get).not.toHaveBeenCalled();
  });

  it('submits with the comment and tells the page the record changed', async () => {
    const { panel, api, changed } = setup();
    expect(await panel.submit(' go ')).toBe(true);
    expect(api.submit).toHaveBeenCalledWith({ object: 'deal', recordId: 'd1', comment: 'go' });
    expect(changed).toHaveBeenCalledOnce();
  });

  it('approves the current request, expecting the refusals it explains', async () => {
    const { panel, api } = setup();
    await panel.load();
    expect(await panel.act('approve', 'ok')).toBe(true);
    expect(api.act).toHaveBeenCalledWith('r1', 'approve', 'ok', { expect: [403, 409, 422, 423] });
    expect(panel.current.value?.status).toBe('approved');
  });

  it('explains a 409 (decided already) in words and loads the request again', async () => {
    const { panel, api, changed } = setup({ act: vi.fn().mockRejectedValue(problem(409)) });
    await panel.load();
    expect(await panel.act('reject', 'no')).toBe(false);
    expect(panel.problem.value).toMatchObject({ messageKey: 'recordPage.problems.decided', detail: 'Already decided' });
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(changed).not.toHaveBeenCalled();
  });

  it('explains a submit refused with 409 as "already pending"', async () => {
    const { panel } = setup({ submit: vi.fn().mockRejectedValue(problem(409)) });
    expect(await panel.submit('')).toBe(false);
    expect(panel.problem.value?.messageKey).toBe('recordPage.problems.pending');
  });
});
