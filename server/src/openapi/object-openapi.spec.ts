import { describe, expect, it } from 'vitest';
import { loadBaseCrm } from '@loom/metadata/node';
import { objectOpenApi } from './object-openapi.js';

const set = loadBaseCrm();

describe('objectOpenApi', () => {
  const doc = objectOpenApi(set);

  it('has a response and an input schema per object, and its records paths', () => {
    expect(doc.schemas.Opportunity).toBeDefined();
    expect(doc.schemas.OpportunityInput).toBeDefined();
    expect(doc.schemas.SalesOrderLine).toBeDefined();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/records/opportunity', '/api/records/opportunity/{id}']));
  });

  it('types fields as the API returns them', () => {
    const p = (doc.schemas.Opportunity as { properties: Record<string, { type?: string; format?: string; readOnly?: boolean }> }).properties;
    expect(p.amount.type).toBe('number');
    expect(p.close_date).toMatchObject({ type: 'string', format: 'date' });
    expect(p.account).toMatchObject({ type: 'string', format: 'uuid' });
    expect(p.version.readOnly).toBe(true);
  });

  it('takes the input schema from the one validator and leaves out read-only members', () => {
    const input = doc.schemas.OpportunityInput as { properties: Record<string, unknown>; required: string[] };
    expect(input.required).toEqual(expect.arrayContaining(['name', 'account']));
    expect(input.properties.id).toBeUndefined();
    expect(input.properties.weighted).toBeUndefined();
    expect(JSON.stringify(input)).not.toContain('x-');
  });

  it('leaves out fields hidden from the caller', () => {
    const masked = objectOpenApi(set, (o) => new Set(o === 'opportunity' ? ['cost'] : []));
    const props = (masked.schemas.Opportunity as { properties: Record<string, unknown> }).properties;
    expect(props.cost).toBeUndefined();
    expect((masked.schemas.OpportunityInput as { properties: Record<string, unknown> }).properties.cost).toBeUndefined();
  });
});
