import { describe, expect, it } from 'vitest';
import { StatementTexts } from './statement-texts.js';

describe('StatementTexts', () => {
  it('gives back the first text built for an owner and shape, and keeps owners and shapes apart', () => {
    const texts = new StatementTexts();
    const a = {};
    const b = {};
    const first = ['SELECT', '1'].join(' ');
    expect(texts.text(a, 'x', first)).toBe(first);
    expect(texts.text(a, 'x', 'SELECT 1 -- rebuilt')).toBe(first);
    expect(texts.text(a, 'y', 'SELECT 2')).toBe('SELECT 2');
    expect(texts.text(b, 'x', 'SELECT 3')).toBe('SELECT 3');
  });
});
