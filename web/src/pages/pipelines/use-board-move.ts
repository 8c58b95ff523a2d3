import { ref } from 'vue';
import type { Ref } from 'vue';
import { isApiProblem } from '@/api/api-problem';
import type { ApiProblem } from '@/api/api-problem';
import { submitApproval } from '@/api/approvals';
import { writeStageMove } from '@/api/pipelines';
import type { Board } from '@/api/pipelines';
import { findCard, moveCard, replaceCard, rollbackMove } from './board-model';
import type { CardPlace } from './board-model';
import { explainMoveProblem } from './explain-move-problem';

/** A move the user has to help with: fields the target stage requires, or an approval it gates on. */
export interface PendingMove {
  kind: 'fields' | 'gate';
  from: CardPlace;
  to: string;
  /** kind fields: the fields to ask for, and the server's message for each. */
  fields: string[];
  messages: Record<string, string>;
  /** kind gate: the approval process to submit to. */
  process: string | null;
}

export type MoveResult = 'moved' | 'needs-fields' | 'needs-approval' | 'submitted' | 'refused' | 'ignored';

export interface BoardMoveApi {
  write: typeof writeStageMove;
  submit: typeof submitApproval;
}

export interface BoardMoveOptions {
  board: Ref<Board | null>;
  /** Whether the user can fill in a field of the board's object (writable, not computed). */
  canFill: (field: string) => boolean;
  /** The dialog's values as the API takes them (relation references become ids). */
  toWire?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** A refusal request.ts did not show (409 and 422 are the board's to explain). */
  onRefused: (message: string) => void;
  /** The move is with the approvers now. */
  onSubmitted: (process: string) => void;
  /** The record already waits for an approval (say, an automation submitted it when the discount changed). */
  onAlreadyPending?: (message: string) => void;
  /** The board is out of date (a stale version, a submitted approval): load it again. */
  onStale?: () => void;
  api?: BoardMoveApi;
}

/**
 * Moving cards between columns: the card moves at once (optimistically) and the stage field is
 * PATCHed; a 422 asks for the target stage's required fields and retries with them, a 409 gate
 * offers to submit the move for approval; whatever else fails puts the card back where it was.
 */
export function useBoardMove(options: BoardMoveOptions) {
  const api = options.api ?? { write: writeStageMove, submit: submitApproval };
  const pending = ref<PendingMove | null>(null);
  const saving = ref(false);
  /** The approval submission failed: its message, for the gate dialog. */
  const submitError = ref('');

  const stageField = () => options.board.value?.field ?? '';
  const versionOf = (place: CardPlace) => (typeof place.record.version === 'number' ? place.record.version : null);

  function rollback(from: CardPlace): void {
    if (options.board.value) options.board.value = rollbackMove(options.board.value, from);
  }

  async function move(id: string, to: string): Promise<MoveResult> {
    const board = options.board.value;
    if (!board || pending.value) return 'ignored';
    const from = findCard(board, id);
    if (!from || from.stage === to || !board.stages.some((stage) => stage.key === to)) return 'ignored';
    options.board.value = moveCard(board, id, to);
    return attempt(from, to, { [board.field]: to });
  }

  async function attempt(from: CardPlace, to: string, values: Record<string, unknown>): Promise<MoveResult> {
    const object = options.board.value?.object;
    if (!object) return 'ignored';
    saving.value = true;
    try {
      const answer = await api.write(object, from.record.id, values, versionOf(from));
      if (options.board.value) {
        const record = { ...answer.record, version: answer.version ?? answer.record.version, stageEnteredAt: new Date().toISOString(), overdue: false };
        options.board.value = replaceCard(options.board.value, record);
      }
      pending.value = null;
      return 'moved';
    } catch (error) {
      return refused(error, from, to);
    } finally {
      saving.value = false;
    }
  }

  function refused(error: unknown, from: CardPlace, to: string): MoveResult {
    if (!isApiProblem(error)) {
      rollback(from);
      pending.value = null;
      throw error;
    }
    const problem = explainMoveProblem(error, { stageField: stageField(), canFill: options.canFill });
    if (problem.kind === 'fields') {
      const asked = pending.value?.kind === 'fields' ? pending.value.fields : [];
      const fields = [...asked, ...problem.fields.filter((field) => !asked.includes(field))];
      // The first refusal only says the fields are required, which the dialog says itself; later ones explain a value.
      const messages = pending.value?.kind === 'fields' ? problem.messages : {};
      pending.value = { kind: 'fields', from, to, fields, messages, process: null };
      return 'needs-fields';
    }
    if (problem.kind === 'gate') {
      submitError.value = '';
      pending.value = { kind: 'gate', from, to, fields: [], messages: {}, process: problem.process };
      return 'needs-approval';
    }
    rollback(from);
    pending.value = null;
    if (explainsItself(error)) options.onRefused(problem.message);
    if (error.status === 412) options.onStale?.();
    return 'refused';
  }

  /** Retries the pending move with the fields the dialog asked for. */
  async function fillFields(values: Record<string, unknown>): Promise<MoveResult> {
    const current = pending.value;
    if (!current || current.kind !== 'fields') return 'ignored';
    const wire = options.toWire ? options.toWire(values) : values;
    return attempt(current.from, current.to, { ...wire, [stageField()]: current.to });
  }

  /** Sends the gated move to its approvers; the card stays where it was until they approve. */
  async function submitForApproval(comment: string): Promise<MoveResult> {
    const current = pending.value;
    const object = options.board.value?.object;
    if (!current || current.kind !== 'gate' || !object) return 'ignored';
    saving.value = true;
    submitError.value = '';
    try {
      await api.submit({
        object,
        recordId: current.from.record.id,
        process: current.process ?? undefined,
        targetStage: current.to,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      rollback(current.from);
      pending.value = null;
      options.onSubmitted(current.process ?? '');
      options.onStale?.();
      return 'submitted';
    } catch (error) {
      if (isApiProblem(error) && error.status === 409) {
        // Already pending: nothing to submit; the card goes back and the board shows it as awaiting approval.
        rollback(current.from);
        pending.value = null;
        options.onAlreadyPending?.(error.detail || error.title);
        options.onStale?.();
        return 'refused';
      }
      // A 422 (the entry condition does not hold) stays in the dialog; request.ts showed the rest.
      if (isApiProblem(error) && error.status === 422) submitError.value = error.detail || error.errors[0]?.message || error.title;
      return 'refused';
    } finally {
      saving.value = false;
    }
  }

  /** The user gave up: the card goes back. */
  function cancel(): void {
    if (!pending.value) return;
    rollback(pending.value.from);
    pending.value = null;
  }

  return { pending, saving, submitError, move, fillFields, submitForApproval, cancel };
}

/** request.ts showed every failure except the 409 and 422 a move expects. */
function explainsItself(problem: ApiProblem): boolean {
  return problem.status === 409 || problem.status === 422;
}
