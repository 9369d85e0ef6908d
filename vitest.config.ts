import { defineConfig } from 'vitest/config';

// One runner, four kinds of tests. Integration and e2e tests start real processes
// (socat ptys, simulators, Chromium), so they run with fewer workers.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } } },
      {
        // Property tests (test/fuzz/campaign.ts): a few thousand inputs each in `npm test`, FUZZ_RUNS
        // (200,000 by default) in `npm run fuzz`, where a run may take hours instead of seconds.
        test: {
          name: 'fuzz',
          include: ['test/fuzz/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
          testTimeout: process.env.npm_lifecycle_event === 'fuzz' || process.env.FUZZ_RUNS ? 24 * 3_600_000 : 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
      { test: { name: 'electron', include: ['test/electron/**/*.test.ts'], testTimeout: 60_000, sequence: { groupOrder: 3 } } },
    ],
  },
});
