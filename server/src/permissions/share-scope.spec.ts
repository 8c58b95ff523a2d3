import { parseCondition } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { compileWhere } from '../query/index.js';
import { fixtureContext, OPPORTUNITIES, USERS } from '../query/fixtures/crm-ids.fixture.js';
import { permissionSet } from './permission-set.fixture.js';
import { NEVER_CONDITION } from './permission-types.js';
import { withShares } from './share-scope.js';

const set = permissionSet();
const own = parseCondition({ owner: '$user.id' }, { object: 'opportunity', set }).ast!;

describe('withShares', () => {
  it('ORs the role scope with the ids shared with the caller, compiled by the one query compiler', () => {
    const scope = withShares(own, [OPPORTUNITIES[1], OPPORTUNITIES[2]], 'opportunity', set);
    const { where, params } = compileWhere({ object: 'opportunity', set, ctx: fixtureContext(), scope });
    expect(where).toBe('"t0"."deleted_at" IS NULL AND ("t0"."owner" = $1 OR "t0"."id" = ANY($2))');
    expect(params).toEqual([USERS[0], [OPPORTUNITIES[1], OPPORTUNITIES[2]]]);
  });

  it('leaves unrestricted and never-true scopes alone, and a scope without shares as it is', () => {
    expect(withShares(undefined, [OPPORTUNITIES[1]], 'opportunity', set)).toBeUndefined();
    expect(withShares(NEVER_CONDITION, [OPPORTUNITIES[1]], 'opportunity', set)).toBe(NEVER_CONDITION);
    expect(withShares(own, [], 'opportunity', set)).toBe(own);
  });
});
