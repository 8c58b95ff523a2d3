import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '@loom/plugin-sdk/testing';
import { checkPlugin, engineVersion, readPluginFolder } from '@loom/plugin-sdk/node';
import plugin from './index.js';

describe('service_visits plugin', () => {
  it('passes loom-plugin validate', () => {
    const dir = fileURLToPath(new URL('../..', import.meta.url));
    expect(checkPlugin(readPluginFolder(dir), { engineVersion: engineVersion() }).errors).toEqual([]);
  });

  it('trims the title before create and counts records', async () => {
    const t = createTestContext({ objects: ['service_visits'] });
    const values = await plugin.hooks!.service_visits!.beforeCreate!(t.ctx, { object: 'service_visits', record: { id: '', title: '  Hello ' }, user: t.ctx.user });
    expect(values).toEqual({ title: 'Hello' });
    await t.ctx.records.create('service_visits', { title: 'Hello' });
    const count = plugin.routes!.find((r) => r.path === '/count')!;
    expect(await count.handler(t.ctx, { params: {}, query: {}, body: null, user: t.ctx.user })).toEqual({ count: 1 });
  });

  it('is refused an object it did not declare', async () => {
    const t = createTestContext({ objects: ['service_visits'] });
    await expect(t.ctx.records.list('opportunity')).rejects.toThrow(/did not declare/);
  });
});
