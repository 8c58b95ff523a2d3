import { describe, expect, it } from 'vitest';
import { StatementTexts } from './statement-texts.js';

describe('StatementTexts', () => {
  it('gives back the first text built for an owner and shape, and keeps owners and shapes apart', () => {
    const texts = new StatementTexts();
    const a = {};
    const b = {};
    const first = ['SELECT', '1'].join(' ');
    let builds = 0;
    const build = (text: string) => () => { builds++; return text; };
    expect(texts.text(a, 'x', build(first))).toBe(first);
    expect(texts.text(a, 'x', build('SELECT 1 -- rebuilt'))).toBe(first);
    expect(builds).toBe(1);
    expect(texts.text(a, 'y', build('SELECT 2'))).toBe('SELECT 2');
    expect(texts.text(b, 'x', build('SELECT 3'))).toBe('SELECT 3');
    expect(builds).toBe(3);
  });
});
