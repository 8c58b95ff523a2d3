import { ref, watch } from 'vue';
import type { WatchSource } from 'vue';
import type { Report } from '@/api/analytics';

export type ReportState = 'loading' | 'ok' | 'empty' | 'missing' | 'forbidden' | 'failed';

/**
 * One dashboard report, loaded again when its inputs change: its data, or the state the card
 * explains instead (no data yet, no such endpoint yet, not allowed, failed).
 */
export function useReport<T>(source: WatchSource<unknown>, fetch: () => Promise<Report<T>>, hasData: (data: T) => boolean) {
  const state = ref<ReportState>('loading');
  const data = ref<T | null>(null);
  let generation = 0;

  async function load(): Promise<void> {
    const current = ++generation;
    state.value = 'loading';
    try {
      const answer = await fetch();
      if (current !== generation) return;
      if (answer.state === 'ok') {
        data.value = answer.data;
        state.value = hasData(answer.data) ? 'ok' : 'empty';
      } else {
        data.value = null;
        state.value = answer.state;
      }
    } catch {
      if (current === generation) state.value = 'failed';
    }
  }

  watch(source, () => void load(), { immediate: true });
  return { state, data: data as typeof data, load };
}
