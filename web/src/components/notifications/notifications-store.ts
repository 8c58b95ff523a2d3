import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { listNotifications, markNotificationRead } from '@/api/notifications';
import type { NotificationItem } from '@/api/notifications';

const POLL_MS = 60_000;

/** The bell's notifications: the newest ones and the unread count, refreshed every minute while watched. */
export const useNotificationsStore = defineStore('notifications', () => {
  const items = shallowRef<NotificationItem[]>([]);
  const unread = ref(0);
  const loading = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;
  let watchers = 0;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const answer = await listNotifications();
      items.value = answer.data;
      unread.value = answer.unread;
    } finally {
      loading.value = false;
    }
  }

  /** Marks one read; the list and count change at once, the server is told after. */
  async function markRead(id: string): Promise<void> {
    const item = items.value.find((entry) => entry.id === id);
    if (!item || item.readAt) return;
    items.value = items.value.map((entry) => (entry.id === id ? { ...entry, readAt: new Date().toISOString() } : entry));
    unread.value = Math.max(0, unread.value - 1);
    try {
      await markNotificationRead(id);
    } catch {
      await load();
    }
  }

  async function markAllRead(): Promise<void> {
    await Promise.all(items.value.filter((entry) => !entry.readAt).map((entry) => markRead(entry.id)));
  }

  /** Starts polling (once for every watcher); returns the stop function. */
  function watch(): () => void {
    watchers += 1;
    if (watchers === 1) {
      void load();
      timer = setInterval(() => void load(), POLL_MS);
    }
    return () => {
      watchers -= 1;
      if (watchers === 0) clearInterval(timer);
    };
  }

  return { items, unread, loading, load, markRead, markAllRead, watch };
});
