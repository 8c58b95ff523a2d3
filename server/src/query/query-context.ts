/**
 * The caller and the clock a query is compiled for: the values behind the condition
 * variables `$user.id`, `$user.team`, `$user.subordinates`, `$now`, `$today`, and the
 * formula functions TODAY() and NOW(). Passing them in keeps the compiler pure.
 */
export interface QueryContext {
  /** The caller's user id. */
  userId: string;
  /** Ids of the users in the caller's team (`$user.team`). */
  teamUserIds: string[];
  /** Ids of the users below the caller (`$user.subordinates`). */
  subordinateIds: string[];
  /** `$now` and NOW(). */
  now: Date;
  /** `$today` and TODAY(): a UTC date, `YYYY-MM-DD`. */
  today: string;
}

const DAY_MS = 86_400_000;
let lastDay = NaN;
let lastToday = '';

/** `YYYY-MM-DD` of `now` in UTC, formatted once a day (every request asks for it). */
function utcDate(now: Date): string {
  const day = Math.floor(now.getTime() / DAY_MS);
  if (day !== lastDay) {
    lastToday = now.toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastToday;
}

/** A context for `userId` at `now` (today = now's UTC date); teams and subordinates default to none. */
export function queryContext(userId: string, now: Date, extra: Partial<QueryContext> = {}): QueryContext {
  return {
    userId: extra.userId ?? userId, teamUserIds: extra.teamUserIds ?? [], subordinateIds: extra.subordinateIds ?? [], now: extra.now ?? now,
    today: extra.today ?? utcDate(extra.now ?? now),
  };
}
