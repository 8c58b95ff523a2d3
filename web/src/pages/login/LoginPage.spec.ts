import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '@/i18n';
import LoginPage from './LoginPage.vue';

// request.ts imports the app router for 401 handling; this page's own router is below.
vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));

function problemAnswer(status: number, title: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: 'about:blank', title, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

async function mountLogin(path = '/login') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginPage },
      { path: '/', name: 'home', component: { template: '<div>home</div>' } },
      { path: '/admin/teams', name: 'teams', component: { template: '<div>teams</div>' } },
    ],
  });
  await router.push(path);
  await router.isReady();
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(LoginPage, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  return { wrapper, router };
}

async function signIn(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper'], email: string, password: string) {
  await wrapper.find('input[type="email"]').setValue(email);
  await wrapper.find('input[type="password"]').setValue(password);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('LoginPage', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('renders the card: wordmark, title, email, password, sign-in button, language switch', async () => {
    const { wrapper } = await mountLogin();
    expect(wrapper.find('h1').text()).toBe('Sign in to Loom');
    expect(wrapper.text()).toContain('Loom');
    expect(wrapper.find('input[type="email"]').exists()).toBe(true);
    expect(wrapper.find('input[type="password"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="login-submit"]').text()).toBe('Sign in');
    expect(wrapper.find('[data-testid="locale-switch"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(false);
  });

  it('shows the error under the form when the credentials are wrong', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problemAnswer(401, 'Invalid credentials')));
    const { wrapper, router } = await mountLogin();

    await signIn(wrapper, 'admin@loom.local', 'wrong-password');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('Incorrect email or password.');
    expect(router.currentRoute.value.name).toBe('login');
    expect(localStorage.getItem('loom.token')).toBeNull();
  });

  it('says how long to wait when sign-in is rate limited', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problemAnswer(429, 'Too many requests', { 'Retry-After': '60' })));
    const { wrapper } = await mountLogin();

    await signIn(wrapper, 'admin@loom.local', 'again');

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="login-error"]').text()).toContain('Try again in 60 seconds'),
    );
  });

  it('does not call the server while the form is incomplete', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = await mountLogin();

    await wrapper.find('form').trigger('submit');
    await flushPromises();

    await vi.waitFor(() => expect(wrapper.text()).toContain('Enter your email address'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in and goes to the page named in ?redirect=', async () => {
    const user = { id: 'u1', email: 'admin@loom.local', name: 'Ada', roles: ['admin'] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        new Response(JSON.stringify(url === '/api/auth/login' ? { accessToken: 'jwt-1', user } : user), {
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    const { wrapper, router } = await mountLogin('/login?redirect=/admin/teams');

    await signIn(wrapper, 'admin@loom.local', 'right');

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/admin/teams'));
    expect(localStorage.getItem('loom.token')).toBe('jwt-1');
  });

  it('speaks Chinese after switching the language', async () => {
    const { wrapper } = await mountLogin();
    setLocale('zh-CN');
    await flushPromises();
    expect(wrapper.find('h1').text()).toBe('登录 Loom');
    expect(wrapper.find('[data-testid="login-submit"]').text()).toBe('登录');
    expect(localStorage.getItem('loom.locale')).toBe('zh-CN');
    expect(i18n.global.locale.value).toBe('zh-CN');
  });
});
