/**
 * Where a list is in cursor pagination. The API only knows "the page after this cursor",
 * so going back means remembering the cursor of every page visited: a stack whose top
 * fetches the current page (the first page's cursor is null).
 */
export interface CursorPages {
  readonly cursors: readonly (string | null)[];
}

export function firstPage(): CursorPages {
  return { cursors: [null] };
}

export function currentCursor(pages: CursorPages): string | null {
  return pages.cursors[pages.cursors.length - 1] ?? null;
}

/** 1-based. */
export function pageNumber(pages: CursorPages): number {
  return pages.cursors.length;
}

export function hasPreviousPage(pages: CursorPages): boolean {
  return pages.cursors.length > 1;
}

/** The page after the current one, fetched with the `nextCursor` of the current answer. */
export function nextPage(pages: CursorPages, nextCursor: string): CursorPages {
  return { cursors: [...pages.cursors, nextCursor] };
}

export function previousPage(pages: CursorPages): CursorPages {
  return hasPreviousPage(pages) ? { cursors: pages.cursors.slice(0, -1) } : pages;
}

/** The rows a page shows, counted from 1 ("26–50"); 0–0 for an empty page. */
export function pageRange(pages: CursorPages, pageSize: number, rowCount: number): { from: number; to: number } {
  if (rowCount === 0) return { from: 0, to: 0 };
  const before = (pageNumber(pages) - 1) * pageSize;
  return { from: before + 1, to: before + rowCount };
}
