import path from 'node:path';
import { defineConfig } from 'vitest/config';

const integration = ['src/**/*.int.test.ts'];

if (!process.env.DATABASE_URL && !process.env.CLIENTELE_TEST_NOTE) {
  process.env.CLIENTELE_TEST_NOTE = 'shown';
  console.info('DATABASE_URL is not set: integration suites run on PGlite only.');
}

export default defineConfig({
  resolve: {
    alias: [
      // The SDK's sources, as the package would be imported from outside.
      {
        find: /^@clientele\/sdk$/,
        replacement: path.resolve(import.meta.dirname, 'packages/sdk/src/index.ts'),
      },
      {
        find: /^@clientele\/sdk\/(.*)$/,
        replacement: path.resolve(import.meta.dirname, 'packages/sdk/src/$1.ts'),
      },
      { find: '@', replacement: path.resolve(import.meta.dirname, 'src') },
    ],
  },
  test: {
    // Hang guards, not speed limits (those live in the bench): on a loaded 2-core machine a
    // test that starts processes or databases can take minutes and still be right.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for what must happen (a delivery, a change heard); its default of one
    // second fails a right test on such a machine.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'deploy/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: integration,
        },
      },
      {
        extends: true,
        test: { name: 'pglite', include: integration, env: { TEST_DRIVER: 'pglite' } },
      },
      // Real PostgreSQL when DATABASE_URL is set: one fresh database for the whole run.
      ...(process.env.DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: integration,
                env: { TEST_DRIVER: 'postgres' },
                globalSetup: ['src/test/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
