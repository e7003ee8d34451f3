import { defineConfig } from 'vitest/config';

const serverTests = ['apps/server/src/**/*.test.ts'];

/**
 * Pure tests run once; everything that touches a database runs on embedded PGlite and, when
 * TEST_DATABASE_URL points at a PostgreSQL server, the same files run again there.
 */
const projects = [
  {
    test: {
      name: 'unit',
      include: ['packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    },
  },
  {
    test: {
      name: 'server:pglite',
      include: serverTests,
      env: { YUNCE_TEST_DB: 'pglite' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
];

if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: 'server:postgres',
      include: serverTests,
      env: { YUNCE_TEST_DB: 'postgres' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}

export default defineConfig({
  test: {
    projects,
    pool: 'forks',
  },
});
