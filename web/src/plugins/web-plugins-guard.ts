import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { useWebPluginsStore } from '@/stores/web-plugins';
import PluginRoutePage from './PluginRoutePage.vue';

/** The name of the signed-in layout route that plugin pages are mounted in. */
export const APP_ROUTE = 'app';

/**
 * Loads the enabled plugins' web sides on the first signed-in navigation and mounts their pages
 * under `/p/<plugin>`; when that first navigation was to a plugin page (it matched "not found"
 * before the routes existed) it is resolved again.
 */
export function webPluginsGuard(router: Router) {
  return async (to: RouteLocationNormalized): Promise<true | RouteLocationRaw> => {
    const auth = useAuthStore();
    const plugins = useWebPluginsStore();
    if (to.meta.public || !auth.isAuthenticated || plugins.loaded) return true;
    await plugins.load();
    let added = false;
    for (const route of plugins.registry.routes()) {
      const name = `plugin:${route.plugin}:${route.path}`;
      if (router.hasRoute(name)) continue;
      router.addRoute(APP_ROUTE, { name, path: route.fullPath.slice(1), component: PluginRoutePage, props: { plugin: route.plugin, page: route.component, title: route.title } });
      added = true;
    }
    return added && to.name === 'not-found' ? to.fullPath : true;
  };
}
