import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildApprovalWorld, submit, type ApprovalWorld } from './approval-world.js';

let server: TestServer;
let w: ApprovalWorld;

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  w = await buildApprovalWorld(server);
});
afterAll(() => server?.stop());

const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);

describe('GET /api/approvals?object=&recordId= (the record page panel)', () => {
  it('lists only the requests of that record, within what the caller may see', async () => {
    const first = await w.deal();
    const second = await w.deal();
    const a = (await submit(w.rep.as, { recordId: first.id, process: 'deal_review' })).body as { id: string };
    const b = (await submit(w.rep.as, { recordId: second.id, process: 'deal_review' })).body as { id: string };

    const mine = await w.rep.as.get(`/api/approvals?box=all&object=opportunity&recordId=${first.id}`);
    expect(mine.status).toBe(200);
    expect(ids(mine.body)).toEqual([a.id]);
    expect(mine.body.total).toBe(1);
    expect(mine.body.counts.pending).toBe(1);

    const inbox = await w.manager.as.get(`/api/approvals?box=inbox&recordId=${second.id}`);
    expect(ids(inbox.body)).toEqual([b.id]);
    expect(inbox.body.data[0].myTask).toMatchObject({ status: 'open', step: 'manager' });

    expect(ids((await w.admin.get(`/api/approvals?box=all&recordId=${first.id}`)).body)).toEqual([a.id]);
    expect(ids((await w.admin.get(`/api/approvals?box=all&object=account&recordId=${first.id}`)).body)).toEqual([]);
    // someone who neither submitted nor approves sees nothing of it
    expect(ids((await w.outsider.as.get(`/api/approvals?box=all&recordId=${first.id}`)).body)).toEqual([]);
  });

  it('refuses (400) a record id that is not a uuid and an object that is not a name', async () => {
    const p = expectProblem(await w.rep.as.get('/api/approvals?box=all&recordId=1%20OR%201=1&object=Opp'), 400);
    expect(p.errors!.map((e: { path: string }) => e.path).sort()).toEqual(['/object', '/recordId']);
  });
});
