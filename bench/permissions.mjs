// Permission cost: the same records API calls as an admin and as a role with a `team` scope and one
// hidden field, on a 1M-row object, wrk -c32, same run. Target: the role ≥ 0.9x the admin (≤ 10% slower).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startTestServer } from '../scripts/test-server.mjs';
import { seededPrelude } from './lib/wrk-seed.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const server = await startTestServer({ embedded: false, env: { LOG_LEVEL: 'warn' } });
const db = new pg.Client({ connectionString: server.database.url });
await db.connect();
const tmp = mkdtempSync(join(tmpdir(), 'loom-bench-perm-'));
const call = async (method, path, body, token) => {
  const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
};
try {
  const admin = await call('POST', '/api/auth/login', { email: server.adminEmail, password: server.adminPassword });
  const A = admin.accessToken;
  const opt = (key) => ({ key, label: { en: key, 'zh-CN': key } });
  await call('POST', '/api/metadata/objects', {
    kind: 'object', name: 'bench_contact', label: { en: 'Bench contact', 'zh-CN': '压测联系人' }, titleField: 'name', trackHistory: true,
    fields: { name: { type: 'text', required: true }, email: { type: 'email' }, amount: { type: 'currency' }, status: { type: 'select', options: [opt('new'), opt('active'), opt('lost')] }, score: { type: 'integer' } },
    indexes: [['amount']],
  }, A);
  await call('PUT', '/api/metadata/roles/bench_rep', { objects: { bench_contact: { read: 'team', create: true, update: 'team', delete: 'none', fields: { score: 'none' } } } }, A);
  const team = await call('POST', '/api/teams', { name: 'Bench team' }, A);
  await call('PATCH', `/api/users/${admin.user.id}`, { team: team.id }, A);
  await call('POST', '/api/users', { email: 'rep@bench.test', name: 'Bench rep', password: 'bench-password', roles: ['bench_rep'], team: team.id }, A);
  const R = (await call('POST', '/api/auth/login', { email: 'rep@bench.test', password: 'bench-password' })).accessToken;
  const t = performance.now();
  await db.query(`INSERT INTO data.bench_contact (name, email, amount, status, score, owner, created_by, updated_by)
    SELECT 'Contact ' || g, 'c' || g || '@example.com', (g % 100000) / 10.0, (ARRAY['new','active','lost'])[1 + g % 3], g % 100, $2, $2, $2
    FROM generate_series(1, $1) g`, [ROWS, admin.user.id]);
  await db.query('VACUUM ANALYZE data.bench_contact');
  console.log(`loaded ${ROWS} rows in ${Math.round(performance.now() - t)} ms`);
  const ids = (await db.query('SELECT id FROM data.bench_contact ORDER BY random() LIMIT 2000')).rows.map((r) => r.id);
  const rep = await call('GET', `/api/records/bench_contact/${ids[0]}`, undefined, R);
  if ('score' in rep) throw new Error('the hidden field reached the role');

  const idsLua = `local ids = {${ids.map((i) => `"${i}"`).join(',')}}\n`;
  const lua = (token, body) => {
    const f = join(tmp, `${Math.random().toString(36).slice(2)}.lua`);
    writeFileSync(f, `${seededPrelude()}wrk.headers["authorization"] = "Bearer ${token}"\nwrk.headers["content-type"] = "application/json"\n${body}`);
    return f;
  };
  const filter = encodeURIComponent(JSON.stringify({ amount: { $gte: 5000 } }));
  const cases = {
    list: { path: `/api/records/bench_contact?filter=${filter}&sort=-amount&limit=50`, body: '' },
    get: { path: '/api/records/bench_contact/', body: idsLua + 'request = function() return wrk.format("GET", wrk.path .. ids[math.random(#ids)]) end\n' },
    update: { path: '/api/records/bench_contact/', body: idsLua + 'request = function() return wrk.format("PATCH", wrk.path .. ids[math.random(#ids)], nil, \'{"amount":\' .. math.random(1, 9999) .. \'}\') end\n' },
  };
  const rps = (path, script) => {
    const out = spawnSync('wrk', ['-t2', '-c32', `-d${DURATION}`, '-s', script, server.url + path], { encoding: 'utf8' }).stdout;
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (non2xx) console.log(`  warning: ${non2xx[1]} non-2xx responses`);
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  };
  for (const [name, c] of Object.entries(cases)) {
    const a = rps(c.path, lua(A, c.body));
    const r = rps(c.path, lua(R, c.body));
    console.log(`${name.padEnd(6)} admin ${a.toFixed(0).padStart(6)} req/s  team-scoped role with a hidden field ${r.toFixed(0).padStart(6)} req/s  ratio ${(r / a).toFixed(2)}x  (target ≥ 0.90x: ${r / a >= 0.9 ? 'met' : 'NOT met'})`);
  }
} finally {
  await db.end();
  await server.stop();
}
