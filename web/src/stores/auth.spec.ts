import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useAuthStore } from './auth';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));

const admin = { id: 'u1', email: 'admin@loom.local', name: 'Ada Admin', roles: ['admin'] };

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

describe('auth store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('starts signed out, or with the token remembered in localStorage', () => {
    expect(useAuthStore().isAuthenticated).toBe(false);

    localStorage.setItem('loom.token', 'remembered');
    setActivePinia(createPinia());
    const auth = useAuthStore();
    expect(auth.token).toBe('remembered');
    expect(auth.isAuthenticated).toBe(true);
    expect(auth.user).toBeNull();
  });

  it('logs in: posts the credentials, keeps the token, then loads /me', async () => {
    const me = { ...admin, team: { id: 't1', name: 'Sales' }, manager: null };
    const fetchMock = vi.fn(async (url: string) =>
      url === '/api/auth/login' ? answer(200, { accessToken: 'jwt-1', user: admin }) : answer(200, me),
    );
    vi.stubGlobal('fetch', fetchMock);
    const auth = useAuthStore();

    await auth.login('admin@loom.local', 'secret');

    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ email: 'admin@loom.local', password: 'secret' });
    expect(auth.token).toBe('jwt-1');
    expect(localStorage.getItem('loom.token')).toBe('jwt-1');
    expect(auth.user).toEqual(me);
    expect(auth.isAdmin).toBe(true);
    expect(auth.hasRole('sales_rep')).toBe(false);
  });

  it('keeps no session when the credentials are refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(401, { type: 'about:blank', title: 'Invalid credentials', status: 401 })));
    const auth = useAuthStore();

    await expect(auth.login('admin@loom.local', 'wrong')).rejects.toMatchObject({ status: 401 });
    expect(auth.isAuthenticated).toBe(false);
    expect(localStorage.getItem('loom.token')).toBeNull();
  });

  it('logs out: forgets the token and the user', () => {
    const auth = useAuthStore();
    auth.setSession('jwt-1', admin);
    auth.logout();
    expect(auth.token).toBeNull();
    expect(auth.user).toBeNull();
    expect(auth.isAdmin).toBe(false);
    expect(localStorage.getItem('loom.token')).toBeNull();
  });
});
