import { BeforeApplicationShutdown, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { HEALTH_PROBES, type HealthProbes } from '../health/health-probes.js';
import { JOB_QUEUE, type JobQueue } from './job-queue.js';
import { JobsController } from './jobs.controller.js';
import { JOBS_SETTINGS, loadJobsSettings, type JobsSettings } from './jobs-settings.js';
import { PostgresJobQueue } from './postgres-job-queue.js';
import { RedisJobQueue } from './redis-job-queue.js';

/**
 * The job queue: BullMQ when REDIS_URL is set, core.job otherwise. Consumers start only in
 * processes whose LOOM_ROLE runs jobs (worker, all), after every module has registered its handlers.
 */
@Global()
@Module({
  controllers: [JobsController],
  providers: [
    { provide: JOBS_SETTINGS, useFactory: () => loadJobsSettings() },
    {
      provide: JOB_QUEUE,
      inject: [LOOM_CONFIG, Db, JOBS_SETTINGS],
      useFactory: (config: LoomConfig, db: Db, settings: JobsSettings): JobQueue =>
        config.redisUrl ? new RedisJobQueue(config.redisUrl, settings) : new PostgresJobQueue(db, settings),
    },
  ],
  exports: [JOB_QUEUE, JOBS_SETTINGS],
})
export class JobsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(LOOM_CONFIG) private readonly config: LoomConfig,
    @Inject(HEALTH_PROBES) private readonly probes: HealthProbes,
  ) {
    this.probes.queue = () => this.queue.health();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role !== 'api') await this.queue.start();
  }

  /** Before the database pool closes: running jobs finish or are left to their lease. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
