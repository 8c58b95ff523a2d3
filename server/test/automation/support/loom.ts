import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { login, type Client } from '../../support/client.js';
import { sql } from '../../support/pg.js';
import { startTestServer, type StartOptions, type TestServer } from '../../support/server.js';

export const label = (en: string) => ({ en, 'zh-CN': en });

/** The object every automation spec works on: text, counter, email, dates and an owner. */
export const widget = {
  kind: 'object', name: 'widget', label: label('Widget'), titleField: 'name', searchFields: ['name'], trackHistory: true,
  fields: {
    name: { type: 'text', required: true, maxLength: 200 },
    note: { type: 'text', maxLength: 500 },
    counter: { type: 'integer' },
    email: { type: 'email' },
    due: { type: 'date' },
    birthday: { type: 'date' },
    level: { type: 'select', options: ['low', 'high'].map((key) => ({ key, label: label(key) })) },
  },
};

export interface Loom {
  server: TestServer;
  admin: Client;
  /** SQL on the server's database. */
  db<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  child: ChildProcess;
}

/** The machine's Redis (CI exports LOOM_TEST_REDIS_URL). */
export const TEST_REDIS_URL = process.env.LOOM_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** Fast job settings for tests: short leases, quick backoff and polling. */
export const FAST_JOBS = { LOOM_JOB_LEASE_MS: '3000', LOOM_JOB_BACKOFF_MS: '200', LOOM_JOB_POLL_MS: '100', LOOM_OUTBOX_POLL_MS: '100' };

/** A test server on real PostgreSQL with the widget object; `redis` selects the BullMQ driver with its own key prefix. */
export async function startLoom(options: { redisUrl?: string; env?: Record<string, string>; database?: { url: string }; dataDir?: string; createWidget?: boolean } = {}): Promise<Loom> {
  const env: Record<string, string> = { ...FAST_JOBS, LOOM_TEST_HOOKS: '1', ...(options.env ?? {}) };
  if (options.redisUrl) {
    env.REDIS_URL = options.redisUrl;
    env.LOOM_REDIS_PREFIX ??= `loomtest_${randomBytes(4).toString('hex')}`;
  }
  const start: StartOptions = { embedded: false, env, ...(options.database ? { database: options.database } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) };
  const server = await startTestServer(start);
  const admin = await login(server.url, server.adminEmail, server.adminPassword);
  if (options.createWidget !== false) {
    const res = await admin.post('/api/metadata/objects', widget);
    if (res.status !== 201) throw new Error(`widget: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const url = server.database!.url;
  return { server, admin, db: (text, params) => sql(url, text, params), child: (server as unknown as { child: ChildProcess }).child };
}

export async function putAutomation(admin: Client, def: Record<string, unknown>): Promise<void> {
  const res = await admin.put(`/api/metadata/automations/${def.name}`, { kind: 'automation', ...def });
  if (res.status !== 200 && res.status !== 201) throw new Error(`automation ${def.name}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Polls until `probe` returns a truthy value (returned), or fails after `ms` with the last value. */
export async function waitFor<T>(probe: () => Promise<T>, ms = 20_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

export async function runs(admin: Client, automation: string, status?: string): Promise<any[]> {
  const q = new URLSearchParams({ automation, ...(status ? { status } : {}) });
  const res = await admin.get(`/api/automations/runs?${q}`);
  if (res.status !== 200) throw new Error(`runs: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/** Waits until the outbox has nothing left to dispatch. */
export async function outboxDrained(loom: Loom, ms = 20_000): Promise<void> {
  await waitFor(async () => (await loom.db(`SELECT count(*)::int AS n FROM core.outbox WHERE dispatched_at IS NULL`))[0].n === 0, ms, 'outbox drained');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
