import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import pg, { type Pool, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { mapPgError } from './map-pg-error.js';

/** A query runner bound to one open transaction. */
export interface Tx {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Like Db.prepared, inside the transaction. */
  prepared<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * The transaction's LAST statement, sent with its COMMIT (one round trip on a pipelined pool):
   * if the statement fails, PostgreSQL turns that COMMIT into a rollback. Nothing may follow it.
   */
  preparedAndCommit<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A prepared statement's query config but its values. */
interface Statement { name: string; text: string }

const statements = new Map<string, Statement>();
/** The prepared statement named from its text (remembered: the hot paths send the same few texts). */
function statementFor(sql: string): Statement {
  let s = statements.get(sql);
  if (s === undefined) {
    s = { name: 's' + createHash('sha1').update(sql).digest('hex').slice(0, 20), text: sql };
    if (statements.size >= 10_000) statements.clear();
    statements.set(sql, s);
  }
  return s;
}

/** What PreparedQuery sets on the driver's query (pg/lib/query.js). */
interface QueryConfigFields { name?: string; values?: unknown[]; callback?: (err: Error | null, result: { rows: unknown[] }) => void }

/**
 * A prepared statement as the driver's own query object: a config object would be copied property
 * by property first (pg's cloneQueryConfig, ~2% of a write's CPU: bench/records.mjs); a query object is
 * taken as it is.
 */
class PreparedQuery extends pg.Query {
  constructor(sql: string, values: unknown[]) {
    super(sql); // a text config: nothing to copy
    const s = statementFor(sql);
    const q = this as unknown as QueryConfigFields;
    q.name = s.name;
    q.values = values;
  }
}

/** The driver's query internals a TextRowsQuery reads (pg/lib/query.js). */
interface QueryInternals { _accumulateRows: boolean; _canceledDueToError: unknown; _result: { rows: unknown[] } }

/**
 * A query whose rows are the text the driver read off the wire, unparsed: pg would set up field
 * parsers from every execution's row description (Result.addFields) and call one per value.
 */
class TextRowsQuery extends PreparedQuery {
  handleRowDescription(): void {
    (this as unknown as QueryInternals)._accumulateRows = true;
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    const q = this as unknown as QueryInternals;
    if (q._canceledDueToError) return;
    // a packed copy: the wire's array is holey (new Array(n)), slower for the encoders to read
    const row: (string | null)[] = [];
    for (let i = 0; i < message.fields.length; i++) row.push(message.fields[i]!);
    q._result.rows.push(row);
  }
}

/** A query object sent on one connection, as a promise of its result (the driver returns the object itself). */
function submit(conn: PoolClient, query: PreparedQuery): Promise<{ rows: any[] }> {
  return new Promise((resolve, reject) => {
    (query as unknown as QueryConfigFields).callback = (err, result) => (err ? reject(err) : resolve(result));
    conn.query(query as never);
  });
}

/**
 * Hand-compiled SQL on the DataSource's own pg pool (TypeORM entities are for system tables only):
 * every statement takes bound parameters, and database errors that bad input can cause become problems.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return (await this.pool.query(sql, params)).rows as T[];
    } catch (e) {
      throw mapPgError(e);
    }
  }

  /**
   * A hot-path statement (compiled reads, record writes): prepared once per connection under a name
   * derived from its text, so PostgreSQL parses and plans it once. The text lists explicit columns and
   * changes with the metadata, so a new revision never meets a stale plan (STACK.md).
   */
  async prepared<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return (await this.pool.query(new PreparedQuery(sql, params) as never) as unknown as { rows: T[] }).rows;
    } catch (e) {
      throw mapPgError(e);
    }
  }

  /**
   * Db.prepared returning each row as an array of PostgreSQL's text (no driver type parsing): for
   * compiled reads whose JSON Node spells from the text (query/compile/record/record-rows.ts).
   */
  async preparedRows(sql: string, params: unknown[] = []): Promise<(string | null)[][]> {
    try {
      return (await this.pool.query(new TextRowsQuery(sql, params) as never) as unknown as { rows: (string | null)[][] }).rows;
    } catch (e) {
      throw mapPgError(e);
    }
  }

  /**
   * A Tx for work that is ONE statement (a statement is its own transaction): saves the BEGIN and
   * COMMIT round trips. Only for callers that know they send exactly one statement.
   */
  readonly oneStatement: Tx = {
    query: (sql, params) => this.query(sql, params),
    prepared: (sql, params) => this.prepared(sql, params),
    preparedAndCommit: (sql, params) => this.prepared(sql, params),
  };

  /** Runs `fn` inside one transaction; a thrown error rolls everything back. */
  async tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let conn: PoolClient;
    try {
      conn = await this.pool.connect();
    } catch (e) {
      throw mapPgError(e);
    }
    // BEGIN goes out with the first statement, and COMMIT with the last one when the caller says so:
    // on a pipelined pool (PostgreSQL) they share one write and one round trip; elsewhere the driver
    // queues them. A failed BEGIN fails that statement's await.
    let begin: Promise<unknown> | null = null;
    let sentBegin = false;
    const begun = async (pending?: Promise<unknown>) => {
      if (!begin) return;
      const b = begin;
      begin = null;
      await b.catch((e: unknown) => { pending?.catch(() => undefined); throw e; });
    };
    let committed = false;
    const run = async (config: string | PreparedQuery, params?: unknown[], commit = false) => {
      if (committed) throw new Error('statement after the transaction committed');
      const { pending, commitReply } = together(conn, () => {
        if (!sentBegin) {
          sentBegin = true;
          begin = conn.query('BEGIN');
        }
        return { pending: typeof config === 'string' ? conn.query(config, params) : submit(conn, config), commitReply: commit ? conn.query('COMMIT') : undefined };
      });
      if (commitReply) committed = true;
      try {
        await begun(pending);
        const rows = (await pending.catch((e: unknown) => { commitReply?.catch(() => undefined); throw e; })).rows;
        await commitReply;
        return rows;
      } catch (e) {
        throw mapPgError(e);
      }
    };
    const tx: Tx = {
      query: (sql, params = []) => run(sql, params),
      prepared: (sql, params = []) => run(new PreparedQuery(sql, params)),
      preparedAndCommit: (sql, params = []) => run(new PreparedQuery(sql, params), undefined, true),
    };
    let broken = false;
    try {
      const result = await fn(tx);
      await begun().catch((e: unknown) => { throw mapPgError(e); });
      // nothing sent, nothing to commit
      if (sentBegin && !committed) await conn.query('COMMIT');
      return result;
    } catch (e) {
      await begun().catch(() => undefined);
      // after preparedAndCommit the transaction is over (committed, or rolled back by its COMMIT)
      if (sentBegin && !committed) await conn.query('ROLLBACK').catch(() => { broken = true; });
      throw e;
    } finally {
      conn.release(broken);
    }
  }
}

/**
 * Sends the queries `submit` makes in ONE socket write: on a pipelined connection the driver writes
 * each query as it is made, and every write to a waiting PostgreSQL costs a wake-up (the most
 * expensive part of a short statement on a small machine: bench/records.mjs).
 */
function together<T>(conn: PoolClient, submit: () => T): T {
  const stream = (conn as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
  stream?.cork?.();
  try {
    return submit();
  } finally {
    stream?.uncork?.();
  }
}
