import { computed, defineAsyncComponent, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { LoomWebApi, WebHost } from '@loom/plugin-sdk/web';
import { request } from '@/api/request';

/**
 * The public API as plugin web code gets it: only `/api/…` paths, the signed-in user's token, no
 * toasts (a plugin shows its own states); a failure rejects with the ApiProblem (`status`, `detail`, `errors`).
 */
export const webApi: LoomWebApi = {
  request<T>(path: string, init: Parameters<LoomWebApi['request']>[1] = {}): Promise<T> {
    if (!path.startsWith('/api/') || path.includes('..')) return Promise.reject(new TypeError(`plugins may call only the public API (/api/…), not "${path}"`));
    return request<T>(path, { method: init.method, query: init.query, body: init.body, silent: true });
  },
};

// ECharts loads with the first chart a plugin draws, never with the app shell.
const Chart = defineAsyncComponent(() => import('@/charts/LoomChart.vue'));

/** What plugin components receive as `host`, following the UI language. */
export function useWebHost(): ComputedRef<WebHost> {
  const { locale } = useI18n();
  return computed(() => ({ api: webApi, locale: locale.value, Chart }));
}
