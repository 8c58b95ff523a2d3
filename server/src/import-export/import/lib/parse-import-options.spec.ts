import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../common/problem.js';
import { parseImportOptions } from './parse-import-options.js';

const errorsOf = (fields: Record<string, string>) => {
  try {
    parseImportOptions(fields);
    return null;
  } catch (e) {
    return (e as ProblemError).body.errors;
  }
};

describe('parseImportOptions', () => {
  it('defaults to create, no matching, not a dry run', () => {
    expect(parseImportOptions({})).toEqual({ mapping: undefined, mode: 'create', matchOn: [], dryRun: false });
  });

  it('reads mapping JSON, upsert with matchOn as a list or JSON, dryRun', () => {
    expect(parseImportOptions({ mapping: '{"邮箱":"email","备注":null}', mode: 'upsert', matchOn: 'email, mobile', dryRun: 'true' }))
      .toEqual({ mapping: { 邮箱: 'email', 备注: null }, mode: 'upsert', matchOn: ['email', 'mobile'], dryRun: true });
    expect(parseImportOptions({ matchOn: '["name","account"]' }).matchOn).toEqual(['name', 'account']);
  });

  it('refuses unknown fields and bad values with paths', () => {
    expect(errorsOf({ mode: 'merge', extra: 'x' })?.map((e) => e.path)).toEqual(['/extra', '/mode']);
    expect(errorsOf({ mode: 'upsert' })?.[0].path).toBe('/matchOn');
    expect(errorsOf({ matchOn: 'Email' })?.[0].path).toBe('/matchOn');
    expect(errorsOf({ dryRun: 'maybe' })?.[0].path).toBe('/dryRun');
    expect(errorsOf({ mapping: '[1]' })?.[0].path).toBe('/mapping');
    expect(errorsOf({ mapping: '{"a/b":"Not A Field"}' })?.[0].path).toBe('/mapping/a~1b');
  });
});
