import { describe, expect, it } from 'vitest';
import { getSchema } from '@loom/metadata';
import { schemaEnum, schemaRange } from './schema-choices';

describe('schema choices', () => {
  it('reads enums through properties, array items and $refs', () => {
    const pipeline = getSchema('pipeline');
    expect(schemaEnum(pipeline, 'stages.outcome', [])).toEqual(['won', 'lost']);
    expect(schemaEnum(pipeline, 'transitions', [])).toEqual(['any', 'forward']);
    expect(schemaRange(pipeline, 'stages.probability', {})).toEqual({ min: 0, max: 100 });
  });

  it('reads nested definitions', () => {
    const approval = getSchema('approval');
    expect(schemaEnum(approval, 'steps.mode', [])).toEqual(['any', 'all', 'firstResponds']);
    expect(schemaEnum(approval, 'steps.timeout.action', [])).toEqual(['remind', 'escalate', 'approve', 'reject']);
    expect(schemaRange(approval, 'steps.approvers.levels', {})).toEqual({ min: 1, max: 10 });
    const role = getSchema('role');
    expect(schemaEnum(role, 'definitions.scope', [])).toEqual(['all', 'team', 'subordinates', 'own', 'none']);
    expect(schemaEnum(role, 'definitions.objectPermission.fields.*', [])).toEqual(['none', 'read', 'write']);
  });

  it('falls back while there is no schema', () => {
    expect(schemaEnum(null, 'stages.outcome', ['won'])).toEqual(['won']);
  });
});
