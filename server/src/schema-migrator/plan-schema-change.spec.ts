import { describe, expect, it } from 'vitest';
import type { MetadataSet, ObjectDef } from '@loom/metadata';
import { planSchemaChange, PlanRefused } from './plan-schema-change.js';

const set = (...objects: ObjectDef[]): MetadataSet => ({ objects: Object.fromEntries(objects.map((o) => [o.name, o])), pipelines: {}, approvals: {}, roles: {}, automations: {}, layouts: {} });
const obj = (fields: ObjectDef['fields'], extra: Partial<ObjectDef> = {}): ObjectDef => ({ kind: 'object', name: 'thing', label: 'Thing', titleField: 'name', fields, ...extra });
const base = obj({ name: { type: 'text' }, qty: { type: 'integer' } });

describe('planSchemaChange', () => {
  it('creates a table, then its columns, then indexes, all safe', () => {
    const plan = planSchemaChange(set(), set(obj({ name: { type: 'text', maxLength: 80 }, email: { type: 'email', unique: true } })));
    expect(plan.map((a) => a.kind)).toEqual(['createTable', 'addColumn', 'addColumn', 'createIndex']);
    expect(plan.every((a) => a.class === 'safe')).toBe(true);
    expect(plan[1].sql).toEqual(['ALTER TABLE "data"."thing" ADD COLUMN "name" varchar(80)']);
    expect(plan[3].sql[0]).toBe('CREATE UNIQUE INDEX "thing_email_key" ON "data"."thing" ("email") WHERE "deleted_at" IS NULL');
  });

  it('adds a column without a default (instant on any size)', () => {
    const [a] = planSchemaChange(set(base), set(obj({ ...base.fields, note: { type: 'textarea' } })));
    expect(a).toMatchObject({ kind: 'addColumn', class: 'safe', sql: ['ALTER TABLE "data"."thing" ADD COLUMN "note" text'] });
  });

  it('builds indexes on populated tables concurrently, after the transaction', () => {
    const [a] = planSchemaChange(set(base), set(obj({ ...base.fields, code: { type: 'text', indexed: true } })), { populated: new Set(['thing']) }).filter((x) => x.kind === 'createIndex');
    expect(a.sql).toEqual([]);
    expect(a.after).toEqual(['CREATE INDEX CONCURRENTLY IF NOT EXISTS "thing_code_idx" ON "data"."thing" ("code")']);
  });

  it('allows integer → number as a breaking rewrite and refuses integer → date with a path', () => {
    const [widen] = planSchemaChange(set(base), set(obj({ ...base.fields, qty: { type: 'number' } })));
    expect(widen).toMatchObject({ kind: 'alterColumnType', class: 'breaking' });
    expect(() => planSchemaChange(set(base), set(obj({ ...base.fields, qty: { type: 'date' } })))).toThrow(PlanRefused);
    try {
      planSchemaChange(set(base), set(obj({ ...base.fields, qty: { type: 'date' } })));
    } catch (e) {
      expect((e as PlanRefused).errors[0].path).toBe('/objects/thing/fields/qty/type');
    }
  });

  it('checks existing data before making a field required or unique', () => {
    const plan = planSchemaChange(set(base), set(obj({ ...base.fields, name: { type: 'text', required: true, unique: true } })), { populated: new Set(['thing']) });
    const checks = plan.filter((a) => a.check).map((a) => a.check!.sql);
    expect(checks).toEqual([
      'SELECT count(*)::int AS n FROM "data"."thing" WHERE "deleted_at" IS NULL AND "name" IS NULL',
      'SELECT count(*)::int AS n FROM (SELECT "name" FROM "data"."thing" WHERE "deleted_at" IS NULL AND "name" IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d',
    ]);
  });

  it('archives without SQL and purges only when asked', () => {
    const [archive] = planSchemaChange(set(base), set(obj({ ...base.fields, qty: { type: 'integer', archived: true } })));
    expect(archive).toMatchObject({ kind: 'archiveField', class: 'destructive', sql: [] });
    expect(() => planSchemaChange(set(base), set(obj({ name: { type: 'text' } })))).toThrow(/archived, not removed/);
    const [purge] = planSchemaChange(set(base), set(obj({ name: { type: 'text' } })), { purge: true });
    expect(purge).toMatchObject({ kind: 'dropColumn', sql: ['ALTER TABLE "data"."thing" DROP COLUMN IF EXISTS "qty"'] });
  });

  it('creates a join table for manyToMany and a sequence for autonumber', () => {
    const tag = obj({ name: { type: 'text' } }, { name: 'tag' });
    const plan = planSchemaChange(set(base, tag), set(obj({ ...base.fields, tags: { type: 'relation', target: 'tag', relationType: 'manyToMany' }, code: { type: 'autonumber', pattern: 'T-{0000}' } }), tag));
    expect(plan.map((a) => a.kind)).toEqual(expect.arrayContaining(['createJoinTable', 'createSequence']));
    expect(plan.find((a) => a.kind === 'createJoinTable')!.sql[0]).toContain('CREATE TABLE "data"."thing__tags"');
  });
});
