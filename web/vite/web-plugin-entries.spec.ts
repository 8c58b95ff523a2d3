import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findWebEntries, pluginDirs, webPluginsModule } from './web-plugin-entries';

const roots: string[] = [];
function folder(plugins: Record<string, { manifest: unknown; files?: string[] }>): string {
  const root = mkdtempSync(join(tmpdir(), 'loom-web-plugins-'));
  roots.push(root);
  for (const [dir, p] of Object.entries(plugins)) {
    mkdirSync(join(root, dir, 'src/web'), { recursive: true });
    writeFileSync(join(root, dir, 'plugin.json'), typeof p.manifest === 'string' ? p.manifest : JSON.stringify(p.manifest));
    for (const f of p.files ?? []) writeFileSync(join(root, dir, f), 'export default {}');
  }
  return root;
}
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('findWebEntries', () => {
  it('finds the web entry plugin.json names; skips plugins without one, missing files, sdk and broken manifests', () => {
    const root = folder({
      loyalty: { manifest: { name: 'loyalty', web: 'src/web/index.ts' }, files: ['src/web/index.ts'] },
      complaints: { manifest: { name: 'complaints' } },
      ghost: { manifest: { name: 'ghost', web: 'src/web/index.ts' } },
      sdk: { manifest: { name: 'sdk', web: 'src/web/index.ts' }, files: ['src/web/index.ts'] },
      broken: { manifest: '{ not json' },
      escape: { manifest: { name: 'escape', web: '../loyalty/src/web/index.ts' } },
    });
    expect(findWebEntries([root])).toEqual([{ name: 'loyalty', entry: join(root, 'loyalty/src/web/index.ts') }]);
  });

  it('keeps the first folder of a name (built-in before LOOM_PLUGINS_DIR)', () => {
    const a = folder({ loyalty: { manifest: { name: 'loyalty', web: 'src/web/index.ts' }, files: ['src/web/index.ts'] } });
    const b = folder({ other: { manifest: { name: 'loyalty', web: 'src/web/index.ts' }, files: ['src/web/index.ts'] } });
    expect(findWebEntries([a, b]).map((e) => e.entry)).toEqual([join(a, 'loyalty/src/web/index.ts')]);
  });
});

describe('webPluginsModule', () => {
  it('maps each name to a lazy import of its entry', () => {
    expect(webPluginsModule([{ name: 'loyalty', entry: '/p/loyalty/src/web/index.ts' }])).toBe('export default {\n  "loyalty": () => import("/p/loyalty/src/web/index.ts"),\n};\n');
  });
});

describe('pluginDirs', () => {
  it('is the repository plugins/ then LOOM_PLUGINS_DIR, without the first when LOOM_BUILTIN_PLUGINS=false', () => {
    expect(pluginDirs('/repo/plugins', { LOOM_PLUGINS_DIR: '/x:/y' })).toEqual(['/repo/plugins', '/x', '/y']);
    expect(pluginDirs('/repo/plugins', { LOOM_PLUGINS_DIR: '/x', LOOM_BUILTIN_PLUGINS: 'false' })).toEqual(['/x']);
  });
});
