import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ElMessage } from 'element-plus';
import { useAuthStore } from '@/stores/auth';
import { ApiProblem } from './api-problem';
import { request } from './request';

const { currentRoute, replace } = vi.hoisted(() => ({
  currentRoute: { value: { matched: [{}], meta: {}, fullPath: '/admin/users?page=2' } },
  replace: vi.fn(),
}));
vi.mock('@/router', () => ({ router: { currentRoute, replace } }));

function respond(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  const fetchMock = vi.fn(async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType, ...headers },
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const validationProblem = {
  type: 'https://loom.dev/problems/validation',
  title: 'Validation failed',
  status: 422,
  detail: '1 field is invalid',
  errors: [{ path: '/email', message: 'must be a valid email' }],
};

describe('request', () => {
  let toast: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    setActivePinia(createPinia());
    replace.mockReset();
    toast = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => undefined }) as never);
    vi.spyOn(ElMessage, 'warning').mockImplementation(() => ({ close: () => undefined }) as never);
  });

  it('sends the bearer token of the session and parses the JSON answer', async () => {
    useAuthStore().setSession('tok-1', { id: 'u1', email: 'a@b.c', name: 'A', roles: [] });
    const fetchMock = respond(200, [{ id: 't1', name: 'Sales' }]);

    const teams = await request<Array<{ id: string }>>('/api/teams', { query: { limit: 5, q: undefined } });

    expect(teams).toEqual([{ id: 't1', name: 'Sales' }]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/teams?limit=5');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
  });

  it('sends a JSON body and returns undefined for 204', async () => {
    const fetchMock = respond(204);
    await expect(request('/api/teams/t1', { method: 'PATCH', body: { name: 'X' } })).resolves.toBeUndefined();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"name":"X"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends FormData as it is, leaving the multipart Content-Type to the browser', async () => {
    const fetchMock = respond(202, { job: 'j1' });
    const form = new FormData();
    form.set('mode', 'create');
    await expect(request('/api/records/lead/import', { method: 'POST', body: form })).resolves.toEqual({ job: 'j1' });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe(form);
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('throws a typed ApiProblem from a problem+json answer', async () => {
    respond(422, validationProblem);
    const error = await request('/api/users', { method: 'POST', body: {}, expect: [422] }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    const problem = error as ApiProblem;
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('https://loom.dev/problems/validation');
    expect(problem.title).toBe('Validation failed');
    expect(problem.errors).toEqual([{ path: '/email', message: 'must be a valid email' }]);
    expect(problem.message).toBe('1 field is invalid');
  });

  it('toasts failures the caller did not expect, and only those', async () => {
    respond(422, validationProblem);
    await request('/api/users', { expect: [422] }).catch(() => undefined);
    expect(toast).not.toHaveBeenCalled();

    respond(500, { type: 'about:blank', title: 'Internal error', status: 500 });
    await request('/api/users').catch(() => undefined);
    expect(toast).toHaveBeenCalledWith('Internal error');
  });

  it('makes a problem from a non-JSON error answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    const problem = (await request('/api/health', { silent: true }).catch((e: unknown) => e)) as ApiProblem;
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(502);
    expect(problem.title).toBe('Bad Gateway');
    expect(toast).not.toHaveBeenCalled();
  });

  it('reads Retry-After of a 429', async () => {
    respond(429, { type: 'https://loom.dev/problems/rate-limited', title: 'Too many requests', status: 429 }, { 'Retry-After': '42' });
    const problem = (await request('/api/auth/login', { anonymous: true, expect: [429] }).catch((e: unknown) => e)) as ApiProblem;
    expect(problem.retryAfter).toBe(42);
  });

  it('ends the session on 401 and goes to /login with a redirect back', async () => {
    const auth = useAuthStore();
    auth.setSession('expired', { id: 'u1', email: 'a@b.c', name: 'A', roles: ['admin'] });
    respond(401, { type: 'https://loom.dev/problems/unauthorized', title: 'Unauthorized', status: 401 });

    await expect(request('/api/users')).rejects.toBeInstanceOf(ApiProblem);

    expect(auth.token).toBeNull();
    expect(auth.user).toBeNull();
    expect(localStorage.getItem('loom.token')).toBeNull();
    expect(replace).toHaveBeenCalledWith({ name: 'login', query: { redirect: '/admin/users?page=2' } });
    expect(toast).not.toHaveBeenCalled();
  });

  it('keeps the session when an anonymous call (login) answers 401', async () => {
    const auth = useAuthStore();
    auth.setSession('still-good', { id: 'u1', email: 'a@b.c', name: 'A', roles: [] });
    const fetchMock = respond(401, { type: 'about:blank', title: 'Bad credentials', status: 401 });

    await expect(request('/api/auth/login', { method: 'POST', anonymous: true, expect: [401] })).rejects.toMatchObject({ status: 401 });

    expect(auth.token).toBe('still-good');
    expect(replace).not.toHaveBeenCalled();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('turns a network failure into a status-0 problem and says so once', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const problem = (await request('/api/health').catch((e: unknown) => e)) as ApiProblem;
    expect(problem.status).toBe(0);
    expect(problem.isNetworkError).toBe(true);
    expect(toast).toHaveBeenCalledTimes(1);
  });
});
