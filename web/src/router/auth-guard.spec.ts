import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { RouteLocationNormalized } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { authGuard } from './auth-guard';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));

const to = (fullPath: string, meta: RouteLocationNormalized['meta'] = {}, name?: string) =>
  ({ fullPath, meta, name, query: {} }) as unknown as RouteLocationNormalized;

describe('authGuard', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('sends signed-out users to /login with a redirect back', async () => {
    expect(await authGuard(to('/admin/teams'))).toEqual({ name: 'login', query: { redirect: '/admin/teams' } });
    expect(await authGuard(to('/'))).toEqual({ name: 'login' });
    expect(await authGuard(to('/login', { public: true }, 'login'))).toBe(true);
  });

  it('keeps pages with roles to users who have one of them', async () => {
    const auth = useAuthStore();
    auth.setSession('jwt', { id: 'u2', email: 'rep@loom.local', name: 'Rep', roles: ['sales_rep'] });
    expect(await authGuard(to('/admin/users', { roles: ['admin'] }))).toEqual({ name: 'home' });
    auth.setSession('jwt', { id: 'u1', email: 'admin@loom.local', name: 'Admin', roles: ['admin'] });
    expect(await authGuard(to('/admin/users', { roles: ['admin'] }))).toBe(true);
  });

  it('loads the user for a remembered token before deciding', async () => {
    localStorage.setItem('loom.token', 'remembered');
    setActivePinia(createPinia());
    const me = { id: 'u1', email: 'admin@loom.local', name: 'Admin', roles: ['admin'] };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(me), { headers: { 'Content-Type': 'application/json' } })));
    expect(await authGuard(to('/admin/users', { roles: ['admin'] }))).toBe(true);
    expect(useAuthStore().user).toEqual(me);
  });

  it('sends signed-in users away from the login page', async () => {
    useAuthStore().setSession('jwt', { id: 'u1', email: 'a@b.c', name: 'A', roles: [] });
    const login = { ...to('/login', { public: true }, 'login'), query: { redirect: '/admin/teams' } } as RouteLocationNormalized;
    expect(await authGuard(login)).toBe('/admin/teams');
  });
});
