import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer();
  admin = await login(server.url, server.adminEmail, server.adminPassword);
});
afterAll(() => server?.stop());

describe('teams (admin)', () => {
  it('creates, lists, renames, nests and deletes teams', async () => {
    const sales = await admin.post('/api/teams', { name: 'Sales' });
    expect(sales.status).toBe(201);
    const east = await admin.post('/api/teams', { name: 'Sales East', parent: sales.body.id });
    expect(east.body.parent).toBe(sales.body.id);
    expect((await admin.get('/api/teams')).body.map((t: { name: string }) => t.name)).toEqual(['Sales', 'Sales East']);
    const renamed = await admin.patch(`/api/teams/${east.body.id}`, { name: 'East' });
    expect(renamed.body).toMatchObject({ name: 'East', parent: sales.body.id });
    const cycle = expectProblem(await admin.patch(`/api/teams/${sales.body.id}`, { parent: east.body.id }), 422);
    expect(cycle.errors![0].path).toBe('/parent');
    expectProblem(await admin.post('/api/teams', { name: 'sales' }), 409);
    expect((await admin.del(`/api/teams/${east.body.id}`)).status).toBe(204);
    expectProblem(await admin.get(`/api/teams/${east.body.id}`), 404);
  });
});

describe('users (admin)', () => {
  it('creates a user with team and manager, never returns the password, and updates them', async () => {
    const team = (await admin.post('/api/teams', { name: 'Service' })).body;
    const boss = (await admin.post('/api/users', { email: 'Boss@Loom.test', name: 'Boss', password: 'boss-password', roles: ['sales_manager'] })).body;
    expect(boss.email).toBe('boss@loom.test');
    const res = await admin.post('/api/users', { email: 'rep@loom.test', name: 'Rep', password: 'rep-password', roles: ['sales_rep'], team: team.id, manager: boss.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'rep@loom.test', roles: ['sales_rep'], team: team.id, manager: boss.id, active: true });
    expect(JSON.stringify(res.body)).not.toMatch(/password/);
    const got = await admin.get(`/api/users/${res.body.id}`);
    expect(got.body.id).toBe(res.body.id);
    const cycle = expectProblem(await admin.patch(`/api/users/${boss.id}`, { manager: res.body.id }), 422);
    expect(cycle.errors![0].path).toBe('/manager');
    const updated = await admin.patch(`/api/users/${res.body.id}`, { name: 'Rep Two', roles: ['sales_rep', 'marketing'] });
    expect(updated.body).toMatchObject({ name: 'Rep Two', roles: ['sales_rep', 'marketing'] });
    const list = await admin.get('/api/users');
    expect(list.body.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(['rep@loom.test', 'boss@loom.test', server.adminEmail]));
  });

  it('refuses invalid bodies with 422 paths and duplicate emails with 409', async () => {
    const p = expectProblem(await admin.post('/api/users', { email: 'bad', name: '', password: 'short', roles: ['Not Valid'], team: 'x', extra: 1 }), 422);
    expect(p.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['/email', '/name', '/password', '/roles/0', '/team', '/extra']));
    await admin.post('/api/users', { email: 'dup@loom.test', name: 'Dup', password: 'dup-password' });
    const dup = expectProblem(await admin.post('/api/users', { email: 'DUP@loom.test', name: 'Dup', password: 'dup-password' }), 409);
    expect(dup.errors![0].path).toBe('/email');
    expectProblem(await admin.post('/api/users', { email: 'x@loom.test', name: 'X', password: 'x-password', team: '00000000-0000-4000-8000-000000000000' }), 422);
    expectProblem(await admin.get('/api/users/not-a-uuid'), 404);
  });

  it('answers 403 to a non-admin on every users and teams endpoint', async () => {
    await admin.post('/api/users', { email: 'plain@loom.test', name: 'Plain', password: 'plain-password', roles: ['sales_rep'] });
    const plain = await login(server.url, 'plain@loom.test', 'plain-password');
    expectProblem(await plain.get('/api/users'), 403);
    expectProblem(await plain.post('/api/users', { email: 'z@loom.test', name: 'Z', password: 'z-password' }), 403);
    expectProblem(await plain.get('/api/teams'), 403);
    expectProblem(await plain.post('/api/teams', { name: 'Mine' }), 403);
    expect((await plain.get('/api/auth/me')).status).toBe(200);
  });
});
