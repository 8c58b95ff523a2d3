import { computed, ref, shallowRef, watch } from 'vue';
import type { Ref } from 'vue';
import { useRoute } from 'vue-router';
import { isApiProblem } from '@/api/api-problem';
import { fetchDefinition } from '@/api/metadata-definitions';
import type { DefinitionOfSection, DefinitionSection } from '@/api/metadata-definitions';
import { useMetadataStore } from '@/stores/metadata';

/**
 * The definition a designer page edits: the stored one (`GET /api/metadata/{section}/{name}`), or,
 * for a name that does not exist yet and `?new=1`, a blank document from `blank(object)`.
 * `stored` is what the last save left (the "before" of the next diff); null while it is new.
 */
export function useDefinitionDraft<S extends DefinitionSection>(section: S, name: Ref<string>, blank: (name: string, object: string) => DefinitionOfSection[S]) {
  const route = useRoute();
  const metadata = useMetadataStore();
  const stored = shallowRef<DefinitionOfSection[S] | null>(null);
  const document = shallowRef<DefinitionOfSection[S] | null>(null);
  const loading = ref(true);
  const missing = ref(false);
  const isNew = computed(() => stored.value === null && document.value !== null);

  async function load(): Promise<void> {
    loading.value = true;
    missing.value = false;
    await metadata.load();
    try {
      stored.value = await fetchDefinition(section, name.value);
      document.value = stored.value;
    } catch (error) {
      if (!isApiProblem(error) || error.status !== 404) throw error;
      stored.value = null;
      const object = typeof route.query.object === 'string' ? route.query.object : '';
      if (route.query.new === '1') document.value = blank(name.value, object);
      else missing.value = true;
    } finally {
      loading.value = false;
    }
  }

  /** After a save: the applied document is the new baseline. */
  function saved(next: DefinitionOfSection[S]): void {
    stored.value = next;
    document.value = next;
  }

  watch(name, () => void load(), { immediate: true });
  return { stored, document, loading, missing, isNew, load, saved };
}
