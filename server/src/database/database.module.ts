import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { createDataSource } from './create-data-source.js';
import { Db } from './db.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { installPgTypeParsers } from './pg-types.js';

const EMBEDDED = Symbol('EMBEDDED_POSTGRES');

@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED,
      inject: [LOOM_CONFIG],
      useFactory: async (config: LoomConfig): Promise<EmbeddedPostgres | null> => {
        if (config.databaseUrl) return null;
        const pg = await startEmbeddedPostgres(config.dataDir);
        new Logger('database').log({ msg: 'embedded PostgreSQL started', dataDir: config.dataDir });
        return pg;
      },
    },
    {
      provide: DataSource,
      inject: [LOOM_CONFIG, EMBEDDED],
      useFactory: async (config: LoomConfig, embedded: EmbeddedPostgres | null) => {
        installPgTypeParsers();
        return createDataSource({ url: config.databaseUrl ?? embedded!.url, embedded: !!embedded });
      },
    },
    { provide: Db, inject: [DataSource], useFactory: (ds: DataSource) => new Db(ds) },
  ],
  exports: [Db, DataSource, EMBEDDED],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    private readonly ds: DataSource,
    @Inject(EMBEDDED) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
    if (this.embedded) await this.embedded.stop();
  }
}
