import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { JOB_QUEUE, PermanentJobError, type JobContext, type JobQueue } from '../../jobs/job-queue.js';
import { RecordsModule } from '../../records/records.module.js';
import { WriteValidation } from '../../records/write-validation.service.js';
import { ExistingMatches } from './existing-matches.service.js';
import { ImportBatchWriter } from './import-batch-writer.service.js';
import { ImportController } from './import.controller.js';
import { ImportRequests } from './import-requests.service.js';
import { ImportRevertRunner, REVERT_JOB } from './import-revert-runner.service.js';
import { IMPORT_JOB, ImportRunner } from './import-runner.service.js';
import { ImportStore } from './import-store.js';
import { RowLookups } from './row-lookups.service.js';

@Module({
  imports: [RecordsModule],
  controllers: [ImportController],
  providers: [ImportStore, ImportRequests, ImportRunner, ImportRevertRunner, ImportBatchWriter, RowLookups, ExistingMatches, WriteValidation],
})
export class ImportModule implements OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly store: ImportStore, private readonly runner: ImportRunner, private readonly reverter: ImportRevertRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    this.queue.process<{ batch: string }>(IMPORT_JOB, (data, ctx) => this.failedAtLast(data.batch, ctx, () => this.runner.run(data.batch, ctx)));
    this.queue.process<{ batch: string; by: string }>(REVERT_JOB, (data, ctx) => this.reverter.run(data, ctx));
  }

  /** The batch is marked failed when its job will not be retried (out of attempts, or a permanent error). */
  private async failedAtLast<T>(batch: string, ctx: JobContext, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof PermanentJobError || ctx.attempt >= ctx.maxAttempts) await this.store.finish(batch, 'failed').catch(() => {});
      throw e;
    }
  }
}
