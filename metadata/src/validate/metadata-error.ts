/**
 * A problem in a metadata document, a set or a condition: `path` is a JSON Pointer
 * into what was checked (`/fields/amount/type`; `/objects/opportunity/fields/amount/type`
 * for a set; `/$and/1/amount/$gte` for a filter). `code` is stable, `message` is English.
 */
export interface MetadataError {
  path: string;
  message: string;
  code?: string;
}

/** Prefixes every error's path, e.g. to place a document's errors inside a set. */
export function prefixErrors(prefix: string, errors: MetadataError[]): MetadataError[] {
  return errors.map((e) => ({ ...e, path: prefix + e.path }));
}

/** Collects errors; `add` keeps call sites short. */
export class ErrorList {
  readonly items: MetadataError[] = [];
  add(path: string, message: string, code?: string): void {
    this.items.push(code === undefined ? { path, message } : { path, message, code });
  }
  addAll(errors: MetadataError[], prefix = ''): void {
    for (const e of errors) this.items.push({ ...e, path: prefix + e.path });
  }
}
