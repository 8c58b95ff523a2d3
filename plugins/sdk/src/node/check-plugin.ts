import { mergeLayers, validateMetadataSet, type MetadataError, type MetadataLayer, type MetadataSet } from '@loom/metadata';
import { loadBaseCrm } from '@loom/metadata/node';
import semver from 'semver';
import type { PluginFolder } from './read-plugin-folder.js';

export interface PluginCheck {
  errors: MetadataError[];
  /** The effective metadata with this plugin merged over the base CRM (and its dependencies). */
  merged: MetadataSet | null;
}

/**
 * What `loom-plugin validate` checks: the manifest, the engine range against `engineVersion`,
 * the dependency ranges (and versions of the folders given), the plugin's metadata merged over the
 * base CRM and its dependencies with validateMetadataSet, and that every object it defines is
 * declared in `permissions.objects` (its server code may touch only those).
 * @example checkPlugin(readPluginFolder('.'), { engineVersion: '0.1.0' }).errors // []
 */
export function checkPlugin(folder: PluginFolder, opts: { engineVersion: string; dependencies?: PluginFolder[]; base?: MetadataSet }): PluginCheck {
  const errors = [...folder.errors];
  const { manifest } = folder;
  if (!manifest) return { errors, merged: null };
  if (!semver.validRange(manifest.engine)) errors.push({ path: 'plugin.json/engine', message: `"${manifest.engine}" is not a semver range`, code: 'invalid_range' });
  else if (!semver.satisfies(opts.engineVersion, manifest.engine, { includePrerelease: true })) {
    errors.push({ path: 'plugin.json/engine', message: `engine ${opts.engineVersion} does not satisfy "${manifest.engine}"`, code: 'engine_incompatible' });
  }
  const layers: MetadataLayer[] = [{ source: 'base', set: opts.base ?? loadBaseCrm() }];
  for (const [dep, range] of Object.entries(manifest.dependsOn ?? {})) {
    const path = `plugin.json/dependsOn/${dep}`;
    if (!semver.validRange(range)) {
      errors.push({ path, message: `"${range}" is not a semver range`, code: 'invalid_range' });
      continue;
    }
    const found = opts.dependencies?.find((d) => d.manifest?.name === dep);
    if (!found?.manifest) {
      if (opts.dependencies) errors.push({ path, message: `dependency ${dep} ${range} is not found`, code: 'dependency_missing' });
      continue;
    }
    if (!semver.satisfies(found.manifest.version, range, { includePrerelease: true })) {
      errors.push({ path, message: `dependency ${dep} is ${found.manifest.version}, not "${range}"`, code: 'dependency_incompatible' });
    }
    if (found.metadata) layers.push({ source: `plugin:${dep}`, set: found.metadata });
  }
  if (!folder.metadata) return { errors, merged: null };
  const merge = mergeLayers([...layers, { source: `plugin:${manifest.name}`, set: folder.metadata }]);
  errors.push(...merge.errors.map(({ sources: _s, ...e }) => ({ ...e, path: `metadata${e.path}` })));
  errors.push(...validateMetadataSet(merge.set).map((e) => ({ ...e, path: `metadata${e.path}` })));
  const declared = new Set(manifest.permissions?.objects ?? []);
  for (const object of Object.keys(folder.metadata.objects)) {
    const isNew = !layers.some((l) => l.set.objects?.[object]);
    if (isNew && !declared.has(object)) {
      errors.push({ path: `metadata/objects/${object}`, message: `object ${object} is defined by the plugin but not declared in plugin.json permissions.objects`, code: 'object_not_declared' });
    }
  }
  for (const object of declared) {
    if (!merge.set.objects[object]) errors.push({ path: 'plugin.json/permissions/objects', message: `declares object ${object}, which neither the base CRM nor the plugin defines`, code: 'unknown_object' });
  }
  return { errors, merged: merge.set };
}
