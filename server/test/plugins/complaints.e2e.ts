import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let intake: Client;
let manager: { id: string };
let agent: { id: string };
let complaintId: string;

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let v = await read();
  for (let i = 0; i < 50 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  if (!ok(v)) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
  return v;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  expect((await admin.post('/api/plugins/complaints/install')).status).toBe(200);
  expect((await admin.post('/api/plugins/complaints/enable')).status).toBe(200);
  manager = (await admin.post('/api/users', { email: 'manager@loom.test', name: '客服主管', password: 'manager-password-1', roles: ['service_manager'] })).body;
  agent = (await admin.post('/api/users', { email: 'agent@loom.test', name: '客服专员', password: 'agent-password-1', roles: ['service_agent'], manager: manager.id })).body;
  const key = await admin.post('/api/auth/api-keys', { name: 'complaint form' });
  intake = client(server.url, key.body.key);
});

afterAll(async () => {
  await server?.stop();
});

describe('complaints end to end', () => {
  it('intake (API key only) creates a complaint with its SLA and dedupes the customer by email and phone', async () => {
    expectProblem(await admin.post('/api/plugins/complaints/intake', { subject: 'x', email: 'a@b.c' }), 403);
    expectProblem(await intake.post('/api/plugins/complaints/intake', { description: 'no subject' }), 422);
    const before = Date.now();
    const first = await intake.post('/api/plugins/complaints/intake', {
      name: '李雷', email: 'Li.Lei@Example.com', phone: '+86 138 0013 8000', subject: '收到的商品破损', description: '包装破损，杯子碎了', type: 'quality', severity: 'critical', channel: 'wechat',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ deduped: false, status: 'received' });
    expect(first.body.number).toMatch(/^CMP-\d{4}-0001$/);
    const due = Date.parse(first.body.sla_due_at) - before;
    expect(due).toBeGreaterThan(4 * 3600_000 - 60_000);
    expect(due).toBeLessThan(4 * 3600_000 + 60_000);
    const again = await intake.post('/api/plugins/complaints/intake', { email: ' li.lei@example.COM ', subject: '退款还没到', type: 'billing', severity: 'low' });
    expect(again.body).toMatchObject({ deduped: true, customer: first.body.customer });
    const byPhone = await intake.post('/api/plugins/complaints/intake', { phone: '13800138000', subject: '快递太慢', type: 'delivery' });
    expect(byPhone.body).toMatchObject({ deduped: true, customer: first.body.customer });
    complaintId = first.body.id;
    const record = (await admin.get(`/api/records/complaint/${complaintId}`)).body;
    expect(record).toMatchObject({ priority: 'urgent', channel: 'wechat', severity: 'critical' });
  });

  it('escalates an overdue complaint to the assignee\'s manager once', async () => {
    expect((await admin.patch(`/api/records/complaint/${complaintId}`, { assignee: agent.id, status: 'assigned' })).status).toBe(200);
    await sql(server.database!.url, `UPDATE data.complaint SET sla_due_at = now() - interval '1 hour' WHERE id = $1`, [complaintId]);
    expect((await admin.post('/api/plugins/complaints/jobs/escalate', {})).status).toBe(202);
    const escalated = await eventually(async () => (await admin.get(`/api/records/complaint/${complaintId}`)).body, (c) => !!c.escalated_at, 'escalation');
    expect(escalated.priority).toBe('urgent');
    const notes = await sql(server.database!.url, `SELECT user_id, object, record_id FROM core.notification WHERE record_id = $1`, [complaintId]);
    expect(notes).toEqual([{ user_id: manager.id, object: 'complaint', record_id: complaintId }]);
    await admin.post('/api/plugins/complaints/jobs/escalate', {});
    await new Promise((r) => setTimeout(r, 1500));
    expect(await sql(server.database!.url, `SELECT 1 FROM core.notification WHERE record_id = $1`, [complaintId])).toHaveLength(1);
  });

  it('resolves through the pipeline (resolution required), takes feedback and can be reopened', async () => {
    expect((await admin.patch(`/api/records/complaint/${complaintId}`, { status: 'processing' })).status).toBe(200);
    const missing = expectProblem(await admin.patch(`/api/records/complaint/${complaintId}`, { status: 'resolved' }), 422);
    expect(missing.errors?.map((e) => e.path)).toContain('/resolution');
    const resolved = await admin.patch(`/api/records/complaint/${complaintId}`, { status: 'resolved', resolution: '补发新杯子并致歉' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolved_at).toBeTruthy();
    expect((await admin.post('/api/records/complaint_feedback', { complaint: complaintId, satisfaction: 4, comment: '处理及时' })).status).toBe(201);
    await eventually(async () => (await admin.get(`/api/records/complaint/${complaintId}`)).body, (c) => c.satisfaction === 4, 'satisfaction');
    const reopened = await admin.patch(`/api/records/complaint/${complaintId}`, { status: 'processing' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.resolved_at ?? null).toBeNull();
    expect((await admin.patch(`/api/records/complaint/${complaintId}`, { status: 'resolved', resolution: '已再次补发' })).status).toBe(200);
    expect((await admin.patch(`/api/records/complaint/${complaintId}`, { status: 'closed' })).status).toBe(200);
  });

  it('summarizes for a dashboard widget: by type and severity, SLA breaches, average resolution time', async () => {
    const s = (await admin.get('/api/plugins/complaints/summary')).body;
    expect(s).toMatchObject({ total: 3, byType: { quality: 1, billing: 1, delivery: 1 }, bySeverity: { critical: 1, low: 1, medium: 1 }, slaBreaches: 1 });
    expect(typeof s.averageResolutionHours).toBe('number');
  });
});
