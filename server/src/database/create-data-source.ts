import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';

export interface DataSourceSettings {
  url: string;
  embedded: boolean;
}

/** Opens the pool and brings the system tables (schema `core`) up to date under an advisory lock. */
export async function createDataSource({ url, embedded }: DataSourceSettings): Promise<DataSource> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    schema: 'core',
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // PGlite is one session: a pool larger than 1 deadlocks (STACK.md)
    // pipeline: a transaction's BEGIN travels with its first statement (Db.tx); no cursors or streams use this pool
    extra: embedded ? { max: 1 } : { max: 20, statement_timeout: 10_000, application_name: 'loom', pipeline: true },
    logging: false,
  });
  await ds.initialize();
  await ds.query(`CREATE SCHEMA IF NOT EXISTS core`);
  await ds.query(`SELECT pg_advisory_lock(7265001)`);
  try {
    await ds.runMigrations();
  } finally {
    await ds.query(`SELECT pg_advisory_unlock(7265001)`);
  }
  return ds;
}
