// Test runner configuration: unit tests beside the code, cross-cutting suites under test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A directory for what the run builds once (a migrated database, demo banks) and suites copy.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on two cores: much of a suite's time is spent waiting on PostgreSQL, Chromium, SMTP and child
    // processes, so a second worker fills it (vitest's default is one fewer than the cores).
    maxWorkers: 2,
  },
});
