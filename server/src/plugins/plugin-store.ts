import { Injectable } from '@nestjs/common';
import type { MetadataSet } from '@loom/metadata';
import { Db, type Tx } from '../database/db.js';

export type PluginState = 'available' | 'installed' | 'enabled' | 'disabled' | 'failed';

export interface PluginRow {
  name: string;
  version: string;
  state: PluginState;
  error: string | null;
  installedAt: string | null;
  config: Record<string, unknown>;
  /** The metadata layer this plugin installed (kept while installed, whatever its state). */
  layer: MetadataSet | null;
}

const COLUMNS = `name, version, state, error, installed_at AS "installedAt", config, layer`;

/** core.plugin: lifecycle state of every plugin ever installed. */
@Injectable()
export class PluginStore {
  constructor(private readonly db: Db) {}

  all(q: Pick<Tx, 'query'> = this.db): Promise<PluginRow[]> {
    return q.query<PluginRow>(`SELECT ${COLUMNS} FROM core.plugin ORDER BY name`);
  }

  async get(name: string, q: Pick<Tx, 'query'> = this.db): Promise<PluginRow | null> {
    const [row] = await q.query<PluginRow>(`SELECT ${COLUMNS} FROM core.plugin WHERE name = $1`, [name]);
    return row ?? null;
  }

  async save(row: Omit<PluginRow, 'installedAt'> & { installed?: boolean }, q: Pick<Tx, 'query'> = this.db): Promise<void> {
    await q.query(
      `INSERT INTO core.plugin (name, version, state, error, installed_at, config, layer) VALUES ($1, $2, $3, $4, CASE WHEN $7 THEN now() END, $5, $6)
       ON CONFLICT (name) DO UPDATE SET version = $2, state = $3, error = $4, config = $5, layer = $6, updated_at = now(),
         installed_at = CASE WHEN $7 THEN now() WHEN $3 = 'available' THEN NULL ELSE core.plugin.installed_at END`,
      [row.name, row.version, row.state, row.error, JSON.stringify(row.config ?? {}), row.layer ? JSON.stringify(row.layer) : null, row.installed ?? false],
    );
  }

  /** State-guarded: marks an enabled plugin failed once, whichever node saw it fail. */
  async markFailed(name: string, error: string): Promise<boolean> {
    const rows = await this.db.query(`UPDATE core.plugin SET state = 'failed', error = $2, updated_at = now() WHERE name = $1 AND state = 'enabled' RETURNING name`, [name, error]);
    return rows.length > 0;
  }

  async setConfig(name: string, config: Record<string, unknown>): Promise<void> {
    await this.db.query(`UPDATE core.plugin SET config = $2, updated_at = now() WHERE name = $1`, [name, JSON.stringify(config)]);
  }
}
