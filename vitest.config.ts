import { defineConfig } from 'vitest/config';

// One JSON report per store, read by .ci/run for its closing "N passed, N failed" line.
const store = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/globalSetup.ts'],
    setupFiles: ['test/setup/failOnConsoleError.ts'],
    pool: 'forks',
    // Three forks on a 2-core machine (Vitest's default there is one): most files wait on
    // loopback, timers and the database, and the four 10,000-payload fuzz files are long.
    // Measured on the CI machine: 14 min with one fork, 8 min with three.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: `test-results/vitest-${store}.json` }]],
  },
});
