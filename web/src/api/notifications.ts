import { isApiProblem } from './api-problem';
import { request } from './request';

type NotificationList = Array<{ read?: boolean; readAt?: string | null }>;
type NotificationAnswer = NotificationList | { data?: NotificationList; unread?: number };

/**
 * Unread notifications for the bell. The endpoint comes in a later release:
 * until then (404) and on any failure the count is 0, without a toast.
 */
export async function fetchUnreadCount(): Promise<number> {
  try {
    const answer = await request<NotificationAnswer>('/api/notifications', { silent: true });
    if (Array.isArray(answer)) return countUnread(answer);
    if (typeof answer?.unread === 'number') return answer.unread;
    return countUnread(answer?.data ?? []);
  } catch (error) {
    if (isApiProblem(error)) return 0;
    throw error;
  }
}

function countUnread(list: NotificationList): number {
  return list.filter((item) => !item.read && !item.readAt).length;
}

/** One notification of `GET /api/notifications` (from automations' notify actions). */
export interface NotificationItem {
  id: string;
  message: string;
  object: string | null;
  recordId: string | null;
  automation: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The caller's newest notifications and how many are unread; 404 (no endpoint on this server) is an empty list. */
export async function listNotifications(limit = 20): Promise<{ data: NotificationItem[]; unread: number }> {
  try {
    const answer = await request<{ data?: NotificationItem[]; unread?: number }>('/api/notifications', { query: { limit }, silent: true });
    const data = answer?.data ?? [];
    return { data, unread: typeof answer?.unread === 'number' ? answer.unread : countUnread(data) };
  } catch (error) {
    if (isApiProblem(error)) return { data: [], unread: 0 };
    throw error;
  }
}

export function markNotificationRead(id: string): Promise<NotificationItem> {
  return request<NotificationItem>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', silent: true });
}
