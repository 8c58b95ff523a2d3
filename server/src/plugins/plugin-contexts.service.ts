import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PluginContext, PluginUser } from '@loom/plugin-sdk';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { JOB_QUEUE, type JobQueue } from '../jobs/job-queue.js';
import { RecordReader } from '../records/record-reader.service.js';
import { RecordsService } from '../records/records.service.js';
import { PluginRecordWrites } from './plugin-record-writes.service.js';
import { pluginRecords, type PluginRecordsDeps } from './plugin-records.js';
import { RecordHooks } from './record-hooks.service.js';
import { isUuid } from '../common/is-uuid.js';

export const PLUGIN_JOB = 'plugin.job';
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface PluginJobData {
  plugin: string;
  job: string;
  data: unknown;
}

export interface ContextSpec {
  name: string;
  version: string;
  declared: ReadonlySet<string>;
  config: Readonly<Record<string, unknown>>;
}

/**
 * The plugin's system actor: the admin role's grants (a plugin's metadata grants admin its objects),
 * writing as the first active admin — records need an owner that exists (like automations).
 */
export function systemActor(plugin: string, userId: string): CurrentUser {
  return { id: userId, email: `${plugin}@plugins.loom`, name: `plugin ${plugin}`, roles: ['admin'], teamId: null, managerId: null, locale: null, via: 'jwt' };
}

const USER_COLUMNS = `id, name, email, roles, manager_id AS "managerId", team_id AS "teamId"`;

/** Builds the narrow context a plugin's code receives (STYLE.md 11): no Nest container, no database. */
@Injectable()
export class PluginContexts {
  private readonly deps: PluginRecordsDeps;
  private systemUserId = NIL_UUID;

  constructor(
    private readonly db: Db, records: RecordsService, reader: RecordReader, writes: PluginRecordWrites, hooks: RecordHooks,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {
    this.deps = { db, records, reader, writes, hooks };
  }

  /** Finds the user the system actor writes as (called on every sync: the first admin exists after bootstrap). */
  async refreshSystemActor(): Promise<void> {
    const [admin] = await this.db.query<{ id: string }>(`SELECT id FROM core."user" WHERE 'admin' = ANY(roles) AND active ORDER BY created_at, id LIMIT 1`);
    if (admin) this.systemUserId = admin.id;
  }

  build(spec: ContextSpec, actor?: CurrentUser): PluginContext {
    const system = systemActor(spec.name, this.systemUserId);
    const logger = new Logger(`plugin:${spec.name}`);
    const user = actor ?? system;
    return Object.freeze({
      plugin: { name: spec.name, version: spec.version },
      records: pluginRecords(spec.name, spec.declared, user, this.deps),
      system: { records: pluginRecords(spec.name, spec.declared, system, this.deps) },
      user: { id: user.id, roles: [...user.roles] },
      users: {
        get: async (id: string) => {
          if (!isUuid(id)) return null;
          const [row] = await this.db.query<PluginUser>(`SELECT ${USER_COLUMNS} FROM core."user" WHERE id = $1 AND active`, [id]);
          return row ?? null;
        },
        withRole: (role: string) => this.db.query<PluginUser>(`SELECT ${USER_COLUMNS} FROM core."user" WHERE $1 = ANY(roles) AND active ORDER BY name`, [role]),
      },
      notify: async (userId: string, message: string, about?: { object: string; recordId: string }) => {
        await this.db.query(`INSERT INTO core.notification (user_id, message, object, record_id) SELECT id, $2, $3, $4 FROM core."user" WHERE id = $1`,
          [userId, message.slice(0, 2000), about?.object ?? null, about?.recordId ?? null]);
      },
      config: spec.config,
      jobs: {
        enqueue: async (job: string, data: unknown, options: { delayMs?: number; jobId?: string } = {}) => {
          const payload: PluginJobData = { plugin: spec.name, job, data };
          await this.queue.add(PLUGIN_JOB, payload, { delayMs: options.delayMs, jobId: options.jobId ? `plugin:${spec.name}:${options.jobId}` : undefined });
        },
      },
      logger: {
        info: (msg: string, data?: object) => logger.log({ msg, ...data }),
        warn: (msg: string, data?: object) => logger.warn({ msg, ...data }),
        error: (msg: string, data?: object) => logger.error({ msg, ...data }),
      },
    });
  }
}
