// ESLint 9 flat config. Type-aware rules for the TypeScript (through the project's tsconfig.json),
// the React hooks rules for the renderer. Formatting is Prettier's job (.prettierrc.json), so no
// stylistic rules here. Run with `npm run lint`, which also checks formatting and import cycles.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      '.data/',
      '.tmp/',
      'test-results/',
      'playwright-report/',
      'tests/e2e/screenshots/',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // Some files already carry no-explicit-any directives for a stricter rule set to come; not noise now.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // A promise nobody awaits loses its error, and in sync code a write: await it, or mark a
      // deliberate fire-and-forget with `void` and say why.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a plain callback is expected (an event handler, forEach) runs
      // unawaited, its rejection unhandled.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A new code, state or message kind must be handled wherever its union is switched on.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // A missing dependency is a stale value on screen: an error, not a warning that scrolls by.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
