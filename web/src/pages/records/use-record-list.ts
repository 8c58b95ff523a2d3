import { ref, shallowRef, watch } from 'vue';
import type { Ref } from 'vue';
import { isApiProblem } from '@/api/api-problem';
import type { ApiProblem } from '@/api/api-problem';
import { listRecords } from '@/api/records';
import type { ListQuery, RecordData } from '@/api/records';
import { currentCursor, firstPage, hasPreviousPage, nextPage, previousPage } from './cursor-pages';
import type { CursorPages } from './cursor-pages';

/**
 * One page of an object's records at a time, with cursor paging. Any change of the object,
 * the query (search, sort, filter, columns) or the page size starts again at page 1; an answer
 * that arrives after a newer request started is dropped.
 */
export function useRecordList(
  object: Ref<string>,
  query: Ref<Omit<ListQuery, 'cursor' | 'limit'>>,
  pageSize: Ref<number>,
  /** False until the object's metadata is there (its columns shape the query). */
  enabled: Ref<boolean>,
) {
  const rows = shallowRef<RecordData[]>([]);
  const total = ref<number | null>(null);
  const nextCursor = ref<string | null>(null);
  const pages = shallowRef<CursorPages>(firstPage());
  const loading = ref(false);
  const problem = shallowRef<ApiProblem | null>(null);
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      const answer = await listRecords(
        object.value,
        { ...query.value, limit: pageSize.value, cursor: currentCursor(pages.value), count: true },
        current.signal,
      );
      if (controller !== current) return;
      rows.value = answer.data ?? [];
      nextCursor.value = answer.nextCursor ?? null;
      if (typeof answer.total === 'number') total.value = answer.total;
      problem.value = null;
    } catch (error) {
      if (controller !== current || (error instanceof DOMException && error.name === 'AbortError')) return;
      rows.value = [];
      nextCursor.value = null;
      problem.value = isApiProblem(error) ? error : null;
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  function goNext(): void {
    if (!nextCursor.value) return;
    pages.value = nextPage(pages.value, nextCursor.value);
    void load();
  }

  function goPrevious(): void {
    if (!hasPreviousPage(pages.value)) return;
    pages.value = previousPage(pages.value);
    void load();
  }

  /** After a delete: this page again, or the one before when this one emptied. */
  async function reloadAfterRemoval(): Promise<void> {
    await load();
    if (rows.value.length === 0 && hasPreviousPage(pages.value)) goPrevious();
  }

  watch(
    () => [enabled.value, object.value, JSON.stringify(query.value), pageSize.value],
    () => {
      if (!enabled.value) return;
      pages.value = firstPage();
      total.value = null;
      void load();
    },
    { immediate: true },
  );

  return { rows, total, nextCursor, pages, loading, problem, load, goNext, goPrevious, reloadAfterRemoval };
}
