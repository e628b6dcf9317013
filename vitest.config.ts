import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // An unexpected console.error or console.warn fails the test (test/setup/console.ts).
          setupFiles: ['test/setup/console.ts'],
          // Exhaustive explorations run beside the browser tests on a 2-core machine: time budgets
          // live in the benchmark, so a slow moment here must not fail a correct test.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
