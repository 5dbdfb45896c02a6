// Lint: typed TypeScript rules everywhere, Temporal's workflow sandbox rules in workflows/, and the import direction
// between the top-level folders.
import tseslint from 'typescript-eslint';

// Import direction: workflows/ ← activities/ ← api/ ← workers/, and test/ on top of all of them. Each folder lists the
// folders it must not import; workflows/ may still import activity types (`import type`), which the sandbox drops.
const LAYERS = {
  workflows: { forbid: ['api', 'workers', 'test'], typesOnly: ['activities'] },
  activities: { forbid: ['api', 'workers', 'test'], typesOnly: [] },
  api: { forbid: ['workers', 'test'], typesOnly: [] },
  workers: { forbid: ['test'], typesOnly: [] },
};
// The deepest folder level below a top-level folder that holds source files (workers/dev-stack/x/y.ts would be 4).
const MAX_DEPTH = 4;

// Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O libraries.
const SANDBOX = {
  patterns: [{ group: ['node:*'], message: 'No Node built-ins in workflow code.' }],
  paths: [
    'fs',
    'path',
    'os',
    'crypto',
    'http',
    'https',
    'net',
    'child_process',
    'undici',
    'pg',
    '@mikro-orm/core',
    '@mikro-orm/postgresql',
    '@temporalio/client',
    '@temporalio/worker',
    '@temporalio/activity',
  ].map((name) => ({ name, message: 'Not allowed in the workflow sandbox.' })),
};

/**
 * One block per folder and depth: imports are relative, so from a file `depth` folders below the repository root
 * `../` repeated `depth` times reaches the root, and the next segment is the top-level folder imported.
 */
function importDirection() {
  return Object.entries(LAYERS).flatMap(([folder, { forbid, typesOnly }]) =>
    Array.from({ length: MAX_DEPTH }, (_, i) => i + 1).map((depth) => {
      const up = `^(\\.\\./){${depth}}`;
      const patterns = [
        ...forbid.map((other) => ({
          regex: `${up}${other}(/|$)`,
          message: `${folder}/ must not import ${other}/ (import direction: workflows ← activities ← api ← workers ← test).`,
        })),
        ...typesOnly.map((other) => ({
          regex: `${up}${other}(/|$)`,
          allowTypeImports: true,
          message: `${folder}/ may import only types from ${other}/ (use \`import type\`).`,
        })),
        ...(folder === 'workflows' ? SANDBOX.patterns : []),
      ];
      return {
        files: [`${folder}/${'*/'.repeat(depth - 1)}*.ts`],
        rules: {
          '@typescript-eslint/no-restricted-imports': ['error', { patterns, ...(folder === 'workflows' ? { paths: SANDBOX.paths } : {}) }],
        },
      };
    }),
  );
}

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
  ...importDirection(),
);
