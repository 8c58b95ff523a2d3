import { describe, expect, it } from 'vitest';
import type { JobInfo } from './job-queue.js';
import { jobView } from './job-view.js';

const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'j1', name: 'automation.run', state: 'queued', attempts: 0, maxAttempts: 5, progress: null, result: null,
  lastError: null, owner: null, runAt: null, createdAt: null, ...over,
});

describe('jobView', () => {
  it.each([
    ['queued', 'queued'], ['failed', 'queued'], ['running', 'running'], ['done', 'done'], ['dead', 'failed'],
  ] as const)('state %s reads as status %s', (state, status) => {
    expect(jobView(job({ state })).status).toBe(status);
    expect(jobView(job({ state })).state).toBe(state);
  });
  it('keeps reported progress and result', () => {
    expect(jobView(job({ state: 'done', progress: { done: 7, total: 9 }, result: { created: 7 } }))).toMatchObject({
      progress: { done: 7, total: 9 }, result: { created: 7 },
    });
  });
  it('says 0 of 1 before any progress is reported, 1 of 1 when done', () => {
    expect(jobView(job({})).progress).toEqual({ done: 0, total: 1 });
    expect(jobView(job({ state: 'done' })).progress).toEqual({ done: 1, total: 1 });
  });
});
