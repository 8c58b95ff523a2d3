import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument, type MetadataError, type MetadataSet, type PluginManifest } from '@loom/metadata';
import { loadMetadataDir } from '@loom/metadata/node';

/** One plugin folder as read from disk: its manifest (when valid), its metadata layer, and what is wrong. */
export interface PluginFolder {
  dir: string;
  manifest: PluginManifest | null;
  /** The `metadata/` folder as a layer (empty when the manifest names none). */
  metadata: MetadataSet | null;
  /** Paths are prefixed with the file they point into: `plugin.json/version`, `metadata/objects/x.json`. */
  errors: MetadataError[];
}

/**
 * Reads `plugin.json` (checked with the metadata package's `validateDocument('plugin', …)`) and the
 * plugin's metadata folder. Never throws for a broken plugin: the errors say what is wrong.
 * @example const { manifest, errors } = readPluginFolder('plugins/complaints');
 */
export function readPluginFolder(dir: string): PluginFolder {
  const file = join(dir, 'plugin.json');
  if (!existsSync(file)) return { dir, manifest: null, metadata: null, errors: [{ path: 'plugin.json', message: 'is missing', code: 'missing' }] };
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { dir, manifest: null, metadata: null, errors: [{ path: 'plugin.json', message: `is not valid JSON: ${(e as Error).message}`, code: 'invalid_json' }] };
  }
  const errors = validateDocument('plugin', doc).map((e) => ({ ...e, path: `plugin.json${e.path}` }));
  if (errors.length) return { dir, manifest: null, metadata: null, errors };
  const manifest = doc as PluginManifest;
  let metadata: MetadataSet | null = { objects: {}, pipelines: {}, approvals: {}, roles: {}, automations: {}, layouts: {} };
  if (manifest.metadata) {
    try {
      metadata = loadMetadataDir(join(dir, manifest.metadata));
    } catch (e) {
      metadata = null;
      errors.push({ path: manifest.metadata, message: (e as Error).message, code: 'invalid_metadata' });
    }
  }
  return { dir, manifest, metadata, errors };
}
