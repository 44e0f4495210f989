import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import solid from 'vite-plugin-solid'

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one, on a 2-core machine, which ran the 169 files
    // one after another (651 s of tests, 831 s in all; 607 s with two). The projects below that run one file
    // at a time (PostgreSQL, browsers) form one sequential group after the others, whatever this says.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/web/**', 'tests/e2e/**', 'tests/pg/**'],
          // A guard against a hung test, not a measure (speed is measured in bench/): the worker-parsed
          // imports and the property tests take 5–10 s when the two cores are shared with other work.
          testTimeout: 30_000,
        },
      },
      {
        // On a throwaway PostgreSQL cluster the run starts (tests/pg/global-setup.ts): never skipped.
        test: {
          name: 'pg',
          environment: 'node',
          include: ['tests/pg/**/*.test.ts'],
          globalSetup: ['tests/pg/global-setup.ts'],
          hookTimeout: 60_000,
          // One file at a time: a follower's place is a watermark of transaction ids, which are the whole
          // cluster's, so one file's open transaction would hold back another file's boards.
          fileParallelism: false,
        },
      },
      {
        // The HTTP suite again, each test app on a PostgreSQL database of its own (STORE=pg): one code
        // path, two stores.
        test: {
          name: 'api-pg',
          environment: 'node',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/pg/global-setup.ts'],
          setupFiles: ['tests/helpers/pg-app-setup.ts'],
          env: { STORE: 'pg' },
          hookTimeout: 60_000,
          testTimeout: 30_000,
          // As the pg project: the cluster's transaction ids are shared by every database on it.
          fileParallelism: false,
        },
      },
      {
        // The organizer-to-participant browser flow again, the server on PostgreSQL.
        test: {
          name: 'e2e-pg',
          environment: 'node',
          include: ['tests/e2e/contest-flow.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts', 'tests/pg/global-setup.ts'],
          env: { STORE: 'pg' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // What the page shows after a server round trip (an import parsed in a worker, a board that follows
          // the change log) may take seconds on a busy machine: polls wait for it as long as a locator does.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
      {
        plugins: [solid()],
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['tests/web/**/*.test.{ts,tsx}'],
        },
        resolve: { conditions: ['development', 'browser'] },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // What the page shows after a server round trip (an import parsed in a worker, a board that follows
          // the change log) may take seconds on a busy machine: polls wait for it as long as a locator does.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
