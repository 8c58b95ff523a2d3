import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MetadataSet } from '../types/metadata-set.js';
import { loadMetadataDir } from './load-metadata-dir.js';

/**
 * The folder of the base CRM (`metadata/crm`), found from this module's location
 * so it works from `src/` (tests) and `dist/src/` (built) alike.
 */
export function baseCrmDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@loom/metadata') {
      return join(dir, 'crm');
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the @loom/metadata package folder');
    dir = parent;
  }
}

/**
 * Loads the base CRM shipped with this package: the first layer of the effective metadata.
 * @example mergeLayers([{ source: 'base', set: loadBaseCrm() }, ...plugins, { source: 'admin', set: admin }])
 */
export function loadBaseCrm(): MetadataSet {
  return loadMetadataDir(baseCrmDir());
}
