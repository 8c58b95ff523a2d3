import { parseCondition } from '@loom/metadata';
import { it } from 'vitest';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import { compileWhere } from './compile-where.js';
const set = crmSet();
const ctx = { userId: '00000000-0000-4000-8000-000000000001', teamUserIds: [], subordinateIds: [], now: new Date('2024-05-01T12:00:00Z'), today: '2024-05-01' };
it('scratch', () => {
  for (const f of [
    { amount: { $gte: 100 } }, { 'account.parent.name': 'x', 'account.industry': 'retail' }, { weighted: { $gt: 5 } }, { label: { $contains: '50%_' } },
    { tags: { $contains: '00000000-0000-4000-8000-000000000001' } }, { tags: ['00000000-0000-4000-8000-000000000001'] },
    { $not: { features: { $in: ['api'] } } }, { close_date: { $anniversary: '$today' } }, { 'account.open_amount': { $gt: 1 } }, {account_path: 'x'}, {age_days: {$gt: 3}}, {margin: {$lt: 0.5}},
  ]) {
    const p = parseCondition(f, { object: 'opportunity', set });
    if (!p.ast) { console.log(JSON.stringify(p.errors)); continue; }
    const w = compileWhere({ object: 'opportunity', set, ctx, filter: p.ast });
    console.log(JSON.stringify(f), '\n  ', w.from, '\n  ', w.where, '\n  ', JSON.stringify(w.params));
  }
});
