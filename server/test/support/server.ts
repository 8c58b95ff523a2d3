// Typed entry to the shared test-server script (also used by the web e2e tests).
// @ts-expect-error plain ESM script without types
import * as harness from '../../../scripts/test-server.mjs';

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  embedded: boolean;
  database: { name: string; url: string } | null;
  adminEmail: string;
  adminPassword: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  embedded?: boolean;
  database?: { url: string };
  dataDir?: string;
}

export const startTestServer: (options?: StartOptions) => Promise<TestServer> = harness.startTestServer;
export const createTestDatabase: () => Promise<{ name: string; url: string; drop(): Promise<void> }> = harness.createTestDatabase;
export const freePort: () => Promise<number> = harness.freePort;
