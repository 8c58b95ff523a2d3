import { describe, expect, it } from 'vitest';
import { lookupPath, renderTemplate, renderText, type TemplateContext } from './render-template.js';

const ctx: TemplateContext = {
  record: { id: 'r1', name: 'Ann', amount: 1200, owner: 'u1', account: { id: 'a1', name: 'Acme' }, tags: ['a', 'b'], empty: null },
  user: { id: 'u9', email: 'x@example.com' },
  event: { id: 'e1', type: 'record.created', at: '2026-03-10T09:00:00.000Z' },
  automation: 'greet',
  now: new Date('2026-03-10T09:00:30.000Z'),
};

describe('renderTemplate', () => {
  it.each([
    ['Send greetings to {{record.name}}', 'Send greetings to Ann'],
    ['{{ record.name }} at {{record.account.name}}', 'Ann at Acme'],
    ['{{record.owner}}', 'u1'],
    ['{{record.amount}}', 1200],
    ['{{record.tags}}', ['a', 'b']],
    ['{{record.empty}}', null],
    ['{{record.missing}}', null],
    ['Amount: {{record.amount}} {{record.missing}}!', 'Amount: 1200 !'],
    ['{{user.id}}', 'u9'],
    ['$today', '2026-03-10'],
    ['$now', '2026-03-10T09:00:30.000Z'],
    ['due {{today}}', 'due 2026-03-10'],
    ['{{event.id}}/{{automation}}', 'e1/greet'],
    ['no template', 'no template'],
    [42, 42],
    [true, true],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(renderTemplate(input, ctx)).toEqual(expected);
  });

  it('renders objects and arrays deeply', () => {
    expect(renderTemplate({ a: ['{{record.name}}', { b: '$today' }] }, ctx)).toEqual({ a: ['Ann', { b: '2026-03-10' }] });
  });

  it('uses the given today for $today (schedules render for their occurrence)', () => {
    expect(renderTemplate('$today', { ...ctx, today: '2026-02-28' })).toBe('2026-02-28');
  });

  it('only looks paths up: no code, no prototype walking', () => {
    expect(renderTemplate('{{record.name.constructor}}', ctx)).toBeNull();
    expect(renderTemplate('{{__proto__}}', ctx)).toBeNull();
    expect(renderTemplate('{{record.__proto__.x}}', ctx)).toBeNull();
    expect(renderText('{{ record.name.toUpperCase() }}', ctx)).toBe('{{ record.name.toUpperCase() }}');
    expect(renderText('{{process.env.HOME}}', ctx)).toBe('');
    expect(lookupPath(ctx, 'record..name')).toBeUndefined();
  });

  it('drops __proto__ keys from rendered objects', () => {
    const out = renderTemplate(JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}'), ctx) as Record<string, unknown>;
    expect(out).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('renders objects in text as JSON', () => {
    expect(renderText('acct={{record.account}}', ctx)).toBe('acct={"id":"a1","name":"Acme"}');
  });
});
