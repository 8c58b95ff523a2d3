import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Client } from '../support/client.js';
import { createTestDatabase, startTestServer, type TestServer } from '../support/server.js';

let db: { url: string; drop(): Promise<void> };
let a: TestServer, b: TestServer;
let adminA: Client, adminB: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { LOOM_JWT_SECRET: 'shared-secret-for-two-nodes-0123456789' };
  a = await startTestServer({ database: db, env });
  b = await startTestServer({ database: db, env });
  adminA = await login(a.url, a.adminEmail, a.adminPassword);
  adminB = await login(b.url, b.adminEmail, b.adminPassword);
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await db?.drop();
});

describe('two API nodes on one database', () => {
  it('the other node sees a new revision through NOTIFY without a restart', async () => {
    const start = (await adminB.get('/api/health')).body.revision;
    const res = await adminA.post('/api/metadata/objects/account/fields', { name: 'wechat_id', type: 'text', label: { en: 'WeChat ID', 'zh-CN': '微信号' } });
    expect(res.status).toBe(201);
    const published = Date.now();
    let seen = start;
    while (seen === start && Date.now() - published < 5000) {
      seen = (await adminB.get('/api/health')).body.revision;
    }
    const lag = Date.now() - published;
    expect(seen).toBe(res.body.revision);
    expect((await adminB.get('/api/metadata/objects/account')).body.fields.wechat_id.type).toBe('text');
    console.log(`metadata reload on the other node after ${lag} ms (includes HTTP polling)`);
    expect(lag).toBeLessThan(2000);
  });
});
