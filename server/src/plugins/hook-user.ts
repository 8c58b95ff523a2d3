import type { CurrentUser } from '../auth/current-user.js';

interface Queryable {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * The user a hook is told acted, as the auth guard would see them, for writes made without a request
 * (approval decisions, automation actions); a deactivated or unknown one keeps their id, without roles.
 */
export async function hookUserOf(q: Queryable, id: string): Promise<CurrentUser> {
  const [u] = await q.query<{ id: string; email: string; name: string; roles: string[]; team_id: string | null; manager_id: string | null; locale: string | null }>(
    `SELECT id, email, name, roles, team_id, manager_id, locale FROM core."user" WHERE id = $1 AND active`, [id]);
  if (!u) return { id, email: '', name: '', roles: [], teamId: null, managerId: null, locale: null, via: 'jwt' };
  return { id: u.id, email: u.email, name: u.name, roles: u.roles, teamId: u.team_id, managerId: u.manager_id, locale: u.locale, via: 'jwt' };
}
