import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '@/i18n';
import { useWebPluginsStore } from './web-plugins';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const listPlugins = vi.fn();
vi.mock('@/api/plugins', () => ({ listPlugins: () => listPlugins() }));
const imported: string[] = [];
const Panel = { name: 'Panel', render: () => null };
vi.mock('virtual:loom-web-plugins', () => ({
  default: {
    loyalty: async () => {
      imported.push('loyalty');
      return { default: { messages: { en: { balance: 'Points balance' }, 'zh-CN': { balance: '积分余额' } }, recordPanels: [{ id: 'points', object: 'contact', title: 'Points', component: Panel }] } };
    },
    complaints: async () => {
      imported.push('complaints');
      return { default: { dashboardWidgets: [{ id: 'summary', title: 'Complaints', component: Panel }] } };
    },
    broken: async () => {
      imported.push('broken');
      throw new Error('syntax error in web entry');
    },
  },
}));

describe('web plugins store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    imported.length = 0;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('imports only the enabled plugins, once, and registers what they add', async () => {
    listPlugins.mockResolvedValue([{ name: 'loyalty', state: 'enabled' }, { name: 'complaints', state: 'disabled' }, { name: 'visits', state: 'enabled' }]);
    const store = useWebPluginsStore();
    await Promise.all([store.load(), store.load()]);
    expect(imported).toEqual(['loyalty']);
    expect(listPlugins).toHaveBeenCalledTimes(1);
    expect(store.loaded).toBe(true);
    expect(store.registry.recordPanels('contact').map((p) => `${p.plugin}/${p.id}`)).toEqual(['loyalty/points']);
    expect(store.registry.dashboardWidgets()).toEqual([]);
  });

  it("hides the objects a not-enabled plugin defines, from the list it loads with", async () => {
    listPlugins.mockResolvedValue([{ name: 'loyalty', state: 'enabled', defines: ['loyalty_account'] }, { name: 'complaints', state: 'disabled', defines: ['complaint'] }]);
    const store = useWebPluginsStore();
    await store.load();
    expect([...store.hiddenObjects]).toEqual(['complaint']);
  });

  it('merges a plugin\'s messages under plugin.<name> in each language', async () => {
    listPlugins.mockResolvedValue([{ name: 'loyalty', state: 'enabled' }]);
    await useWebPluginsStore().load();
    expect(i18n.global.t('plugin.loyalty.balance', {}, { locale: 'zh-CN' })).toBe('积分余额');
    expect(i18n.global.t('plugin.loyalty.balance', {}, { locale: 'en' })).toBe('Points balance');
  });

  it('skips a plugin whose entry fails to load, reports it, and loads the others', async () => {
    listPlugins.mockResolvedValue([{ name: 'broken', state: 'enabled' }, { name: 'complaints', state: 'enabled' }]);
    const store = useWebPluginsStore();
    await store.load();
    expect(store.failed).toEqual([{ name: 'broken', error: 'syntax error in web entry' }]);
    expect(store.registry.dashboardWidgets().map((w) => w.plugin)).toEqual(['complaints']);
  });

  it('loads nothing when the plugin list cannot be read, and tries again on the next call', async () => {
    listPlugins.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce([{ name: 'complaints', state: 'enabled' }]);
    const store = useWebPluginsStore();
    await store.load();
    expect(imported).toEqual([]);
    expect(store.loaded).toBe(false);
    await store.load();
    expect(imported).toEqual(['complaints']);
    expect(store.loaded).toBe(true);
  });
});
