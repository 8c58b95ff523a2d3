import { fetchJob } from '@/api/jobs';
import type { Job } from '@/api/jobs';

export interface WaitOptions {
  /** Called with every answer, for a progress bar. */
  onProgress?: (job: Job) => void;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Injected in specs. */
  fetch?: (id: string) => Promise<Job>;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `GET /api/jobs/{id}` until the job is `done` or `failed` (out of attempts) and returns
 * that last answer. A retry waiting its turn is still `queued`, so it keeps polling. Stops with
 * an AbortError when `signal` aborts (the wizard closed).
 */
export async function waitForJob(id: string, options: WaitOptions = {}): Promise<Job> {
  const get = options.fetch ?? fetchJob;
  const sleep = options.sleep ?? pause;
  for (;;) {
    if (options.signal?.aborted) throw new DOMException('The wait was aborted', 'AbortError');
    const job = await get(id);
    options.onProgress?.(job);
    if (job.status === 'done' || job.status === 'failed') return job;
    await sleep(options.intervalMs ?? 500);
  }
}

/** 0–100 for a progress bar; 100 once the job is done, whatever the counts say. */
export function progressPercent(job: Pick<Job, 'status' | 'progress'> | null): number {
  if (!job) return 0;
  if (job.status === 'done') return 100;
  const { done, total } = job.progress ?? { done: 0, total: 0 };
  return total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
}
