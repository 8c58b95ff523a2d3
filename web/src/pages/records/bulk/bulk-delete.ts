import { ElMessage } from 'element-plus';
import { runBulk } from '@/api/bulk-records';
import type { BulkOutcome } from '@/api/bulk-records';
import { i18n } from '@/i18n';
import { confirmAction } from '../../admin/confirm-action';
import { rowErrorLines, targetFilter } from './bulk-target';
import type { BulkTarget } from './bulk-target';

const SHOWN_ERRORS = 3;

/**
 * Soft-deletes the target after a dry run: the confirmation names how many records will go to the
 * recycle bin (and which cannot be deleted, and why); null when the user cancels or nothing can go.
 */
export async function deleteWithPreview(object: string, target: BulkTarget, titleField: string): Promise<BulkOutcome | null> {
  const { t } = i18n.global;
  const filter = targetFilter(target);
  const preview = await runBulk(object, { delete: { filter } }, true);
  const lines = rowErrorLines(preview.errors, target.kind === 'selected' ? target.rows : [], titleField);
  const problems = lines.length
    ? ` ${t('listTools.bulk.cannotDelete', { count: lines.length }, lines.length)} ${lines.slice(0, SHOWN_ERRORS).map((line) => `${line.record}: ${line.messages.join(', ')}`).join('; ')}`
    : '';
  const count = preview.changed;
  if (!count) {
    ElMessage.warning(`${t('listTools.bulk.nothingToDelete')}${problems}`);
    return null;
  }
  const question = target.kind === 'selected' ? t('records.bulkDeleteConfirm', { count }, count) : t('listTools.bulk.deleteMatchingConfirm', { count }, count);
  if (!(await confirmAction(question + problems, t('records.deleteRecords', { count }, count)))) return null;
  return runBulk(object, { delete: { filter } }, false);
}
