import { Injectable } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import { ProblemError } from '../../common/problem.js';
import { Db } from '../../database/db.js';
import { PermanentJobError, type JobContext } from '../../jobs/job-queue.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { ReadContextService } from '../../records/read-context.service.js';
import { RecordReader } from '../../records/record-reader.service.js';
import { normalizeValues } from '../../records/validation/normalize-values.js';
import { ExistingMatches } from './existing-matches.service.js';
import { ImportBatchWriter, type PlannedRow } from './import-batch-writer.service.js';
import { ImportStore, MAX_REPORTED, type DuplicateHit, type ImportBatch, type RowError } from './import-store.js';
import { loadJobUser } from './lib/load-job-user.js';
import { fileDuplicates, matchRules } from './lib/match-rows.js';
import { readTable } from './lib/read-table.js';
import { resolveMapping } from './lib/resolve-mapping.js';
import { prepareRows, type PreparedRow } from './prepare-rows.js';
import { RowLookups, type ImportReader } from './row-lookups.service.js';

export const IMPORT_JOB = 'import.records';
export const BATCH_ROWS = 500;

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: RowError[];
  duplicates: DuplicateHit[];
  unmappedColumns: string[];
  dryRun: boolean;
}

/**
 * The import job: read the stored file, map and coerce the cells, resolve relations and users, drop
 * rows repeating an earlier row, match existing records (create: a duplicate hit is skipped; upsert:
 * one match is updated, none created), then write 500 rows per transaction (ImportBatchWriter) with
 * the import's bookkeeping, reporting progress. A retried job resumes after the last committed batch.
 */
@Injectable()
export class ImportRunner {
  constructor(
    private readonly db: Db, private readonly store: ImportStore, private readonly registry: MetadataRegistry, private readonly reader: RecordReader,
    private readonly contexts: ReadContextService, private readonly lookups: RowLookups, private readonly matches: ExistingMatches, private readonly batches: ImportBatchWriter,
  ) {}

  async run(jobId: string, job: JobContext): Promise<ImportResult> {
    const batch = await this.store.load(jobId, true);
    if (!batch?.file) throw new PermanentJobError(batch ? `import ${jobId} was already processed` : `no import ${jobId}`);
    const user = await loadJobUser(this.db, batch.owner);
    if (!user) throw new PermanentJobError('the user who started the import is no longer active');
    const set = this.registry.current().set;
    const obj = set.objects[batch.object];
    if (!obj || obj.archived) throw new PermanentJobError(`object ${batch.object} no longer exists`);
    const table = await readTable(batch.fileType, batch.file);
    const mapping = permanent(() => resolveMapping(obj, table.header, batch.options));
    const rows = prepareRows(set, obj, table, mapping.columns);
    const reader: ImportReader = { ctx: await this.contexts.forUser(user), access: this.reader.access(user) };
    const fields = mapping.columns.map((c) => c.field);
    await this.lookups.resolve(reader, set, obj, fields, rows);
    const normalized = new Map(rows.map((r) => [r.row, normalizeValues(obj, r.values)]));
    const rules = matchRules(obj, batch.options, fields, reader.access.hiddenFor?.(obj.name));
    const inFile = fileDuplicates(rows.map((r) => ({ row: r.row, values: normalized.get(r.row)!, skip: r.problems.length > 0 })), rules);
    await this.store.start(jobId, rows.length);
    const totals = { created: 0, updated: 0, unchanged: 0, skipped: 0, errors: [] as RowError[], duplicates: [] as DuplicateHit[] };
    for (let start = batch.rowsDone; start < rows.length; start += BATCH_ROWS) {
      const slice = rows.slice(start, start + BATCH_ROWS);
      const plan = await this.plan(reader, batch, obj, rules, slice, normalized, inFile);
      const written = await this.batches.write(user, reader.ctx, obj, plan.rows, batch.options.dryRun, (tx, o) => this.store.saveProgress(tx, jobId, {
        rowsDone: start + slice.length, created: o.created, updated: o.updated, skipped: plan.errors.length + plan.duplicates.length + o.errors.length,
        errors: [...plan.errors, ...o.errors].sort((a, b) => a.row - b.row), duplicates: plan.duplicates, rows: o.rows,
      }));
      totals.created += written.created;
      totals.updated += written.updated;
      totals.unchanged += written.unchanged;
      totals.skipped += plan.errors.length + plan.duplicates.length + written.errors.length;
      totals.errors.push(...[...plan.errors, ...written.errors].sort((a, b) => a.row - b.row));
      totals.duplicates.push(...plan.duplicates);
      await job.progress(start + slice.length, rows.length);
    }
    await this.store.finish(jobId, 'done');
    const unmappedColumns = mapping.unmapped;
    if (batch.options.dryRun || batch.rowsDone === 0) {
      return { total: rows.length, ...totals, errors: totals.errors.slice(0, MAX_REPORTED), duplicates: totals.duplicates.slice(0, MAX_REPORTED), unmappedColumns, dryRun: batch.options.dryRun };
    }
    const saved = (await this.store.load(jobId)) as ImportBatch; // resumed: earlier attempts' batches count too
    return { total: rows.length, created: saved.created, updated: saved.updated, unchanged: totals.unchanged, skipped: saved.skipped, errors: saved.errors, duplicates: saved.duplicates, unmappedColumns, dryRun: false };
  }

  /** What to do with each row of a batch: its problems, duplicate hits, and the writes left. */
  private async plan(reader: ImportReader, batch: ImportBatch, obj: ObjectDef, rules: string[][], slice: PreparedRow[], normalized: Map<number, Record<string, unknown>>, inFile: Map<number, DuplicateHit>) {
    const errors: RowError[] = [];
    const duplicates: DuplicateHit[] = [];
    const candidates: PreparedRow[] = [];
    for (const r of slice) {
      if (r.problems.length) errors.push({ row: r.row, errors: r.problems });
      else if (inFile.has(r.row)) duplicates.push(inFile.get(r.row)!);
      else candidates.push(r);
    }
    const found = await Promise.all(rules.map((fields) => this.matches.find(reader, this.registry.current().set, obj, fields, candidates.map((r) => ({ row: r.row, values: normalized.get(r.row)! })))));
    const rows: PlannedRow[] = [];
    for (const r of candidates) {
      const { id: _id, ...values } = r.values;
      const hit = rules.map((fields, i) => ({ fields, ids: found[i]!.get(r.row) })).find((h) => h.ids);
      if (batch.options.mode === 'create') {
        if (hit) duplicates.push({ row: r.row, record: hit.ids![0], match: hit.fields });
        else rows.push({ row: r.row, action: 'create', values });
      } else if (!hit) rows.push({ row: r.row, action: 'create', values });
      else if (hit.ids!.length > 1) errors.push({ row: r.row, errors: [{ path: `/${hit.fields[0]}`, message: `matches ${hit.ids!.length} records; it must match one to update it` }] });
      else rows.push({ row: r.row, action: 'update', id: hit.ids![0], values });
    }
    return { rows, errors, duplicates };
  }
}

/** Metadata that changed under a queued import: no retry can fix it. */
function permanent<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ProblemError) throw new PermanentJobError(`${e.message}: ${JSON.stringify(e.body.errors ?? [])}`);
    throw e;
  }
}
