import { defineConfig } from 'vitest/config';

// One Temporal dev server and one PostgreSQL for the whole run (test/helpers/global-setup.ts);
// files run one at a time because two cores are shared with those servers and the workers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
