import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// The version the bundles get from esbuild (electron/host/app/version.ts), for code under test too.
const { version } = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const define = { __READERDESK_VERSION__: JSON.stringify(version) };
// Tests that run the CLI run its bundle (dist-cli/), built once before them when out of date.
const globalSetup = ['test/helpers/cliBundleSetup.ts'];

// One runner, four kinds of tests. Integration and e2e tests start real processes
// (socat ptys, simulators, Chromium), so they run with fewer workers.
// Fast: `unit` (with the lint, `npm run test:fast`). Slow: `integration`, `e2e`, `electron`.
export default defineConfig({
  test: {
    projects: [
      { define, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } } },
      {
        define,
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
        define,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts'],
          globalSetup,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        define,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.test.ts'],
          globalSetup,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
      { define, test: { name: 'electron', include: ['test/electron/**/*.test.ts'], testTimeout: 60_000, sequence: { groupOrder: 3 } } },
    ],
  },
});
