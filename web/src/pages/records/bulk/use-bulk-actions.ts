import { ref } from 'vue';
import type { Ref } from 'vue';
import { ElMessage } from 'element-plus';
import type { ConditionJson } from '@loom/metadata';
import type { RecordData } from '@/api/records';
import { i18n } from '@/i18n';
import { deleteWithPreview } from './bulk-delete';
import type { BulkTarget } from './bulk-target';

/**
 * The list's bulk actions: the ticked rows or every record the filter matches, edited in the
 * bulk edit dialog or soft-deleted after a preview; `reload` refreshes the list afterwards.
 */
export function useBulkActions(options: {
  object: Ref<string>;
  titleField: Ref<string>;
  filter: Ref<ConditionJson | null>;
  total: Ref<number | null>;
  reload: () => Promise<void>;
}) {
  const selection = ref<RecordData[]>([]);
  const deleting = ref(false);
  const target = ref<BulkTarget | null>(null);
  const editOpen = ref(false);

  const selected = (): BulkTarget => ({ kind: 'selected', rows: selection.value });
  const matching = (): BulkTarget => ({ kind: 'matching', filter: options.filter.value, total: options.total.value });

  function edit(chosen: BulkTarget): void {
    target.value = chosen;
    editOpen.value = true;
  }

  async function remove(chosen: BulkTarget): Promise<void> {
    const { t } = i18n.global;
    deleting.value = true;
    try {
      const result = await deleteWithPreview(options.object.value, chosen, options.titleField.value);
      if (!result) return;
      ElMessage.success(t('records.bulkDeleted', { count: result.changed }, result.changed));
      selection.value = [];
      await options.reload();
    } catch {
      // request.ts has shown the problem.
    } finally {
      deleting.value = false;
    }
  }

  return { selection, deleting, target, editOpen, selected, matching, edit, remove };
}
