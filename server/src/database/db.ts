import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { mapPgError } from './map-pg-error.js';
import { PreparedQuery, submit, TextRowsQuery } from './prepared-query.js';

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
