import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { queryContext, type QueryContext } from '../query/index.js';

const TTL_MS = 5_000;

/**
 * The caller's query context: team members and everyone below them in the manager hierarchy
 * (recursive), cached a few seconds per user so a list request does not walk the tree each time.
 */
@Injectable()
export class ReadContextService {
  private readonly cache = new Map<string, { at: number; team: string[]; subordinates: string[] }>();

  constructor(private readonly db: Db) {}

  async forUser(user: CurrentUser, now = new Date()): Promise<QueryContext> {
    let hit = this.cache.get(user.id);
    if (!hit || now.getTime() - hit.at > TTL_MS) {
      const [row] = await this.db.query<{ team: string[]; subordinates: string[] }>(
        `SELECT
           COALESCE((SELECT array_agg(id) FROM core."user" WHERE team_id = $2 AND $2::uuid IS NOT NULL), '{}') AS team,
           COALESCE((WITH RECURSIVE down(id) AS (
               SELECT id FROM core."user" WHERE manager_id = $1
               UNION SELECT u.id FROM core."user" u JOIN down ON u.manager_id = down.id)
             SELECT array_agg(id) FROM down), '{}') AS subordinates`,
        [user.id, user.teamId],
      );
      hit = { at: now.getTime(), team: row.team, subordinates: row.subordinates };
      this.cache.set(user.id, hit);
      if (this.cache.size > 10_000) this.cache.clear();
    }
    return queryContext(user.id, now, { teamUserIds: hit.team, subordinateIds: hit.subordinates });
  }
}
