/** The Loom server a browser test talks to. */
export interface E2eServer {
  url: string;
  adminEmail: string;
  adminPassword: string;
  stop(): Promise<void>;
}

/**
 * The server named by LOOM_E2E_URL / LOOM_E2E_ADMIN_EMAIL / LOOM_E2E_ADMIN_PASSWORD when a harness
 * set them; otherwise one started with the repository's scripts/test-server.mjs (which needs
 * server/dist and serves web/dist), stopped again by stop().
 */
export async function e2eServer(): Promise<E2eServer> {
  const { LOOM_E2E_URL: url, LOOM_E2E_ADMIN_EMAIL: adminEmail, LOOM_E2E_ADMIN_PASSWORD: adminPassword } = process.env;
  if (url && adminEmail && adminPassword) {
    return { url: url.replace(/\/$/, ''), adminEmail, adminPassword, stop: async () => undefined };
  }
  // Loaded only here: with the env vars set, the harness (and its pg dependency) is not needed.
  const harness = new URL('../../scripts/test-server.mjs', import.meta.url).href;
  const { startTestServer } = (await import(/* @vite-ignore */ harness)) as {
    startTestServer: () => Promise<E2eServer>;
  };
  const server = await startTestServer();
  return { url: server.url, adminEmail: server.adminEmail, adminPassword: server.adminPassword, stop: () => server.stop() };
}
