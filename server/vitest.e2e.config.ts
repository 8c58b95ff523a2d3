import { defineConfig } from 'vitest/config';

// Each e2e file starts its own server on its own database; two at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    fileParallelism: true,
  },
});
