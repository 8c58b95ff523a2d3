import type { ConditionJson } from '@loom/metadata';
import { request, requestWithResponse } from './request';
import type { RecordData, VersionedRecord } from './records';
import { versionFromEtag } from './records';

/** A record on a board: the object's fields plus how long it has been in its stage. */
export interface BoardRecord extends RecordData {
  stageEnteredAt?: string;
  /** Longer in its stage than the stage's `maxDays`. */
  overdue?: boolean;
}

/** One column of `GET /api/pipelines/{name}/board`. */
export interface BoardStage {
  key: string;
  /** In the language of the caller's profile; the UI prefers the metadata label in its own locale. */
  label: string;
  probability: number | null;
  outcome: 'won' | 'lost' | null;
  color: string | null;
  maxDays: number | null;
  /** Every record in the stage (matching the filter), not only those sent. */
  count: number;
  /** Sum of the amount field over the stage; null when there is none (or it is hidden). */
  sum: number | null;
  /** The most recently updated records of the stage, up to `limit`. */
  records: BoardRecord[];
}

export interface Board {
  pipeline: string;
  object: string;
  /** The stage field a move writes. */
  field: string;
  amountField: string | null;
  stages: BoardStage[];
}

export interface BoardQuery {
  filter?: ConditionJson | null;
  /** Records per stage (server default 20, at most 100). */
  limit?: number;
}

export function fetchBoard(pipeline: string, query: BoardQuery = {}, signal?: AbortSignal): Promise<Board> {
  return request<Board>(`/api/pipelines/${encodeURIComponent(pipeline)}/board`, {
    signal,
    expect: [400, 404],
    query: { filter: query.filter ? JSON.stringify(query.filter) : undefined, limit: query.limit },
  });
}

/**
 * A stage move is an ordinary partial update (API.md "Pipelines"). 422 (required fields of the
 * target stage) and 409 (a gate that needs an approval) are the board's to explain; anything
 * else is shown by request.ts.
 */
export async function writeStageMove(
  object: string,
  id: string,
  values: Record<string, unknown>,
  version: number | null,
): Promise<VersionedRecord> {
  const answer = await requestWithResponse<RecordData>(`/api/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: values,
    headers: version === null ? {} : { 'If-Match': `"${version}"` },
    expect: [409, 422],
  });
  return {
    record: answer.data,
    version: versionFromEtag(answer.headers.get('ETag')) ?? (typeof answer.data.version === 'number' ? answer.data.version : null),
  };
}
