export type TimelineKind = 'history' | 'stage' | 'activity' | 'approval';

export interface TimelineItem {
  kind: TimelineKind;
  /** ISO 8601 UTC with milliseconds: the page boundary is compared at this precision. */
  at: string;
  by: string | null;
  [detail: string]: unknown;
}

const ORDER: Record<TimelineKind, number> = { approval: 0, stage: 1, history: 2, activity: 3 };

/** Newest first; at the same instant approvals, then stage changes, history, activities. */
export function byNewest(a: TimelineItem, b: TimelineItem): number {
  return a.at < b.at ? 1 : a.at > b.at ? -1 : ORDER[a.kind] - ORDER[b.kind];
}

/**
 * Cuts the merged items of every source (each fetched with limit + 1, older than the cursor) to
 * one page. Items sharing the last instant must all be on this page, or the next page (strictly
 * before that instant) would skip them: `tieAt` says which instant to complete.
 */
export function cutPage(items: TimelineItem[], limit: number): { page: TimelineItem[]; tieAt: string | null } {
  const sorted = [...items].sort(byNewest);
  if (sorted.length <= limit) return { page: sorted, tieAt: null };
  const last = sorted[limit - 1]!.at;
  return { page: sorted.slice(0, limit).filter((i) => i.at !== last), tieAt: last };
}
