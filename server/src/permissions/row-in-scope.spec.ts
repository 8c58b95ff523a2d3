import { parseCondition } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { fixtureContext, OPPORTUNITIES, USERS } from '../query/fixtures/crm-ids.fixture.js';
import { permissionSet } from './permission-set.fixture.js';
import { rowInScopeSql } from './row-in-scope.js';

const set = permissionSet();

describe('rowInScopeSql', () => {
  it('checks one row against a scope and locks it, with joins the scope needs left unscoped', () => {
    const scope = parseCondition({ 'account.owner': '$user.id' }, { object: 'opportunity', set }).ast!;
    expect(rowInScopeSql({ object: 'opportunity', id: OPPORTUNITIES[0], set, ctx: fixtureContext(), scope, lock: true })).toEqual({
      sql: 'SELECT 1 AS "ok" FROM "data"."opportunity" AS "t0" LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL'
        + ' WHERE "t0"."deleted_at" IS NULL AND "t1"."owner" = $1 AND "t0"."id" = $2 FOR UPDATE OF "t0"',
      params: [USERS[0], OPPORTUNITIES[0]],
    });
  });

  it('looks in the bin for a restore', () => {
    expect(rowInScopeSql({ object: 'opportunity', id: OPPORTUNITIES[0], set, ctx: fixtureContext(), scope: undefined, deleted: true }).sql)
      .toBe('SELECT 1 AS "ok" FROM "data"."opportunity" AS "t0" WHERE "t0"."deleted_at" IS NOT NULL AND "t0"."id" = $1');
  });
});
