import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, freePort } from '../support/server.js';
import { FAST_JOBS, putAutomation, runs, sleep, startLoom, waitFor, type Loom } from './support/loom.js';

const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let api: Loom;
let worker: { child: ChildProcess; output: () => string; port: number; dataDir: string } | null = null;

async function startWorker() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'loom-worker-'));
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...FAST_JOBS, DATABASE_URL: database.url, LOOM_ROLE: 'worker', PORT: String(port), HOST: '127.0.0.1', LOOM_DATA_DIR: dataDir, LOG_LEVEL: 'warn', REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  await waitFor(async () => output.includes('Loom worker is running') || child.exitCode !== null, 60_000, 'worker start');
  if (child.exitCode !== null) throw new Error(`worker exited: ${output}`);
  return { child, output: () => output, port, dataDir };
}

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startLoom({ database, env: { LOOM_ROLE: 'api' } });
  await putAutomation(api.admin, {
    name: 'greet', trigger: { object: 'widget', event: 'created' },
    actions: [{ type: 'notify', user: '{{record.owner}}', message: 'Hi {{record.name}}' }],
  });
});
afterAll(async () => {
  if (worker && worker.child.exitCode === null) worker.child.kill('SIGKILL');
  if (worker) rmSync(worker.dataDir, { recursive: true, force: true });
  await api?.server.stop();
  await database?.drop();
});

describe('LOOM_ROLE', () => {
  it('api serves HTTP but runs no jobs: events wait in the outbox', async () => {
    const w = (await api.admin.post('/api/records/widget', { name: 'Waiting' })).body;
    await sleep(1500);
    expect(await runs(api.admin, 'greet')).toEqual([]);
    expect(await api.db(`SELECT count(*)::int AS n FROM core.outbox WHERE record_id = $1 AND dispatched_at IS NULL`, [w.id])).toEqual([{ n: 1 }]);
  });

  it('worker runs them without an HTTP listener, and stops cleanly on SIGTERM', async () => {
    worker = await startWorker();
    const run = await waitFor(async () => (await runs(api.admin, 'greet', 'ok'))[0], 30_000, 'run by the worker');
    expect(run.actions[0]).toMatchObject({ type: 'notify', status: 'ok' });
    const refused = await fetch(`http://127.0.0.1:${worker.port}/api/health`).then(() => false, () => true);
    expect(refused).toBe(true);
    const exited = new Promise<number | null>((resolve) => worker!.child.once('exit', (code) => resolve(code)));
    worker.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
