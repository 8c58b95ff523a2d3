import type { PluginInfo } from '@/api/plugins';

export type PluginCommand = 'install' | 'enable' | 'disable' | 'upgrade' | 'uninstall';

/** Whether the folder holds a newer version than the installed one (plain x.y.z comparison). */
export function hasUpgrade(plugin: Pick<PluginInfo, 'version' | 'availableVersion' | 'state'>): boolean {
  if (!plugin.availableVersion || plugin.state === 'available') return false;
  const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(plugin.availableVersion), parts(plugin.version)];
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** What an admin can do with a plugin in its state (API.md "Plugins"), in button order. */
export function pluginCommands(plugin: Pick<PluginInfo, 'version' | 'availableVersion' | 'state'>): PluginCommand[] {
  const upgrade: PluginCommand[] = hasUpgrade(plugin) ? ['upgrade'] : [];
  switch (plugin.state) {
    case 'available':
      return ['install'];
    case 'installed':
    case 'disabled':
      return [...upgrade, 'enable', 'uninstall'];
    case 'enabled':
      return [...upgrade, 'disable'];
    case 'failed':
      return [...upgrade, 'disable', 'uninstall'];
    default:
      return [];
  }
}
