/** A row of core.outbox as the dispatcher reads it (written by records/lib/history-and-outbox.ts). */
export interface OutboxEvent {
  id: string;
  eventId: string;
  /** record.created | record.updated | record.deleted | record.restored | record.merged | approval.decided | approval.requested */
  type: string;
  object: string | null;
  recordId: string | null;
  payload: { version?: number; changes?: Record<string, { from: unknown; to: unknown }>; [k: string]: unknown };
  actor: string | null;
  depth: number;
  createdAt: string;
}

/** Data of an `automation.run` job: one automation for one event (or one scheduled occurrence). */
export interface AutomationRunJob {
  automation: string;
  eventId: string;
  /** The outbox type, or `schedule` / `date` for timed runs. */
  event: string;
  object: string | null;
  recordId: string | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
  /** The payload of a non-record event (approval.decided: process, outcome, …), as `{{event.data.*}}`. */
  data?: Record<string, unknown>;
  actor: string | null;
  /** Chain depth of the write that caused the event; the run's own writes carry depth + 1. */
  depth: number;
  /** Event or occurrence time: `$now`/`$today` render from it, so a retry renders the same values. */
  at: string;
}

export const AUTOMATION_RUN = 'automation.run';
export const AUTOMATION_SCHEDULE = 'automation.schedule';
