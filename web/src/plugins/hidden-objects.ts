import type { PluginInfo } from '@/api/plugins';

/**
 * The objects to leave out of navigation (sidebar, pipelines, global search): those a plugin that is
 * not enabled defines (`GET /api/plugins` → `defines`), unless an enabled plugin defines them too.
 * Their records are kept and stay reachable by the API and by direct links.
 */
export function objectsHiddenByPlugins(plugins: readonly Pick<PluginInfo, 'state' | 'defines'>[]): ReadonlySet<string> {
  const active = new Set(plugins.filter((p) => p.state === 'enabled').flatMap((p) => p.defines ?? []));
  return new Set(plugins.filter((p) => p.state !== 'enabled').flatMap((p) => p.defines ?? []).filter((o) => !active.has(o)));
}
