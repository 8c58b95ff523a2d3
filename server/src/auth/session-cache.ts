import { Injectable } from '@nestjs/common';

const TTL_MS = 2_000;

/**
 * Users looked up by the auth guard, kept 2 s so a burst of requests costs one query. A change made on
 * this node (password, roles, deactivation) drops the entry at once; other nodes see it within the TTL.
 */
@Injectable()
export class SessionCache<T = unknown> {
  private readonly entries = new Map<string, { at: number; value: T }>();

  get(userId: string, now = Date.now()): T | undefined {
    const e = this.entries.get(userId);
    if (!e) return undefined;
    if (now - e.at > TTL_MS) {
      this.entries.delete(userId);
      return undefined;
    }
    return e.value;
  }

  set(userId: string, value: T, now = Date.now()): void {
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(userId, { at: now, value });
  }

  forget(userId: string): void {
    this.entries.delete(userId);
  }
}
