import { columnName, findObject, labelText, parseCondition, type ConditionNode, type Locale, type MetadataSet, type PipelineDef } from '@loom/metadata';
import { badRequest, forbidden, notFound } from '../common/problem.js';
import { isNever } from '../permissions/permission-types.js';
import type { QueryContext, ReadAccess } from '../query/index.js';
import { scopedRowsSql } from './lib/scoped-rows-sql.js';
import type { StatementParams } from './lib/statement-params.js';

/**
 * One caller's read plan for an analytics request: the same scopes and hidden fields as every
 * records read (RecordReader.access), the caller's query context and locale. Metrics on a field
 * the caller cannot read are refused (403), never computed (SECURITY.md 1 and 3).
 */
export class AnalyticsScope {
  constructor(readonly set: MetadataSet, readonly ctx: QueryContext, readonly access: ReadAccess, readonly locale: Locale) {}

  isHidden(object: string, field: string): boolean {
    return this.access.hiddenFor?.(object)?.has(field) ?? false;
  }

  /** 403 naming every field of `object` in `fields` the caller may not read. */
  assertReadable(object: string, fields: readonly string[]): void {
    const hidden = fields.filter((f) => this.isHidden(object, f));
    if (hidden.length) {
      throw forbidden(`These analytics read fields you cannot read: ${hidden.map((f) => `${object}.${f}`).join(', ')}`,
        hidden.map((f) => ({ path: `/fields/${object}.${f}`, message: 'is a field you cannot read' })));
    }
  }

  /** The scoped rows of `object` as SQL for a CTE, after checking every column is readable. */
  rows(object: string, columns: Record<string, string>, params: StatementParams, filter?: ConditionNode): string {
    this.assertReadable(object, Object.values(columns));
    return scopedRowsSql({ object, set: this.set, ctx: this.ctx, access: this.access, columns, filter }, params);
  }

  /**
   * The scoped rows of `object` whose manyToOne `link` is `id`, or null when the caller cannot take
   * this part at all: the object is missing, no role lets them read it, or a column is hidden.
   */
  relatedRows(object: string, link: string, id: string, columns: Record<string, string>, params: StatementParams): string | null {
    if (!Object.hasOwn(this.set.objects, object) || this.set.objects[object]!.archived) return null;
    if (isNever(this.access.scopeFor?.(object)) || [link, ...Object.values(columns)].some((f) => this.isHidden(object, f))) return null;
    const filter = parseCondition({ [link]: id }, { object, set: this.set }).ast ?? undefined;
    return this.rows(object, columns, params, filter);
  }

  /** The object's title field when it is stored and readable; otherwise titles are null. */
  titleField(object: string): string | null {
    const obj = findObject(this.set, object);
    const def = obj?.fields[obj.titleField];
    return obj && def && columnName(obj.titleField, def) && !this.isHidden(object, obj.titleField) ? obj.titleField : null;
  }

  pipelineOrThrow(name: string | undefined): PipelineDef {
    if (!name) throw badRequest('pipeline is required', [{ path: '/pipeline', message: 'is required' }]);
    const pipeline = Object.hasOwn(this.set.pipelines, name) ? this.set.pipelines[name] : undefined;
    if (!pipeline || !Object.hasOwn(this.set.objects, pipeline.object)) throw notFound(`No pipeline ${name}`);
    return pipeline;
  }

  objectOrThrow(name: string): void {
    if (!Object.hasOwn(this.set.objects, name) || this.set.objects[name]!.archived) throw notFound(`No object ${name}`);
  }

  /** Only the records of the pipeline's record type, when the object has several pipelines. */
  recordTypeFilter(p: PipelineDef): ConditionNode | undefined {
    if (!p.recordTypeField || p.recordType === undefined) return undefined;
    const types = Array.isArray(p.recordType) ? p.recordType : [p.recordType];
    return parseCondition({ [p.recordTypeField]: { $in: types } }, { object: p.object, set: this.set }).ast ?? undefined;
  }

  label(label: Parameters<typeof labelText>[0], fallback: string): string {
    return labelText(label, this.locale) ?? fallback;
  }
}

/** The pipeline's stages as parallel arrays, for `unnest(…) AS s(key, rank, probability, outcome)`. */
export function stageTable(p: PipelineDef, params: StatementParams): string {
  const keys = params.add(p.stages.map((s) => s.key), 'text[]');
  const ranks = params.add(p.stages.map((_, i) => i), 'integer[]');
  const probabilities = params.add(p.stages.map((s) => s.probability ?? 0), 'numeric[]');
  const outcomes = params.add(p.stages.map((s) => s.outcome ?? null), 'text[]');
  return `SELECT * FROM unnest(${keys}, ${ranks}, ${probabilities}, ${outcomes}) AS s(key, rank, probability, outcome)`;
}
