import { request } from './request';

/** Internal job states: `failed` will retry, `dead` ran out of attempts (API.md "Import and export"). */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'dead';
export const JOB_STATES: readonly JobState[] = ['dead', 'failed', 'queued', 'running', 'done'];

export interface Job {
  id: string;
  name: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  state: JobState;
  attempts: number;
  maxAttempts: number;
  progress: { done: number; total: number };
  result: unknown;
  error: string | null;
  runAt: string | null;
  createdAt: string | null;
}

/** Admin: jobs in one state, newest first (`dead` is the dead-letter list). */
export async function listJobs(state: JobState, limit = 100): Promise<Job[]> {
  return (await request<{ data: Job[] }>('/api/jobs', { query: { status: state, limit } })).data;
}

export function fetchJob(id: string): Promise<Job> {
  return request<Job>(`/api/jobs/${encodeURIComponent(id)}`, { expect: [404] });
}

/** Admin: a dead job runs again with fresh attempts (409 when it is not dead any more). */
export function retryJob(id: string): Promise<Job> {
  return request<Job>(`/api/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST', expect: [409] });
}
