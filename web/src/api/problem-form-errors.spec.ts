import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api-problem';
import { formErrorsFromProblem, pointerToProp } from './problem-form-errors';

const problem = (errors?: Array<{ path: string; message: string }>) =>
  new ApiProblem({ type: 'https://loom.dev/problems/validation', title: 'Validation failed', status: 422, detail: 'Invalid', errors });

describe('pointerToProp', () => {
  it('turns a JSON pointer into a dotted form prop', () => {
    expect(pointerToProp('/email')).toBe('email');
    expect(pointerToProp('/address/city')).toBe('address.city');
    expect(pointerToProp('/a~1b/c~0d')).toBe('a/b.c~d');
    expect(pointerToProp('')).toBe('');
  });
});

describe('formErrorsFromProblem', () => {
  it('puts each error on its form item', () => {
    const result = formErrorsFromProblem(
      problem([
        { path: '/email', message: 'must be a valid email' },
        { path: '/name', message: 'is required' },
      ]),
      ['email', 'name', 'password'],
    );
    expect(result).toEqual({ fields: { email: 'must be a valid email', name: 'is required' }, general: [] });
  });

  it('puts a path below a prop on that prop, joining several messages', () => {
    const result = formErrorsFromProblem(
      problem([
        { path: '/roles/0', message: 'unknown role "x"' },
        { path: '/roles/2', message: 'unknown role "y"' },
      ]),
      ['roles'],
    );
    expect(result.fields.roles).toBe('unknown role "x"; unknown role "y"');
  });

  it('keeps errors that fit no field, and problems without errors, as general messages', () => {
    expect(formErrorsFromProblem(problem([{ path: '/tenant', message: 'is locked' }]), ['name']).general).toEqual([
      'tenant: is locked',
    ]);
    expect(formErrorsFromProblem(problem([{ path: '', message: 'body is empty' }]), ['name']).general).toEqual([
      'body is empty',
    ]);
    expect(formErrorsFromProblem(problem(), ['name'])).toEqual({ fields: {}, general: ['Invalid'] });
  });
});
