import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import webPluginModules from 'virtual:loom-web-plugins';
import { listPlugins, type PluginInfo } from '@/api/plugins';
import { i18n, SUPPORTED_LOCALES } from '@/i18n';
import { objectsHiddenByPlugins } from '@/plugins/hidden-objects';
import { enabledWebPlugins, WebPluginRegistry, type LoadedWebPlugin } from '@/plugins/web-plugin-registry';

/**
 * The web sides of the enabled plugins, loaded once per page load after sign-in: `GET /api/plugins`
 * says which are enabled, and only those entries are imported (a disabled plugin's UI is gone on the
 * next reload). A plugin whose entry fails to load is skipped and reported in `failed`; the app goes on.
 * `hiddenObjects`: the objects of plugins not enabled, left out of navigation; `notePlugins` updates
 * them from a newer list (the plugins page after enable/disable), without a reload.
 */
export const useWebPluginsStore = defineStore('web-plugins', () => {
  const registry = shallowRef(new WebPluginRegistry());
  const failed = ref<{ name: string; error: string }[]>([]);
  const loaded = ref(false);
  const hiddenObjects = shallowRef<ReadonlySet<string>>(new Set());
  let loading: Promise<void> | null = null;

  /** Loads once; when the plugin list could not be read (offline, session ended) the next call tries again. */
  function load(): Promise<void> {
    loading ??= loadEnabled().then((ok) => {
      if (ok) loaded.value = true;
      else loading = null;
    });
    return loading;
  }

  async function loadEnabled(): Promise<boolean> {
    const list = await listPlugins({ silent: true }).catch(() => null);
    if (!list) return false;
    notePlugins(list);
    const plugins: LoadedWebPlugin[] = [];
    for (const name of enabledWebPlugins(list, Object.keys(webPluginModules))) {
      try {
        const definition = (await webPluginModules[name]!()).default;
        for (const locale of SUPPORTED_LOCALES) {
          const messages = definition.messages?.[locale];
          if (messages) i18n.global.mergeLocaleMessage(locale, { plugin: { [name]: messages } } as never);
        }
        plugins.push({ name, definition });
      } catch (e) {
        failed.value.push({ name, error: e instanceof Error ? e.message : String(e) });
        console.warn(`plugin ${name}: its web entry failed to load`, e);
      }
    }
    registry.value = new WebPluginRegistry(plugins);
    return true;
  }

  function notePlugins(list: readonly PluginInfo[]): void {
    hiddenObjects.value = objectsHiddenByPlugins(list);
  }

  return { registry, failed, loaded, hiddenObjects, load, notePlugins };
});
