import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { i18n, setLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth';
import { useMetadataStore } from '@/stores/metadata';
import DashboardsPage from './DashboardsPage.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const api = vi.hoisted(() => ({ fetchFunnel: vi.fn(), fetchForecast: vi.fn(), fetchRfm: vi.fn(), fetchBehaviour: vi.fn(), fetchPerformance: vi.fn() }));
vi.mock('@/api/analytics', () => api);
vi.mock('@/api/request', () => ({ request: vi.fn().mockRejectedValue(new Error('not in this spec')) }));

/** ECharts needs a canvas jsdom lacks: the chart is replaced by its option, as text. */
const ChartStub = defineComponent({
  props: { option: { type: Object, required: true }, label: String },
  setup: (props) => () => h('pre', { 'data-testid': 'chart', 'aria-label': props.label }, JSON.stringify(props.option)),
});

const metadata = {
  revision: 1,
  objects: { opportunity: { kind: 'object', name: 'opportunity', label: 'Opportunity', fields: { amount: { type: 'currency' } } }, contact: { kind: 'object', name: 'contact', label: 'Contact', fields: {} } },
  pipelines: {
    sales: {
      kind: 'pipeline',
      name: 'sales',
      object: 'opportunity',
      field: 'stage',
      label: 'Sales pipeline',
      stages: [{ key: 'lead', label: { en: 'Lead', 'zh-CN': '初步接洽' } }, { key: 'lost', outcome: 'lost' }],
    },
  },
};

async function mountPage() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().setSession('jwt', { id: 'u1', email: 'a@loom.test', name: 'A', roles: [] });
  Object.assign(useMetadataStore(), { document: metadata, loaded: true });
  const wrapper = mount(DashboardsPage, { global: { plugins: [pinia, i18n], stubs: { LoomChart: ChartStub } } });
  await flushPromises();
  return wrapper;
}

const card = (wrapper: Awaited<ReturnType<typeof mountPage>>, name: string) => wrapper.find(`[data-testid="dash-${name}"]`);

describe('DashboardsPage', () => {
  beforeEach(() => {
    setLocale('en');
    api.fetchFunnel.mockResolvedValue({
      state: 'ok',
      data: { pipeline: 'sales', stages: [{ key: 'lead', label: 'Lead', entered: 4, converted: 2, conversionRate: 0.5, medianDaysInStage: 1 }, { key: 'lost', label: 'Lost', entered: 2, converted: 0, conversionRate: 0, medianDaysInStage: null }] },
    });
    api.fetchForecast.mockResolvedValue({ state: 'ok', data: { periods: [] } });
    api.fetchRfm.mockResolvedValue({ state: 'forbidden' });
    api.fetchPerformance.mockResolvedValue({ state: 'missing' });
    api.fetchBehaviour.mockResolvedValue({ state: 'ok', data: { customers: [], segments: { highly_engaged: 0, engaged: 0, occasional: 0, dormant: 0 } } });
  });

  it('draws the reports that have data and explains the others', async () => {
    const wrapper = await mountPage();
    expect(api.fetchFunnel).toHaveBeenCalledWith('sales');
    expect(api.fetchForecast).toHaveBeenCalledWith('sales', 'month');
    expect(api.fetchRfm).toHaveBeenCalledWith('contact');
    expect(api.fetchPerformance).toHaveBeenCalledWith('month');

    expect(card(wrapper, 'funnel').attributes('data-state')).toBe('ok');
    const funnel = JSON.parse(card(wrapper, 'funnel').find('[data-testid="chart"]').text());
    expect(funnel.series[0].data.map((item: { name: string }) => item.name)).toEqual(['Lead']);

    expect(card(wrapper, 'forecast').text()).toContain('No data yet.');
    expect(card(wrapper, 'rfm').text()).toContain('You are not allowed to see this report.');
    expect(card(wrapper, 'performance').text()).toContain('This report is not available on this server yet.');
    expect(card(wrapper, 'behaviour').text()).toContain('No data yet.');
    expect(wrapper.findAll('[data-testid="chart"]')).toHaveLength(1);
  });

  it('asks again for the forecast of another period', async () => {
    const wrapper = await mountPage();
    await card(wrapper, 'forecast').findAll('.el-segmented__item-input')[1]!.trigger('change');
    await flushPromises();
    expect(api.fetchForecast).toHaveBeenLastCalledWith('sales', 'quarter');
  });

  it('lists the team with amounts and rates in the locale, in Chinese', async () => {
    setLocale('zh-CN');
    api.fetchPerformance.mockResolvedValue({
      state: 'ok',
      data: { owners: [{ owner: 'u2', name: 'Mia', wonAmount: 1200000, wonCount: 3, lostCount: 1, winRate: 0.75, activities: 9 }] },
    });
    const wrapper = await mountPage();
    const table = card(wrapper, 'performance').find('[data-testid="performance-table"]').text();
    expect(table).toContain('负责人');
    expect(table).toContain('Mia');
    expect(table).toContain('1,200,000');
    expect(table).toContain('3 / 1');
    expect(table).toContain('75%');
    const funnel = JSON.parse(card(wrapper, 'funnel').find('[data-testid="chart"]').text());
    expect(funnel.series[0].data[0].name).toBe('初步接洽');
  });

  const behaviourAnswer = {
    customers: [{ id: 'c1', title: 'K1', activities: 9, byType: { call: 9 }, segment: 'highly_engaged' }, { id: 'c2', title: 'K2', activities: 2, byType: { email: 2 }, segment: 'occasional' }],
    segments: { highly_engaged: 1, engaged: 0, occasional: 1, dormant: 5 },
  };

  it('draws customers per engagement segment over the last 90 days, then asks again for all time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
    api.fetchBehaviour.mockResolvedValue({ state: 'ok', data: behaviourAnswer });
    const wrapper = await mountPage();
    vi.useRealTimers();
    expect(api.fetchBehaviour).toHaveBeenCalledWith('contact', { from: '2026-09-02', to: '2026-11-30' });
    const behaviour = card(wrapper, 'behaviour');
    expect(behaviour.attributes('data-state')).toBe('ok');
    const chart = JSON.parse(behaviour.find('[data-testid="chart"]').text());
    expect(chart.xAxis.data).toEqual(['Highly engaged', 'Engaged', 'Occasional', 'Dormant']);
    expect(chart.series[0].data.map((item: { value: number }) => item.value)).toEqual([1, 0, 1, 5]);
    expect(behaviour.text()).toContain('2 customers with activities');

    await behaviour.findAll('.el-segmented__item').find((item) => item.text() === 'All time')!.find('.el-segmented__item-input').trigger('change');
    await flushPromises();
    expect(api.fetchBehaviour).toHaveBeenLastCalledWith('contact', {});
  });

  it('names the engagement segments in Chinese', async () => {
    setLocale('zh-CN');
    api.fetchBehaviour.mockResolvedValue({ state: 'ok', data: behaviourAnswer });
    const wrapper = await mountPage();
    const behaviour = card(wrapper, 'behaviour');
    expect(behaviour.text()).toContain('客户活跃度');
    expect(JSON.parse(behaviour.find('[data-testid="chart"]').text()).xAxis.data).toEqual(['高度活跃', '活跃', '偶尔互动', '沉睡']);
  });
});
