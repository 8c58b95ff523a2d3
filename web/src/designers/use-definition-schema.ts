import { shallowRef } from 'vue';
import type { JsonSchema } from '@loom/metadata';
import { fetchDefinitionSchema } from '@/api/metadata-definitions';
import type { DefinitionKind } from '@/api/metadata-definitions';

const cache = new Map<DefinitionKind, Promise<JsonSchema | null>>();

/** The JSON Schema of a kind, fetched once per page load; null until it arrives (designers fall back to built-in choices). */
export function useDefinitionSchema(kind: DefinitionKind) {
  const schema = shallowRef<JsonSchema | null>(null);
  let pending = cache.get(kind);
  if (!pending) {
    pending = fetchDefinitionSchema(kind).catch(() => {
      cache.delete(kind);
      return null;
    });
    cache.set(kind, pending);
  }
  void pending.then((loaded) => (schema.value = loaded));
  return schema;
}
