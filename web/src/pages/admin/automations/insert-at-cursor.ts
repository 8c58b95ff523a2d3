/**
 * Types `text` into the focused text box at its cursor (replacing a selection) and lets v-model
 * know; false when no text box has the focus.
 */
export function insertAtCursor(text: string, target: Element | null = document.activeElement): boolean {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return false;
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? start;
  target.setRangeText(text, start, end, 'end');
  target.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
