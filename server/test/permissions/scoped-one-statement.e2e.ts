// A scoped role's PATCH in one statement: the update scope is part of the statement, and every
// refusal (out of scope but readable: 403; unreadable: 404) or exception (a record shared for
// writing) is still the ordinary path's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { sql } from '../support/pg.js';
import { setUpSalesOrg, type SalesOrg } from './sales-org.js';

let org: SalesOrg;
beforeAll(async () => {
  org = await setUpSalesOrg();
});
afterAll(() => org?.server.stop());

const account = (id: string) => `/api/records/account/${id}`;
/** The command of its transaction that last wrote the row: 0 for the one statement (see one-statement-update.e2e.ts). */
const command = async (id: string) => Number((await sql<{ c: string }>(org.server.database!.url, 'SELECT cmin::text AS c FROM data.account WHERE id = $1', [id]))[0]!.c);

describe('a sales rep (update scope: own accounts) patching accounts', () => {
  it('writes an own account in one statement', async () => {
    const res = await org.as.rep1.patch(account(org.id.accEast), { phone: '13800138000' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: '+8613800138000', version: 2 });
    expect(await command(org.id.accEast)).toBe(0);
  });

  it('refuses another rep\'s account with 403, and changes nothing', async () => {
    const before = (await org.admin.get(account(org.id.accWest))).body;
    expectProblem(await org.as.rep1.patch(account(org.id.accWest), { phone: '13900139000' }), 403);
    expect((await org.admin.get(account(org.id.accWest))).body).toEqual(before);
  });

  it('writes an account shared with it for writing, through the ordinary path', async () => {
    expect((await org.as.rep3.post(`${account(org.id.accWest)}/shares`, { user: org.id.rep1, access: 'write' })).status).toBe(201);
    const res = await org.as.rep1.patch(account(org.id.accWest), { phone: '13900139000' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: '+8613900139000', owner: org.id.rep3 });
    expect(await command(org.id.accWest)).toBeGreaterThan(0);
  });
});
