import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchMetadata } from '@/api/metadata';
import type { MetadataDocument, ObjectDefinition } from '@/api/metadata';

/** The effective metadata, loaded once per session; empty while the server has none to give. */
export const useMetadataStore = defineStore('metadata', () => {
  const document = ref<MetadataDocument | null>(null);
  const loaded = ref(false);
  let pending: Promise<void> | null = null;

  const objects = computed<ObjectDefinition[]>(() =>
    Object.entries(document.value?.objects ?? {})
      .map(([name, definition]) => ({ ...definition, name: definition.name ?? name }))
      .filter((definition) => !definition.hidden),
  );

  function object(name: string): ObjectDefinition | undefined {
    return objects.value.find((definition) => definition.name === name);
  }

  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve();
    pending ??= fetchMetadata()
      .then((answer) => {
        document.value = answer;
        loaded.value = true;
      })
      .catch(() => {
        document.value = null;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function reset(): void {
    document.value = null;
    loaded.value = false;
  }

  return { document, loaded, objects, object, load, reset };
});
