import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', '**/.turbo/**', '**/dist/**', '.data/**', 'packages/db/src/generated/**', '**/next-env.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    // Workflow code is replayed deterministically by Temporal: no I/O, clocks or Node built-ins.
    // Its tests sit beside it and drive it from outside, so the rule is not theirs.
    files: ['apps/worker/src/workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process'], message: 'Workflow code must be deterministic: do I/O in an activity.' },
            { group: ['@cascade/db', '@cascade/logger', '@temporalio/activity', '@temporalio/worker', '@temporalio/client'], message: 'Workflow code may import only @temporalio/workflow and pure packages.' },
          ],
        },
      ],
      // Types cost nothing at run time; values from these main entries would load zod and the validator.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@cascade/workflow', '@cascade/temporal'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Import @cascade/workflow/runtime or @cascade/temporal/interpreter-contract: every run evaluates the bundle anew, so it must stay small.',
          })),
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }],
    },
  },
);
