import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { CurrentUser } from '../auth/current-user.js';
import { badRequest } from '../common/problem.js';
import { Db } from '../database/db.js';
import { compileSelect, MAX_EXPANDS, parseListQuery, readPage, type SelectRow } from '../query/index.js';
import { FieldVisibility } from '../query/check/field-visibility.js';
import { defaultFieldNames } from '../query/compile/record/compile-projection.js';
import { exportCell, exportColumns, exportFilename, sheetName, type Cell } from './lib/export-columns.js';
import { csvStream, xlsxStream } from './lib/export-streams.js';
import { ReadScope, type ScopedRead } from './read-scope.service.js';
import { RecordsService } from './records.service.js';

const PARAMETERS = ['format', 'filter', 'fields', 'sort', 'q'];
const PAGE = 500;
const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Readable;
}

/**
 * `GET /api/records/{object}/export`: the rows a list with the same filter/sort/q would page
 * through (the reader's scope, hidden fields never read), fetched 500 at a time by keyset cursor
 * and streamed as CSV or XLSX. Bad parameters fail before the first byte is sent.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger('export');

  constructor(private readonly db: Db, private readonly records: RecordsService, private readonly scopes: ReadScope) {}

  async export(user: CurrentUser, object: string, raw: Record<string, unknown>): Promise<ExportFile> {
    this.records.objectOrThrow(object);
    const unknown = Object.keys(raw).filter((k) => !PARAMETERS.includes(k));
    if (unknown.length) throw badRequest(`Unknown query parameter(s): ${unknown.join(', ')}`, unknown.map((k) => ({ path: `/${k}`, message: 'is not a parameter of an export' })));
    const { format = 'csv', ...listParams } = raw;
    if (format !== 'csv' && format !== 'xlsx') throw badRequest('format must be csv or xlsx', [{ path: '/format', message: 'must be csv or xlsx' }]);
    const read = await this.scopes.of(user, object);
    const q = parseListQuery(listParams, { object, set: read.set });
    const paths = q.fields ?? defaultFieldNames(read.set, object, new FieldVisibility(read.set, object, read.hiddenFields, read));
    const expand = paths.filter((p) => !p.includes('.') && isExpandable(read, p)).slice(0, MAX_EXPANDS);
    const options = { ...read, filter: q.filter, q: q.q, sort: q.sort, fields: paths, expand, limit: PAGE };
    const first = await this.page(options);
    const locale = user.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const columns = exportColumns(read.set, object, paths, locale);
    const header = columns.map((c) => c.header);
    const pages = this.pages(options, first, (r) => columns.map((c) => exportCell(r, c.path)));
    const body = format === 'csv' ? csvStream(header, pages) : xlsxStream(sheetName(read.set, object, locale), header, pages);
    body.on('error', (e) => this.logger.error({ msg: 'export failed while streaming', object, err: e.message }));
    return { filename: exportFilename(object, format), contentType: TYPES[format], body };
  }

  private async page(options: Parameters<typeof compileSelect>[0]) {
    const compiled = compileSelect(options);
    return readPage(await this.db.query<SelectRow>(compiled.sql, compiled.params), compiled);
  }

  private async *pages(options: Parameters<typeof compileSelect>[0], first: Awaited<ReturnType<ExportService['page']>>, row: (r: Record<string, unknown>) => Cell[]) {
    let page = first;
    for (;;) {
      yield page.data.map(row);
      if (!page.nextCursor) return;
      page = await this.page({ ...options, cursor: page.nextCursor });
    }
  }
}

/** Relations and user fields export the related title, so they are expanded. */
function isExpandable(read: ScopedRead, name: string): boolean {
  const obj = read.set.objects[read.object];
  const def = obj && Object.hasOwn(obj.fields, name) ? obj.fields[name] : undefined;
  if (def) return def.type === 'user' || (def.type === 'relation' && def.relationType !== 'oneToMany');
  return ['owner', 'created_by', 'updated_by'].includes(name);
}
