import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../auth/current-user.js';
import { conflict, forbidden, invalid, notFound } from '../../common/problem.js';
import { JOB_QUEUE, type JobQueue } from '../../jobs/job-queue.js';
import { PermissionsService } from '../../permissions/permissions.service.js';
import { RecordReader } from '../../records/record-reader.service.js';
import { RecordsService } from '../../records/records.service.js';
import { ImportStore } from './import-store.js';
import { IMPORT_JOB } from './import-runner.service.js';
import { REVERT_JOB } from './import-revert-runner.service.js';
import { parseImportOptions } from './lib/parse-import-options.js';
import { fileTypeOf, readHeader } from './lib/read-table.js';
import { readUpload } from './lib/read-upload.js';
import { resolveMapping } from './lib/resolve-mapping.js';

/**
 * The HTTP side of imports: everything that can be refused at once is refused before a job exists —
 * object (404), permission (403), options (400), header and mapping (422), hidden matchOn fields (403) —
 * then the file is stored with the batch and the job queued (202 `{ job }`).
 */
@Injectable()
export class ImportRequests {
  constructor(
    private readonly store: ImportStore, private readonly records: RecordsService, private readonly permissions: PermissionsService,
    private readonly reader: RecordReader, @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  async start(user: CurrentUser, object: string, req: FastifyRequest): Promise<{ job: string }> {
    const obj = this.records.objectOrThrow(object);
    const upload = await readUpload(req);
    const options = parseImportOptions(upload.fields);
    this.permissions.objectDecisionOrThrow(user, object, options.mode === 'upsert' ? 'update' : 'create');
    const hidden = options.matchOn.filter((f) => this.reader.access(user).hiddenFor?.(object)?.has(f));
    if (hidden.length) throw forbidden('matchOn names fields you cannot read', hidden.map((f) => ({ path: '/matchOn', message: `"${f}" is a field you cannot read` })));
    const fileType = fileTypeOf(upload.file);
    const header = await readHeader(fileType, upload.file).catch((e: Error) => {
      throw invalid([{ path: '/file', message: `cannot be read as ${fileType.toUpperCase()}: ${e.message}` }]);
    });
    resolveMapping(obj, header, options);
    const jobId = randomUUID();
    await this.store.create({ jobId, object, owner: user.id, fileName: upload.fileName, fileType, file: upload.file, options });
    try {
      await this.queue.add(IMPORT_JOB, { batch: jobId }, { jobId, owner: user.id, attempts: 3 });
    } catch (e) {
      await this.store.remove(jobId);
      throw e;
    }
    return { job: jobId };
  }

  async revert(user: CurrentUser, jobId: string): Promise<{ job: string }> {
    const batch = await this.batchOrThrow(user, jobId);
    if (batch.options.dryRun) throw conflict('A dry run wrote nothing, so there is nothing to revert');
    if (batch.status === 'queued' || batch.status === 'running') throw conflict('The import is still running; revert it when it is done');
    if (batch.status === 'reverted') throw conflict('The import was already reverted', { job: batch.revertJob });
    const revertJob = `${jobId}:revert`;
    if (!(await this.store.claimRevert(jobId, revertJob))) throw conflict(`The import is ${batch.status}`);
    await this.queue.add(REVERT_JOB, { batch: jobId, by: user.id }, { jobId: revertJob, owner: user.id, attempts: 3 });
    return { job: revertJob };
  }

  /** The import's state and result, for its owner and admins (404 for anyone else). */
  async view(user: CurrentUser, jobId: string) {
    const { file: _file, ...batch } = await this.batchOrThrow(user, jobId);
    return batch;
  }

  private async batchOrThrow(user: CurrentUser, jobId: string) {
    const batch = jobId.length <= 200 ? await this.store.load(jobId) : null;
    if (!batch || (batch.owner !== user.id && !this.permissions.isAdmin(user))) throw notFound(`No import ${jobId}`);
    return batch;
  }
}
