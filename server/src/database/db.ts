import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { mapPgError } from './map-pg-error.js';

/** A query runner bound to one open transaction. */
export interface Tx {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
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

  /** Runs `fn` inside one transaction; a thrown error rolls everything back. */
  async tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let conn: PoolClient;
    try {
      conn = await this.pool.connect();
    } catch (e) {
      throw mapPgError(e);
    }
    const tx: Tx = {
      query: async (sql, params = []) => {
        try {
          return (await conn.query(sql, params)).rows;
        } catch (e) {
          throw mapPgError(e);
        }
      },
    };
    let broken = false;
    try {
      await conn.query('BEGIN');
      const result = await fn(tx);
      await conn.query('COMMIT');
      return result;
    } catch (e) {
      await conn.query('ROLLBACK').catch(() => { broken = true; });
      throw e;
    } finally {
      conn.release(broken);
    }
  }
}
