import { ref, shallowRef } from 'vue';
import type { ObjectDef } from '@loom/metadata';
import { listRecords } from '@/api/records';
import type { RecordData } from '@/api/records';

/** One object's part of the results. */
export interface SearchGroup {
  object: string;
  status: 'loading' | 'done' | 'failed';
  records: RecordData[];
  total: number | null;
}

export const PER_OBJECT = 5;
const PARALLEL = 4;

/** The objects a search covers: live ones that name `searchFields` (the API's `q` searches those). */
export function searchableObjects(objects: readonly ObjectDef[]): ObjectDef[] {
  return objects.filter((object) => !object.archived && (object.searchFields?.length ?? 0) > 0);
}

/**
 * Searches every given object for `q`, a few records each, at most four requests at a time (the
 * server is shared); groups fill in as their answers arrive, and a newer search discards older answers.
 */
export function useGlobalSearch(api: { list: typeof listRecords } = { list: listRecords }) {
  const groups = shallowRef<SearchGroup[]>([]);
  const running = ref(false);
  let generation = 0;

  async function search(q: string, objects: readonly ObjectDef[]): Promise<void> {
    const mine = ++generation;
    const text = q.trim();
    groups.value = text ? objects.map((object) => ({ object: object.name, status: 'loading', records: [], total: null })) : [];
    if (!text) return;
    running.value = true;
    const queue = objects.map((object) => object.name);
    const update = (object: string, patch: Partial<SearchGroup>) => {
      if (mine !== generation) return;
      groups.value = groups.value.map((group) => (group.object === object ? { ...group, ...patch } : group));
    };
    const worker = async () => {
      for (let object = queue.shift(); object !== undefined; object = queue.shift()) {
        try {
          const page = await api.list(object, { q: text, limit: PER_OBJECT, count: true });
          update(object, { status: 'done', records: page.data, total: page.total ?? page.data.length });
        } catch {
          update(object, { status: 'failed' });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    if (mine === generation) running.value = false;
  }

  return { groups, running, search };
}
