import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchMetadata } from '@/api/metadata';
import type { LayoutDefinition, MetadataDocument, ObjectDefinition } from '@/api/metadata';

/** The effective metadata, loaded once per session (and again after a designer publishes a change). */
export const useMetadataStore = defineStore('metadata', () => {
  const document = ref<MetadataDocument | null>(null);
  const loaded = ref(false);
  let pending: Promise<void> | null = null;

  /** Every object, archived ones included (the designer lists them). */
  const allObjects = computed<ObjectDefinition[]>(() =>
    Object.entries(document.value?.objects ?? {}).map(([name, definition]) => ({ ...definition, name: definition.name ?? name })),
  );
  /** The objects people work with. */
  const objects = computed<ObjectDefinition[]>(() => allObjects.value.filter((definition) => !definition.archived));

  function object(name: string): ObjectDefinition | undefined {
    return allObjects.value.find((definition) => definition.name === name);
  }

  /** The layout of an object: the one marked `default`, else the first. */
  function layoutOf(objectName: string): LayoutDefinition | undefined {
    const layouts = Object.values(document.value?.layouts ?? {}).filter((layout) => layout.object === objectName);
    return layouts.find((layout) => layout.default) ?? layouts[0];
  }

  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve();
    pending ??= fetchMetadata()
      .then((answer) => {
        document.value = answer;
        loaded.value = true;
      })
      .catch(() => {
        if (!force) document.value = null;
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

  return { document, loaded, allObjects, objects, object, layoutOf, load, reset };
});
