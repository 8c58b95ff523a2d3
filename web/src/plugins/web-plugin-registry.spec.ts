import { describe, expect, it } from 'vitest';
import { enabledWebPlugins, pluginRoutePath, WebPluginRegistry } from './web-plugin-registry';

const C = { name: 'C' };

describe('enabledWebPlugins', () => {
  it('keeps only enabled plugins that have a web entry in this build, in the server order', () => {
    const list = [{ name: 'complaints', state: 'enabled' }, { name: 'loyalty', state: 'disabled' }, { name: 'visits', state: 'enabled' }, { name: 'broken', state: 'failed' }];
    expect(enabledWebPlugins(list, ['loyalty', 'complaints', 'broken'])).toEqual(['complaints']);
  });
});

describe('WebPluginRegistry', () => {
  const registry = new WebPluginRegistry([
    { name: 'loyalty', definition: {
      recordPanels: [{ id: 'b', object: 'contact', title: 'B', component: C, order: 200 }, { id: 'a', object: 'contact', title: 'A', component: C }, { id: 'o', object: 'opportunity', title: 'O', component: C }],
      fieldRenderers: [{ type: 'rating', component: C }, { object: 'contact', field: 'tier', component: C }],
      routes: [{ path: '/', component: C }, { path: '/rewards', component: C }],
      menu: [{ label: 'Rewards', path: '/p/loyalty/rewards' }],
    } },
    { name: 'complaints', definition: {
      dashboardWidgets: [{ id: 'summary', title: 'S', component: C }],
      listActions: [{ id: 'escalate', object: 'complaint', label: 'Escalate', run: () => undefined }],
      recordPanels: [{ id: 'c', object: 'contact', title: 'C', component: C, order: 150 }],
    } },
  ]);

  it('lists an object\'s record panels by order, each with its plugin', () => {
    expect(registry.recordPanels('contact').map((p) => `${p.plugin}/${p.id}`)).toEqual(['loyalty/a', 'complaints/c', 'loyalty/b']);
    expect(registry.recordPanels('account')).toEqual([]);
  });

  it('lists widgets, menu items, list actions per object and routes under /p/<plugin>', () => {
    expect(registry.dashboardWidgets().map((w) => w.plugin)).toEqual(['complaints']);
    expect(registry.menu()).toMatchObject([{ plugin: 'loyalty', path: '/p/loyalty/rewards' }]);
    expect(registry.listActions('complaint').map((a) => a.id)).toEqual(['escalate']);
    expect(registry.listActions('contact')).toEqual([]);
    expect(registry.routes().map((r) => r.fullPath)).toEqual(['/p/loyalty', '/p/loyalty/rewards']);
  });

  it('finds a field renderer by object and field first, then by type', () => {
    expect(registry.fieldRenderer('contact', 'tier', 'select')).toMatchObject({ field: 'tier' });
    expect(registry.fieldRenderer('deal', 'score', 'rating')).toMatchObject({ type: 'rating' });
    expect(registry.fieldRenderer('deal', 'tier', 'select')).toBeUndefined();
  });
});

describe('pluginRoutePath', () => {
  it('mounts a route under /p/<plugin>', () => {
    expect(pluginRoutePath('loyalty', { path: '/rewards', component: C })).toBe('/p/loyalty/rewards');
  });
});
