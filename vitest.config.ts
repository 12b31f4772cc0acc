import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker, so the integration files, which mostly
    // wait on PostgreSQL and sockets, ran one at a time. Two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Unit tests hold no process state of their own (no servers, no env or zone changes:
          // a zone is passed, never set on process.env), so they share worker threads and their
          // module cache: the suite took 80 s in isolated forks and 22 s like this.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/helpers/integration-global-setup.ts'],
          // Each test makes its own database, kiosks and service; none mocks a module, stubs a
          // global or changes the environment. So the files of one fork share its module cache
          // instead of importing the whole core again per file (import time was 271 s of a 388 s
          // run; the integration files take 182 s like this).
          isolate: false,
        },
      },
    ],
  },
});
