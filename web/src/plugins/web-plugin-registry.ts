import type { WebDashboardWidget, WebFieldRenderer, WebListAction, WebMenuItem, WebPluginDefinition, WebRecordPanel, WebRoute } from '@loom/plugin-sdk/web';

/** One plugin's web side as the host loaded it. */
export interface LoadedWebPlugin {
  name: string;
  definition: WebPluginDefinition;
}

type Owned<T> = T & { plugin: string };
type ItemOf<K extends keyof WebPluginDefinition> = NonNullable<WebPluginDefinition[K]> extends readonly (infer I)[] ? I : never;

const byOrder = <T extends { order?: number }>(a: T, b: T) => (a.order ?? 100) - (b.order ?? 100);

/** The plugins to load: enabled ones (per `GET /api/plugins`) that have a web entry in this build, in the server's order. */
export function enabledWebPlugins(list: readonly { name: string; state: string }[], available: readonly string[]): string[] {
  return list.filter((p) => p.state === 'enabled' && available.includes(p.name)).map((p) => p.name);
}

/** A route of `plugin` as the app mounts it: under `/p/<plugin>`. */
export function pluginRoutePath(plugin: string, route: WebRoute): string {
  return `/p/${plugin}${route.path === '/' ? '' : route.path}`;
}

/** What every loaded plugin contributes, looked up the way the screens need it. Pure: the store wraps it. */
export class WebPluginRegistry {
  constructor(readonly plugins: readonly LoadedWebPlugin[] = []) {}

  private all<K extends Exclude<keyof WebPluginDefinition, 'messages'>>(key: K): Owned<ItemOf<K>>[] {
    return this.plugins.flatMap((p) => ((p.definition[key] ?? []) as object[]).map((item) => ({ ...item, plugin: p.name }))) as never;
  }

  recordPanels(object: string): Owned<WebRecordPanel>[] {
    return this.all('recordPanels').filter((p) => p.object === object).sort(byOrder);
  }

  dashboardWidgets(): Owned<WebDashboardWidget>[] {
    return this.all('dashboardWidgets').sort(byOrder);
  }

  menu(): Owned<WebMenuItem>[] {
    return this.all('menu').sort(byOrder);
  }

  listActions(object: string): Owned<WebListAction>[] {
    return this.all('listActions').filter((a) => a.object === object);
  }

  routes(): Owned<WebRoute & { fullPath: string }>[] {
    return this.all('routes').map((r) => ({ ...r, fullPath: pluginRoutePath(r.plugin, r) }));
  }

  /** The renderer of a field: one naming the object and field wins over one for its type; the first plugin wins a tie. */
  fieldRenderer(object: string, field: string, type: string): Owned<WebFieldRenderer> | undefined {
    const renderers = this.all('fieldRenderers');
    return renderers.find((r) => r.object === object && r.field === field) ?? renderers.find((r) => r.type === type && (!r.object || r.object === object) && !r.field);
  }
}
