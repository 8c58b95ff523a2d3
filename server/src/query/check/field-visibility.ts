import {
  conditionFields, findField, formulaFields, parseCondition, parseFormula, resolveFieldPath, type MetadataSet, type ResolvedField,
} from '@loom/metadata';
import type { ReadAccess } from '../plan/compile-state.js';

/**
 * Which fields the caller may read, per object: the root object's `hiddenFields` and
 * `hiddenFor(object)`, plus every formula or rollup that reads a hidden field (through any
 * number of formulas, joins and rollups) — else the derived field would leak it.
 */
export class FieldVisibility {
  private readonly memo = new Map<string, boolean>();

  constructor(
    private readonly set: MetadataSet,
    private readonly root: string,
    private readonly rootHidden: ReadonlySet<string> | undefined,
    private readonly access: ReadAccess,
  ) {}

  isHidden(object: string, field: string): boolean {
    if (field === 'id') return false;
    const key = `${object}.${field}`;
    let hidden = this.memo.get(key);
    if (hidden === undefined) {
      hidden = this.reachesHidden(object, field, new Set());
      this.memo.set(key, hidden);
    }
    return hidden;
  }

  /** The first segment of a resolved dotted path the caller may not read (`account.industry` → 'industry'), if any. */
  hiddenSegment(path: string[], field: ResolvedField): string | undefined {
    const objects = [this.rootObjectOf(field), ...field.joins.map((j) => j.to)];
    return path.find((segment, i) => this.isHidden(objects[i]!, segment));
  }

  private rootObjectOf(field: ResolvedField): string {
    return field.joins[0]?.from ?? field.object;
  }

  private declared(object: string): ReadonlySet<string> {
    const forObject = this.access.hiddenFor?.(object);
    if (object !== this.root || !this.rootHidden) return forObject ?? EMPTY;
    return forObject ? new Set([...this.rootHidden, ...forObject]) : this.rootHidden;
  }

  /** Depth-first over what the field reads; `visited` makes reference cycles terminate. */
  private reachesHidden(object: string, field: string, visited: Set<string>): boolean {
    if (field === 'id') return false;
    if (this.declared(object).has(field)) return true;
    const key = `${object}.${field}`;
    if (visited.has(key)) return false;
    visited.add(key);
    return this.dependencies(object, field).some(([o, path]) => this.pathReachesHidden(o, path, visited));
  }

  /** The field paths a formula or rollup reads, each with the object it starts from. */
  private dependencies(object: string, field: string): [string, string[]][] {
    const def = findField(this.set, object, field);
    if (def?.type === 'formula') {
      const ast = parseFormula(def.expression).ast;
      return ast ? formulaFields(ast).map((p) => [object, p.split('.')]) : [];
    }
    if (def?.type === 'rollup') {
      const paths = [[def.relation], ...(def.field ? [def.field.split('.')] : [])];
      const filter = def.filter ? parseCondition(def.filter, { object: def.object, set: this.set }).ast : null;
      if (filter) paths.push(...conditionFields(filter).map((p) => p.split('.')));
      return paths.map((p) => [def.object, p]);
    }
    return [];
  }

  private pathReachesHidden(object: string, path: string[], visited: Set<string>): boolean {
    const res = resolveFieldPath(this.set, object, path, Infinity);
    if (res.error) return false;
    const objects = [object, ...res.field.joins.map((j) => j.to)];
    return path.some((segment, i) => this.reachesHidden(objects[i]!, segment, visited));
  }
}

const EMPTY: ReadonlySet<string> = new Set();
