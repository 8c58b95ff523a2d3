/**
 * One flat string per write-statement shape. A write's SQL is built anew each request, a rope of
 * pieces; the prepared-statement lookup (Db's statement names) then flattens and hashes all of it,
 * several µs a write (bench/records.mjs). Kept here by owner and shape, the same string comes back,
 * its hash known. `shape` must name everything but the owner that the text depends on.
 */
export class StatementTexts {
  private readonly byOwner = new WeakMap<object, Map<string, string>>();

  /** The text kept for (`owner`, `shape`); `built` (this request's) is kept the first time. */
  text(owner: object, shape: string, built: string): string {
    let texts = this.byOwner.get(owner);
    if (!texts) this.byOwner.set(owner, texts = new Map());
    let text = texts.get(shape);
    if (text === undefined) {
      if (texts.size >= 1_000) texts.clear();
      texts.set(shape, text = built);
    }
    return text;
  }
}
