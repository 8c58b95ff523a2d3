import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, expectProblem, login } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const key = new TextEncoder().encode(SECRET);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { LOOM_JWT_SECRET: SECRET } });
});
afterAll(() => server?.stop());

describe('login', () => {
  it('returns a token and the user for the right password', async () => {
    const res = await client(server.url).post('/api/auth/login', { email: server.adminEmail, password: server.adminPassword });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^ey/);
    expect(res.body.user).toMatchObject({ email: server.adminEmail, roles: ['admin'] });
    expect(res.body.user.password_hash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown email alike with 401', async () => {
    expectProblem(await client(server.url).post('/api/auth/login', { email: server.adminEmail, password: 'nope-nope' }), 401);
    expectProblem(await client(server.url).post('/api/auth/login', { email: 'ghost@loom.test', password: 'nope-nope' }), 401);
  });

  it('answers 422 with paths for a malformed body', async () => {
    const p = expectProblem(await client(server.url).post('/api/auth/login', { email: 1 }), 422);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['/email', '/password']);
  });

  it('rate-limits repeated failures on one account with 429 and Retry-After', async () => {
    const admin = await login(server.url, server.adminEmail, server.adminPassword);
    await admin.post('/api/users', { email: 'victim@loom.test', name: 'Victim', password: 'victim-pass-1' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await client(server.url).post('/api/auth/login', { email: 'victim@loom.test', password: 'wrong-' + i })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await client(server.url).post('/api/auth/login', { email: 'victim@loom.test', password: 'victim-pass-1' });
    expectProblem(blocked, 429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('tokens', () => {
  const me = (token: string) => client(server.url, token).get('/api/auth/me');

  it('accepts a valid token on /me with roles, team and manager', async () => {
    const admin = await login(server.url, server.adminEmail, server.adminPassword);
    const res = await admin.get('/api/auth/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: server.adminEmail, roles: ['admin'], team: null, manager: null });
  });

  it('refuses no token, a tampered token, an expired token and alg none with 401', async () => {
    const admin = await login(server.url, server.adminEmail, server.adminPassword);
    const token = admin.token!;
    expectProblem(await client(server.url).get('/api/auth/me'), 401);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })).toString('base64url');
    expectProblem(await me(`${h}.${forgedPayload}.${s}`), 401);
    expectProblem(await me(token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')), 401);
    const expired = await new SignJWT({ tv: claims.tv }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub)
      .setIssuer('loom').setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(key);
    expectProblem(await me(expired), 401);
    const valid = await new SignJWT({ tv: claims.tv }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub)
      .setIssuer('loom').setExpirationTime('1h').sign(key);
    expect((await me(valid)).status).toBe(200); // proves the forged ones failed for the right reason
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expectProblem(await me(none), 401);
  });

  it('ends sessions when the password changes or the user is deactivated', async () => {
    const admin = await login(server.url, server.adminEmail, server.adminPassword);
    const created = await admin.post('/api/users', { email: 'bob@loom.test', name: 'Bob', password: 'bob-password-1' });
    expect(created.status).toBe(201);
    const bob = await login(server.url, 'bob@loom.test', 'bob-password-1');
    expect((await bob.get('/api/auth/me')).status).toBe(200);
    await admin.patch(`/api/users/${created.body.id}`, { password: 'bob-password-2' });
    expectProblem(await bob.get('/api/auth/me'), 401);
    const bob2 = await login(server.url, 'bob@loom.test', 'bob-password-2');
    await admin.del(`/api/users/${created.body.id}`);
    expectProblem(await bob2.get('/api/auth/me'), 401);
    expectProblem(await client(server.url).post('/api/auth/login', { email: 'bob@loom.test', password: 'bob-password-2' }), 401);
  });
});

describe('API keys', () => {
  it('creates a key shown once, authenticates with it, and stops after revocation', async () => {
    const admin = await login(server.url, server.adminEmail, server.adminPassword);
    const created = await admin.post('/api/auth/api-keys', { name: 'integration' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^loom_/);
    const listed = await admin.get('/api/auth/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    const viaKey = client(server.url, created.body.key);
    expect((await viaKey.get('/api/auth/me')).body.email).toBe(server.adminEmail);
    expect((await admin.del(`/api/auth/api-keys/${created.body.id}`)).status).toBe(204);
    expectProblem(await viaKey.get('/api/auth/me'), 401);
    expectProblem(await client(server.url, 'loom_made_up_key').get('/api/auth/me'), 401);
  });
});
