import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlugin } from './create-plugin.js';
import { packPlugin } from './pack-plugin.js';
import { validatePlugin } from './validate-plugin.js';

const parent = mkdtempSync(join(tmpdir(), 'loom-plugin-cli-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('loom-plugin create → validate → pack', () => {
  it('scaffolds a plugin with a server and a web side that validates', () => {
    const dir = createPlugin('service_visits', parent);
    for (const f of ['plugin.json', 'package.json', 'metadata/objects/service_visits.json', 'src/server/index.ts', 'src/server/index.spec.ts', 'src/web/index.ts', 'src/web/SummaryPanel.vue', 'src/web/web.spec.ts']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'plugin.json'), 'utf8')).web).toBe('src/web/index.ts');
    const web = readFileSync(join(dir, 'src/web/index.ts'), 'utf8');
    expect(web).toContain('defineWebPlugin({');
    expect(web).toMatch(/recordPanels: \[\{ id: 'summary', object: 'service_visits'/);
    const messages = readFileSync(join(dir, 'src/web/messages.ts'), 'utf8');
    expect(messages).toMatch(/en: \{ title: 'Title'/);
    expect(messages).toMatch(/'zh-CN': \{ title: '标题'/);
    expect(validatePlugin(dir)).toEqual({ name: 'service_visits', errors: [] });
  });

  it('refuses a name that is not an identifier, or a folder that exists', () => {
    expect(() => createPlugin('Bad-Name', parent)).toThrow(/not a plugin name/);
    expect(() => createPlugin('service_visits', parent)).toThrow(/already exists/);
  });

  it('names what is wrong: engine range, undeclared object, bad field', () => {
    const dir = createPlugin('broken_one', parent);
    const manifest = JSON.parse(readFileSync(join(dir, 'plugin.json'), 'utf8'));
    writeFileSync(join(dir, 'plugin.json'), JSON.stringify({ ...manifest, engine: '^9.0.0', permissions: { objects: [] } }));
    const obj = JSON.parse(readFileSync(join(dir, 'metadata/objects/broken_one.json'), 'utf8'));
    obj.fields.title.type = 'nope';
    writeFileSync(join(dir, 'metadata/objects/broken_one.json'), JSON.stringify(obj));
    const codes = validatePlugin(dir).errors.map((e) => [e.path, e.code]);
    expect(codes).toContainEqual(['plugin.json/engine', 'engine_incompatible']);
    expect(codes).toContainEqual(['metadata/objects/broken_one', 'object_not_declared']);
    expect(codes.some(([p]) => p!.startsWith('metadata/objects/broken_one/fields/title/type'))).toBe(true);
  });

  it('reports a missing dependency found in no sibling folder', () => {
    const dir = createPlugin('needs_other', parent);
    const manifest = JSON.parse(readFileSync(join(dir, 'plugin.json'), 'utf8'));
    writeFileSync(join(dir, 'plugin.json'), JSON.stringify({ ...manifest, dependsOn: { ghost: '^1.0.0', service_visits: '^2.0.0' } }));
    const codes = validatePlugin(dir).errors.map((e) => [e.path, e.code]);
    expect(codes).toEqual([['plugin.json/dependsOn/ghost', 'dependency_missing'], ['plugin.json/dependsOn/service_visits', 'dependency_incompatible']]);
  });

  it('packs a built plugin without its specs', async () => {
    const dir = join(parent, 'service_visits');
    await expect(packPlugin(dir)).rejects.toThrow(/build the plugin first/);
    writeFileSync(join(parent, 'x'), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'dist/server'), { recursive: true });
    writeFileSync(join(dir, 'dist/server/index.js'), 'export default {};\n');
    writeFileSync(join(dir, 'dist/server/index.spec.js'), '');
    const file = await packPlugin(dir);
    expect(file.endsWith('service_visits-0.1.0.tgz')).toBe(true);
    const listed: string[] = [];
    await tar.list({ file, onReadEntry: (e) => void listed.push(e.path) });
    expect(listed).toContain('service_visits/plugin.json');
    expect(listed).toContain('service_visits/dist/server/index.js');
    expect(listed).toContain('service_visits/metadata/objects/service_visits.json');
    expect(listed.some((p) => p.includes('.spec.'))).toBe(false);
    // the web side goes as source (the host compiles it); the server side only as built
    expect(listed).toContain('service_visits/src/web/index.ts');
    expect(listed).toContain('service_visits/src/web/SummaryPanel.vue');
    expect(listed.some((p) => p.includes('src/server'))).toBe(false);
  });

  it('names a web entry that is missing', () => {
    const dir = join(parent, 'service_visits');
    rmSync(join(dir, 'src/web/index.ts'));
    expect(validatePlugin(dir).errors.map((e) => [e.path, e.code])).toEqual([['plugin.json/web', 'web_entry_missing']]);
  });
});
