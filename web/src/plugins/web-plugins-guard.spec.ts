import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { APP_ROUTE, webPluginsGuard } from './web-plugins-guard';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const listPlugins = vi.fn();
vi.mock('@/api/plugins', () => ({ listPlugins: () => listPlugins() }));
const Page = { name: 'RewardsPage', render: () => null };
vi.mock('virtual:loom-web-plugins', () => ({
  default: { loyalty: async () => ({ default: { routes: [{ path: '/rewards', component: Page }] } }) },
}));

function appRouter() {
  const Empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: Empty, meta: { public: true } },
      { path: '/', name: APP_ROUTE, component: Empty, children: [
        { path: '', name: 'home', component: Empty },
        { path: ':pathMatch(.*)*', name: 'not-found', component: Empty },
      ] },
    ],
  });
  router.beforeEach(webPluginsGuard(router));
  return router;
}

describe('webPluginsGuard', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    listPlugins.mockReset();
  });

  it('mounts an enabled plugin\'s pages under /p/<plugin>; a first visit straight to one resolves to it', async () => {
    listPlugins.mockResolvedValue([{ name: 'loyalty', state: 'enabled' }]);
    useAuthStore().setSession('jwt', { id: 'u1', email: 'a@loom.local', name: 'A', roles: [] });
    const router = appRouter();
    await router.push('/p/loyalty/rewards');
    expect(router.currentRoute.value.name).toBe('plugin:loyalty:/rewards');
    expect(router.currentRoute.value.matched.map((r) => r.name)).toEqual([APP_ROUTE, 'plugin:loyalty:/rewards']);
  });

  it('leaves a disabled plugin\'s pages unknown', async () => {
    listPlugins.mockResolvedValue([{ name: 'loyalty', state: 'disabled' }]);
    useAuthStore().setSession('jwt', { id: 'u1', email: 'a@loom.local', name: 'A', roles: [] });
    const router = appRouter();
    await router.push('/p/loyalty/rewards');
    expect(router.currentRoute.value.name).toBe('not-found');
  });

  it('asks nothing before sign-in', async () => {
    const router = appRouter();
    await router.push('/login');
    expect(listPlugins).not.toHaveBeenCalled();
  });
});
