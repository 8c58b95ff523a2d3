import type { ApiProblem } from '@/api/api-problem';

/**
 * Why a record write was refused, in words a person can act on (API.md "Errors"):
 * - `invalid` 422: values break the metadata (shown on the fields);
 * - `unique` 409 naming fields: a value another record already has;
 * - `conflict` 409 otherwise: a stage gate, a duplicate, a decided approval;
 * - `stale` 412: someone saved the record since it was opened — reload;
 * - `locked` 423: a pending approval locks it;
 * - `forbidden` 403: a field or the record is not the user's to change.
 */
export type SaveProblemKind = 'invalid' | 'unique' | 'conflict' | 'stale' | 'locked' | 'forbidden' | 'other';

export interface SaveProblemExplanation {
  kind: SaveProblemKind;
  /** i18n key of the sentence shown above the form. */
  messageKey: string;
  /** The server's own words, when they add something. */
  detail?: string;
  /** Offer to load the record again (its newer version). */
  offerReload: boolean;
}

export function explainSaveProblem(problem: ApiProblem): SaveProblemExplanation {
  const detail = problem.detail || undefined;
  switch (problem.status) {
    case 422:
      return { kind: 'invalid', messageKey: 'records.problems.invalid', detail, offerReload: false };
    case 409:
      return problem.errors.some((error) => error.path)
        ? { kind: 'unique', messageKey: 'records.problems.unique', detail, offerReload: false }
        : { kind: 'conflict', messageKey: 'records.problems.conflict', detail, offerReload: false };
    case 412:
      return { kind: 'stale', messageKey: 'records.problems.stale', offerReload: true };
    case 423:
      return { kind: 'locked', messageKey: 'records.problems.locked', detail, offerReload: false };
    case 403:
      return { kind: 'forbidden', messageKey: 'records.problems.forbidden', detail, offerReload: false };
    default:
      return { kind: 'other', messageKey: 'records.problems.other', detail: detail ?? problem.title, offerReload: false };
  }
}
