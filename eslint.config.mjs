import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'dist/**',
      'drizzle/**',
      '.data/**',
      'node_modules/**',
      'next-env.d.ts',
      'packages/sdk/src/generated/**',
      'packages/*/dist/**',
      'e2e/artifacts/**',
      'playwright-report/**',
      'test-results/**',
      '.scratch/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // One import statement per module: a value and a type from it share one, with inline `type`.
    files: ['**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    rules: {
      'import/no-duplicates': ['error', { 'prefer-inline': true }],
    },
  },
  {
    // The database and domain layers serve the API and HTTP layers, never the other way round.
    // Paths are resolved, so the `@/` alias and relative paths are caught alike. Tests may
    // drive the whole stack.
    files: ['src/server/db/**', 'src/server/domain/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: ['src/server/db', 'src/server/domain'].map((target) => ({
            target,
            from: ['src/server/api', 'src/server/http'],
            message: 'Database and domain code must not import the API or HTTP layers.',
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE is never what a repository means.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['tx', 'db'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['tx', 'db'] }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // A form sent before the page's scripts run (a slow network, blocked scripts) goes out as
    // the browser sends it: a GET would put its fields, passwords included, in the URL, the
    // history and the server's log. Every form posts.
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'JSXOpeningElement[name.name="form"]:not(:has(JSXAttribute[name.name="method"][value.value="post"]))',
          message: 'Give every <form> method="post", so its fields never go into a URL.',
        },
      ],
    },
  },
  {
    // Browser code may use the server's types, never its modules.
    files: [
      'src/features/**',
      'src/components/**',
      'src/trpc/react.tsx',
      'src/lib/**',
      'src/schemas/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/server/*', '@/server/**'],
              allowTypeImports: true,
              message: 'Client code must not import server modules.',
            },
          ],
        },
      ],
    },
  },
);
