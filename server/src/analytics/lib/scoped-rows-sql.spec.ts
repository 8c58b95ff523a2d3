import { parseCondition } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { fixtureContext, USERS } from '../../query/fixtures/crm-ids.fixture.js';
import { crmSet } from '../../query/fixtures/crm-set.fixture.js';
import { QueryError } from '../../query/query-error.js';
import { scopedRowsSql, storedColumn } from './scoped-rows-sql.js';
import { StatementParams } from './statement-params.js';

const set = crmSet();
const ctx = fixtureContext();
const own = parseCondition({ owner: '$user.id' }, { object: 'opportunity', set }).ast!;

describe('scopedRowsSql', () => {
  it('selects the named stored and system columns of the live rows', () => {
    const params = new StatementParams();
    const sql = scopedRowsSql({ object: 'opportunity', set, ctx, access: {}, columns: { id: 'id', owner: 'owner', account: 'account', amount: 'amount' } }, params);
    expect(sql).toBe('SELECT "t0"."id" AS "id", "t0"."owner" AS "owner", "t0"."account_id" AS "account", "t0"."amount" AS "amount"'
      + ' FROM "data"."opportunity" AS "t0" WHERE "t0"."deleted_at" IS NULL');
    expect(params.values).toEqual([]);
  });

  it("applies the caller's scope with placeholders after the values bound before it", () => {
    const params = new StatementParams();
    params.add('sales');
    const sql = scopedRowsSql({ object: 'opportunity', set, ctx, access: { scopeFor: () => own }, columns: { id: 'id' } }, params);
    expect(sql).toBe('SELECT "t0"."id" AS "id" FROM "data"."opportunity" AS "t0" WHERE "t0"."deleted_at" IS NULL AND "t0"."owner" = $2');
    expect(params.values).toEqual(['sales', USERS[0]]);
  });

  it('refuses a field without a column', () => {
    expect(() => storedColumn(set, 'account', 'open_amount')).toThrow(QueryError);
    expect(() => storedColumn(set, 'account', 'legacy_code')).toThrow(QueryError);
    expect(storedColumn(set, 'account', 'created_at')).toBe('created_at');
  });
});
