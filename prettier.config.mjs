// Prettier, matched to the hand-written style (single quotes, long lines). Its scope is
// FORMATTED in scripts/lint.mjs (and .prettierignore, for editors): see docs/contributing.md.
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  printWidth: 140,
  trailingComma: 'all',
  arrowParens: 'always',
};
