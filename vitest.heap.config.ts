// The heap-measuring suites, each file in a process of its own (`npm run test:unit` runs them after the rest).
import { defineConfig } from 'vitest/config';
import { heapSuites, sharedTestOptions } from './vitest.config.ts';

export default defineConfig({
  test: { ...sharedTestOptions, include: heapSuites, isolate: true },
});
