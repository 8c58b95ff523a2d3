import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { safeRedirect } from './safe-redirect';

/** Signed-out users go to /login?redirect=…; pages with `meta.roles` need one of them. */
export async function authGuard(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  const auth = useAuthStore();

  if (to.meta.public) {
    if (to.name === 'login' && auth.isAuthenticated) return safeRedirect(to.query.redirect) ?? { name: 'home' };
    return true;
  }

  if (!auth.isAuthenticated) return loginFor(to);

  if (!auth.user) {
    // A refused token ends the session (see api/request.ts); other failures leave the shell usable.
    await auth.loadUser().catch(() => undefined);
    if (!auth.isAuthenticated) return loginFor(to);
  }

  const roles = to.meta.roles;
  if (roles && !roles.some((role) => auth.hasRole(role))) return { name: 'home' };
  return true;
}

function loginFor(to: RouteLocationNormalized): RouteLocationRaw {
  return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } };
}
