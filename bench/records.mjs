// Records API vs a raw baseline (bench/raw-records-server.mjs) on a 1M-row object, wrk -c32, same run.
// BENCH_AGAINST=server/dist-b: the baseline is that other build of the API instead (same database and JWT
// secret, no floor): an A/B of two builds, e.g. `git stash; npm run build -w server; cp -r server/dist server/dist-b; git stash pop`.
// After a warm-up turn each (BENCH_WARMUP, default 5s), raw and API take turns (BENCH_ROUNDS, default 9, of BENCH_DURATION, default 3s: on a small VM the raw baseline alone moves 20–35% between turns, so many short turns give a steadier median than a few long ones); prints the medians of req/s and CPU per request for list (50, filtered + sorted), get, create and update, and the ratios API/raw.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startTestServer } from '../scripts/test-server.mjs';
import { seededPrelude } from './lib/wrk-seed.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DURATION = process.env.BENCH_DURATION ?? '3s';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const WARMUP = process.env.BENCH_WARMUP ?? '5s';
const here = dirname(fileURLToPath(import.meta.url));
const CASES = process.env.BENCH_CASES?.split(','); // e.g. get,update: only these
const AGAINST = process.env.BENCH_AGAINST;
const jwtSecret = randomBytes(24).toString('hex'); // both builds sign and check the same tokens
const server = await startTestServer({ embedded: false, env: { LOG_LEVEL: 'warn', LOOM_JWT_SECRET: jwtSecret }, nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ') });
const db = new pg.Client({ connectionString: server.database.url });
await db.connect();
const tmp = mkdtempSync(join(tmpdir(), 'loom-bench-'));
let raw;
let floor;
let api;
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

  // the API measured is a fresh process spawned as the baseline is (an API build or the raw server), not the
  // test server that set the object up: that one measured lists at 0.60x of a copy of its own build
  await server.stop({ keepData: true });
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ') ?? [];
  const apiBuild = (dist, port) => spawn(process.execPath, [...nodeArgs, join(here, '..', dist, 'main.js')], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'loom-bench-api-')), DATABASE_URL: server.database.url, LOOM_JWT_SECRET: jwtSecret }, stdio: 'inherit' });
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  api = apiBuild('server/dist', apiPort);
  const rawPort = await freePort();
  raw = AGAINST
    ? apiBuild(AGAINST, rawPort)
    : spawn(process.execPath, [...nodeArgs, join(here, 'raw-records-server.mjs')], { env: { ...process.env, PORT: String(rawPort), DATABASE_URL: server.database.url, BENCH_USER: login.user.id }, stdio: 'inherit' });
  const floorPort = await freePort();
  if (!AGAINST) floor = spawn(process.execPath, [join(here, 'raw-records-server.mjs')], { env: { ...process.env, PORT: String(floorPort), DATABASE_URL: server.database.url, BENCH_USER: login.user.id, RAW_MODE: 'required' }, stdio: 'inherit' });
  for (const port of AGAINST ? [apiPort, rawPort] : [apiPort, rawPort, floorPort]) {
    for (let i = 0; i < 300; i++) { // until each server answers
      if (await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
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
  // CPU per request (user + system, from /proc) of the serving process and of PostgreSQL's processes:
  // steadier than req/s on a busy machine (PostgreSQL's share is exact only when nothing else uses it)
  const cpuMs = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
  // every postgres process's own CPU, and the postmaster's reaped children's (backends that ended)
  const pgCpuMs = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).reduce((sum, pid) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ');
      if (!f[0].endsWith('(postgres')) return sum;
      const v = f[1].split(' ');
      return sum + (Number(v[11]) + Number(v[12]) + Number(v[13]) + Number(v[14])) * 10;
    } catch {
      return sum; // the process ended meanwhile
    }
  }, 0);
  // each run draws other random ids and values (bench/lib/wrk-seed.mjs)
  let seed = 0;
  // each turn starts from vacuumed tables and a checkpoint: no turn inherits another's dead rows, nor a vacuum or checkpoint by chance
  const rps = async (url, lua, pid, duration = DURATION) => {
    await db.query('VACUUM data.bench_contact, core.record_history, core.outbox');
    await db.query('CHECKPOINT');
    const seeded = `${lua}.${++seed}.lua`;
    writeFileSync(seeded, seededPrelude() + readFileSync(lua, 'utf8'));
    lua = seeded;
    const before = cpuMs(pid);
    const pgBefore = pgCpuMs();
    const out = spawnSync('wrk', ['-t2', '-c32', `-d${duration}`, '-s', lua, url], { encoding: 'utf8' }).stdout;
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (non2xx) console.log(`  warning: ${non2xx[1]} non-2xx responses from ${url}`);
    const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
    return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), cpuUs: requests ? (cpuMs(pid) - before) * 1000 / requests : NaN, pgUs: requests ? (pgCpuMs() - pgBefore) * 1000 / requests : NaN };
  };
  const targets = { list: 1.0, get: 0.85, create: 0.65, update: 0.6 };
  // raw and API take turns, ROUNDS times each: the machine's speed drifts over a run, the ratio of neighbours does not.
  // Writes also run against the floor (raw + the history row and outbox event the issue requires, one statement).
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const summary = (xs) => ({ rps: median(xs.map((x) => x.rps)), cpuUs: median(xs.map((x) => x.cpuUs)), pgUs: median(xs.map((x) => x.pgUs)) });
  const line = (label, m) => `${label} ${m.rps.toFixed(0).padStart(6)} req/s ${m.cpuUs.toFixed(0).padStart(4)}+${m.pgUs.toFixed(0).padStart(4)} µs`;
  console.log(`req/s, and CPU per request of the server + PostgreSQL; medians of ${ROUNDS} turns${AGAINST ? `; "raw" is the build in ${AGAINST}` : ''}`);
  for (const [name, c] of Object.entries(cases).filter(([n]) => !CASES || CASES.includes(n))) {
    const lua = script(name, c.lua);
    const write = !AGAINST && (name === 'create' || name === 'update');
    const baselinePath = AGAINST ? c.api : c.raw;
    const runs = [];
    // a warm-up turn each, not counted: the JIT compiles the hot paths in the first seconds (after 2 s the
    // API's first counted turn was still its slowest in most runs; a server runs for hours)
    for (const [url, pid] of [[`http://127.0.0.1:${rawPort}${baselinePath}`, raw.pid], ...(write ? [[`http://127.0.0.1:${floorPort}${c.raw}`, floor.pid]] : []), [`${apiUrl}${c.api}`, api.pid]]) await rps(url, lua, pid, WARMUP);
    for (let i = 0; i < ROUNDS; i++) {
      const r = await rps(`http://127.0.0.1:${rawPort}${baselinePath}`, lua, raw.pid);
      const f = write ? await rps(`http://127.0.0.1:${floorPort}${c.raw}`, lua, floor.pid) : undefined;
      runs.push({ r, f, a: await rps(`${apiUrl}${c.api}`, lua, api.pid) });
    }
    const ratio = median(runs.map((x) => x.a.rps / x.r.rps));
    const floorRatio = write ? median(runs.map((x) => x.f.rps / x.r.rps)) : undefined;
    console.log(`${name.padEnd(6)} ${line('raw', summary(runs.map((x) => x.r)))}  ${write ? line('floor', summary(runs.map((x) => x.f))) + '  ' : ''}${line('api', summary(runs.map((x) => x.a)))}`
      + `  ratio ${ratio.toFixed(2)}x [${runs.map((x) => (x.a.rps / x.r.rps).toFixed(2)).join(' ')}]${write ? `  floor/raw ${floorRatio.toFixed(2)}x` : ''}${AGAINST ? '' : `  (target ≥ ${targets[name]}x: ${ratio >= targets[name] ? 'met' : 'NOT met'})`}`);
  }
} finally {
  for (const child of [api, raw, floor].filter(Boolean)) { const exited = new Promise((r) => child.once('exit', r)); child.kill(); await exited; }
  await db.end();
  await server.stop();
}
