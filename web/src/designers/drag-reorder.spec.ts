import { describe, expect, it } from 'vitest';
import { moveItem, useDragReorder } from './drag-reorder';

describe('moveItem', () => {
  it('moves an item forwards and backwards in place', () => {
    const list = ['a', 'b', 'c', 'd'];
    moveItem(list, 0, 2);
    expect(list).toEqual(['b', 'c', 'a', 'd']);
    moveItem(list, 3, 0);
    expect(list).toEqual(['d', 'b', 'c', 'a']);
  });

  it('ignores moves out of the list', () => {
    const list = ['a', 'b'];
    moveItem(list, 0, 5);
    moveItem(list, -1, 0);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('useDragReorder', () => {
  it('drops the dragged row where it is released', () => {
    const list = ['lead', 'qualified', 'won'];
    const drag = useDragReorder(() => list);
    const event = { preventDefault: () => undefined, dataTransfer: null } as unknown as DragEvent;
    drag.start(2, event);
    drag.enter(1, event);
    expect(drag.over.value).toBe(1);
    drag.drop(1, event);
    expect(list).toEqual(['lead', 'won', 'qualified']);
    expect(drag.dragging.value).toBeNull();
    drag.move(0, 1);
    expect(list).toEqual(['won', 'lead', 'qualified']);
  });
});
