import { configDefaults, defineConfig } from 'vitest/config';

// One JSON report per store, read by .ci/run for its closing "N passed, N failed" line.
const store = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';

/**
 * The four 10,000-payload fuzz files load both cores for minutes. Run beside the rest they
 * starved whatever shared the machine with them (a browser test, a startup timed against
 * 30 s), a different victim each run; so they run after the rest, among themselves.
 */
const fuzzFiles = ['test/reliability/fuzz*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/setup/globalSetup.ts'],
    setupFiles: ['test/setup/failOnConsoleError.ts'],
    pool: 'forks',
    // Three forks on a 2-core machine (Vitest's default there is one): most files wait on
    // loopback, timers and the database. Measured on the CI machine: 14 min with one fork, 8 min with three.
    maxWorkers: 3,
    // Many tests start a real database or process: alone they take seconds, beside two other
    // forks on two cores several times that (30 s was crossed by embedded cold starts).
    testTimeout: 90_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: `test-results/vitest-${store}.json` }]],
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...fuzzFiles], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'fuzz', include: fuzzFiles, sequence: { groupOrder: 1 } } },
    ],
  },
});
