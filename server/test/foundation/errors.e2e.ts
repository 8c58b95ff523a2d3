import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer();
  admin = await login(server.url, server.adminEmail, server.adminPassword);
});
afterAll(() => server?.stop());

describe('problem+json everywhere', () => {
  it('answers 404 for an unknown API route', async () => {
    const p = expectProblem(await admin.get('/api/no/such/route'), 404);
    expect(p.type).toBe('https://loom.dev/problems/not-found');
  });

  it('answers 400 for malformed JSON', async () => {
    expectProblem(await admin.post('/api/teams', '{"name": "x",', { 'content-type': 'application/json' }), 400);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    expectProblem(await admin.post('/api/teams', big), 413);
  });

  it('answers 401 without credentials', async () => {
    expectProblem(await client(server.url).get('/api/users'), 401);
  });

  it('sends a request id with every response', async () => {
    const res = await client(server.url).get('/api/health', { 'x-request-id': 'trace-me-1' });
    expect(res.headers.get('x-request-id')).toBe('trace-me-1');
  });

  it('publishes the OpenAPI document and its viewer', async () => {
    const doc = await client(server.url).get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/health']));
    const docs = await client(server.url).get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.contentType).toContain('text/html');
  });
});

describe('configuration', () => {
  it('stops with one clear line and exit code 1 on a wrong value', () => {
    const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['loom: invalid configuration: PORT must be an integer between 0 and 65535, got "eighty"']);
    expect(run.stderr).not.toMatch(/at .*\.js/);
  });
});
