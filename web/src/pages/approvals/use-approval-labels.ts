import { useI18n } from 'vue-i18n';
import type { ApprovalSummary } from '@/api/approvals';
import type { RecordData } from '@/api/records';
import { formatDateTime } from '@/fields/format-value';
import { recordTitleOf } from '@/fields/record-title';
import { labelOf } from '@/i18n/label-of';
import { useMetadataStore } from '@/stores/metadata';
import { useUserNamesStore } from '@/stores/user-names';
import { shortUserId } from './approval-rules';

/** How the approval screens name things: processes, steps, stages, records and users, in the UI language. */
export function useApprovalLabels() {
  const { t, locale } = useI18n();
  const metadata = useMetadataStore();
  const userNames = useUserNamesStore();

  const definition = (process: string) => metadata.document?.approvals?.[process];

  function processLabel(request: Pick<ApprovalSummary, 'process' | 'processLabel'>): string {
    return labelOf(request.processLabel ?? definition(request.process)?.label, locale.value, request.process);
  }

  function stepLabel(process: string, step: string | null): string {
    if (!step) return t('common.none');
    const found = definition(process)?.steps.find((candidate) => candidate.name === step);
    return labelOf(found?.label, locale.value, step);
  }

  function stageLabel(object: string, stage: string | null): string {
    if (!stage) return '';
    for (const pipeline of Object.values(metadata.document?.pipelines ?? {})) {
      if (pipeline.object !== object) continue;
      const found = pipeline.stages.find((candidate) => candidate.key === stage);
      if (found) return labelOf(found.label, locale.value, stage);
    }
    return stage;
  }

  function objectLabel(object: string): string {
    return labelOf(metadata.object(object)?.label, locale.value, object);
  }

  /** The record's title; before it is loaded (or when it cannot be read), the object and a short id. */
  function recordTitle(request: Pick<ApprovalSummary, 'object' | 'recordId'>, record: RecordData | null | undefined): string {
    return recordTitleOf(metadata.object(request.object), record) ?? `${objectLabel(request.object)} ${shortUserId(request.recordId)}`;
  }

  /** A user's name: known names first, then one the server sent, else a short id. */
  function userName(id: string | null | undefined, sent?: string): string {
    if (!id) return t('approvals.system');
    return userNames.nameOf(id) ?? sent ?? t('approvals.user', { id: shortUserId(id) });
  }

  const formatTime = (at: string | null | undefined) => formatDateTime(at, { type: 'datetime' }, { locale: locale.value, t });

  return { definition, processLabel, stepLabel, stageLabel, objectLabel, recordTitle, userName, formatTime };
}
