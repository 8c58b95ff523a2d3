import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiProblem } from '@/api/api-problem';
import { i18n, setLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth';
import { useMetadataStore } from '@/stores/metadata';
import { salesBoard } from './board-fixture';
import PipelineBoardPage from './PipelineBoardPage.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const api = vi.hoisted(() => ({ fetchBoard: vi.fn(), writeStageMove: vi.fn(), listApprovals: vi.fn(), submitApproval: vi.fn(), listRecords: vi.fn() }));
vi.mock('@/api/pipelines', () => ({ fetchBoard: api.fetchBoard, writeStageMove: api.writeStageMove }));
vi.mock('@/api/approvals', () => ({ listApprovals: api.listApprovals, submitApproval: api.submitApproval }));
vi.mock('@/api/records', () => ({ listRecords: api.listRecords }));

const metadata = {
  revision: 1,
  objects: {
    opportunity: {
      kind: 'object',
      name: 'opportunity',
      label: 'Opportunity',
      titleField: 'name',
      fields: {
        name: { type: 'text', label: 'Name' },
        amount: { type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' }, currency: 'USD' },
        stage: { type: 'stage', pipeline: 'sales' },
      },
    },
  },
  pipelines: {
    sales: {
      kind: 'pipeline',
      name: 'sales',
      object: 'opportunity',
      field: 'stage',
      label: { en: 'Sales pipeline', 'zh-CN': '销售流程' },
      stages: [
        { key: 'lead', label: { en: 'Lead', 'zh-CN': '初步接洽' } },
        { key: 'proposal', label: { en: 'Proposal', 'zh-CN': '方案报价' } },
        { key: 'negotiation', label: { en: 'Negotiation', 'zh-CN': '商务谈判' } },
      ],
    },
  },
  approvals: {},
};

async function mountBoard() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().setSession('jwt', { id: 'u1', email: 'rep@loom.test', name: 'Ray Rep', roles: ['sales_rep'] });
  Object.assign(useMetadataStore(), { document: metadata, loaded: true });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/pipelines/sales');
  const wrapper = mount(PipelineBoardPage, { props: { name: 'sales' }, global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** HTML5 drag and drop as the browser fires it: dragstart on the card, dragover and drop on the column. */
async function drag(wrapper: Awaited<ReturnType<typeof mountBoard>>, title: string, column: string) {
  const card = wrapper.findAll('[data-testid="board-card"]').find((candidate) => candidate.text().includes(title))!;
  const dataTransfer = { setData: vi.fn(), getData: vi.fn(), effectAllowed: '', dropEffect: '' };
  await card.trigger('dragstart', { dataTransfer });
  const target = wrapper.find(`[data-testid="column-${column}"]`);
  await target.trigger('dragover', { dataTransfer });
  await target.trigger('drop', { dataTransfer });
  await flushPromises();
}

const cardsIn = (wrapper: Awaited<ReturnType<typeof mountBoard>>, column: string) =>
  wrapper.findAll(`[data-testid="column-${column}"] [data-testid="card-title"]`).map((title) => title.text());

describe('PipelineBoardPage', () => {
  beforeEach(() => {
    setLocale('en');
    document.body.innerHTML = '';
    Object.values(api).forEach((fn) => fn.mockReset());
    api.fetchBoard.mockResolvedValue(salesBoard());
    api.listApprovals.mockResolvedValue({ data: [], counts: {}, total: 0 });
    api.listRecords.mockResolvedValue({ data: [{ id: 'a', owner: { id: 'u1', name: 'Ray Rep' } }], nextCursor: null });
  });

  it('shows each stage with its label, count and total in the field’s currency, and the cards', async () => {
    const wrapper = await mountBoard();
    const lead = wrapper.find('[data-testid="column-lead"]');
    expect(lead.text()).toContain('Lead');
    expect(lead.find('[data-testid="column-count"]').text()).toBe('5');
    expect(lead.find('[data-testid="column-sum"]').text()).toBe('$1,500.00');
    expect(cardsIn(wrapper, 'lead')).toEqual(['Deal a', 'Deal b']);
    expect(wrapper.find('[data-testid="card-owner"]').text()).toBe('Ray Rep');
    expect(api.fetchBoard).toHaveBeenCalledWith('sales', { filter: null, limit: 20 }, expect.anything());
  });

  it('shows labels and totals in Chinese', async () => {
    setLocale('zh-CN');
    const wrapper = await mountBoard();
    expect(wrapper.find('[data-testid="column-lead"]').text()).toContain('初步接洽');
    expect(wrapper.find('[data-testid="board-title"]').text()).toBe('销售流程');
    expect(wrapper.find('[data-testid="column-sum"]').text()).toBe('US$1,500.00');
  });

  it('moves a dropped card and PATCHes its stage', async () => {
    api.writeStageMove.mockResolvedValue({ record: { id: 'b', stage: 'proposal', amount: 500, version: 2 }, version: 2 });
    const wrapper = await mountBoard();
    await drag(wrapper, 'Deal b', 'proposal');
    expect(api.writeStageMove).toHaveBeenCalledWith('opportunity', 'b', { stage: 'proposal' }, 1);
    expect(cardsIn(wrapper, 'proposal')).toEqual(['Deal b', 'Deal c']);
    expect(wrapper.find('[data-testid="column-proposal"] [data-testid="column-count"]').text()).toBe('2');
  });

  it('asks for the required fields in a dialog when the stage needs them, and puts the card back on cancel', async () => {
    api.writeStageMove.mockRejectedValue(
      new ApiProblem({ type: 'x', title: 'Validation failed', status: 422, errors: [{ path: '/amount', message: 'is required to enter stage negotiation' }] }),
    );
    const wrapper = await mountBoard();
    await drag(wrapper, 'Deal a', 'negotiation');
    const dialog = document.querySelector('[data-testid="stage-fields-dialog"]')!;
    expect(dialog.textContent).toContain('To move “Deal a” to Negotiation, fill in these fields.');
    expect(dialog.querySelector('[data-testid="stage-field-amount"]')?.textContent).toContain('Amount');
    expect(cardsIn(wrapper, 'negotiation')).toEqual(['Deal a']);

    (dialog.querySelector('.el-dialog__footer button') as HTMLButtonElement).click();
    await flushPromises();
    expect(cardsIn(wrapper, 'lead')).toEqual(['Deal a', 'Deal b']);
  });

  it('offers to submit a gated move for approval', async () => {
    api.writeStageMove.mockRejectedValue(new ApiProblem({ type: 'x', title: 'Conflict', status: 409, approval: 'big_discount' }));
    api.submitApproval.mockResolvedValue({ id: 'r1', status: 'pending' });
    const wrapper = await mountBoard();
    await drag(wrapper, 'Deal c', 'negotiation');
    const dialog = document.querySelector('[data-testid="approval-gate-dialog"]')!;
    expect(dialog.textContent).toContain('“Negotiation” needs an approval');
    (dialog.querySelector('[data-testid="gate-submit"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(api.submitApproval).toHaveBeenCalledWith({ object: 'opportunity', recordId: 'c', process: 'big_discount', targetStage: 'negotiation' });
    expect(cardsIn(wrapper, 'proposal')).toEqual(['Deal c']);
  });
});
