// The raw baseline of bench/records.mjs: plain node:http + pg prepared statements over the same table,
// answering the same four requests with the same JSON shape. No framework, no validation, no history.
// With RAW_MODE=required it is the floor of a write the issue asks for: create and update also write
// the history row and the outbox event, in the same statement (one round trip, one transaction). Its events
// are written dispatched, as the API writes an event no automation fires on: an undispatched one would be
// drained by the API's outbox dispatcher, in the API's process, during the floor's turn and the API's next.
import { createServer } from 'node:http';
import pg from 'pg';

pg.types.setTypeParser(1700, Number);
pg.types.setTypeParser(20, Number);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const COLS = 'id, name, email, amount, status, score, owner, created_at, updated_at, created_by, updated_by, version';
const user = process.env.BENCH_USER;
const required = process.env.RAW_MODE === 'required';
const send = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
const readBody = (req) => new Promise((resolve) => { let s = ''; req.on('data', (d) => { s += d; }); req.on('end', () => resolve(s ? JSON.parse(s) : {})); });

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    const id = url.pathname.split('/')[4];
    if (req.method === 'GET' && !id) {
      const { rows } = await pool.query({ name: 'list', text: `SELECT ${COLS} FROM data.bench_contact WHERE deleted_at IS NULL AND amount >= $1 ORDER BY amount DESC, id DESC LIMIT 51`, values: [Number(url.searchParams.get('min') ?? 0)] });
      return send(res, 200, { data: rows.slice(0, 50), nextCursor: rows.length > 50 ? 'x' : null });
    }
    if (req.method === 'GET') {
      const { rows } = await pool.query({ name: 'get', text: `SELECT ${COLS} FROM data.bench_contact WHERE id = $1 AND deleted_at IS NULL`, values: [id] });
      return rows[0] ? send(res, 200, rows[0]) : send(res, 404, {});
    }
    const body = await readBody(req);
    if (required && req.method === 'POST') {
      const { rows } = await pool.query({ name: 'create-required', text: `WITH w AS (INSERT INTO data.bench_contact (name, email, amount, status, score, owner, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING *),
          h AS (INSERT INTO core.record_history (object, record_id, version, action, changes, actor) SELECT 'bench_contact', w.id, 1, 'create', $7::jsonb, $6 FROM w),
          o AS (INSERT INTO core.outbox (type, object, record_id, payload, actor, dispatched_at) SELECT 'record.created', 'bench_contact', w.id, jsonb_build_object('version', 1, 'changes', $7::jsonb), $6, now() FROM w)
        SELECT ${COLS} FROM w`, values: [body.name, body.email, body.amount, body.status, body.score, user, JSON.stringify(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, { from: null, to: v }])))] });
      return send(res, 201, rows[0]);
    }
    if (required && req.method === 'PATCH') {
      const { rows } = await pool.query({ name: 'update-required', text: `WITH old AS (SELECT id, amount FROM data.bench_contact WHERE id = $1 AND deleted_at IS NULL FOR UPDATE),
          w AS (UPDATE data.bench_contact t SET amount = $2, version = t.version + 1, updated_at = now(), updated_by = $3 FROM old WHERE t.id = old.id RETURNING t.*),
          c AS (SELECT w.id, w.version, jsonb_build_object('amount', jsonb_build_object('from', old.amount, 'to', w.amount)) AS changes FROM w, old),
          h AS (INSERT INTO core.record_history (object, record_id, version, action, changes, actor) SELECT 'bench_contact', c.id, c.version, 'update', c.changes, $3 FROM c),
          o AS (INSERT INTO core.outbox (type, object, record_id, payload, actor, dispatched_at) SELECT 'record.updated', 'bench_contact', c.id, jsonb_build_object('version', c.version, 'changes', c.changes), $3, now() FROM c)
        SELECT ${COLS} FROM w`, values: [id, body.amount, user] });
      return rows[0] ? send(res, 200, rows[0]) : send(res, 404, {});
    }
    if (req.method === 'POST') {
      const { rows } = await pool.query({ name: 'create', text: `INSERT INTO data.bench_contact (name, email, amount, status, score, owner, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING ${COLS}`, values: [body.name, body.email, body.amount, body.status, body.score, user] });
      return send(res, 201, rows[0]);
    }
    if (req.method === 'PATCH') {
      const { rows } = await pool.query({ name: 'update', text: `UPDATE data.bench_contact SET amount = $2, version = version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING ${COLS}`, values: [id, body.amount] });
      return send(res, 200, rows[0]);
    }
    send(res, 404, {});
  } catch (e) {
    send(res, 500, { error: String(e) });
  }
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0)); // lets --cpu-prof write its profile
