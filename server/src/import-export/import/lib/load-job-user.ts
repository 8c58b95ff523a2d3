import type { CurrentUser } from '../../../auth/current-user.js';
import type { Db } from '../../../database/db.js';

/**
 * The user a job runs for, as the auth guard would see them (roles, team, manager, locale);
 * null when they no longer exist or were deactivated — their job must not write as them.
 */
export async function loadJobUser(db: Db, id: string): Promise<CurrentUser | null> {
  const [u] = await db.query<{ id: string; email: string; name: string; roles: string[]; team: string | null; manager: string | null; locale: string | null; active: boolean }>(
    `SELECT id, email, name, roles, team_id AS team, manager_id AS manager, locale, active FROM core."user" WHERE id = $1`, [id]);
  if (!u || !u.active) return null;
  return { id: u.id, email: u.email, name: u.name, roles: u.roles, teamId: u.team, managerId: u.manager, locale: u.locale, via: 'jwt' };
}
