// An object's fields keep the order the admin defined them in after a restart: the metadata is
// stored as json (jsonb would sort the keys by length), so the default list columns, the record's
// keys and the form stay as designed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { createTestDatabase, startTestServer, type TestServer } from '../support/server.js';

let db: { url: string; drop(): Promise<void> };
let first: TestServer | undefined;
let second: TestServer | undefined;
const env = { LOOM_JWT_SECRET: 'key-order-secret-0123456789-0123456789' };
const ORDER = ['zeta_long_name', 'b', 'middle', 'a1', 'extra_long_field_name', 'c'];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await first?.stop({ keepData: true });
  await second?.stop();
  await db?.drop();
});

describe('metadata key order across a restart', () => {
  it('keeps the fields, and the record keys, in the order they were defined', async () => {
    first = await startTestServer({ database: db, env });
    const admin = await login(first.url, first.adminEmail, first.adminPassword);
    const fields = Object.fromEntries(ORDER.map((name) => [name, { type: 'text' }]));
    const res = await admin.post('/api/metadata/objects', { kind: 'object', name: 'ordered', label: { en: 'Ordered', 'zh-CN': '有序' }, titleField: 'b', fields });
    expect(res.status).toBe(201);
    const id = (await admin.post('/api/records/ordered', { b: 'x' })).body.id;
    await first.stop({ keepData: true });
    first = undefined;

    second = await startTestServer({ database: db, env });
    const again = await login(second.url, second.adminEmail, second.adminPassword);
    expect(Object.keys((await again.get('/api/metadata/objects/ordered')).body.fields)).toEqual(ORDER);
    const record = (await again.get(`/api/records/ordered/${id}`)).body;
    expect(Object.keys(record).slice(1, 1 + ORDER.length)).toEqual(ORDER);
  });
});
