/** A core.automation_run row as `GET /api/automations/runs` shows it. */
export interface RunRowFull {
  id: string; automation: string; event_id: string; event: string; object: string | null; record_id: string | null; depth: number;
  status: string; actions: unknown[]; error: string | null; attempts: number; at: Date; finished_at: Date | null;
}

export function runView(r: RunRowFull) {
  return {
    id: r.id, automation: r.automation, eventId: r.event_id, event: r.event, object: r.object, recordId: r.record_id, depth: r.depth,
    status: r.status, actions: r.actions, error: r.error, attempts: r.attempts,
    at: new Date(r.at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

export const RUN_COLUMNS = `id::text, automation, event_id::text, event, object, record_id::text, depth, status, actions, error, attempts, at, finished_at`;
