import { defineConfig } from 'vitest/config';

// Browser tests drive a real server and Chromium: one file at a time, long timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // a page on a loaded CI machine can take longer than expect.poll's default second to show its rows
    expect: { poll: { timeout: 10_000 } },
  },
});
