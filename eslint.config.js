// Lint: typed TypeScript rules everywhere, plus Temporal's workflow sandbox rules in workflows/.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // api/dashboard/assets/: plain browser scripts served as they are (no types, no build)
  { ignores: ['node_modules/**', '.data/**', 'dist/**', 'test/histories/**', 'eslint.config.js', 'api/dashboard/assets/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O libraries,
    // and activities only as types (the worker bundles workflows/ on its own).
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'No Node built-ins in workflow code.' },
            { group: ['../activities/*', '../activities'], allowTypeImports: true, message: 'Import activity types only.' },
          ],
          paths: ['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'undici', 'pg',
            '@mikro-orm/core', '@mikro-orm/postgresql', '@temporalio/client', '@temporalio/worker', '@temporalio/activity']
            .map((name) => ({ name, message: 'Not allowed in the workflow sandbox.' })),
        },
      ],
    },
  },
);
