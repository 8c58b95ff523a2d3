import { login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * A sales organisation on a fresh server (real PostgreSQL):
 *   director (sales_director) manages mgr (sales_manager, team East), who manages rep1 and rep2
 *   (sales_rep, East); rep3 (sales_rep, team West); ro (read_only); mkt (marketing); admin.
 * Accounts East (owner rep1) and West (owner rep3); opportunities o1 (rep1), o2 (rep2), o3 (rep3)
 * with costs; contact c3 (rep3) linked from o1; leads of rep1 and rep3.
 */
export interface SalesOrg {
  server: TestServer;
  admin: Client;
  as: Record<Person, Client>;
  id: Record<Person | 'eastTeam' | 'westTeam' | 'accEast' | 'accWest' | 'o1' | 'o2' | 'o3' | 'c3' | 'lead1' | 'lead3', string>;
}

export type Person = 'director' | 'mgr' | 'rep1' | 'rep2' | 'rep3' | 'ro' | 'mkt' | 'admin';

export async function setUpSalesOrg(): Promise<SalesOrg> {
  const server = await startTestServer({ embedded: false });
  const admin = await login(server.url, server.adminEmail, server.adminPassword);
  const created = async (path: string, body: unknown): Promise<string> => {
    const res = await admin.post(path, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const id = { admin: (await admin.get('/api/auth/me')).body.id } as SalesOrg['id'];
  id.eastTeam = await created('/api/teams', { name: 'East' });
  id.westTeam = await created('/api/teams', { name: 'West' });
  const person = (name: Person, roles: string[], extra: Record<string, string> = {}) =>
    created('/api/users', { email: `${name}@loom.test`, name, password: `${name}-password`, roles, ...extra });
  id.director = await person('director', ['sales_director']);
  id.mgr = await person('mgr', ['sales_manager'], { team: id.eastTeam, manager: id.director });
  id.rep1 = await person('rep1', ['sales_rep'], { team: id.eastTeam, manager: id.mgr });
  id.rep2 = await person('rep2', ['sales_rep'], { team: id.eastTeam, manager: id.mgr });
  id.rep3 = await person('rep3', ['sales_rep'], { team: id.westTeam });
  id.ro = await person('ro', ['read_only']);
  id.mkt = await person('mkt', ['marketing']);

  id.accEast = await created('/api/records/account', { name: 'East Corp', owner: id.rep1 });
  id.accWest = await created('/api/records/account', { name: 'West Corp', owner: id.rep3 });
  id.c3 = await created('/api/records/contact', { name: 'West Contact', account: id.accWest, owner: id.rep3 });
  id.o1 = await created('/api/records/opportunity', { name: 'O1', account: id.accEast, contact: id.c3, amount: 100, cost: 40, owner: id.rep1 });
  id.o2 = await created('/api/records/opportunity', { name: 'O2', account: id.accEast, amount: 200, cost: 50, owner: id.rep2 });
  id.o3 = await created('/api/records/opportunity', { name: 'O3', account: id.accWest, amount: 300, cost: 70, owner: id.rep3 });
  id.lead1 = await created('/api/records/lead', { name: 'Lead 1', owner: id.rep1 });
  id.lead3 = await created('/api/records/lead', { name: 'Lead 3', owner: id.rep3 });

  const as = { admin } as Record<Person, Client>;
  for (const name of ['director', 'mgr', 'rep1', 'rep2', 'rep3', 'ro', 'mkt'] as const) {
    as[name] = await login(server.url, `${name}@loom.test`, `${name}-password`);
  }
  return { server, admin, as, id };
}

/** `?filter=` for a condition. */
export const filterQuery = (condition: unknown): string => `filter=${encodeURIComponent(JSON.stringify(condition))}`;

/** The ids of a list answer, sorted. */
export const idsOf = (body: { data: { id: string }[] }): string[] => body.data.map((r) => r.id).sort();
