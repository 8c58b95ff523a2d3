// Starts the built Loom server for a test file: its own database (a fresh PostgreSQL database on the
// machine's server, or an embedded one in a temp dir), a free port, a known admin. stop() drops it all.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_EMAIL = 'admin@loom.test';
export const ADMIN_PASSWORD = 'admin-password-1';

export function baseDatabaseUrl() {
  return process.env.LOOM_TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function canReachPostgres(url = baseDatabaseUrl()) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase() {
  const base = baseDatabaseUrl();
  const name = `loom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = '/' + name;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ env?: Record<string,string>, embedded?: boolean, database?: { url: string }, dataDir?: string, nodeArgs?: string[] }} [options]
 */
export async function startTestServer(options = {}) {
  const embedded = options.embedded ?? !(await canReachPostgres());
  const database = options.database ?? (embedded ? null : await createTestDatabase());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'loom-test-'));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOOM_DATA_DIR: dataDir,
    LOOM_ADMIN_EMAIL: ADMIN_EMAIL,
    LOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: process.env.LOOM_TEST_LOG_LEVEL || 'warn',
    ...(options.env ?? {}),
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  if (!options.env?.REDIS_URL) delete env.REDIS_URL;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(root, 'server/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, exited, () => output);
  let stopped = false;
  const server = {
    url, port, dataDir, database, embedded, child,
    adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD,
    output: () => output,
    exited,
    /** Stops the process (SIGTERM); keeps the database and data dir when keepData is set. */
    async stop({ keepData = false } = {}) {
      if (!stopped) {
        stopped = true;
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
      }
      if (!keepData) {
        if (database && !options.database) await database.drop().catch(() => {});
        if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return server;
}

async function waitForHealth(url, exited, output) {
  const deadline = Date.now() + 90_000;
  let done = false;
  exited.then(() => { done = true; });
  while (Date.now() < deadline) {
    if (done) throw new Error(`server exited during start:\n${output()}`);
    try {
      const res = await fetch(url + '/api/health');
      if (res.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server did not become healthy in 90 s:\n${output()}`);
}
