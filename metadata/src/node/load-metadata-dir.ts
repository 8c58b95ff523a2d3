import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyMetadataSet, METADATA_KINDS, SECTION_OF_KIND, type MetadataSet } from '../types/metadata-set.js';

/**
 * Reads a metadata folder laid out one file per definition (EspoCRM style):
 * `<dir>/{objects,pipelines,approvals,roles,automations,layouts}/<name>.json`.
 * Missing folders are empty sections. Throws, naming the file, on unreadable JSON
 * or a file whose name differs from the definition's `name`. Does not validate:
 * run validateMetadataSet on the result.
 * @example loadMetadataDir(new URL('./metadata/', import.meta.url).pathname)
 */
export function loadMetadataDir(dir: string): MetadataSet {
  const set = emptyMetadataSet();
  for (const kind of METADATA_KINDS) {
    const section = SECTION_OF_KIND[kind];
    const folder = join(dir, section);
    if (!existsSync(folder)) continue;
    const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
    const target = set[section] as Record<string, unknown>;
    for (const file of files) {
      const path = join(folder, file);
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
      }
      const name = file.slice(0, -'.json'.length);
      const declared = (doc as { name?: unknown } | null)?.name;
      if (declared !== name) throw new Error(`${path}: the file name must be the definition's name (found ${JSON.stringify(declared)})`);
      target[name] = doc;
    }
  }
  return set;
}
