import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth';
import { useMetadataStore } from '@/stores/metadata';
import { useWebPluginsStore } from '@/stores/web-plugins';
import SidebarNav from './SidebarNav.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const listApprovals = vi.fn();
vi.mock('@/api/approvals', () => ({ listApprovals: (...args: unknown[]) => listApprovals(...args) }));

async function mountNav(roles: string[], objects: Record<string, { name: string; label?: unknown }> | null, pipelines: Record<string, unknown> = {}, plugins: { state: 'enabled' | 'disabled'; defines: string[] }[] = []) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().setSession('jwt', { id: 'u1', email: 'a@loom.local', name: 'A', roles });
  useMetadataStore().document = objects ? ({ revision: 3, objects, pipelines } as never) : null;
  useWebPluginsStore().notePlugins(plugins.map((p, i) => ({ name: `p${i}`, version: '1.0.0', ...p })));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/');
  const wrapper = mount(SidebarNav, { props: { collapsed: false }, global: { plugins: [pinia, i18n, router] } });
  await flushPromises();
  return wrapper;
}

const objects = {
  opportunity: { name: 'opportunity', label: { en: 'Opportunity', 'zh-CN': '商机' } },
  account: { name: 'account', label: { en: 'Account', 'zh-CN': '客户' } },
  complaint: { name: 'complaint', label: 'Complaint' },
};

describe('SidebarNav', () => {
  beforeEach(() => {
    setLocale('en');
    listApprovals.mockReset().mockResolvedValue({ data: [], counts: { pending: 0 }, total: 0 });
  });

  it('lists the metadata objects by label, sorted, under "Objects"', async () => {
    const text = (await mountNav([], objects)).text();
    expect(text).toMatch(/Home\s*Approvals\s*Dashboards\s*Objects\s*Account\s*Complaint\s*Opportunity/);
  });

  it('shows object labels in the chosen language', async () => {
    setLocale('zh-CN');
    const text = (await mountNav([], objects)).text();
    expect(text).toContain('商机');
    expect(text).toContain('客户');
    expect(text).toContain('Complaint');
  });

  it('shows no Objects section while the server has no metadata', async () => {
    const text = (await mountNav([], null)).text();
    expect(text).not.toContain('Objects');
  });

  it('shows Users and Teams to admins only', async () => {
    expect((await mountNav(['sales_rep'], null)).text()).not.toContain('Users');
    const admin = (await mountNav(['admin'], null)).text();
    expect(admin).toContain('Administration');
    expect(admin).toMatch(/Users\s*Teams/);
  });

  it('lists the pipelines of visible objects under "Pipelines", linking to their boards', async () => {
    const pipelines = {
      sales: { kind: 'pipeline', name: 'sales', object: 'opportunity', label: { en: 'Sales pipeline', 'zh-CN': '销售流程' }, field: 'stage', stages: [] },
      hidden: { kind: 'pipeline', name: 'hidden', object: 'secret', label: 'Hidden', field: 'stage', stages: [] },
    };
    const wrapper = await mountNav([], objects, pipelines);
    expect(wrapper.text()).toMatch(/Pipelines\s*Sales pipeline\s*Objects/);
    expect(wrapper.text()).not.toContain('Hidden');
    expect(wrapper.find('[data-testid="nav-pipeline-sales"]').exists()).toBe(true);
  });

  it("leaves out a disabled plugin's objects and their pipelines, and shows them again once it is enabled", async () => {
    const pipelines = { care: { kind: 'pipeline', name: 'care', object: 'complaint', label: 'Care', field: 'stage', stages: [] } };
    const disabled = await mountNav([], objects, pipelines, [{ state: 'disabled', defines: ['complaint'] }]);
    expect(disabled.find('[data-testid="nav-object-complaint"]').exists()).toBe(false);
    expect(disabled.text()).not.toContain('Care');
    expect(disabled.text()).toMatch(/Objects\s*Account\s*Opportunity/);

    useWebPluginsStore().notePlugins([{ name: 'p0', version: '1.0.0', state: 'enabled', defines: ['complaint'] }]);
    await flushPromises();
    expect(disabled.find('[data-testid="nav-object-complaint"]').exists()).toBe(true);
    expect(disabled.find('[data-testid="nav-pipeline-care"]').exists()).toBe(true);
  });

  it('shows how many approvals wait for the user as a badge', async () => {
    listApprovals.mockResolvedValue({ data: [], counts: { pending: 3 }, total: 3 });
    const wrapper = await mountNav([], objects);
    expect(listApprovals).toHaveBeenCalledWith({ box: 'inbox', status: 'pending', limit: 1 }, { silent: true });
    expect(wrapper.find('[data-testid="nav-approvals-badge"]').text()).toBe('3');
  });
});
