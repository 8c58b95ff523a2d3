import { describe, expect, it } from 'vitest';
import { currentCursor, firstPage, hasPreviousPage, nextPage, pageNumber, pageRange, previousPage } from './cursor-pages';

describe('cursor pages', () => {
  it('starts on page 1 with no cursor and nothing to go back to', () => {
    const pages = firstPage();
    expect(currentCursor(pages)).toBeNull();
    expect(pageNumber(pages)).toBe(1);
    expect(hasPreviousPage(pages)).toBe(false);
    expect(previousPage(pages)).toBe(pages);
  });

  it('pushes each nextCursor and pops back to the cursor of the page before', () => {
    const p2 = nextPage(firstPage(), 'c2');
    const p3 = nextPage(p2, 'c3');
    expect(currentCursor(p3)).toBe('c3');
    expect(pageNumber(p3)).toBe(3);
    const back = previousPage(p3);
    expect(currentCursor(back)).toBe('c2');
    expect(currentCursor(previousPage(back))).toBeNull();
    expect(p2.cursors).toEqual([null, 'c2']);
  });

  it('numbers the rows of a page from where the previous pages ended', () => {
    const p3 = nextPage(nextPage(firstPage(), 'a'), 'b');
    expect(pageRange(firstPage(), 25, 25)).toEqual({ from: 1, to: 25 });
    expect(pageRange(p3, 25, 7)).toEqual({ from: 51, to: 57 });
    expect(pageRange(p3, 25, 0)).toEqual({ from: 0, to: 0 });
  });
});
