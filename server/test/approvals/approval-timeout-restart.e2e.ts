import { afterAll, beforeAll, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { createTestDatabase, startTestServer, type TestServer } from '../support/server.js';
import { buildApprovalWorld, eventually, putProcess, submit, type ApprovalWorld } from './approval-world.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let server: TestServer;
let w: ApprovalWorld;
const dataDir = `/tmp/loom-approvals-restart-${process.pid}`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer({ database: db, dataDir });
  w = await buildApprovalWorld(server);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

it('a step timeout fires after a restart: the deadline lives in the database, not in the process', async () => {
  await putProcess(w.admin, {
    kind: 'approval', name: 'auto_reject', object: 'opportunity',
    steps: [{ name: 'manager', approvers: { manager: 'owner' }, timeout: { minutes: 0.1, action: 'reject' } }],
    onRejected: { set: { approval_status: 'rejected' } },
  });
  const d = await w.deal();
  const submitted = await submit(w.rep.as, { recordId: d.id, process: 'auto_reject' });
  expect(submitted.body).toMatchObject({ status: 'pending' });
  await server.stop({ keepData: true });
  await new Promise((r) => setTimeout(r, 6_500)); // past due while no server runs
  server = await startTestServer({ database: db, dataDir });
  const admin = await login(server.url, server.adminEmail, server.adminPassword);
  const after = await eventually(() => admin.get(`/api/approvals/${submitted.body.id}`), (r) => r.body.status !== 'pending');
  expect(after.body).toMatchObject({ status: 'rejected', tasks: [{ status: 'cancelled' }] });
  expect(after.body.actions.at(-1)).toMatchObject({ action: 'reject', by: null, step: 'manager' });
  expect((await admin.get(`/api/records/opportunity/${d.id}`)).body).toMatchObject({ approval_status: 'rejected' });
});
