import { describe, expect, it } from 'vitest';
import { insertAtCursor } from './insert-at-cursor';

describe('insertAtCursor', () => {
  it('types at the cursor of the focused input and fires input', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.value = 'Hello !';
    input.focus();
    input.setSelectionRange(6, 6);
    let typed = '';
    input.addEventListener('input', () => (typed = input.value));
    expect(insertAtCursor('{{record.name}}')).toBe(true);
    expect(typed).toBe('Hello {{record.name}}!');
    input.remove();
  });

  it('does nothing without a focused text box', () => {
    expect(insertAtCursor('x', document.body)).toBe(false);
  });
});
