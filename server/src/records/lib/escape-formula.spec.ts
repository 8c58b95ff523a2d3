import { describe, expect, it } from 'vitest';
import { escapeFormula } from './escape-formula.js';

describe('escapeFormula', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"], ['+1', "'+1"], ['-2', "'-2"], ['@x', "'@x"], ['\tcmd', "'\tcmd"], ['\rcmd', "'\rcmd"],
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
  ])('prefixes %j', (input, expected) => {
    expect(escapeFormula(input)).toBe(expected);
  });

  it.each(['Acme', '', ' =not first', 'a=b', "'already", '1+1', '中文'])('leaves %j alone', (input) => {
    expect(escapeFormula(input)).toBe(input);
  });
});
