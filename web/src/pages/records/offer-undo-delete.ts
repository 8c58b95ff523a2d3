import { h } from 'vue';
import type { Router } from 'vue-router';
import { ElButton, ElMessage } from 'element-plus';
import { restoreRecord } from '@/api/records';
import { i18n } from '@/i18n';

/** "Deleted — Undo": the delete is soft, so undo restores the record and opens it again. */
export function offerUndoDelete(router: Router, object: string, id: string): void {
  const { t: translate } = i18n.global;
  const message = ElMessage({
    type: 'success',
    duration: 10_000,
    showClose: true,
    customClass: 'undo-message',
    message: h('span', { class: 'undo-line' }, [
      translate('records.deleted'),
      h(
        ElButton,
        {
          link: true,
          type: 'primary',
          'data-testid': 'undo-delete',
          onClick: async () => {
            message.close();
            try {
              await restoreRecord(object, id);
              ElMessage.success(translate('records.restored'));
              await router.push(`/o/${object}/${id}`);
            } catch {
              // request.ts has shown the problem.
            }
          },
        },
        () => translate('records.undo'),
      ),
    ]),
  });
}
