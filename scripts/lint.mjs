// `npm run lint`: ESLint over the whole tree (eslint.config.mjs) and Prettier over FORMATTED.
// `npm run lint -- --fix` applies both tools' fixes. Exits non-zero when either finds a problem.
import { binPath, runNodeScript } from './run-tool.mjs';

/**
 * What Prettier formats. The rest of the tree is formatted by hand: Prettier, at any width, spreads
 * its compact method chains and point lists over many lines (about 1,000 lines in 56 of src/'s
 * files at width 160), so it is applied file by file as code is written anew (docs/contributing.md).
 */
export const FORMATTED = ['eslint.config.mjs', 'prettier.config.mjs', 'scripts/bindings.mjs', 'scripts/lint.mjs', 'test/package/'];

const fix = process.argv.includes('--fix');

const eslint = await runNodeScript(binPath('eslint'), ['.', ...(fix ? ['--fix'] : [])]);
const prettier = await runNodeScript(binPath('prettier'), [fix ? '--write' : '--check', ...FORMATTED]);
if (eslint.code !== 0) console.error('ESLint found problems (above).');
if (prettier.code !== 0) console.error(`Prettier: run \`npm run lint -- --fix\` to format ${FORMATTED.join(', ')}.`);
process.exit(eslint.code !== 0 || prettier.code !== 0 ? 1 : 0);
