import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METADATA_KINDS, SECTION_OF_KIND } from '../types/metadata-set.js';
import { validateMetadataSet } from '../validate/validate-metadata-set.js';
import { loadBaseCrm } from './load-base-crm.js';
import { loadMetadataDir } from './load-metadata-dir.js';

const crm = loadBaseCrm();

describe('the base CRM', () => {
  it('passes validateMetadataSet with zero errors', () => {
    expect(validateMetadataSet(crm)).toEqual([]);
  });

  it('has the objects, pipelines, approvals, roles, automations and layouts of a CRM', () => {
    expect(Object.keys(crm.objects).sort()).toEqual([
      'account', 'activity', 'campaign', 'contact', 'lead', 'opportunity', 'product', 'quote', 'quote_line',
      'sales_order', 'sales_order_line', 'tag', 'tag_assignment', 'task', 'ticket',
    ]);
    expect(Object.keys(crm.pipelines).sort()).toEqual(['lead', 'sales']);
    expect(Object.keys(crm.approvals)).toEqual(['big_discount']);
    expect(Object.keys(crm.roles).sort()).toEqual(['admin', 'finance', 'marketing', 'read_only', 'sales_director', 'sales_manager', 'sales_rep', 'service_agent']);
    expect(crm.roles.admin!.admin).toBe(true);
    for (const main of ['account', 'contact', 'lead', 'opportunity', 'activity', 'task', 'product', 'quote', 'sales_order', 'campaign', 'ticket']) {
      expect(Object.values(crm.layouts).some((l) => l.object === main && l.default)).toBe(true);
    }
  });

  it('runs the sales pipeline as specified', () => {
    const sales = crm.pipelines.sales!;
    expect(sales.stages.map((s) => [s.key, s.probability])).toEqual([
      ['lead', 10], ['qualified', 20], ['proposal', 40], ['negotiation', 70], ['won', 100], ['lost', 0],
    ]);
    expect(sales.stages[2]!.requiredFields).toEqual(['amount', 'close_date']);
    expect(sales.stages[3]!.gate?.approval).toBe('big_discount');
    expect(sales.stages[5]!.requiredFields).toEqual(['loss_reason']);
    expect(crm.pipelines.lead!.stages.map((s) => s.key)).toEqual(['new', 'contacted', 'qualified', 'converted', 'disqualified']);
  });

  it('labels every definition, field, option, stage, step and section in English and Chinese', () => {
    const missing: string[] = [];
    const check = (label: unknown, where: string) => {
      const ok = typeof label === 'object' && label !== null && (label as Record<string, string>).en?.trim() && /[\u4e00-\u9fff]/.test((label as Record<string, string>)['zh-CN'] ?? '');
      if (!ok) missing.push(where);
    };
    for (const kind of METADATA_KINDS) {
      for (const [name, doc] of Object.entries(crm[SECTION_OF_KIND[kind]]) as [string, Record<string, any>][]) {
        check(doc.label, `${kind} ${name}`);
        if (kind === 'object') {
          check(doc.pluralLabel, `${name} pluralLabel`);
          for (const [f, def] of Object.entries(doc.fields) as [string, Record<string, any>][]) {
            check(def.label, `${name}.${f}`);
            for (const o of def.options ?? []) check(o.label, `${name}.${f}:${o.key}`);
          }
          for (const v of doc.validations ?? []) check(v.message, `${name} validation ${v.name}`);
        }
        for (const s of doc.stages ?? []) check(s.label, `${name} stage ${s.key}`);
        for (const s of doc.steps ?? []) check(s.label, `${name} step ${s.name}`);
        for (const s of doc.sections ?? []) check(s.label, `${name} section ${s.name}`);
        for (const r of doc.relatedLists ?? []) check(r.label, `${name} related ${r.object}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('loadMetadataDir', () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'loom-md-'));
    mkdirSync(join(dir, 'objects'));
    return dir;
  };

  it('reads one file per definition and treats missing folders as empty', () => {
    const dir = folder();
    writeFileSync(join(dir, 'objects', 'thing.json'), JSON.stringify({ kind: 'object', name: 'thing' }));
    const set = loadMetadataDir(dir);
    expect(set.objects).toEqual({ thing: { kind: 'object', name: 'thing' } });
    expect(set.pipelines).toEqual({});
  });

  it('names the file on bad JSON or a name that does not match', () => {
    const dir = folder();
    writeFileSync(join(dir, 'objects', 'thing.json'), '{ nope');
    expect(() => loadMetadataDir(dir)).toThrow(/thing\.json: not valid JSON/);
    writeFileSync(join(dir, 'objects', 'thing.json'), JSON.stringify({ kind: 'object', name: 'other' }));
    expect(() => loadMetadataDir(dir)).toThrow(/thing\.json: the file name must be the definition's name/);
  });
});
