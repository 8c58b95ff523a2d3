import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

// LOOM_DEMO=1: the first start of an empty CRM loads the demo set (2% scale here), a restart skips it.
const env = { LOOM_DEMO: '1', LOOM_DEMO_SCALE: '0.02', LOOM_DEMO_PASSWORD: 'demo-password-1', LOG_LEVEL: 'info' };
let server: TestServer;
let admin: Client;
const total = async (c: Client, object: string): Promise<number> => (await c.get(`/api/records/${object}?limit=1&count=true`)).body.total;

beforeAll(async () => {
  server = await startTestServer({ embedded: false, env });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
});
afterAll(() => server?.stop());

describe('demo data on first start', () => {
  it('loads accounts, contacts, deals with stage history, orders, activities and tickets', async () => {
    expect(await total(admin, 'account')).toBe(40);
    expect(await total(admin, 'contact')).toBe(200);
    expect(await total(admin, 'opportunity')).toBe(100);
    for (const object of ['sales_order', 'activity', 'ticket', 'campaign']) expect(await total(admin, object)).toBeGreaterThan(0);
    const [moves] = await sql(server.database!.url, `SELECT count(*)::int AS n, count(DISTINCT record_id)::int AS deals, min(at) AS first FROM core.stage_history`);
    expect(moves.deals).toBe(100);
    expect(moves.n).toBeGreaterThan(100);
    expect(Date.now() - new Date(moves.first).getTime()).toBeGreaterThan(120 * 86_400_000);
    const [history] = await sql(server.database!.url, `SELECT count(*)::int AS n FROM core.record_history WHERE action = 'create'`);
    expect(history.n).toBeGreaterThan(300);
    expect(server.output()).toMatch(/demo data loaded: \d+ rows in [\d.]+ s/);
  });

  it('writes Chinese and English names, and records the one validator normalized', async () => {
    const names = (await admin.get('/api/records/account?limit=40&fields=name')).body.data.map((a: { name: string }) => a.name);
    expect(names.some((n: string) => /有限公司$/.test(n))).toBe(true);
    expect(names.some((n: string) => /^[A-Za-z]/.test(n))).toBe(true);
    const contacts = (await admin.get('/api/records/contact?limit=50&fields=mobile,email')).body.data;
    expect(contacts.every((c: { mobile: string }) => /^\+\d{8,15}$/.test(c.mobile))).toBe(true);
  });

  it('feeds the analytics, scoped per demo user', async () => {
    const funnel = (await admin.get('/api/analytics/funnel?pipeline=sales')).body.stages;
    expect(funnel[0]).toMatchObject({ key: 'lead', entered: 100 });
    expect(funnel.find((s: { key: string }) => s.key === 'won').entered).toBeGreaterThan(0);
    const rep = await login(server.url, 'wei.zhang@demo.loom.local', 'demo-password-1');
    const repFunnel = (await rep.get('/api/analytics/funnel?pipeline=sales')).body.stages;
    expect(repFunnel[0].entered).toBeGreaterThan(0);
    expect(repFunnel[0].entered).toBeLessThan(100);
    expect((await admin.get('/api/analytics/rfm?object=contact')).body.customers.length).toBeGreaterThan(10);
  });

  it('skips the load on the next start, leaving the data as it was', async () => {
    const before = await total(admin, 'contact');
    await server.stop({ keepData: true });
    server = await startTestServer({ embedded: false, env, database: server.database!, dataDir: server.dataDir });
    admin = await login(server.url, server.adminEmail, server.adminPassword);
    expect(await total(admin, 'contact')).toBe(before);
    expect(server.output()).toMatch(/demo data not loaded: the CRM already has records/);
  });
});
