// ESLint flat config: typescript-eslint's recommended rules, plus the rules that keep the layers
// (see CONTRIBUTING.md, "Layout"). `npm run lint` runs it; CI runs it before the tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const VSCODE_MESSAGE = 'src/core, src/emulator and src/cli are plain Node: they never import vscode or src/vscode (the CLI and the unit tests reuse them without VS Code).';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-artifacts/**', 'test/fixtures/**', 'bench/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/emulator/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: VSCODE_MESSAGE }],
          patterns: [{ group: ['**/vscode/**', '**/vscode', '**/extension'], message: VSCODE_MESSAGE }],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: VSCODE_MESSAGE }],
          patterns: [
            { group: ['**/vscode/**', '**/vscode', '**/extension'], message: VSCODE_MESSAGE },
            { group: ['**/emulator/**', '**/cli/**'], message: 'src/core is the bottom layer: the emulator and the CLI build on it, not the other way round.' },
          ],
        },
      ],
    },
  },
  {
    // activate() stays small: the features bundle is loaded on first use through lazyFeatures.ts.
    files: ['src/extension.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'axios', message: 'axios belongs to the lazily loaded features, never to activation.' }],
          patterns: [
            {
              group: ['./vscode/features', './vscode/features/**', './vscode/settingsChunk', './core/momo/**', './core/doctor/**', './core/settings/**'],
              allowTypeImports: true,
              message: 'src/extension.ts must not load the lazily loaded features; go through src/vscode/lazyFeatures.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The bench and the test runners load built bundles and stubs at run time, by path.
    files: ['bench/**/*.ts', 'test/runners/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A stand-in for the whole vscode module: its shapes are whatever the extension passes.
    files: ['bench/activation/vscodeStub.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: globals.node,
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
