/** The files `loom-plugin create <name>` writes, by path: a valid plugin with one object, a hook, a route and a passing spec. */
export function pluginTemplate(name: string, sdkVersion: string): Record<string, string> {
  const title = name.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  return {
    'plugin.json': json({
      name, version: '0.1.0', engine: `^${sdkVersion}`, label: { en: title, 'zh-CN': title },
      metadata: 'metadata/', server: 'dist/server/index.js', permissions: { objects: [name] },
    }),
    'package.json': json({
      name: `@loom/plugin-${name.replace(/_/g, '-')}`, version: '0.1.0', private: true, type: 'module',
      scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run', lint: 'tsc -p tsconfig.json --noEmit', validate: 'loom-plugin validate', pack: 'loom-plugin pack' },
      dependencies: { '@loom/plugin-sdk': sdkVersion },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2023', lib: ['ES2023'], module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true,
        declaration: false, sourceMap: true, rootDir: 'src', outDir: 'dist', types: ['node'],
      },
      // src/web (if you add a web side) is compiled by the host's web build, not by tsc
      include: ['src/server/**/*.ts'],
    }),
    'tsconfig.build.json': json({ extends: './tsconfig.json', exclude: ['src/**/*.spec.ts'] }),
    'vitest.config.ts': `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['src/**/*.spec.ts'] } });\n`,
    [`metadata/objects/${name}.json`]: json({
      kind: 'object', name, label: { en: title, 'zh-CN': title }, pluralLabel: { en: `${title} records`, 'zh-CN': title },
      titleField: 'title', searchFields: ['title'], trackHistory: true,
      fields: {
        title: { type: 'text', label: { en: 'Title', 'zh-CN': '标题' }, required: true, maxLength: 200 },
        notes: { type: 'textarea', label: { en: 'Notes', 'zh-CN': '备注' }, maxLength: 10000 },
      },
    }),
    'metadata/roles/admin.json': json({ kind: 'role', name: 'admin', objects: { [name]: { read: 'all', create: true, update: 'all', delete: 'all' } } }),
    'src/server/index.ts': `import { definePlugin } from '@loom/plugin-sdk';

/** ${title}: trims titles on create and counts records. */
export default definePlugin({
  hooks: {
    ${name}: {
      beforeCreate: (_ctx, e) => (typeof e.record.title === 'string' ? { title: e.record.title.trim() } : undefined),
    },
  },
  routes: [
    { method: 'GET', path: '/count', handler: async (ctx) => ({ count: (await ctx.records.list('${name}', { limit: 500 })).length }) },
  ],
});
`,
    'src/server/index.spec.ts': `import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '@loom/plugin-sdk/testing';
import { checkPlugin, engineVersion, readPluginFolder } from '@loom/plugin-sdk/node';
import plugin from './index.js';

describe('${name} plugin', () => {
  it('passes loom-plugin validate', () => {
    const dir = fileURLToPath(new URL('../..', import.meta.url));
    expect(checkPlugin(readPluginFolder(dir), { engineVersion: engineVersion() }).errors).toEqual([]);
  });

  it('trims the title before create and counts records', async () => {
    const t = createTestContext({ objects: ['${name}'] });
    const values = await plugin.hooks!.${name}!.beforeCreate!(t.ctx, { object: '${name}', record: { id: '', title: '  Hello ' }, user: t.ctx.user });
    expect(values).toEqual({ title: 'Hello' });
    await t.ctx.records.create('${name}', { title: 'Hello' });
    const count = plugin.routes!.find((r) => r.path === '/count')!;
    expect(await count.handler(t.ctx, { params: {}, query: {}, body: null, user: t.ctx.user })).toEqual({ count: 1 });
  });

  it('is refused an object it did not declare', async () => {
    const t = createTestContext({ objects: ['${name}'] });
    await expect(t.ctx.records.list('opportunity')).rejects.toThrow(/did not declare/);
  });
});
`,
    'README.md': `# ${title}\n\nA Loom plugin. \`npm run build\`, \`npm test\`, \`npx loom-plugin validate\`, \`npx loom-plugin pack\`.\n`,
  };
}
