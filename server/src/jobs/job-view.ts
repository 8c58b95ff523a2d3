import type { JobInfo, JobState } from './job-queue.js';

/** The contract's statuses (API.md "Import and export"); `state` keeps the finer internal one. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

const STATUS_OF: Record<JobState, JobStatus> = { queued: 'queued', failed: 'queued', running: 'running', done: 'done', dead: 'failed' };

export interface JobView {
  id: string;
  name: string;
  status: JobStatus;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  progress: { done: number; total: number };
  result: unknown;
  error: string | null;
  runAt: string | null;
  createdAt: string | null;
}

/**
 * `GET /api/jobs/{id}`: a retry waiting its turn is still `queued` for the client, a job out of
 * attempts is `failed`; `state` says `failed` (will retry) or `dead` (will not) for the admin.
 */
export function jobView(job: JobInfo): JobView {
  return {
    id: job.id, name: job.name, status: STATUS_OF[job.state], state: job.state, attempts: job.attempts, maxAttempts: job.maxAttempts,
    progress: job.progress ?? { done: job.state === 'done' ? 1 : 0, total: 1 },
    result: job.result ?? null, error: job.lastError, runAt: job.runAt, createdAt: job.createdAt,
  };
}
