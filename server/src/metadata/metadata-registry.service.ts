import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { MetadataSet } from '@loom/metadata';
import pg from 'pg';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { MetadataStore } from './metadata-store.js';

export interface Revision {
  number: number;
  hash: string;
  set: MetadataSet;
  adminLayer: MetadataSet;
  baseHash: string;
}

export const METADATA_CHANNEL = 'loom_metadata';

type Listener = (revision: Revision) => void;

/**
 * The current revision, cached on this node. Other nodes publish with NOTIFY loom_metadata;
 * this node LISTENs on its own connection and reloads, and reloads again after a reconnect.
 */
@Injectable()
export class MetadataRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger('metadata');
  private revision: Revision | null = null;
  private listener: pg.Client | null = null;
  private readonly subscribers: Listener[] = [];
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly store: MetadataStore, private readonly db: Db, @Inject(LOOM_CONFIG) private readonly config: LoomConfig) {}

  current(): Revision {
    if (!this.revision) throw new Error('metadata is not loaded yet');
    return this.revision;
  }

  get loaded(): boolean {
    return this.revision !== null;
  }

  /** Called for every new revision on this node (validators, SQL caches, OpenAPI reset here). */
  onChange(fn: Listener): void {
    this.subscribers.push(fn);
  }

  async reload(): Promise<Revision | null> {
    const row = await this.store.latest();
    if (row && row.number !== this.revision?.number) this.use({ number: row.number, hash: row.hash, set: row.document, adminLayer: row.adminLayer, baseHash: row.baseHash });
    return this.revision;
  }

  use(revision: Revision): void {
    if (this.revision && revision.number <= this.revision.number) return;
    this.revision = revision;
    for (const fn of this.subscribers) fn(revision);
  }

  /** Real PostgreSQL only: the embedded database is one node with one session. */
  async listen(): Promise<void> {
    if (!this.config.databaseUrl || this.closed) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => void this.reload().catch((e) => this.logger.warn({ msg: 'metadata reload failed', err: String(e) })));
    // 'error' and 'end' both fire when the connection drops: reconnect once, with this client ended
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${METADATA_CHANNEL}`);
      this.listener = client;
      await this.reload(); // anything published while we were away
    } catch (e) {
      this.logger.warn({ msg: 'metadata LISTEN failed; retrying', err: String(e) });
      this.reconnectSoon(client);
    }
  }

  private reconnectSoon(client: pg.Client): void {
    if (this.closed || this.reconnectTimer) return;
    if (this.listener === client) this.listener = null;
    void client.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.listen();
    }, 1000);
    this.reconnectTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
  }
}
