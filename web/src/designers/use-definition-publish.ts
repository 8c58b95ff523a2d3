import { reactive, ref } from 'vue';
import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import { isApiProblem } from '@/api/api-problem';
import { formErrorsFromProblem } from '@/api/problem-form-errors';
import { deleteDefinition, KIND_OF_SECTION, putDefinition } from '@/api/metadata-definitions';
import type { DefinitionAnswer, DefinitionSection } from '@/api/metadata-definitions';
import { i18n } from '@/i18n';
import { usePlanPublish } from '@/pages/admin/objects/use-plan-publish';
import { useMetadataStore } from '@/stores/metadata';
import { diffDocuments } from './diff-documents';
import type { DocumentDifference } from './diff-documents';

/**
 * Saving a designer's document: preview the plan (`?dryRun=true`) in the shared plan dialog with
 * the document's own changes beside it, apply exactly that plan (`?plan=<hash>`), reload the
 * metadata. A 400/409/422 of the preview lands on the form: `errors[].path` onto the form item
 * whose prop is that path (`/stages/2/key` → `stages.2.key`), the rest as general messages.
 */
export function useDefinitionPublish(section: DefinitionSection) {
  const publisher = usePlanPublish();
  const metadata = useMetadataStore();
  const differences = ref<DocumentDifference[]>([]);
  const errors = reactive<Record<string, string>>({});
  const general = ref<string[]>([]);
  const { t } = i18n.global;

  function clearErrors(): void {
    for (const key of Object.keys(errors)) delete errors[key];
    general.value = [];
  }

  function showProblem(error: unknown, props: readonly string[]): void {
    if (!isApiProblem(error)) throw error;
    if (![400, 409, 422].includes(error.status)) return;
    const mapped = formErrorsFromProblem(error, props);
    Object.assign(errors, mapped.fields);
    general.value = mapped.general;
  }

  async function applied(answer: DefinitionAnswer | null): Promise<DefinitionAnswer | null> {
    if (!answer) return null;
    await metadata.load(true);
    ElMessage.success(answer.revision ? t('plan.applied', { revision: answer.revision }) : t('common.saved'));
    return answer;
  }

  /** Previews and applies `document`; null when nothing changed, the admin cancelled, or the server refused it. */
  async function save(name: string, before: unknown, document: unknown, props: readonly string[]): Promise<DefinitionAnswer | null> {
    clearErrors();
    differences.value = diffDocuments(before ?? {}, document);
    if (before && differences.value.length === 0) {
      ElMessage.info(t('designers.noChanges'));
      return null;
    }
    const kind = KIND_OF_SECTION[section];
    try {
      const answer = await publisher.publish(t('designers.publishTitle', { kind: t(`designers.kinds.${kind}`), name }), (mode) =>
        putDefinition(section, name, document, mode),
      );
      return await applied(answer);
    } catch (error) {
      showProblem(error, props);
      return null;
    }
  }

  /** Previews and applies removing the definition (409 when something still uses it). */
  async function remove(name: string, before: unknown): Promise<DefinitionAnswer | null> {
    clearErrors();
    differences.value = diffDocuments({ [name]: before }, {});
    const kind = KIND_OF_SECTION[section];
    try {
      const answer = await publisher.publish(t('designers.deleteTitle', { kind: t(`designers.kinds.${kind}`), name }), (mode) =>
        deleteDefinition(section, name, mode),
      );
      return await applied(answer);
    } catch (error) {
      showProblem(error, []);
      return null;
    }
  }

  return { publisher, differences, errors, general, save, remove, clearErrors };
}
