import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ApprovalSummary } from '@/api/approvals';
import { i18n, setLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth';
import { useMetadataStore } from '@/stores/metadata';
import ApprovalsPage from './ApprovalsPage.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const api = vi.hoisted(() => ({ listApprovals: vi.fn(), actOnApproval: vi.fn(), getApprovalRecord: vi.fn(), getApproval: vi.fn(), listRecords: vi.fn() }));
vi.mock('@/api/approvals', () => api);
vi.mock('@/api/records', () => ({ listRecords: api.listRecords }));
vi.mock('@/api/request', () => ({ request: vi.fn().mockRejectedValue(new Error('not in this spec')) }));

const pending: ApprovalSummary = {
  id: 'r1',
  object: 'opportunity',
  recordId: 'o1',
  process: 'big_discount',
  processLabel: { en: 'Large discount approval', 'zh-CN': '大额折扣审批' },
  status: 'pending',
  step: 'manager',
  stepIndex: 0,
  submittedBy: 'rep',
  submittedAt: '2026-11-30T09:00:00Z',
  decidedAt: null,
  targetStage: 'negotiation',
  version: 1,
  myTask: { id: 't1', status: 'open', step: 'manager' },
};
const metadata = {
  revision: 1,
  objects: { opportunity: { kind: 'object', name: 'opportunity', label: 'Opportunity', titleField: 'name', fields: { name: { type: 'text' } } } },
  pipelines: { sales: { kind: 'pipeline', name: 'sales', object: 'opportunity', field: 'stage', stages: [{ key: 'negotiation', label: { en: 'Negotiation', 'zh-CN': '商务谈判' } }] } },
  approvals: {
    big_discount: { kind: 'approval', name: 'big_discount', object: 'opportunity', allowRecall: true, steps: [{ name: 'manager', label: { en: 'Manager', 'zh-CN': '直属上级' } }] },
  },
};

async function mountPage(phone = false) {
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: phone && query.includes('max-width'), addEventListener: () => undefined, removeEventListener: () => undefined }) as never);
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().setSession('jwt', { id: 'mgr', email: 'mgr@loom.test', name: 'Mia Manager', roles: ['sales_manager'] });
  Object.assign(useMetadataStore(), { document: metadata, loaded: true });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/approvals');
  const wrapper = mount(ApprovalsPage, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

describe('ApprovalsPage', () => {
  beforeEach(() => {
    setLocale('en');
    document.body.innerHTML = '';
    Object.values(api).forEach((fn) => fn.mockReset());
    api.listApprovals.mockImplementation(async (query: { box: string }) =>
      query.box === 'inbox' ? { data: [pending], counts: { pending: 1 }, total: 1 } : { data: [], counts: { pending: 2 }, total: 2 },
    );
    api.listRecords.mockResolvedValue({ data: [], nextCursor: null });
    api.getApprovalRecord.mockResolvedValue({ id: 'o1', name: 'Big deal', owner: 'rep' });
  });

  it('lists the inbox with the record, process, step and stage, and counts per tab', async () => {
    const wrapper = await mountPage();
    const row = wrapper.find('[data-testid="approval-r1"]');
    expect(row.text()).toContain('Big deal');
    expect(row.text()).toContain('to Negotiation');
    const table = wrapper.find('[data-testid="approvals-table"]').text();
    expect(table).toContain('Large discount approval');
    expect(table).toContain('Manager');
    expect(wrapper.find('[data-testid="approvals-tab-inbox"]').text()).toMatch(/To approve\s*1/);
    expect(wrapper.find('[data-testid="approvals-tab-submitted"]').text()).toMatch(/Submitted by me\s*2/);
    expect(wrapper.find('[data-testid="approvals-tab-all"]').exists()).toBe(false);
  });

  it('approves with one click', async () => {
    api.actOnApproval.mockResolvedValue({ ...pending, status: 'approved', steps: [], tasks: [], actions: [], allowRecall: true });
    const wrapper = await mountPage();
    await wrapper.find('[data-testid="approve"]').trigger('click');
    await flushPromises();
    expect(api.actOnApproval).toHaveBeenCalledWith('r1', 'approve', undefined);
    expect(wrapper.find('[data-testid="approval-r1"]').exists()).toBe(false);
  });

  it('asks for a comment before rejecting, and refuses an empty one', async () => {
    api.actOnApproval.mockResolvedValue({ ...pending, status: 'rejected', steps: [], tasks: [], actions: [], allowRecall: true });
    const wrapper = await mountPage();
    await wrapper.find('[data-testid="reject"]').trigger('click');
    await flushPromises();
    const dialog = document.querySelector('[data-testid="approval-comment-dialog"]')!;
    (dialog.querySelector('[data-testid="approval-comment-submit"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(dialog.querySelector('.el-form-item')?.classList.contains('is-error')).toBe(true);
    expect(api.actOnApproval).not.toHaveBeenCalled();

    const textarea = dialog.querySelector('textarea')!;
    textarea.value = 'Discount too high';
    textarea.dispatchEvent(new Event('input'));
    (dialog.querySelector('[data-testid="approval-comment-submit"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(api.actOnApproval).toHaveBeenCalledWith('r1', 'reject', 'Discount too high');
  });

  it('shows the inbox as cards on a phone, in Chinese', async () => {
    setLocale('zh-CN');
    const wrapper = await mountPage(true);
    expect(wrapper.find('[data-testid="approvals-table"]').exists()).toBe(false);
    const card = wrapper.find('[data-testid="approvals-cards"] [data-testid="approval-r1"]');
    expect(card.text()).toContain('大额折扣审批 · 直属上级');
    expect(card.text()).toContain('进入商务谈判');
    expect(card.find('[data-testid="approve"]').text()).toBe('通过');
  });
});
