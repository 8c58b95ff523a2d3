// Adding a field to a 1M-row object through the API, against the raw baseline (ALTER TABLE ADD COLUMN
// over plain pg on the same table, same run), while a reader keeps querying the table.
// Prints the times, the ratio, and the slowest read seen during each. Needs PostgreSQL (LOOM_TEST_DATABASE_URL).
import pg from 'pg';
import { startTestServer } from '../scripts/test-server.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const server = await startTestServer({ embedded: false });
const db = new pg.Client({ connectionString: server.database.url });
await db.connect();
const api = async (method, path, body, token) => {
  const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json() };
};
try {
  const { body: { accessToken: token } } = await api('POST', '/api/auth/login', { email: server.adminEmail, password: server.adminPassword });
  const created = await api('POST', '/api/metadata/objects', {
    kind: 'object', name: 'bench_item', label: { en: 'Bench item', 'zh-CN': '压测条目' }, titleField: 'name',
    fields: { name: { type: 'text' }, amount: { type: 'currency' } },
  }, token);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  let t = performance.now();
  await db.query(`INSERT INTO data.bench_item (name, amount) SELECT 'item ' || g, g % 10000 FROM generate_series(1, $1) g`, [ROWS]);
  await db.query('ANALYZE data.bench_item');
  console.log(`loaded ${ROWS} rows in ${Math.round(performance.now() - t)} ms`);

  // a reader on its own connection: the slowest read while each ALTER runs
  const reader = new pg.Client({ connectionString: server.database.url });
  await reader.connect();
  const [{ id }] = (await reader.query('SELECT id FROM data.bench_item LIMIT 1')).rows;
  const watch = async (fn) => {
    let stop = false, worst = 0, reads = 0;
    const loop = (async () => {
      while (!stop) {
        const s = performance.now();
        await reader.query('SELECT id, name, amount FROM data.bench_item WHERE id = $1', [id]);
        worst = Math.max(worst, performance.now() - s);
        reads++;
      }
    })();
    const s = performance.now();
    await fn();
    const ms = performance.now() - s;
    stop = true;
    await loop;
    return { ms, worst, reads };
  };

  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const rawTimes = [], apiTimes = [];
  let rawWorst = 0, apiWorst = 0;
  for (let i = 0; i < runs; i++) {
    const raw = await watch(() => db.query(`ALTER TABLE data.bench_item ADD COLUMN raw_${i} varchar(255)`));
    rawTimes.push(raw.ms); rawWorst = Math.max(rawWorst, raw.worst);
    const viaApi = await watch(async () => {
      const r = await api('POST', '/api/metadata/objects/bench_item/fields', { name: `api_${i}`, type: 'text' }, token);
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    });
    apiTimes.push(viaApi.ms); apiWorst = Math.max(apiWorst, viaApi.worst);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rawMs = median(rawTimes), apiMs = median(apiTimes);
  console.log(`raw ALTER TABLE ADD COLUMN: median ${rawMs.toFixed(1)} ms, slowest concurrent read ${rawWorst.toFixed(1)} ms`);
  console.log(`API add field (validate, plan, DDL + revision in one transaction): median ${apiMs.toFixed(1)} ms, slowest concurrent read ${apiWorst.toFixed(1)} ms`);
  console.log(`ratio api/raw: ${(apiMs / rawMs).toFixed(1)}x; target < 100 ms: ${apiMs < 100 ? 'met' : 'NOT met'}; no read blocked > 1 s: ${apiWorst < 1000 ? 'met' : 'NOT met'}`);
  await reader.end();
} finally {
  await db.end();
  await server.stop();
}
