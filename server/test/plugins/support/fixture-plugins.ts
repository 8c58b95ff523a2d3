import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { login, type Client } from '../../support/client.js';
import { createTestDatabase, startTestServer, type TestServer } from '../../support/server.js';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface FixturePlugin {
  manifest: Record<string, unknown>;
  /** Metadata files by path under metadata/ (`objects/x.json`). */
  metadata?: Record<string, unknown>;
  /** The server entry (ESM); may import '@loom/plugin-sdk'. */
  server?: string;
}

/** A LOOM_PLUGINS_DIR in a temp folder whose plugins resolve '@loom/plugin-sdk' from the repository. */
export function fixtureDir(): { dir: string; write(name: string, p: FixturePlugin): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'loom-plugins-'));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return {
    dir,
    write(name, p) {
      const root = join(dir, name);
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      const manifest = { metadata: 'metadata/', ...(p.server ? { server: 'server.mjs' } : {}), ...p.manifest };
      writeFileSync(join(root, 'plugin.json'), JSON.stringify(manifest, null, 2));
      for (const [path, doc] of Object.entries(p.metadata ?? {})) {
        mkdirSync(dirname(join(root, 'metadata', path)), { recursive: true });
        writeFileSync(join(root, 'metadata', path), JSON.stringify(doc, null, 2));
      }
      if (p.server) writeFileSync(join(root, 'server.mjs'), p.server);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An object with a required title, and the admin role granted everything on it. */
export function simpleObject(name: string, extraFields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    [`objects/${name}.json`]: {
      kind: 'object', name, label: { en: name, 'zh-CN': name }, titleField: 'title', trackHistory: true,
      fields: { title: { type: 'text', label: 'Title', required: true, maxLength: 200 }, ...extraFields },
    },
    'roles/admin.json': { kind: 'role', name: 'admin', objects: { [name]: { read: 'all', create: true, update: 'all', delete: 'all' } } },
  };
}

export interface PluginLoom {
  server: TestServer;
  admin: Client;
  db: TestDatabase;
  /** Stops the server, drops its database and removes the fixture plugins. */
  stop(): Promise<void>;
}

/**
 * A Loom on a database of its own with the fixture plugins of `plugins` installed and enabled, in
 * order (built-in plugins off); `env` adds settings.
 */
export async function startWithPlugins(plugins: ReturnType<typeof fixtureDir>, names: string[], env: Record<string, string> = {}): Promise<PluginLoom> {
  const db = await createTestDatabase();
  const server = await startTestServer({ env: { LOOM_PLUGINS_DIR: plugins.dir, LOOM_BUILTIN_PLUGINS: 'false', ...env }, database: db });
  const admin = await login(server.url, server.adminEmail, server.adminPassword);
  for (const name of names) {
    expect((await admin.post(`/api/plugins/${name}/install`)).status).toBe(200);
    expect((await admin.post(`/api/plugins/${name}/enable`)).status).toBe(200);
  }
  return {
    server, admin, db,
    stop: async () => {
      await server.stop({ keepData: true });
      await db.drop();
      plugins.remove();
    },
  };
}

/**
 * The titles a fixture plugin logged into `hook_log`, once `expected` all showed up (after hooks run
 * after commit, fire-and-forget), and `settleMs` later still (to catch extra firings).
 */
export async function hookLog(admin: Client, expected: string[], settleMs = 0): Promise<string[]> {
  const read = async () => ((await admin.get('/api/records/hook_log?limit=500')).body.data as { title: string }[]).map((r) => r.title);
  let lines = await read();
  for (let i = 0; i < 50 && !expected.every((e) => lines.includes(e)); i++) {
    await new Promise((r) => setTimeout(r, 100));
    lines = await read();
  }
  if (!settleMs) return lines;
  await new Promise((r) => setTimeout(r, settleMs));
  return read();
}
