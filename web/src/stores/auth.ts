import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchCurrentUser, login as loginRequest } from '@/api/auth';
import type { CurrentUser } from '@/api/auth';

const TOKEN_KEY = 'loom.token';

/** The session: the access token (kept in localStorage) and the signed-in user. */
export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(localStorage.getItem(TOKEN_KEY));
  const user = ref<CurrentUser | null>(null);

  const isAuthenticated = computed(() => !!token.value);
  const isAdmin = computed(() => hasRole('admin'));

  function hasRole(role: string): boolean {
    return user.value?.roles?.includes(role) ?? false;
  }

  function setSession(accessToken: string, sessionUser: CurrentUser): void {
    token.value = accessToken;
    user.value = sessionUser;
    localStorage.setItem(TOKEN_KEY, accessToken);
  }

  function clearSession(): void {
    token.value = null;
    user.value = null;
    localStorage.removeItem(TOKEN_KEY);
  }

  async function login(email: string, password: string): Promise<void> {
    const result = await loginRequest(email, password);
    setSession(result.accessToken, result.user);
    await loadUser().catch(() => undefined);
  }

  /** Fills in team, manager and permissions from `/api/auth/me`. */
  async function loadUser(): Promise<CurrentUser> {
    const me = await fetchCurrentUser();
    user.value = me;
    return me;
  }

  function logout(): void {
    clearSession();
  }

  return { token, user, isAuthenticated, isAdmin, hasRole, setSession, clearSession, login, loadUser, logout };
});
