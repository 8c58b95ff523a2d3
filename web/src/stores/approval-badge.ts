import { defineStore } from 'pinia';
import { ref } from 'vue';
import { listApprovals } from '@/api/approvals';
import { useAuthStore } from './auth';

const EVERY_MS = 120_000;

/** How many approval requests wait for the signed-in user (the nav badge), refreshed now and then. */
export const useApprovalBadgeStore = defineStore('approval-badge', () => {
  const pending = ref(0);
  let timer: ReturnType<typeof setInterval> | null = null;

  async function refresh(): Promise<void> {
    if (!useAuthStore().isAuthenticated) return;
    try {
      const answer = await listApprovals({ box: 'inbox', status: 'pending', limit: 1 }, { silent: true });
      pending.value = answer.counts?.pending ?? answer.total ?? 0;
    } catch {
      // A badge is a hint: no toast, keep the last count.
    }
  }

  /** Starts the periodic refresh once per session (several navs may ask). */
  function watchInbox(): void {
    void refresh();
    timer ??= setInterval(() => void refresh(), EVERY_MS);
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
    pending.value = 0;
  }

  return { pending, refresh, watchInbox, stop };
});
