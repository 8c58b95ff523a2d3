import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';

const listNotifications = vi.fn();
const markNotificationRead = vi.fn();
vi.mock('@/api/notifications', () => ({
  listNotifications: (...args: unknown[]) => listNotifications(...args),
  markNotificationRead: (...args: unknown[]) => markNotificationRead(...args),
}));

const { useNotificationsStore } = await import('./notifications-store');

const item = (id: string, readAt: string | null = null) => ({ id, message: `m ${id}`, object: 'ticket', recordId: 'r', automation: 'a', createdAt: '2026-11-30T10:00:00Z', readAt });

describe('notifications store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    listNotifications.mockReset().mockResolvedValue({ data: [item('1'), item('2'), item('3', '2026-11-30T11:00:00Z')], unread: 2 });
    markNotificationRead.mockReset().mockResolvedValue({});
  });

  it('loads the list and the unread count', async () => {
    const store = useNotificationsStore();
    await store.load();
    expect(store.items.map((entry) => entry.id)).toEqual(['1', '2', '3']);
    expect(store.unread).toBe(2);
  });

  it('marks one read at once and tells the server; read ones are left alone', async () => {
    const store = useNotificationsStore();
    await store.load();
    await store.markRead('1');
    expect(store.unread).toBe(1);
    expect(store.items[0]!.readAt).not.toBeNull();
    expect(markNotificationRead).toHaveBeenCalledWith('1');
    await store.markRead('3');
    expect(markNotificationRead).toHaveBeenCalledTimes(1);
  });

  it('marks all read', async () => {
    const store = useNotificationsStore();
    await store.load();
    await store.markAllRead();
    expect(store.unread).toBe(0);
    expect(markNotificationRead.mock.calls.map(([id]) => id)).toEqual(['1', '2']);
  });

  it('reloads when the server refuses to mark one read', async () => {
    const store = useNotificationsStore();
    await store.load();
    markNotificationRead.mockRejectedValueOnce(new Error('gone'));
    await store.markRead('2');
    expect(listNotifications).toHaveBeenCalledTimes(2);
    expect(store.unread).toBe(2);
  });
});
