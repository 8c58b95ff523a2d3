import { describe, expect, it } from 'vitest';
import { getSchema } from '@loom/metadata';
import { fieldPropertySpecs, fieldTypeSchema, schemaFieldTypes } from './field-schema-form';

// The same document GET /api/metadata/schemas/object answers with.
const schema = getSchema('object');
const names = (type: string) => fieldPropertySpecs(schema, type).map((spec) => spec.name);

describe('field form from the object JSON Schema', () => {
  it('lists every field type of the schema', () => {
    expect(schemaFieldTypes(schema)).toContain('text');
    expect(schemaFieldTypes(schema)).toContain('relation');
    expect(schemaFieldTypes(schema)).toHaveLength(24);
  });

  it('finds a type’s own definition through the allOf if/then branches', () => {
    expect(fieldTypeSchema(schema, 'email')?.properties).toHaveProperty('maxLength');
    expect(fieldTypeSchema(schema, 'nonsense')).toBeUndefined();
  });

  it('offers required, unique and maxLength for text, most used first', () => {
    expect(names('text').slice(0, 3)).toEqual(['required', 'unique', 'maxLength']);
    expect(names('text')).toEqual(expect.arrayContaining(['pattern', 'default', 'hidden', 'readOnly', 'indexed']));
    expect(names('text')).not.toContain('label');
    expect(names('text')).not.toContain('archived');
    const maxLength = fieldPropertySpecs(schema, 'text').find((spec) => spec.name === 'maxLength');
    expect(maxLength).toMatchObject({ widget: 'integer', minimum: 1, required: false });
  });

  it('offers min and max for numbers, an options editor for selects, a target for relations', () => {
    expect(names('currency').slice(0, 4)).toEqual(['required', 'unique', 'min', 'max']);
    expect(fieldPropertySpecs(schema, 'select').find((spec) => spec.name === 'options')).toEqual({ name: 'options', widget: 'options', required: true });
    expect(fieldPropertySpecs(schema, 'multiselect').find((spec) => spec.name === 'options')?.widget).toBe('options');
    const relation = fieldPropertySpecs(schema, 'relation');
    expect(relation.find((spec) => spec.name === 'target')).toEqual({ name: 'target', widget: 'object', required: true });
    expect(relation.find((spec) => spec.name === 'relationType')).toMatchObject({ widget: 'choice', choices: ['manyToOne', 'manyToMany', 'oneToMany'] });
    expect(relation.find((spec) => spec.name === 'inverseOf')?.widget).toBe('identifier');
  });

  it('edits formulas, rollups and json defaults with fitting widgets', () => {
    expect(fieldPropertySpecs(schema, 'formula').find((spec) => spec.name === 'expression')).toMatchObject({ widget: 'longText', required: true });
    expect(fieldPropertySpecs(schema, 'rollup').find((spec) => spec.name === 'filter')?.widget).toBe('json');
    expect(fieldPropertySpecs(schema, 'rollup').find((spec) => spec.name === 'object')?.widget).toBe('object');
    expect(fieldPropertySpecs(schema, 'json').find((spec) => spec.name === 'default')?.widget).toBe('json');
    expect(fieldPropertySpecs(schema, 'tags').find((spec) => spec.name === 'default')?.widget).toBe('list');
  });
});
