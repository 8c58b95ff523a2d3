// Db.tx on a real PostgreSQL, with and without pg's pipeline mode (the server pipelines on
// PostgreSQL): BEGIN travels with the first statement (in the same socket write), preparedAndCommit
// sends the last statement with its COMMIT, and every failure still rolls the whole transaction back.
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/database/db.js';
import { endPools } from '../support/pg.js';
import { ProblemError } from '../../src/common/problem.js';
// @ts-expect-error plain ESM helper shared with the e2e server starter
import { createTestDatabase } from '../../../scripts/test-server.mjs';

let database: { url: string; drop: () => Promise<void> };
const pools: pg.Pool[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const setup = new pg.Client({ connectionString: database.url });
  await setup.connect();
  await setup.query('CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)');
  await setup.end();
});

afterAll(async () => {
  await endPools(pools);
  await database.drop();
});

const names = async (db: Db) => (await db.query<{ name: string }>('SELECT name FROM item ORDER BY id')).map((r) => r.name);

for (const pipeline of [true, false]) {
  describe(`Db.tx ${pipeline ? 'on a pipelined pool' : 'without pipelining'}`, () => {
    let db: Db;
    beforeAll(async () => {
      const pool = new pg.Pool({ connectionString: database.url, max: 2, pipeline } as pg.PoolConfig);
      pools.push(pool);
      db = new Db({ driver: { master: pool } } as unknown as DataSource);
      await db.query('TRUNCATE item');
    });

    it('commits every statement of the transaction together', async () => {
      const result = await db.tx(async (tx) => {
        await tx.prepared('INSERT INTO item VALUES ($1, $2)', [1, 'one']);
        await tx.query('INSERT INTO item VALUES ($1, $2)', [2, 'two']);
        return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM item'))[0].n;
      });
      expect(result).toBe(2);
      expect(await names(db)).toEqual(['one', 'two']);
    });

    it('rolls back everything when the first statement (sent with BEGIN) fails', async () => {
      await expect(db.tx(async (tx) => {
        await tx.prepared('INSERT INTO item VALUES ($1, $2)', [1, 'duplicate']);
      })).rejects.toBeInstanceOf(ProblemError);
      expect(await names(db)).toEqual(['one', 'two']);
    });

    it('rolls back earlier statements when a later one fails', async () => {
      await expect(db.tx(async (tx) => {
        await tx.prepared('INSERT INTO item VALUES ($1, $2)', [3, 'three']);
        await tx.prepared('INSERT INTO item VALUES ($1, $2)', [4, null]);
      })).rejects.toBeInstanceOf(ProblemError);
      expect(await names(db)).toEqual(['one', 'two']);
    });

    it('commits with the last statement when it succeeds', async () => {
      const rows = await db.tx(async (tx) => {
        await tx.prepared('INSERT INTO item VALUES ($1, $2)', [3, 'three']);
        return tx.preparedAndCommit<{ id: number }>('UPDATE item SET name = $2 WHERE id = $1 RETURNING id', [1, 'uno']);
      });
      expect(rows).toEqual([{ id: 1 }]);
      expect(await names(db)).toEqual(['uno', 'two', 'three']);
    });

    it('rolls the whole transaction back when the last statement fails, and the connection stays usable', async () => {
      await expect(db.tx(async (tx) => {
        await tx.prepared('INSERT INTO item VALUES ($1, $2)', [4, 'four']);
        await tx.preparedAndCommit('UPDATE item SET name = $2 WHERE id = $1', [2, null]);
      })).rejects.toBeInstanceOf(ProblemError);
      expect(await names(db)).toEqual(['uno', 'two', 'three']);
      // both connections of the pool still run transactions
      await Promise.all([1, 2].map((i) => db.tx((tx) => tx.query('SELECT $1::int AS i', [i]))));
    });

    it('refuses a statement after the commit', async () => {
      await expect(db.tx(async (tx) => {
        await tx.preparedAndCommit('UPDATE item SET name = $2 WHERE id = $1', [3, 'tres']);
        await tx.query('SELECT 1');
      })).rejects.toThrow('statement after the transaction committed');
      expect(await names(db)).toEqual(['uno', 'two', 'tres']);
    });

    it('sends nothing for a transaction without statements, and BEGIN + statement + COMMIT as one socket write', async () => {
      const pool = new pg.Pool({ connectionString: database.url, max: 1, pipeline } as pg.PoolConfig);
      pools.push(pool);
      const counted = new Db({ driver: { master: pool } } as unknown as DataSource);
      await counted.query('SELECT 1'); // the one connection is open and idle
      const client = await pool.connect();
      const socket = (client as unknown as { connection: { stream: { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void } } }).connection.stream;
      client.release();
      let writes = 0;
      for (const method of ['_write', '_writev'] as const) {
        const original = socket[method].bind(socket);
        socket[method] = (...args: unknown[]) => { writes++; return original(...args); };
      }
      expect(await counted.tx(async () => 'no statement')).toBe('no statement');
      expect(writes).toBe(0);
      await counted.tx((tx) => tx.preparedAndCommit('UPDATE item SET name = $2 WHERE id = $1', [3, 'three']));
      expect(await names(db)).toEqual(['uno', 'two', 'three']);
      // pipelined: one write; otherwise the driver waits for each reply before it sends the next
      expect(writes).toBe(pipeline ? 1 : 3);
    });

    it('preparedRows: each row as PostgreSQL\'s text in column order, nulls as null, the statement reused with other values', async () => {
      const sql = `SELECT id, name, id * 1.5 AS x, NULL::text AS none, to_json(name) AS j, '2026-11-30 08:00:00'::timestamp AS at FROM item WHERE id >= $1 ORDER BY id`;
      const rows = await db.preparedRows(sql, [2]);
      expect(rows).toEqual([['2', 'two', '3.0', null, '"two"', '2026-11-30 08:00:00'], ['3', 'three', '4.5', null, '"three"', '2026-11-30 08:00:00']]);
      expect(rows.every((r) => Array.isArray(r) && r.length === 6)).toBe(true);
      expect(await db.preparedRows(sql, [3])).toEqual([['3', 'three', '4.5', null, '"three"', '2026-11-30 08:00:00']]);
      expect(await db.prepared(sql, [3])).toEqual([{ id: 3, name: 'three', x: '4.5', none: null, j: 'three', at: expect.any(Date) }]); // the same text, as objects
      expect(await db.preparedRows('SELECT 1 WHERE false', [])).toEqual([]);
    });

    it('preparedRows: a failing statement is a problem, and the pool goes on', async () => {
      await expect(db.preparedRows('SELECT name FROM item WHERE id = $1::int', ['not a number'])).rejects.toBeInstanceOf(ProblemError);
      await expect(db.preparedRows('SELECT 1 / (id - id) FROM item', [])).rejects.toThrow();
      expect(await db.preparedRows('SELECT name FROM item WHERE id = $1', [1])).toEqual([['uno']]);
    });
  });
}
