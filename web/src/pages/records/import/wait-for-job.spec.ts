import { describe, expect, it, vi } from 'vitest';
import type { Job } from '@/api/jobs';
import { progressPercent, waitForJob } from './wait-for-job';

const job = (status: Job['status'], done: number, total: number): Job =>
  ({ id: 'j1', name: 'import', status, state: status === 'failed' ? 'dead' : status, attempts: 1, maxAttempts: 3, progress: { done, total }, result: null, error: null, runAt: null, createdAt: null }) as Job;

describe('waitForJob', () => {
  it('polls until the job is done, reporting each answer', async () => {
    const answers = [job('queued', 0, 0), job('running', 2, 4), job('done', 4, 4)];
    const fetch = vi.fn(async () => answers.shift()!);
    const seen: string[] = [];
    const sleep = vi.fn(async () => undefined);
    const last = await waitForJob('j1', { fetch, sleep, onProgress: (j) => seen.push(`${j.status}:${j.progress.done}`) });
    expect(last.status).toBe('done');
    expect(seen).toEqual(['queued:0', 'running:2', 'done:4']);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('stops at a failed job (out of attempts)', async () => {
    const answers = [job('running', 0, 4), job('failed', 0, 4)];
    await expect(waitForJob('j1', { fetch: async () => answers.shift()!, sleep: async () => undefined })).resolves.toMatchObject({ status: 'failed' });
  });

  it('gives up with an AbortError when aborted', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(async () => {
      controller.abort();
      return job('running', 1, 4);
    });
    await expect(waitForJob('j1', { fetch, sleep: async () => undefined, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('progressPercent', () => {
  it('turns done/total into a percentage below 100 until the job is done', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent(job('running', 1, 3))).toBe(33);
    expect(progressPercent(job('running', 3, 3))).toBe(99);
    expect(progressPercent(job('running', 0, 0))).toBe(0);
    expect(progressPercent(job('done', 0, 0))).toBe(100);
  });
});
