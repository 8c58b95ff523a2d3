// Import API vs raw COPY: the same 100k-row CSV (5 plain columns) through POST /api/records/{object}/import
// (job: parse, coerce, validate, duplicate checks, RecordWriter per row with history + outbox, 500 rows per
// transaction) and through psql's \copy into an identical object table. Prints rows/s and the ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startTestServer } from '../scripts/test-server.mjs';
import { createPlainObjects, plainCsv, signIn } from './lib/import-fixture.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const server = await startTestServer({ embedded: false, env: { LOG_LEVEL: 'warn', LOOM_IMPORT_BODY_LIMIT: String(200 * 1024 * 1024) }, nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ') });
const db = new pg.Client({ connectionString: server.database.url });
await db.connect();
try {
  const { auth } = await signIn(server);
  await createPlainObjects(server, auth, ['bench_import', 'bench_copy']);
  const file = join(mkdtempSync(join(tmpdir(), 'loom-bench-import-')), 'rows.csv');
  writeFileSync(file, plainCsv(ROWS));
  console.log(`${ROWS} rows, ${(readFileSync(file).length / 1024 / 1024).toFixed(1)} MiB CSV`);

  let t = performance.now();
  const copy = spawnSync('psql', [server.database.url, '-q', '-c', `\\copy data.bench_copy (name, email, amount, status, score) FROM '${file}' CSV HEADER`], { encoding: 'utf8' });
  if (copy.status !== 0) throw new Error(copy.stderr);
  const copySeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)]), 'rows.csv');
  const started = await (await fetch(server.url + '/api/records/bench_import/import', { method: 'POST', body: form, headers: auth })).json();
  if (!started.job) throw new Error(JSON.stringify(started));
  let job;
  for (;;) {
    job = await (await fetch(`${server.url}/api/jobs/${started.job}`, { headers: auth })).json();
    if (job.status === 'done' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const importSeconds = (performance.now() - t) / 1000;
  if (job.status !== 'done' || job.result.created !== ROWS) throw new Error(`import: ${JSON.stringify(job).slice(0, 500)}`);
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM data.bench_import')).rows;
  const [{ h }] = (await db.query(`SELECT count(*)::int AS h FROM core.record_history WHERE object = 'bench_import'`)).rows;

  const copyRate = ROWS / copySeconds;
  const importRate = ROWS / importSeconds;
  console.log(`raw COPY:   ${copySeconds.toFixed(1)} s  ${Math.round(copyRate)} rows/s`);
  console.log(`import API: ${importSeconds.toFixed(1)} s  ${Math.round(importRate)} rows/s  (${n} records, ${h} history rows)`);
  console.log(`ratio import/COPY: ${(importRate / copyRate).toFixed(3)}`);
} finally {
  await db.end();
  await server.stop();
}
