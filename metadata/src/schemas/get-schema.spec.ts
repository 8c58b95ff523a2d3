import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../types/field-def.js';
import { DOCUMENT_KINDS } from '../types/metadata-set.js';
import { getSchema } from './get-schema.js';
import { schemaValidator } from './compile-validators.js';

type Schema = Record<string, any>;

describe('getSchema', () => {
  it('serves one draft-07 schema per kind, with its own $id', () => {
    for (const kind of DOCUMENT_KINDS) {
      const schema = getSchema(kind);
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id).toBe(`https://loom.dev/schemas/${kind}.schema.json`);
      expect(schema.additionalProperties).toBe(false);
      expect(() => schemaValidator(kind)).not.toThrow();
    }
  });

  it('returns a copy the caller may change', () => {
    const schema = getSchema('role');
    schema.title = 'changed';
    expect(getSchema('role').title).toBe('Loom role');
  });

  it('refuses unknown kinds', () => {
    expect(() => getSchema('widget' as never)).toThrow(RangeError);
    expect(() => getSchema('toString' as never)).toThrow(RangeError);
  });

  it('names exactly the field types of the TypeScript types', () => {
    const object = getSchema('object') as Schema;
    expect(object.definitions.field.properties.type.enum).toEqual([...FIELD_TYPES]);
    const covered = (object.definitions.field.allOf as Schema[]).flatMap((b) => b.if.properties.type.enum);
    expect([...covered].sort()).toEqual([...FIELD_TYPES].sort());
  });

  it('names the contract spellings of API.md "Shapes clients rely on"', () => {
    const d = (getSchema('object') as Schema).definitions;
    expect(d.relationField.properties.relationType.enum).toEqual(['manyToOne', 'manyToMany', 'oneToMany']);
    expect(d.relationField.properties.onDelete.enum).toEqual(['restrict', 'setNull', 'cascade']);
    expect(d.rollupField.properties.fn.enum).toEqual(['count', 'sum', 'min', 'max', 'avg']);
    const approval = (getSchema('approval') as Schema).definitions;
    expect(approval.timeout.properties.action.enum).toEqual(['remind', 'escalate', 'approve', 'reject']);
    expect(approval.step.properties.mode.enum).toEqual(['any', 'all', 'firstResponds']);
    expect(Object.keys(approval.approvers.properties)).toEqual(['users', 'role', 'manager', 'levels', 'userField']);
    const pipeline = getSchema('pipeline') as Schema;
    expect(pipeline.properties.transitions.then.enum).toEqual(['any', 'forward']);
    expect(Object.keys(pipeline.properties)).toEqual(expect.arrayContaining(['amountField', 'closeDateField', 'recordTypeField', 'recordType']));
    const automation = (getSchema('automation') as Schema).definitions;
    expect(automation.recordTrigger.properties.event.enum).toEqual(['created', 'updated', 'deleted', 'stageChanged', 'approvalDecided']);
    expect(automation.action.properties.type.enum).toEqual(['updateRecord', 'createRecord', 'sendEmail', 'webhook', 'notify', 'startApproval']);
    const role = (getSchema('role') as Schema).definitions;
    expect(role.scope.then.enum).toEqual(['all', 'team', 'subordinates', 'own', 'none']);
    expect(role.objectPermission.properties.fields.additionalProperties.enum).toEqual(['none', 'read', 'write']);
  });

  it('shares the same identifier and label definitions across kinds', () => {
    const first = getSchema('object') as Schema;
    for (const kind of DOCUMENT_KINDS) {
      const defs = (getSchema(kind) as Schema).definitions;
      expect(defs.identifier).toEqual(first.definitions.identifier);
      expect(defs.label).toEqual(first.definitions.label);
    }
  });
});
