import { ref } from 'vue';
import type { PipelineDef } from '@loom/metadata';
import { isApiProblem } from '@/api/api-problem';
import { submitApproval } from '@/api/approvals';
import { writeStageMove } from '@/api/pipelines';
import type { VersionedRecord } from '@/api/records';
import { explainMoveProblem } from '../pipelines/explain-move-problem';

/** A move waiting for the user: the target stage's required fields, or the approval its gate needs. */
export interface PendingStageMove {
  kind: 'fields' | 'gate';
  to: string;
  fields: string[];
  messages: Record<string, string>;
  process: string | null;
}

export interface StageMoveOptions {
  object: () => string;
  recordId: () => string | undefined;
  version: () => number | null;
  pipeline: () => PipelineDef | undefined;
  /** Whether the user could fill in this field (writable, not computed). */
  canFill: (field: string) => boolean;
  /** The dialog's values as the API takes them (relation references become ids). */
  toWire?: (values: Record<string, unknown>) => Record<string, unknown>;
  onMoved: (answer: VersionedRecord, stage: string) => void;
  /** Submitted for approval (or one was pending already): the record and its approvals changed. */
  onSubmitted: () => void;
  api?: { write: typeof writeStageMove; submit: typeof submitApproval };
}

/**
 * Moving one record along its pipeline from the record page: the stage field is PATCHed; a 422
 * naming fillable fields asks for them and retries, a 409 gate offers to submit for approval, and
 * any other refusal (a transition that is not allowed, a lock) is kept in `refusal` to be said in words.
 */
export function useStageMove(options: StageMoveOptions) {
  const api = options.api ?? { write: writeStageMove, submit: submitApproval };
  const pending = ref<PendingStageMove | null>(null);
  const refusal = ref<{ stage: string; message: string } | null>(null);
  const saving = ref(false);
  const submitError = ref('');

  async function move(to: string): Promise<void> {
    const pipeline = options.pipeline();
    if (!pipeline || pending.value || saving.value) return;
    refusal.value = null;
    await attempt(to, { [pipeline.field]: to });
  }

  async function attempt(to: string, values: Record<string, unknown>): Promise<void> {
    const id = options.recordId();
    const pipeline = options.pipeline();
    if (!id || !pipeline) return;
    saving.value = true;
    try {
      const answer = await api.write(options.object(), id, values, options.version());
      pending.value = null;
      options.onMoved(answer, to);
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      const problem = explainMoveProblem(error, { stageField: pipeline.field, canFill: options.canFill });
      if (problem.kind === 'fields') {
        const asked = pending.value?.kind === 'fields' ? pending.value.fields : [];
        // The first refusal only says "required", which the dialog says itself; later ones explain a value.
        const messages = pending.value?.kind === 'fields' ? problem.messages : {};
        pending.value = { kind: 'fields', to, fields: [...asked, ...problem.fields.filter((f) => !asked.includes(f))], messages, process: null };
      } else if (problem.kind === 'gate') {
        submitError.value = '';
        pending.value = { kind: 'gate', to, fields: [], messages: {}, process: problem.process };
      } else {
        pending.value = null;
        refusal.value = { stage: to, message: problem.message };
      }
    } finally {
      saving.value = false;
    }
  }

  async function fillFields(values: Record<string, unknown>): Promise<void> {
    const current = pending.value;
    const pipeline = options.pipeline();
    if (current?.kind !== 'fields' || !pipeline) return;
    const wire = options.toWire ? options.toWire(values) : values;
    await attempt(current.to, { ...wire, [pipeline.field]: current.to });
  }

  /** Sends the gated move to its approvers: the record enters the stage when they approve. */
  async function submitForApproval(comment: string): Promise<void> {
    const current = pending.value;
    const id = options.recordId();
    if (current?.kind !== 'gate' || !id) return;
    saving.value = true;
    submitError.value = '';
    try {
      await api.submit({ object: options.object(), recordId: id, process: current.process ?? undefined, targetStage: current.to, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      pending.value = null;
      options.onSubmitted();
    } catch (error) {
      if (isApiProblem(error) && error.status === 409) {
        pending.value = null;
        refusal.value = { stage: current.to, message: error.detail || error.title };
        options.onSubmitted();
      } else if (isApiProblem(error) && error.status === 422) {
        submitError.value = error.detail || error.errors[0]?.message || error.title;
      }
    } finally {
      saving.value = false;
    }
  }

  function cancel(): void {
    pending.value = null;
  }

  return { pending, refusal, saving, submitError, move, fillFields, submitForApproval, cancel };
}
