import { describe, expect, it } from 'vitest';
import { invalid, ProblemError } from '../common/problem.js';
import { relativePath, withDocumentPaths } from './document-paths.js';

describe('document paths', () => {
  it('makes paths inside the document relative to it and leaves others alone', () => {
    expect(relativePath('/layouts/deal_form/sections/0/visibleWhen/amount', '/layouts/deal_form')).toBe('/sections/0/visibleWhen/amount');
    expect(relativePath('/layouts/deal_form', '/layouts/deal_form')).toBe('/');
    expect(relativePath('/layouts/deal_formal/sections', '/layouts/deal_form')).toBe('/layouts/deal_formal/sections');
    expect(relativePath('/objects/deal/fields/x', '/layouts/deal_form')).toBe('/objects/deal/fields/x');
  });

  it('rewrites the errors of a 422 thrown by the write, and passes other errors through', async () => {
    const refused = withDocumentPaths('/pipelines/sales', async () => {
      throw invalid([{ path: '/pipelines/sales/stages/1/requiredFields/0', message: 'no such field' }, { path: '/objects/deal', message: 'elsewhere' }]);
    });
    const e = await refused.catch((x: unknown) => x) as ProblemError;
    expect(e.body.errors).toEqual([{ path: '/stages/1/requiredFields/0', message: 'no such field' }, { path: '/objects/deal', message: 'elsewhere' }]);
    await expect(withDocumentPaths('/x/y', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(withDocumentPaths('/x/y', async () => 7)).resolves.toBe(7);
  });
});
