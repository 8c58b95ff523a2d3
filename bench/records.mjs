// Records API vs a raw baseline (bench/raw-records-server.mjs) on a 1M-row object, wrk -c32, same run.
// Prints req/s and CPU per request for list (50, filtered + sorted), get, create and update, and the ratios API/raw.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startTestServer } from '../scripts/test-server.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const here = dirname(fileURLToPath(import.meta.url));
const server = await startTestServer({ embedded: false, env: { LOG_LEVEL: 'warn' } });
const db = new pg.Client({ connectionString: server.database.url });
await db.connect();
const tmp = mkdtempSync(join(tmpdir(), 'loom-bench-'));
let raw;
try {
  const login = await (await fetch(server.url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }) })).json();
  const token = login.accessToken;
  const opt = (key) => ({ key, label: { en: key, 'zh-CN': key } });
  const created = await fetch(server.url + '/api/metadata/objects', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({
    kind: 'object', name: 'bench_contact', label: { en: 'Bench contact', 'zh-CN': '压测联系人' }, titleField: 'name', trackHistory: true,
    fields: { name: { type: 'text', required: true }, email: { type: 'email' }, amount: { type: 'currency' }, status: { type: 'select', options: [opt('new'), opt('active'), opt('lost')] }, score: { type: 'integer' } },
    indexes: [['amount']],
  }) });
  if (created.status !== 201) throw new Error(await created.text());
  let t = performance.now();
  await db.query(`INSERT INTO data.bench_contact (name, email, amount, status, score, owner, created_by, updated_by)
    SELECT 'Contact ' || g, 'c' || g || '@example.com', (g % 100000) / 10.0, (ARRAY['new','active','lost'])[1 + g % 3], g % 100, $2, $2, $2
    FROM generate_series(1, $1) g`, [ROWS, login.user.id]);
  await db.query('VACUUM ANALYZE data.bench_contact');
  console.log(`loaded ${ROWS} rows in ${Math.round(performance.now() - t)} ms`);
  const ids = (await db.query('SELECT id FROM data.bench_contact ORDER BY random() LIMIT 2000')).rows.map((r) => r.id);

  const rawPort = await freePort();
  raw = spawn(process.execPath, [join(here, 'raw-records-server.mjs')], { env: { ...process.env, PORT: String(rawPort), DATABASE_URL: server.database.url, BENCH_USER: login.user.id }, stdio: 'inherit' });
  for (let i = 0; i < 100; i++) { // until the baseline answers
    if (await fetch(`http://127.0.0.1:${rawPort}/api/records/bench_contact/${ids[0]}`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  const script = (name, body) => { const f = join(tmp, `${name}.lua`); writeFileSync(f, body); return f; };
  const idsLua = `local ids = {${ids.map((i) => `"${i}"`).join(',')}}\n`;
  const auth = `wrk.headers["authorization"] = "Bearer ${token}"\nwrk.headers["content-type"] = "application/json"\n`;
  const filter = encodeURIComponent(JSON.stringify({ amount: { $gte: 5000 } }));
  const cases = {
    list: { api: `/api/records/bench_contact?filter=${filter}&sort=-amount&limit=50`, raw: '/api/records/bench_contact?min=5000', lua: auth },
    get: { lua: auth + idsLua + 'request = function() return wrk.format("GET", wrk.path .. ids[math.random(#ids)]) end\n', api: '/api/records/bench_contact/', raw: '/api/records/bench_contact/' },
    create: { lua: auth + 'local n = 0\nrequest = function() n = n + 1 return wrk.format("POST", wrk.path, nil, \'{"name":"New \' .. n .. \'","email":"n\' .. n .. \'@example.com","amount":12.5,"status":"new","score":3}\') end\n', api: '/api/records/bench_contact', raw: '/api/records/bench_contact' },
    update: { lua: auth + idsLua + 'request = function() return wrk.format("PATCH", wrk.path .. ids[math.random(#ids)], nil, \'{"amount":\' .. math.random(1, 9999) .. \'}\') end\n', api: '/api/records/bench_contact/', raw: '/api/records/bench_contact/' },
  };
  // CPU of the serving process per request (user + system, from /proc): steadier than req/s on a busy machine
  const cpuMs = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
  const rps = (url, lua, pid) => {
    const before = cpuMs(pid);
    const out = spawnSync('wrk', ['-t2', '-c32', `-d${DURATION}`, '-s', lua, url], { encoding: 'utf8' }).stdout;
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (non2xx) console.log(`  warning: ${non2xx[1]} non-2xx responses from ${url}`);
    const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
    return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), cpuUs: requests ? (cpuMs(pid) - before) * 1000 / requests : NaN };
  };
  const targets = { list: 1.0, get: 0.85, create: 0.65, update: 0.6 };
  for (const [name, c] of Object.entries(cases)) {
    const lua = script(name, c.lua);
    const r = rps(`http://127.0.0.1:${rawPort}${c.raw}`, lua, raw.pid);
    const a = rps(`${server.url}${c.api}`, lua, server.child.pid);
    const ratio = a.rps / r.rps;
    console.log(`${name.padEnd(6)} raw ${r.rps.toFixed(0).padStart(6)} req/s ${r.cpuUs.toFixed(0).padStart(5)} µs CPU/req  api ${a.rps.toFixed(0).padStart(6)} req/s ${a.cpuUs.toFixed(0).padStart(5)} µs CPU/req  ratio ${ratio.toFixed(2)}x  (target ≥ ${targets[name]}x: ${ratio >= targets[name] ? 'met' : 'NOT met'})`);
  }
} finally {
  raw?.kill();
  await db.end();
  await server.stop();
}
