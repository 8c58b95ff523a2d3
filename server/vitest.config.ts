import { defineConfig } from 'vitest/config';

// Unit specs live beside the code; end-to-end specs (real HTTP, real PostgreSQL) in test/.
export default defineConfig({ test: { include: ['src/**/*.spec.ts'] } });
