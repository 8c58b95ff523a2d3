import { Injectable } from '@nestjs/common';
import type { MetadataSet } from '@loom/metadata';
import { Db, type Tx } from '../database/db.js';

export interface RevisionRow {
  number: number;
  hash: string;
  document: MetadataSet;
  adminLayer: MetadataSet;
  baseHash: string;
  author: string | null;
  message: string | null;
  createdAt: string;
}

const COLUMNS = `number, hash, document, admin_layer AS "adminLayer", base_hash AS "baseHash", author, message, created_at AS "createdAt"`;

/** Reads and writes core.metadata_revision. */
@Injectable()
export class MetadataStore {
  constructor(private readonly db: Db) {}

  async latest(tx?: Tx): Promise<RevisionRow | null> {
    const [row] = await (tx ?? this.db).query<RevisionRow>(`SELECT ${COLUMNS} FROM core.metadata_revision ORDER BY number DESC LIMIT 1`);
    return row ?? null;
  }

  async get(n: number): Promise<RevisionRow | null> {
    const [row] = await this.db.query<RevisionRow>(`SELECT ${COLUMNS} FROM core.metadata_revision WHERE number = $1`, [n]);
    return row ?? null;
  }

  list(limit = 100) {
    return this.db.query(
      `SELECT r.number, r.hash, r.message, r.author, u.name AS "authorName", r.created_at AS "createdAt", jsonb_array_length(r.plan) AS changes
         FROM core.metadata_revision r LEFT JOIN core."user" u ON u.id = r.author ORDER BY r.number DESC LIMIT $1`,
      [limit],
    );
  }

  async insert(tx: Tx, row: Omit<RevisionRow, 'createdAt'> & { plan: unknown }): Promise<void> {
    await tx.query(
      `INSERT INTO core.metadata_revision (number, hash, document, admin_layer, base_hash, plan, message, author)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.number, row.hash, JSON.stringify(row.document), JSON.stringify(row.adminLayer), row.baseHash, JSON.stringify(row.plan), row.message, row.author],
    );
  }
}
