// Test runner configuration: unit tests beside the code, cross-cutting suites under test/. The suites that measure
// the heap run apart, each in a fresh process (vitest.heap.config.ts): a shared process holds other files' garbage.
import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

/** Suites that assert on the retained heap of a parse or an ingest. */
export const heapSuites = ['src/vault/ingest/formats/*.test.ts', 'test/ingest/ingest-memory.test.ts'];

/** What both configurations share. */
export const sharedTestOptions: NonNullable<ViteUserConfig['test']> = {
  // A directory for what the run builds once (a migrated database, demo banks) and suites copy.
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  // Two workers on two cores: much of a suite's time is spent waiting on PostgreSQL, Chromium, SMTP and child
  // processes, so a second worker fills it (vitest's default is one fewer than the cores).
  maxWorkers: 2,
};

export default defineConfig({
  test: {
    ...sharedTestOptions,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...heapSuites],
    // Each worker runs file after file in one process: loading the platform's modules once per worker rather
    // than once per file saves about a third of the suite's CPU. No suite changes process-wide state (the
    // environment, fake timers, module mocks); each closes what it opens.
    isolate: false,
  },
});
