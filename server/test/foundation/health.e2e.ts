import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { client, login } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

const started: TestServer[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

describe('health', () => {
  it('is ok on the real PostgreSQL server', async () => {
    const s = await startTestServer({ embedded: false });
    started.push(s);
    expect(s.embedded).toBe(false);
    const res = await client(s.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'ok', queue: 'inline' });
  });

  it('is ok on the embedded database, which keeps its data across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loom-embedded-'));
    try {
      const first = await startTestServer({ embedded: true, dataDir });
      const res = await client(first.url).get('/api/health');
      expect(res.body).toMatchObject({ status: 'ok', db: 'ok' });
      const admin = await login(first.url, first.adminEmail, first.adminPassword);
      expect((await admin.post('/api/teams', { name: 'Survivors' })).status).toBe(201);
      await first.stop({ keepData: true });
      expect((await first.exited).code).toBe(0);

      const second = await startTestServer({ embedded: true, dataDir });
      started.push(second);
      const again = await login(second.url, second.adminEmail, second.adminPassword);
      expect((await again.get('/api/teams')).body.map((t: { name: string }) => t.name)).toEqual(['Survivors']);
      await second.stop({ keepData: true });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
