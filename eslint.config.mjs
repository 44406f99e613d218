import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'dist/**',
      'drizzle/**',
      '.data/**',
      'node_modules/**',
      'next-env.d.ts',
      'src/sdk/schema.d.ts',
      'e2e/artifacts/**',
      'playwright-report/**',
      'test-results/**',
      '.scratch/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
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
