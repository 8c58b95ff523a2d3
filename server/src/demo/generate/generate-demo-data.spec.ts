import { loadBaseCrm } from '@loom/metadata/node';
import { checkStageChange } from '../../pipelines/check-stage-change.js';
import { describe, expect, it } from 'vitest';
import { RecordValidators } from '../../records/validation/record-validator.js';
import { SeededRandom } from '../seeded-random.js';
import { DEMO_OBJECTS, generateDemoData } from './generate-demo-data.js';
import type { DemoContext } from './demo-types.js';

const set = loadBaseCrm();
const now = new Date('2026-11-30T08:00:00.000Z');
const owners = { reps: [{ id: 'f0000000-0000-4000-8000-000000000001', team: 'east' }, { id: 'f0000000-0000-4000-8000-000000000002', team: 'south' }], service: ['f0000000-0000-4000-8000-000000000003'], marketing: 'f0000000-0000-4000-8000-000000000004' };
const context = (seed: number): DemoContext => ({ rng: new SeededRandom(seed), now, owners, sizes: { accounts: 60, contacts: 300, opportunities: 150, campaigns: 6, tickets: 40 } });

describe('generateDemoData', () => {
  it('is deterministic for a seed', () => {
    expect(generateDemoData(context(11))).toEqual(generateDemoData(context(11)));
    expect(generateDemoData(context(12)).rows.account[0]!.values.name).not.toEqual(generateDemoData(context(11)).rows.account[0]!.values.name);
  });

  it('generates records the one validator accepts, with stage rules met', () => {
    const data = generateDemoData(context(5));
    const validators = new RecordValidators().forRevision(1, set);
    for (const object of DEMO_OBJECTS) {
      expect(data.rows[object].length).toBeGreaterThan(0);
      for (const row of data.rows[object]) {
        const result = validators.validate(object, 'create', row.values, { now });
        if (!result.ok) throw new Error(`${object} ${JSON.stringify(row.values)}: ${JSON.stringify(result.errors)}`);
      }
    }
    for (const o of data.rows.opportunity) {
      expect(checkStageChange({ set, object: 'opportunity', field: 'stage', record: o.values, from: null, to: o.values.stage as string }).ok).toBe(true);
    }
  });

  it('keeps relations, owners and stage histories consistent', () => {
    const data = generateDemoData(context(8));
    const ids = (object: (typeof DEMO_OBJECTS)[number]) => new Set(data.rows[object].map((r) => r.id));
    const accounts = ids('account');
    const contacts = ids('contact');
    expect(data.rows.contact.every((k) => accounts.has(k.values.account as string))).toBe(true);
    expect(data.rows.opportunity.every((o) => accounts.has(o.values.account as string) && (o.values.contact === null || contacts.has(o.values.contact as string)))).toBe(true);
    expect(data.rows.sales_order.every((o) => contacts.has(o.values.customer as string))).toBe(true);
    for (const o of data.rows.opportunity) {
      const moves = data.stageMoves.filter((m) => m.recordId === o.id);
      expect(moves[0]).toMatchObject({ from: null, to: 'lead' });
      expect(moves.at(-1)!.to).toBe(o.values.stage);
      expect(moves.every((m) => m.at <= now)).toBe(true);
    }
    const chinese = data.rows.account.filter((a) => /有限公司$/.test(a.values.name as string)).length;
    expect(chinese).toBeGreaterThan(data.rows.account.length / 2);
    expect(chinese).toBeLessThan(data.rows.account.length);
  });
});
