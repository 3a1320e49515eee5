// ESLint (flat config): typescript-eslint's recommended rules (without type information, so a lint
// run stays seconds, not minutes), eslint-plugin-lit for templates, eslint-plugin-wc for custom
// element rules. `npm run lint` runs it with Prettier (scripts/lint.mjs); `npm test` runs both.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'storybook-static/', 'coverage/', 'bench/out/', 'tmp/', 'custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'bench/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'bench/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
    rules: {
      // `_name` marks a parameter a signature needs and a value left out of a rest copy on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Context objects with getters over `this` (surface, text editing, test harness) name it once.
      '@typescript-eslint/no-this-alias': 'off',
      // A closure may read a binding that is assigned once after it (set up in two steps).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/*.mjs', 'test/server/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
