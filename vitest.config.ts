import { defineConfig } from 'vitest/config';

// Two projects. `npm test` runs both (unit first, then integration), as CI does; `npm run test:unit` runs only unit.
// - unit: tests that need no server (pure logic, in-process HTTP simulators, workflow replay): no global setup,
//   files in parallel. They live in the folders and files of UNIT below; a test there that asks for PostgreSQL or
//   Temporal (test/helpers/env.ts, test/helpers/stack.ts) fails at once with a message saying so.
// - integration: every other test file, with one Temporal dev server and one PostgreSQL for the whole run
//   (test/helpers/global-setup.ts); files run one at a time because two cores are shared with those servers.
// A new test goes to integration unless its folder or file is listed here: add pure ones to UNIT.
const UNIT = [
  'test/collect/**/*.test.ts',
  'test/collectors/**/*.test.ts',
  'test/ml/**/*.test.ts',
  'test/processing/**/*.test.ts',
  'test/imports/amazon-search-terms.test.ts',
  'test/imports/amazon-sp-search-terms.test.ts',
  'test/imports/amazon-sqp.test.ts',
  'test/imports/keyword-planner-csv.test.ts',
  'test/imports/rank-fit.test.ts',
  'test/api/csv-writer.test.ts',
  'test/api/read-cache-unit.test.ts',
  'test/workers/worker-config.test.ts',
  'test/workers/demand-config.test.ts',
  'test/workers/generate.test.ts',
  'test/workers/volume-source.test.ts',
  'test/workflows/validation.test.ts',
  'test/workflows/replay.test.ts',
];

export default defineConfig({
  test: {
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: UNIT, sequence: { groupOrder: 0 }, testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: UNIT,
          globalSetup: ['test/helpers/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
