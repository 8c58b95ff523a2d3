import { hashPassword } from '../auth/password.js';
import type { Tx } from '../database/db.js';
import { DEMO_PEOPLE, DEMO_TEAMS } from './demo-org.js';
import type { DemoOwners } from './generate/demo-types.js';

/**
 * The demo organisation's teams and users, created when missing (by team name and e-mail), all
 * with one password; returns their ids by what they do. Existing users keep their password.
 */
export async function ensureDemoUsers(tx: Tx, password: string): Promise<{ owners: DemoOwners; created: number }> {
  const teams: Record<string, string> = {};
  for (const [key, name] of Object.entries(DEMO_TEAMS)) {
    const [found] = await tx.query<{ id: string }>(`SELECT id FROM core.team WHERE lower(name) = lower($1) AND deleted_at IS NULL`, [name]);
    teams[key] = found?.id ?? (await tx.query<{ id: string }>(`INSERT INTO core.team (name) VALUES ($1) RETURNING id`, [name]))[0]!.id;
  }
  const ids: Record<string, string> = {};
  let created = 0;
  const hash = await hashPassword(password);
  for (const p of DEMO_PEOPLE) {
    const [found] = await tx.query<{ id: string }>(`SELECT id FROM core."user" WHERE lower(email) = lower($1)`, [p.email]);
    if (found) {
      ids[p.key] = found.id;
      continue;
    }
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO core."user" (email, name, password_hash, roles, team_id, manager_id, locale) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [p.email, p.name, hash, p.roles, p.team ? teams[p.team] : null, p.manager ? ids[p.manager] : null, p.locale]);
    ids[p.key] = row!.id;
    created++;
  }
  const reps = DEMO_PEOPLE.filter((p) => p.roles.includes('sales_rep')).map((p) => ({ id: ids[p.key]!, team: p.team! }));
  const service = DEMO_PEOPLE.filter((p) => p.roles.includes('service_agent')).map((p) => ids[p.key]!);
  return { owners: { reps, service, marketing: ids.marketing! }, created };
}
