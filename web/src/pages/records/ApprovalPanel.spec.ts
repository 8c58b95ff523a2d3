import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApiProblem } from '@/api/api-problem';
import type { ApprovalDetail } from '@/api/approvals';
import { i18n, setLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth';
import { useMetadataStore } from '@/stores/metadata';
import ApprovalPanel from './ApprovalPanel.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const api = vi.hoisted(() => ({ listApprovals: vi.fn(), getApproval: vi.fn(), submitApproval: vi.fn(), actOnApproval: vi.fn() }));
vi.mock('@/api/approvals', () => api);
vi.mock('@/api/request', () => ({ request: vi.fn().mockRejectedValue(new Error('not in this spec')) }));

const request = (over: Partial<ApprovalDetail> = {}): ApprovalDetail => ({
  id: 'r1', object: 'opportunity', recordId: 'o1', process: 'big_discount', status: 'pending', step: 'manager', stepIndex: 0,
  submittedBy: 'rep', submittedByName: 'Ray Rep', submittedAt: '2026-11-30T09:00:00Z', decidedAt: null, targetStage: null, version: 1,
  allowRecall: true, steps: [],
  tasks: [{ id: 't1', step: 'manager', stepIndex: 0, assignee: 'mgr', assigneeName: 'Mia Manager', status: 'open', escalation: false, actedAt: null, dueAt: null }],
  actions: [{ action: 'submit', by: 'rep', byName: 'Ray Rep', at: '2026-11-30T09:00:00Z', comment: 'Please', step: 'manager' }],
  ...over,
});

async function mountPanel(userId: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().setSession('jwt', { id: userId, email: `${userId}@loom.test`, name: userId, roles: [] });
  Object.assign(useMetadataStore(), { document: { revision: 1, objects: {}, approvals: { big_discount: { kind: 'approval', name: 'big_discount', label: 'Large discount', object: 'opportunity', steps: [{ name: 'manager', label: 'Manager' }] } } }, loaded: true });
  const wrapper = mount(ApprovalPanel, { props: { object: 'opportunity', recordId: 'o1' }, global: { plugins: [pinia, i18n] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const byTestId = (id: string) => document.body.querySelector(`[data-testid="${id}"]`);

describe('ApprovalPanel', () => {
  beforeEach(() => {
    setLocale('en');
    document.body.innerHTML = '';
    Object.values(api).forEach((fn) => fn.mockReset());
  });

  it('offers to submit a record never submitted', async () => {
    api.listApprovals.mockResolvedValue({ data: [], counts: {}, total: 0 });
    await mountPanel('rep');
    expect(byTestId('approval-panel-empty')?.textContent).toBe('This record has not been submitted for approval.');
    expect(byTestId('approval-panel-submit')).not.toBeNull();
    expect(api.listApprovals).toHaveBeenCalledWith(expect.objectContaining({ box: 'all', object: 'opportunity', recordId: 'o1' }), { silent: true });
  });

  it('shows the submitter the pending request, its approver and history, and recall but not approve', async () => {
    api.listApprovals.mockResolvedValue({ data: [{ id: 'r1' }], counts: {}, total: 1 });
    api.getApproval.mockResolvedValue(request());
    await mountPanel('rep');
    expect(byTestId('approval-panel-status')?.textContent).toBe('Pending');
    expect(byTestId('approval-panel-approvers')?.textContent).toContain('Mia Manager');
    expect(byTestId('approval-panel-actions')?.textContent).toContain('Please');
    expect(byTestId('approval-panel-recall')).not.toBeNull();
    expect(byTestId('approval-panel-approve')).toBeNull();
    expect(byTestId('approval-panel-submit')).toBeNull();
  });

  it('lets the approver approve with a comment, and explains a 409 in words', async () => {
    api.listApprovals.mockResolvedValue({ data: [{ id: 'r1' }], counts: {}, total: 1 });
    api.getApproval.mockResolvedValue(request());
    api.actOnApproval.mockRejectedValue(new ApiProblem({ type: 'x', title: 'Conflict', status: 409, detail: 'The request was already decided' }));
    const wrapper = await mountPanel('mgr');
    expect(wrapper.text()).toContain('Your approval is needed.');
    (byTestId('approval-panel-approve') as HTMLElement).click();
    await flushPromises();
    const comment = byTestId('approval-comment') as HTMLTextAreaElement;
    comment.value = 'Looks fine';
    comment.dispatchEvent(new Event('input'));
    (byTestId('approval-comment-submit') as HTMLElement).click();
    await flushPromises();
    expect(api.actOnApproval).toHaveBeenCalledWith('r1', 'approve', 'Looks fine', { expect: [403, 409, 422, 423] });
    expect(byTestId('approval-panel-problem')?.textContent).toContain('already decided by someone else');
  });
});
