// The floor of an import with the bookkeeping the issue asks for, with no Node in the loop: 100k CSV rows
// COPY'd by PostgreSQL itself, then the records, their history rows, their outbox events and the
// import's revert rows written by INSERT … SELECT. Prints each step and the ratio to COPY alone: no
// import through the API can beat this on the same machine (bench/import.mjs measures the API).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startTestServer } from '../scripts/test-server.mjs';
import { createPlainObjects, plainCsv, signIn } from './lib/import-fixture.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const server = await startTestServer({ embedded: false, env: { LOG_LEVEL: 'warn' } });
const db = new pg.Client({ connectionString: server.database.url });
await db.connect();
try {
  const { auth, user } = await signIn(server);
  await createPlainObjects(server, auth, ['floor_copy', 'floor_full']);
  const admin = user.id;
  const dir = mkdtempSync(join(tmpdir(), 'loom-bench-floor-'));
  chmodSync(dir, 0o755);
  const file = join(dir, 'rows.csv'); // read by the PostgreSQL server itself (same machine)
  writeFileSync(file, plainCsv(ROWS));
  chmodSync(file, 0o644);
  const time = async (label, statements) => {
    await db.query('BEGIN');
    await db.query('SET LOCAL synchronous_commit = off');
    const t = performance.now();
    for (const [step, sql] of statements) {
      const s = performance.now();
      await db.query(sql, sql.includes('$1') ? [admin] : []);
      console.log(`  ${step.padEnd(28)} ${((performance.now() - s) / 1000).toFixed(2)} s`);
    }
    await db.query('COMMIT');
    const seconds = (performance.now() - t) / 1000;
    console.log(`${label}: ${seconds.toFixed(2)} s  ${Math.round(ROWS / seconds)} rows/s`);
    return seconds;
  };
  const copy = await time('COPY alone', [['COPY into the object table', `COPY data.floor_copy (name, email, amount, status, score) FROM '${file}' CSV HEADER`]]);
  await db.query(`INSERT INTO core.import_batch (job_id, object, owner, file_name, file_type, file, options) VALUES ('floor', 'floor_full', $1, 'rows.csv', 'csv', '\\x00', '{}')`, [admin]);
  const full = await time('floor of an import', [
    ['staging table', `CREATE TEMP TABLE staged (n serial, id uuid DEFAULT gen_random_uuid(), name text, email text, amount numeric, status text, score int) ON COMMIT DROP`],
    ['COPY into staging', `COPY staged (name, email, amount, status, score) FROM '${file}' CSV HEADER`],
    ['records', `INSERT INTO data.floor_full (id, owner, created_by, updated_by, name, email, amount, status, score) SELECT id, $1::uuid, $1::uuid, $1::uuid, name, email, amount, status, score FROM staged`],
    ['history rows', `INSERT INTO core.record_history (object, record_id, version, action, changes, actor) SELECT 'floor_full', id, 1, 'create', jsonb_build_object('name', jsonb_build_object('to', name), 'email', jsonb_build_object('to', email), 'amount', jsonb_build_object('to', amount), 'status', jsonb_build_object('to', status), 'score', jsonb_build_object('to', score), 'owner', jsonb_build_object('to', $1::text)), $1::uuid FROM staged`],
    ['outbox events', `INSERT INTO core.outbox (type, object, record_id, payload, actor, depth, dispatched_at) SELECT 'record.created', 'floor_full', id, jsonb_build_object('version', 1), $1::uuid, 0, now() FROM staged`],
    ['revert rows (import_row)', `INSERT INTO core.import_row (job_id, row_number, record_id, action, version) SELECT 'floor', n, id, 'created', 1 FROM staged`],
  ]);
  console.log(`ratio floor/COPY: ${(copy / full).toFixed(3)}`);
} finally {
  await db.end();
  await server.stop();
}
