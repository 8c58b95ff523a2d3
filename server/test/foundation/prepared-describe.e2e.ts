// Db.prepared / Db.preparedRows on a real PostgreSQL: a statement is described (RowDescription) the
// first time it runs on a connection only; later runs reuse that description and answer exactly the
// same rows, typed the same way, with and without pg's pipeline mode; failures after that (a bind
// error, an execution error, no rows) leave the connection usable.
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/database/db.js';
import { endPools, sql } from '../support/pg.js';
// @ts-expect-error plain ESM helper shared with the e2e server starter
import { createTestDatabase } from '../../../scripts/test-server.mjs';

let database: { url: string; drop: () => Promise<void> };
const pools: pg.Pool[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await sql(database.url, `CREATE TABLE thing (id int PRIMARY KEY, name text, amount numeric(12,2), at timestamptz, extra jsonb, tags text[]);
    INSERT INTO thing VALUES (1, 'one', 1.50, '2026-12-01T08:00:00Z', '{"a":1}', '{x,y}'), (2, NULL, NULL, NULL, NULL, NULL), (3, 'three', 3, NULL, NULL, NULL)`);
});

afterAll(async () => {
  await endPools(pools);
  await database.drop();
});

const SELECT = 'SELECT id, name, amount, at, extra, tags FROM thing WHERE id = ANY($1::int[]) ORDER BY id';

for (const pipeline of [true, false]) {
  describe(`prepared statements ${pipeline ? 'on a pipelined pool' : 'without pipelining'}`, () => {
    let db: Db;
    const descriptions: string[] = [];
    beforeAll(async () => {
      // one connection: every run below meets the statements it prepared before
      const pool = new pg.Pool({ connectionString: database.url, max: 1, pipeline } as pg.PoolConfig);
      pools.push(pool);
      pool.on('connect', (client) => {
        (client as unknown as { connection: { on(e: string, f: (m: { fields: { name: string }[] }) => void): void } }).connection
          .on('rowDescription', (m) => descriptions.push(m.fields.map((f) => f.name).join(',')));
      });
      db = new Db({ driver: { master: pool } } as unknown as DataSource);
    });

    it('describes a statement once per connection and answers the same typed rows every time', async () => {
      descriptions.length = 0;
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await db.prepared(SELECT, [[1, 2]]));
      expect(descriptions).toEqual(['id,name,amount,at,extra,tags']);
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[2]).toEqual(runs[0]);
      const [one, two] = runs[2]!;
      expect(one).toMatchObject({ id: 1, name: 'one', extra: { a: 1 }, tags: ['x', 'y'] });
      expect(one.at).toBeInstanceOf(Date);
      expect(two).toMatchObject({ id: 2, name: null, amount: null, at: null, extra: null, tags: null });
    });

    it('answers text rows the same way after the first run, and a run with no rows', async () => {
      descriptions.length = 0;
      const texts = [];
      for (let i = 0; i < 3; i++) texts.push(await db.preparedRows(`${SELECT} -- text`, [[1]]));
      expect(descriptions).toHaveLength(1);
      expect(texts).toEqual(Array(3).fill([['1', 'one', '1.50', expect.stringMatching(/^2026-12-01 08:00:00/), '{"a": 1}', '{x,y}']]));
      expect(await db.preparedRows(`${SELECT} -- text`, [[99]])).toEqual([]);
      expect(await db.prepared(SELECT, [[99]])).toEqual([]);
      expect(descriptions).toHaveLength(1);
    });

    it('keeps the connection usable after a bind error and an execution error on a described statement', async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const sql = 'SELECT $1::jsonb AS v, 10 / $2::int AS q';
      expect(await db.prepared(sql, [{ a: 1 }, 2])).toEqual([{ v: { a: 1 }, q: 5 }]);
      await expect(db.prepared(sql, [circular, 2])).rejects.toThrow();
      await expect(db.prepared(sql, [{ a: 1 }, 0])).rejects.toThrow(/division by zero/);
      expect(await db.prepared(sql, [{ b: 2 }, 5])).toEqual([{ v: { b: 2 }, q: 2 }]);
      expect(await db.prepared(SELECT, [[1]])).toHaveLength(1);
    });

    it('runs described statements inside transactions, with their COMMIT', async () => {
      const written = await db.tx(async (tx) => {
        await tx.prepared('UPDATE thing SET name = $2 WHERE id = $1 RETURNING id', [3, 'drei']);
        return tx.preparedAndCommit('UPDATE thing SET name = $2 WHERE id = $1 RETURNING id, name', [3, 'zwei']);
      });
      const again = await db.tx(async (tx) => tx.preparedAndCommit('UPDATE thing SET name = $2 WHERE id = $1 RETURNING id, name', [3, 'deux']));
      expect([written, again]).toEqual([[{ id: 3, name: 'zwei' }], [{ id: 3, name: 'deux' }]]);
    });
  });
}
