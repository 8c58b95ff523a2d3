// Smoke test of the embedded default: `npm start` with no DATABASE_URL/REDIS_URL on an empty data dir
// → /api/health is 200 and `/` serves the web UI. Prints "N passed, M failed".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './test-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(join(tmpdir(), 'loom-smoke-'));
const port = await freePort();
const env = { ...process.env, PORT: String(port), LOOM_DATA_DIR: dataDir };
delete env.DATABASE_URL;
delete env.REDIS_URL;
delete env.LOOM_ADMIN_PASSWORD;
delete env.LOOM_ADMIN_EMAIL;
const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let output = '';
child.stdout.on('data', (d) => { output += d; });
child.stderr.on('data', (d) => { output += d; });

const checks = [];
const check = (name, ok, detail = '') => {
  checks.push(ok);
  console.log(`${ok ? '✓' : '✗'} ${name}${ok ? '' : ' — ' + detail}`);
};

const base = `http://127.0.0.1:${port}`;
let health = null;
const deadline = Date.now() + 300_000;
while (Date.now() < deadline && child.exitCode === null) {
  try {
    const res = await fetch(base + '/api/health');
    health = { status: res.status, body: await res.json() };
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 500));
  }
}
check('npm start answers /api/health 200 on the embedded database', health?.status === 200 && health.body.db === 'ok', JSON.stringify(health) + '\n' + output.slice(-3000));
check('the admin password is printed once on first start', /Loom admin created — email: admin@loom\.local {2}password: \S+/.test(output), output.slice(-2000));
const page = await fetch(base + '/', { headers: { accept: 'text/html' } }).then(async (r) => ({ status: r.status, text: await r.text() }), (e) => ({ status: 0, text: String(e) }));
check('/ serves the web UI', page.status === 200 && page.text.includes('<div id="app">'), `${page.status} ${page.text.slice(0, 200)}`);
const deep = await fetch(base + '/login', { headers: { accept: 'text/html' } }).then((r) => r.status, () => 0);
check('client routes fall back to the UI', deep === 200, String(deep));

try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
await new Promise((r) => setTimeout(r, 1500));
try { process.kill(-child.pid, 'SIGKILL'); } catch { /* stopped */ }
rmSync(dataDir, { recursive: true, force: true });
const passed = checks.filter(Boolean).length;
console.log(`smoke: ${passed} passed, ${checks.length - passed} failed`);
process.exit(passed === checks.length ? 0 : 1);
