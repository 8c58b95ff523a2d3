import { describe, expect, it } from 'vitest';
import { salesSet } from '../fixtures/sales-set.fixture.js';
import { conditionFields } from './condition-fields.js';
import { evaluateCondition, type ConditionVariables } from './evaluate-condition.js';
import { parseCondition } from './parse-condition.js';

const set = salesSet();
function check(json: unknown, record: Record<string, unknown>, vars: ConditionVariables = {}, object = 'opportunity'): boolean {
  const { ast, errors } = parseCondition(json, { object, set });
  expect(errors).toEqual([]);
  return evaluateCondition(ast!, record, vars);
}

const deal = {
  name: 'Acme renewal', amount: 120000, probability: 40, stage: 'proposal', close_date: '2026-03-31',
  open_date: '2026-01-10', owner: 'u1', created_at: '2026-01-10T08:00:00Z', loss_reason: '',
  account: { id: 'a1', name: 'Acme', industry: 'retail' }, contact: 'c1', meta: { tier: 'gold' },
};

describe('evaluateCondition', () => {
  it('is true for {}', () => {
    expect(check({}, {})).toBe(true);
  });

  it('evaluates the DESIGN.md example', () => {
    const json = {
      $and: [
        { amount: { $gte: 100000 } },
        { $or: [{ stage: { $in: ['proposal', 'won'] } }, { owner: '$user.id' }] },
        { 'account.industry': 'retail' },
      ],
    };
    expect(check(json, deal)).toBe(true);
    expect(check(json, { ...deal, account: { id: 'a1', industry: 'tech' } })).toBe(false);
    expect(check(json, { ...deal, stage: 'qualify' }, { user: { id: 'u1' } })).toBe(true);
    expect(check(json, { ...deal, stage: 'qualify' }, { user: { id: 'u2' } })).toBe(false);
  });

  it.each([
    [{ amount: { $gt: 100 } }, true],
    [{ amount: { $lt: 100 } }, false],
    [{ amount: { $lte: 120000 } }, true],
    [{ amount: { $ne: 5 } }, true],
    [{ amount: { $nin: [120000] } }, false],
    [{ name: { $contains: 'ACME' } }, true],
    [{ name: { $startsWith: 'acme' } }, true],
    [{ name: { $startsWith: 'renewal' } }, false],
    [{ loss_reason: { $empty: true } }, true],
    [{ loss_reason: { $exists: true } }, true],
    [{ cost: { $exists: false } }, true],
    [{ cost: null }, true],
    [{ cost: { $gt: 0 } }, false],
    [{ cost: { $ne: 5 } }, true],
    [{ close_date: { $gte: '$field.open_date' } }, true],
    [{ account: 'a1' }, true],
    [{ contact: 'c1' }, true],
    [{ meta: { tier: 'gold' } }, true],
    [{ $not: { amount: { $gt: 100 } } }, false],
    [{ amount: { $not: { $gt: 100 } } }, false],
    [{ created_at: { $lt: '2026-01-10T09:00:00+01:00' } }, false],
    [{ created_at: { $gte: '2026-01-10' } }, true],
  ])('%j → %s', (json, expected) => {
    expect(check(json, deal)).toBe(expected);
  });

  it('uses $now and $today from the variables', () => {
    const vars = { now: '2026-04-01T12:00:00Z' };
    expect(check({ close_date: { $lt: '$today' } }, deal, vars)).toBe(true);
    expect(check({ close_date: { $lt: '$now' } }, deal, vars)).toBe(true);
    expect(check({ created_at: { $gt: '$now' } }, deal, vars)).toBe(false);
    expect(check({ close_date: { $gte: '$today' } }, deal, { today: '2026-03-01' })).toBe(true);
  });

  it('matches list variables with $in and never matches a missing variable', () => {
    expect(check({ owner: { $in: '$user.subordinates' } }, deal, { user: { subordinates: ['u1', 'u3'] } })).toBe(true);
    expect(check({ owner: { $in: '$user.team' } }, deal, { user: { team: ['u9'] } })).toBe(false);
    expect(check({ owner: '$user.id' }, deal, {})).toBe(false);
  });

  it('matches birthdays by month and day, 29 February on 28 February in other years', () => {
    const cond = { birthday: { $anniversary: '$today' } };
    expect(check(cond, { birthday: '1990-06-15' }, { today: '2026-06-15' }, 'contact')).toBe(true);
    expect(check(cond, { birthday: '1990-06-15' }, { today: '2026-06-16' }, 'contact')).toBe(false);
    expect(check(cond, { birthday: '2000-02-29' }, { today: '2026-02-28' }, 'contact')).toBe(true);
    expect(check(cond, { birthday: '2000-02-29' }, { today: '2028-02-28' }, 'contact')).toBe(false);
    expect(check(cond, { birthday: null }, { today: '2026-06-15' }, 'contact')).toBe(false);
  });

  it('treats arrays as sets and $in as overlap', () => {
    const c = { interests: ['golf', 'wine'], tags: ['vip'] };
    expect(check({ interests: ['wine', 'golf'] }, c, {}, 'contact')).toBe(true);
    expect(check({ interests: { $in: ['golf'] } }, c, {}, 'contact')).toBe(true);
    expect(check({ interests: { $nin: ['golf'] } }, c, {}, 'contact')).toBe(false);
    expect(check({ tags: { $contains: 'vip' } }, c, {}, 'contact')).toBe(true);
    expect(check({ tags: { $empty: true } }, { tags: [] }, {}, 'contact')).toBe(true);
  });

  it('reads numeric strings as numbers (PostgreSQL numeric)', () => {
    expect(check({ amount: { $gt: 99 } }, { amount: '100.50' })).toBe(true);
  });

  it('evaluates a form being edited (layout visibleWhen): missing keys read as null, cleared text as empty', () => {
    expect(check({ stage: 'lost' }, {})).toBe(false);
    expect(check({ stage: { $ne: 'lost' } }, {})).toBe(true);
    expect(check({ loss_reason: { $empty: false } }, { loss_reason: '' })).toBe(false);
    expect(check({ loss_reason: { $empty: true } }, {})).toBe(true);
    expect(check({ name: { $contains: 'renewal' } }, { name: 'Acme Renewal 2027' })).toBe(true);
    expect(check({ name: { $contains: 'renewal' } }, { name: null })).toBe(false);
    expect(check({ account: 'a1' }, { account: { id: 'a1', title: 'Acme' } })).toBe(true);
    expect(check({ amount: { $gte: 1000 } }, { amount: null })).toBe(false);
    expect(check({ $or: [{ amount: { $gte: 1000 } }, { owner: '$user.id' }] }, { amount: 10, owner: 'u1' }, { user: { id: 'u1' } })).toBe(true);
  });
});

describe('conditionFields', () => {
  it('lists every field path once, including $field operands', () => {
    const { ast } = parseCondition(
      { $or: [{ amount: { $gt: 1 } }, { 'account.industry': 'retail', amount: 2 }], close_date: { $gte: '$field.open_date' } },
      { object: 'opportunity', set },
    );
    expect(conditionFields(ast!)).toEqual(['amount', 'account.industry', 'close_date', 'open_date']);
  });
});
