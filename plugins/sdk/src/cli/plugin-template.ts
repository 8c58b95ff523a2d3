/**
 * The files `loom-plugin create <name>` writes, by path: a valid plugin with one object, a hook, a route,
 * a web side (a record panel with English and Chinese messages) and passing specs.
 */
export function pluginTemplate(name: string, sdkVersion: string): Record<string, string> {
  const title = name.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  return {
    'plugin.json': json({
      name, version: '0.1.0', engine: `^${sdkVersion}`, label: { en: title, 'zh-CN': title },
      metadata: 'metadata/', server: 'dist/server/index.js', web: 'src/web/index.ts', permissions: { objects: [name] },
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
      // src/web is compiled by the host's web build (its Vue and Element Plus), not by tsc
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
    expect(await count.handler(t.ctx)).toEqual({ count: 1 }); // it reads no request
  });

  it('is refused an object it did not declare', async () => {
    const t = createTestContext({ objects: ['${name}'] });
    await expect(t.ctx.records.list('opportunity')).rejects.toThrow(/did not declare/);
  });
});
`,
    'src/web/index.ts': `import { defineWebPlugin } from '@loom/plugin-sdk/web';
import SummaryPanel from './SummaryPanel.vue';
import { messages } from './messages.js';

/** ${title} in the UI: a Summary tab on its record page. Loaded only while the plugin is enabled. */
export default defineWebPlugin({
  messages,
  recordPanels: [{ id: 'summary', object: '${name}', title: { en: 'Summary', 'zh-CN': '摘要' }, component: SummaryPanel }],
});
`,
    'src/web/SummaryPanel.vue': `<script setup lang="ts">
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { RecordPanelProps } from '@loom/plugin-sdk/web';
import { summaryOf } from './summary.js';

/** The record's title and the length of its notes, from the record the page already shows. */
const props = defineProps<RecordPanelProps>();
const { t } = useI18n();
const summary = computed(() => summaryOf(props.record));
</script>

<template>
  <el-descriptions :column="1" border data-testid="${name}-summary">
    <el-descriptions-item :label="t('plugin.${name}.title')">{{ summary.title || t('plugin.${name}.untitled') }}</el-descriptions-item>
    <el-descriptions-item :label="t('plugin.${name}.notes')">{{ t('plugin.${name}.characters', { count: summary.characters }) }}</el-descriptions-item>
  </el-descriptions>
</template>
`,
    'src/web/summary.ts': `/** What the Summary tab shows of a record: its title, and how many characters its notes have (spaces not counted). */
export function summaryOf(record: Record<string, unknown>): { title: string; characters: number } {
  const title = typeof record.title === 'string' ? record.title.trim() : '';
  const notes = typeof record.notes === 'string' ? record.notes : '';
  return { title, characters: notes.replace(/\\s+/g, '').length };
}
`,
    'src/web/messages.ts': `/** The web side's strings, as t('plugin.${name}.<key>') in its components. */
export const messages = {
  en: { title: 'Title', untitled: '(untitled)', notes: 'Notes', characters: '{count} characters' },
  'zh-CN': { title: '标题', untitled: '（无标题）', notes: '备注', characters: '{count} 个字' },
};
`,
    'src/web/web.spec.ts': `import { describe, expect, it } from 'vitest';
import { messages } from './messages.js';
import { summaryOf } from './summary.js';

describe('${name} web side', () => {
  it('has the same message keys in English and Chinese, none empty', () => {
    expect(Object.keys(messages['zh-CN']).sort()).toEqual(Object.keys(messages.en).sort());
    for (const m of [messages.en, messages['zh-CN']]) expect(Object.values(m).every((v) => v.trim().length > 0)).toBe(true);
  });

  it('summarises a record: trimmed title, note characters without spaces', () => {
    expect(summaryOf({ id: '1', title: '  Hello ', notes: 'a b\\nc 你好' })).toEqual({ title: 'Hello', characters: 5 });
    expect(summaryOf({ id: '2', title: null })).toEqual({ title: '', characters: 0 });
  });
});
`,
    'README.md': `# ${title}\n\nA Loom plugin. \`npm run build\`, \`npm test\`, \`npx loom-plugin validate\`, \`npx loom-plugin pack\`.\n\nsrc/server: hooks and routes (built to dist/). src/web: the UI (a Summary tab on the record page), compiled by the host.\n`,
  };
}
