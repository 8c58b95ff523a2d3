/**
 * One flat string per write-statement shape, built once: building a write's SQL (a rope of pieces
 * that the prepared-statement lookup then flattens and hashes) cost each write ~25 µs of CPU
 * (bench/records.mjs). Kept here by owner and shape, the same string comes back, its hash known.
 * `shape` must name everything but the owner that the text depends on, including how many
 * parameters come before each placeholder.
 */
export class StatementTexts {
  private readonly byOwner = new WeakMap<object, Map<string, string>>();

  /** The text kept for (`owner`, `shape`); `build` is called (and its text kept) the first time only. */
  text(owner: object, shape: string, build: () => string): string {
    let texts = this.byOwner.get(owner);
    if (!texts) this.byOwner.set(owner, texts = new Map());
    let text = texts.get(shape);
    if (text === undefined) {
      if (texts.size >= 1_000) texts.clear();
      texts.set(shape, text = build());
    }
    return text;
  }
}
