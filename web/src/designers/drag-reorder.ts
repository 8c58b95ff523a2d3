import { ref } from 'vue';

/** Moves the item at `from` to `to` in place (the list keeps its identity for Vue). */
export function moveItem<T>(list: T[], from: number, to: number): void {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item as T);
}

/**
 * Reordering a list by native drag and drop: drag a row's handle, drop it on another row. The
 * row under the pointer is `over` (for a drop marker); `move` buttons do the same by keyboard.
 */
export function useDragReorder<T>(list: () => T[]) {
  const dragging = ref<number | null>(null);
  const over = ref<number | null>(null);

  function start(index: number, event: DragEvent): void {
    dragging.value = index;
    if (!event.dataTransfer) return;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', String(index));
    const row = (event.target as HTMLElement | null)?.closest('[data-drag-row]');
    if (row) event.dataTransfer.setDragImage(row, 16, 16);
  }

  function enter(index: number, event: DragEvent): void {
    if (dragging.value === null) return;
    event.preventDefault();
    over.value = index;
  }

  function drop(index: number, event: DragEvent): void {
    event.preventDefault();
    if (dragging.value !== null) moveItem(list(), dragging.value, index);
    end();
  }

  function end(): void {
    dragging.value = null;
    over.value = null;
  }

  function move(index: number, step: -1 | 1): void {
    moveItem(list(), index, index + step);
  }

  return { dragging, over, start, enter, drop, end, move };
}
