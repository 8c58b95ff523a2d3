import type { MetadataSet } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../common/problem.js';
import { RecordValidators } from './record-validator.js';
import { ID_1, validationSet } from './record-validation.fixture.js';

const NOW = new Date('2026-03-04T05:06:07.089Z');
const validators = () => new RecordValidators().forRevision(1, validationSet());

describe('RecordValidators.validate: create', () => {
  it('returns the values to store: defaults filled, text trimmed, email and phone normalized, rich text sanitized', () => {
    const result = validators().validate('deal', 'create', {
      name: ' Acme ', email: 'Ann@Example.COM', phone: '138 0013 8000', tags: ['VIP', 'vip '],
      body: '<p>Hi <a href="javascript:alert(1)">x</a><img src="https://x.example/a.png" onerror="alert(1)"></p>',
      owner: ID_1,
    }, { now: NOW });
    expect(result).toEqual({
      ok: true,
      values: {
        name: 'Acme', email: 'ann@example.com', phone: '+8613800138000', tags: ['VIP'],
        body: '<p>Hi <a rel="noopener noreferrer">x</a><img src="https://x.example/a.png" /></p>',
        owner: ID_1, open_date: '2026-03-04', priority: 'low', approval_status: 'draft',
      },
    });
  });

  it('reports every schema problem with its JSON pointer, and nothing else runs', () => {
    expect(validators().validate('deal', 'create', { colour: 'red', id: ID_1, weighted: 1, tags: ['a', 'b', 'a'], close_date: '2020-01-01' }))
      .toEqual({
        ok: false,
        errors: [
          { path: '/name', message: 'is required' },
          { path: '/colour', message: 'is not a known field' },
          { path: '/tags/2', message: 'repeats item 0' },
          { path: '/weighted', message: 'is read-only' },
          { path: '/id', message: 'is read-only' },
        ],
      });
  });

  it('refuses a JSON "__proto__" key as an unknown field, leaving prototypes alone', () => {
    const body = JSON.parse(`{ "name": "A", "__proto__": { "polluted": true } }`) as unknown;
    expect(validators().validate('deal', 'create', body))
      .toEqual({ ok: false, errors: [{ path: '/__proto__', message: 'is not a known field' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks validation rules on the values with defaults filled', () => {
    expect(validators().validate('deal', 'create', { name: 'A', close_date: '2026-03-01' }, { now: NOW }))
      .toEqual({ ok: false, errors: [{ path: '/close_date', message: 'Close date cannot be before open date' }] });
    expect(validators().validate('deal', 'create', { name: 'A', close_date: '2026-03-04' }, { now: NOW }).ok).toBe(true);
  });

  it('refuses a required rich text that sanitizing leaves empty', () => {
    expect(validators().validate('account', 'create', { name: 'A', summary: '<script>alert(1)</script>' }))
      .toEqual({ ok: false, errors: [{ path: '/summary', message: 'must not be blank' }] });
  });

  it('refuses json over 64 KiB after the schema accepted it', () => {
    expect(validators().validate('deal', 'create', { name: 'A', meta: { s: 'x'.repeat(70_000) } }))
      .toEqual({ ok: false, errors: [{ path: '/meta', message: 'must be at most 64 KiB of JSON' }] });
  });
});

describe('RecordValidators.validate: update', () => {
  const existing = { id: ID_1, name: 'Acme', open_date: '2026-03-01', close_date: null, priority: 'low', version: 3 };

  it('takes a partial body and returns only its values, normalized', () => {
    expect(validators().validate('deal', 'update', { email: ' B@Example.com ', code: '' }, { existing }))
      .toEqual({ ok: true, values: { email: 'b@example.com', code: null } });
  });

  it('reports a blank required text as blank', () => {
    expect(validators().validate('deal', 'update', { name: '  ' }, { existing }))
      .toEqual({ ok: false, errors: [{ path: '/name', message: 'must not be blank' }] });
  });

  it('does not fill defaults', () => {
    expect(validators().validate('deal', 'update', {}, { existing })).toEqual({ ok: true, values: {} });
  });

  it('refuses null for a required field', () => {
    expect(validators().validate('deal', 'update', { name: null }, { existing }))
      .toEqual({ ok: false, errors: [{ path: '/name', message: 'must be string' }] });
  });

  it('checks rules on the stored record with the body laid over it ($field. comparison)', () => {
    expect(validators().validate('deal', 'update', { close_date: '2026-02-01' }, { existing, locale: 'zh-CN' }))
      .toEqual({ ok: false, errors: [{ path: '/close_date', message: '结束日期不能早于开始日期' }] });
    expect(validators().validate('deal', 'update', { close_date: '2026-02-01', open_date: '2026-01-01' }, { existing }).ok).toBe(true);
  });

  it('lets engine writes set readOnly fields, and API callers not', () => {
    const v = validators();
    expect(v.validate('deal', 'update', { approval_status: 'approved' }, { existing }))
      .toEqual({ ok: false, errors: [{ path: '/approval_status', message: 'is read-only' }] });
    expect(v.validate('deal', 'update', { approval_status: 'approved' }, { existing, allowReadOnlyFields: true }))
      .toEqual({ ok: true, values: { approval_status: 'approved' } });
  });
});

describe('RecordValidators: revisions and objects', () => {
  it('uses the default locale it was built with', () => {
    const v = new RecordValidators({ locale: 'zh-CN' }).forRevision(1, validationSet());
    expect(v.validate('deal', 'create', { name: 'A', open_date: '2026-03-02', close_date: '2026-03-01' }))
      .toEqual({ ok: false, errors: [{ path: '/close_date', message: '结束日期不能早于开始日期' }] });
  });

  it('uses the default phone region it was built with', () => {
    const v = new RecordValidators({ defaultPhoneRegion: 'US' }).forRevision(1, validationSet());
    expect(v.validate('deal', 'update', { phone: '(415) 555-2671' })).toEqual({ ok: true, values: { phone: '+14155552671' } });
  });

  it('keeps its validators for the same revision and recompiles for a new one', () => {
    const v = validators();
    const next: MetadataSet = validationSet();
    next.objects.deal!.fields.colour = { type: 'text' };
    // Same revision number: the set passed is not looked at again.
    expect(v.forRevision(1, next).validate('deal', 'update', { colour: 'red' }).ok).toBe(false);
    expect(v.forRevision(2, next).validate('deal', 'update', { colour: 'red' })).toEqual({ ok: true, values: { colour: 'red' } });
  });

  it.each(['nope', 'constructor'])('throws a 404 problem for the unknown object %s', (name) => {
    let thrown: unknown;
    try {
      validators().validate(name, 'create', {});
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    expect((thrown as ProblemError).status).toBe(404);
  });

  it('must be given a revision first', () => {
    expect(() => new RecordValidators().validate('deal', 'create', {})).toThrow(/forRevision/);
  });
});
