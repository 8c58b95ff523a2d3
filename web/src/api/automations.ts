import { request } from './request';

/** One rendered action of a dry run (what would run, with problems found on the way). */
export interface DryRunAction {
  index: number;
  type: string;
  problems?: Array<{ path: string; message: string }>;
  destination?: string;
  [detail: string]: unknown;
}

/** `POST /api/automations/{name}/dry-run` (API.md "Automations"): nothing is written or sent. */
export interface DryRunResult {
  automation: string;
  enabled: boolean;
  recordId?: string;
  /** Whether the trigger's `where` holds for the record. */
  matches: boolean;
  actions: DryRunAction[];
  firesOn?: string | null;
  loop: { chain: string[]; message: string } | null;
}

export type RunStatus = 'running' | 'ok' | 'failed' | 'skipped' | 'loop';
export const RUN_STATUSES: readonly RunStatus[] = ['ok', 'failed', 'skipped', 'loop', 'running'];

/** One entry of the run log. */
export interface AutomationRun {
  id: string;
  automation: string;
  eventId: string;
  event: string;
  object: string | null;
  recordId: string | null;
  depth: number;
  status: RunStatus;
  actions: unknown[];
  error: string | null;
  attempts: number;
  at: string;
  finishedAt: string | null;
}

export function dryRunAutomation(name: string, recordId: string | null): Promise<DryRunResult> {
  return request<DryRunResult>(`/api/automations/${encodeURIComponent(name)}/dry-run`, {
    method: 'POST',
    body: recordId ? { recordId } : {},
    expect: [400, 404],
  });
}

export async function listAutomationRuns(query: { automation?: string; status?: RunStatus; limit?: number }): Promise<AutomationRun[]> {
  return (await request<{ data: AutomationRun[] }>('/api/automations/runs', { query })).data;
}
