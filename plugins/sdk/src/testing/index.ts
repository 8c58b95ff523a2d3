/** `@loom/plugin-sdk/testing`: run a plugin's hooks, routes and jobs in a spec without a server. */
export { createTestContext, type TestContext, type TestContextOptions } from './create-test-context.js';
export { matchFilter } from './match-filter.js';
