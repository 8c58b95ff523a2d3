import type { ApiProblem } from '@/api/api-problem';
import { pointerToProp } from '@/api/problem-form-errors';

/** What the board does about a refused stage move. */
export type MoveProblem =
  /** 422 naming fields the target stage requires (or values it refuses): ask for them and retry. */
  | { kind: 'fields'; fields: string[]; messages: Record<string, string> }
  /** 409 from a stage gate: the move waits for this approval process. */
  | { kind: 'gate'; process: string }
  /** Anything else (a transition that is not allowed, a lock, a stale version): undo and say why. */
  | { kind: 'refused'; message: string };

export interface MoveContext {
  /** The stage field: an error on it is about the move itself, not a field to fill in. */
  stageField: string;
  /** Whether the user could fill in this field of the object. */
  canFill: (field: string) => boolean;
}

/**
 * Sorts a stage move's problem into what the board can resolve with the user (missing fields,
 * an approval) and what it cannot. A 422 becomes a fields dialog only when every error names a
 * field the user can fill in; one about the stage (say, a transition) refuses the whole move.
 */
export function explainMoveProblem(problem: ApiProblem, context: MoveContext): MoveProblem {
  const message = problem.detail || problem.title;
  if (problem.status === 409) {
    const process = problem.body.approval;
    return typeof process === 'string' && process ? { kind: 'gate', process } : { kind: 'refused', message };
  }
  if (problem.status === 422 && problem.errors.length > 0) {
    const messages: Record<string, string> = {};
    for (const error of problem.errors) {
      const field = pointerToProp(error.path).split('.')[0] ?? '';
      if (!field || field === context.stageField || !context.canFill(field)) {
        return { kind: 'refused', message: error.message ? `${message}: ${error.message}` : message };
      }
      messages[field] = messages[field] ? `${messages[field]}; ${error.message}` : error.message;
    }
    return { kind: 'fields', fields: Object.keys(messages), messages };
  }
  return { kind: 'refused', message };
}
