// Lint rules checked by `npm test`: correctness from typescript-eslint, braces on every block,
// and the boundaries between the extension's parts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The language service knows nothing of VS Code or of the LSP transport; only server.ts and cli.ts wire it. */
const pureService = {
  paths: [
    { name: 'vscode', message: 'The language service is transport-free: no VS Code API here.' },
    { name: 'vscode-languageserver', message: 'Only server.ts talks LSP.' },
    { name: 'vscode-languageserver/node', message: 'Only server.ts talks LSP.' },
  ],
  patterns: [{ group: ['**/client/**'], message: 'The server does not depend on the client.' }],
};

/** The client shares only the protocol with the server. */
const thinClient = {
  patterns: [
    {
      regex: '^(\\.\\./)+server/src/(?!protocol$)',
      message: 'The client reaches the server through the protocol (server/src/protocol) only.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['server/src/knowledge/schemaTypes/**', 'dist/**', 'node_modules/**', '.e2e/**', '.vscode-test/**', 'media/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/server.ts', 'server/src/cli.ts'],
    rules: { 'no-restricted-imports': ['error', pureService] },
  },
  { files: ['client/src/**/*.ts'], rules: { 'no-restricted-imports': ['error', thinClient] } },
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The e2e script's page callbacks run in the browser.
  { files: ['scripts/e2e.mjs'], languageOptions: { globals: globals.browser } },
);
