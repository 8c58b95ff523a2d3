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
