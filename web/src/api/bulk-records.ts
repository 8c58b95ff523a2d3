import type { ConditionJson } from '@loom/metadata';
import type { ProblemFieldError } from './api-problem';
import { request } from './request';

/** One row a bulk request could not change: its index among the matched rows, its id, why. */
export interface BulkRowError {
  index: number;
  id?: string;
  status?: number;
  errors: ProblemFieldError[];
}

export interface BulkOutcome {
  matched: number;
  changed: number;
  errors: BulkRowError[];
}

export type BulkChange = { update: { filter: ConditionJson; set: Record<string, unknown> } } | { delete: { filter: ConditionJson } };

/**
 * `POST /api/records/{object}/bulk` with `partial: true`, so failing rows come back as `errors`
 * beside the count of the rows that change instead of failing the whole request. With `dryRun`
 * nothing is written: the answer is the preview ("N records will change").
 */
export async function runBulk(object: string, change: BulkChange, dryRun: boolean): Promise<BulkOutcome> {
  const answer = await request<Partial<BulkOutcome>>(`/api/records/${encodeURIComponent(object)}/bulk`, {
    method: 'POST',
    query: { dryRun: dryRun ? true : undefined },
    body: { ...change, partial: true },
    expect: [400, 403, 422],
  });
  return { matched: answer.matched ?? 0, changed: answer.changed ?? 0, errors: answer.errors ?? [] };
}
