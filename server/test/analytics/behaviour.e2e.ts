import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Hand-computed: window 2026-03-01..2026-03-31 (inclusive), cancelled activities do not count,
// segments highly_engaged ≥ 8, engaged ≥ 4, occasional ≥ 1, dormant 0 (src/analytics/README.md).
// rep1 in team East owns K1, K2, K5; rep3 in team West owns K3, K4. Sales reps read their team's
// contacts and their own activities.
let server: TestServer;
let admin: Client;
let rep1: Client;
let rep3: Client;
const id: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const created = async (path: string, body: unknown): Promise<string> => {
    const res = await admin.post(path, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  id.east = await created('/api/teams', { name: 'East' });
  id.west = await created('/api/teams', { name: 'West' });
  id.rep1 = await created('/api/users', { email: 'rep1@loom.test', name: 'rep1', password: 'rep1-password', roles: ['sales_rep'], team: id.east });
  id.rep3 = await created('/api/users', { email: 'rep3@loom.test', name: 'rep3', password: 'rep3-password', roles: ['sales_rep'], team: id.west });
  for (const [key, owner] of [['K1', 'rep1'], ['K2', 'rep1'], ['K3', 'rep3'], ['K4', 'rep3'], ['K5', 'rep1']]) {
    id[key] = await created('/api/records/contact', { name: `Customer ${key}`, owner: id[owner!] });
  }
  const act = (contact: string, owner: string, type: string, at: string, status = 'done') =>
    created('/api/records/activity', { subject: `${type} ${contact}`, type, status, contact: id[contact], owner: id[owner], starts_at: at });
  const march = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  for (let i = 1; i <= 5; i++) await act('K1', 'rep1', 'call', march(i));
  for (let i = 1; i <= 3; i++) await act('K1', 'rep1', 'meeting', march(10 + i));
  await act('K1', 'rep1', 'email', march(20));
  await act('K1', 'rep1', 'call', march(21), 'cancelled');
  await act('K1', 'rep1', 'call', '2026-02-28T23:59:00.000Z');
  await act('K2', 'rep1', 'visit', march(2));
  await act('K2', 'rep1', 'visit', march(3));
  await act('K2', 'rep1', 'email', march(4));
  await act('K2', 'rep1', 'email', '2026-03-31T23:30:00.000Z');
  await act('K3', 'rep3', 'call', march(5));
  await act('K3', 'rep3', 'call', march(6));
  await act('K3', 'rep1', 'meeting', march(7));
  await act('K5', 'rep1', 'note', '2026-02-10T09:00:00.000Z');
  rep1 = await login(server.url, 'rep1@loom.test', 'rep1-password');
  rep3 = await login(server.url, 'rep3@loom.test', 'rep3-password');
});
afterAll(() => server?.stop());

const customer = (key: string, activities: number, byType: Record<string, number>, segment: string) =>
  ({ id: id[key], title: `Customer ${key}`, activities, byType, segment });
const MARCH = 'from=2026-03-01&to=2026-03-31';

describe('behaviour segments', () => {
  it('counts activities per contact by type in the window and buckets them into segments', async () => {
    const res = await admin.get(`/api/analytics/behaviour?object=contact&${MARCH}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      customers: [
        customer('K1', 9, { call: 5, meeting: 3, email: 1 }, 'highly_engaged'),
        customer('K2', 4, { visit: 2, email: 2 }, 'engaged'),
        customer('K3', 3, { call: 2, meeting: 1 }, 'occasional'),
      ],
      segments: { highly_engaged: 1, engaged: 1, occasional: 1, dormant: 2 },
    });
  });

  it('counts all time without a window', async () => {
    const res = await admin.get('/api/analytics/behaviour?object=contact');
    expect(res.body.customers.map((c: { id: string; activities: number; segment: string }) => [c.id, c.activities, c.segment])).toEqual([
      [id.K1, 10, 'highly_engaged'], [id.K2, 4, 'engaged'], [id.K3, 3, 'occasional'], [id.K5, 1, 'occasional'],
    ]);
    expect(res.body.segments).toEqual({ highly_engaged: 1, engaged: 1, occasional: 2, dormant: 1 });
  });

  it("counts only a rep's readable activities of readable contacts", async () => {
    const west = await rep3.get(`/api/analytics/behaviour?object=contact&${MARCH}`);
    expect(west.status).toBe(200);
    expect(west.body).toEqual({ customers: [customer('K3', 2, { call: 2 }, 'occasional')], segments: { highly_engaged: 0, engaged: 0, occasional: 1, dormant: 1 } });
    const east = await rep1.get(`/api/analytics/behaviour?object=contact&${MARCH}`);
    expect(east.body.customers.map((c: { id: string }) => c.id)).toEqual([id.K1, id.K2]);
    expect(east.body.segments).toEqual({ highly_engaged: 1, engaged: 1, occasional: 0, dormant: 1 });
  });

  it('refuses objects activities do not point at (400) and bad parameters (400)', async () => {
    expect(expectProblem(await admin.get('/api/analytics/behaviour?object=campaign'), 400).errors![0].path).toBe('/object');
    expect(expectProblem(await admin.get('/api/analytics/behaviour?object=contact&from=2026-13-01'), 400).errors![0].path).toBe('/from');
    expectProblem(await admin.get('/api/analytics/behaviour?object=nope'), 404);
  });
});
