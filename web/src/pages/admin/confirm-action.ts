import { ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message-box/style/css';
import { i18n } from '@/i18n';

/** Asks before a destructive action; resolves false when the user cancels. */
export async function confirmAction(message: string, confirmText: string): Promise<boolean> {
  const { t } = i18n.global;
  try {
    await ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: 'el-button--danger',
    });
    return true;
  } catch {
    return false;
  }
}
