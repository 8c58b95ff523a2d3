import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
