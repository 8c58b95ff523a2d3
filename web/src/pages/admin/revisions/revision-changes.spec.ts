import { describe, expect, it } from 'vitest';
import type { MetadataChange } from '@loom/metadata';
import { countBySection, revisionChanges } from './revision-changes';

const stage = (key: string, probability: number) => ({ key, probability });

describe('revisionChanges', () => {
  it('shows a changed pipeline property by property', () => {
    const before = { kind: 'pipeline', name: 'sales', object: 'opportunity', field: 'stage', stages: [stage('lead', 10), stage('won', 100)] };
    const after = { ...before, stages: [stage('lead', 10), stage('demo', 30), stage('won', 100)] };
    const diff = [{ kind: 'changePipeline', path: '/pipelines/sales', name: 'sales', props: ['stages'], before, after }] as MetadataChange[];
    expect(revisionChanges(diff)).toEqual([
      {
        kind: 'changePipeline', path: '/pipelines/sales', section: 'pipelines', action: 'change', definition: undefined, notes: [],
        differences: [{ path: 'stages[demo]', op: 'add', after: { key: 'demo', probability: 30 } }],
      },
    ]);
  });

  it('keeps the definition of additions and removals, with what is notable', () => {
    const diff = [
      { kind: 'addField', path: '/objects/deal/fields/score', object: 'deal', field: 'score', def: { type: 'integer' } },
      { kind: 'removeField', path: '/objects/deal/fields/old', object: 'deal', field: 'old', def: { type: 'text' }, archived: true },
      { kind: 'addIndex', path: '/objects/deal/indexes', object: 'deal', fields: ['account', 'stage'] },
      { kind: 'changeFieldType', path: '/objects/deal/fields/n', object: 'deal', field: 'n', from: 'integer', to: 'number', before: { type: 'integer' }, after: { type: 'number' } },
    ] as MetadataChange[];
    const rows = revisionChanges(diff);
    expect(rows.map((row) => [row.action, row.notes])).toEqual([
      ['add', []],
      ['remove', ['archived']],
      ['add', ['account, stage']],
      ['change', ['integer → number']],
    ]);
    expect(rows[0]!.definition).toEqual({ type: 'integer' });
    expect(rows[3]!.differences).toEqual([{ path: 'type', op: 'change', before: 'integer', after: 'number' }]);
    expect(countBySection(rows)).toEqual({ objects: 4 });
  });

  it('lists option keys added to and removed from a select', () => {
    const diff = [{
      kind: 'changeField', path: '/objects/deal/fields/status', object: 'deal', field: 'status', props: ['options'],
      before: { type: 'select', options: [{ key: 'a' }] }, after: { type: 'select', options: [{ key: 'b' }] },
      options: { added: ['b'], removed: ['a'], changed: [] },
    }] as MetadataChange[];
    expect(revisionChanges(diff)[0]!.notes).toEqual(['+ b', '− a']);
  });
});
