import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '@/api/request';
import { useAuthStore } from './auth';

type UserReference = { id?: unknown; name?: unknown; title?: unknown; email?: unknown } | string | null | undefined;

/**
 * Display names of users met anywhere (expanded owners, the signed-in user and their manager,
 * the user list for admins), so screens that get bare user ids (approvals, boards) can name them.
 */
export const useUserNamesStore = defineStore('user-names', () => {
  const names = ref<Record<string, string>>({});
  let seeded: Promise<void> | null = null;
  let seededFor: string | null = null;

  /** Remembers the name of an expanded user reference (`{ id, name | title }`); ignores bare ids. */
  function remember(reference: UserReference): void {
    if (!reference || typeof reference !== 'object') return;
    const id = typeof reference.id === 'string' ? reference.id : null;
    const name = [reference.name, reference.title, reference.email].find((value) => typeof value === 'string' && value);
    if (id && typeof name === 'string' && names.value[id] !== name) names.value = { ...names.value, [id]: name };
  }

  /** The signed-in user, their manager, and for admins every user (other roles may not list users). */
  function seed(): Promise<void> {
    const auth = useAuthStore();
    // Another sign-in in this tab starts over: names one user could see are not shown to the next.
    if (seededFor !== (auth.user?.id ?? null)) reset();
    seededFor = auth.user?.id ?? null;
    remember(auth.user);
    remember(auth.user?.manager as UserReference);
    seeded ??= auth.isAdmin
      ? request<Array<{ id: string; name: string; email: string }>>('/api/users', { silent: true })
          .then((users) => users.forEach(remember))
          .catch(() => undefined)
      : Promise.resolve();
    return seeded;
  }

  /** The name of a user id, else null (the caller decides how to show an unknown user). */
  function nameOf(id: string | null | undefined): string | null {
    if (!id) return null;
    const auth = useAuthStore();
    if (auth.user?.id === id) return auth.user.name || auth.user.email;
    return names.value[id] ?? null;
  }

  function reset(): void {
    names.value = {};
    seeded = null;
  }

  return { names, remember, seed, nameOf, reset };
});
