import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlugin } from './check-plugin.js';
import { readPluginFolder } from './read-plugin-folder.js';

function folder(manifest: unknown, objects: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'loom-check-'));
  writeFileSync(join(dir, 'plugin.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  mkdirSync(join(dir, 'metadata/objects'), { recursive: true });
  for (const [name, doc] of Object.entries(objects)) writeFileSync(join(dir, 'metadata/objects', `${name}.json`), JSON.stringify(doc));
  return dir;
}

const base = { name: 'demo', version: '1.0.0', engine: '>=0.1.0', label: 'Demo', metadata: 'metadata/' };

describe('readPluginFolder + checkPlugin', () => {
  it('names the manifest file in schema errors and bad JSON', () => {
    expect(readPluginFolder(folder('{ nope')).errors[0]).toMatchObject({ path: 'plugin.json', code: 'invalid_json' });
    const errors = readPluginFolder(folder({ ...base, version: 'one' })).errors;
    expect(errors.map((e) => e.path)).toEqual(['plugin.json/version']);
  });

  it('checks the engine range against the engine version', () => {
    const f = readPluginFolder(folder({ ...base, engine: '^2.0.0' }));
    expect(checkPlugin(f, { engineVersion: '0.1.0' }).errors.map((e) => e.code)).toEqual(['engine_incompatible']);
    expect(checkPlugin(f, { engineVersion: '2.3.0' }).errors).toEqual([]);
  });

  it('merges the metadata over the base CRM: a relation to contact is fine, to a missing object is not', () => {
    const obj = (target: string) => ({ kind: 'object', name: 'demo_item', label: 'Item', titleField: 'who', fields: { who: { type: 'relation', target } } });
    const ok = readPluginFolder(folder({ ...base, permissions: { objects: ['demo_item', 'contact'] } }, { demo_item: obj('contact') }));
    expect(checkPlugin(ok, { engineVersion: '0.1.0' }).errors).toEqual([]);
    const bad = readPluginFolder(folder({ ...base, permissions: { objects: ['demo_item'] } }, { demo_item: obj('nowhere') }));
    expect(checkPlugin(bad, { engineVersion: '0.1.0' }).errors.map((e) => e.path)).toEqual(['metadata/objects/demo_item/fields/who/target']);
  });
});
