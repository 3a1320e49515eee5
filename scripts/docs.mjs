// `npm run docs`: the docs site in docs-site/ (guides, recipes, API pages from
// custom-elements.json; see scripts/docs/site.mjs) with Storybook built into docs-site/storybook/.
//   --out DIR        another output folder
//   --no-storybook   the pages only (seconds instead of minutes)
// Fails on a broken link or #anchor between pages.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from './docs/site.mjs';
import { binPath, runNodeScript } from './run-tool.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = resolve(outAt >= 0 ? args[outAt + 1] : join(root, 'docs-site'));
const withStorybook = !args.includes('--no-storybook');
const started = Date.now();

const { pages, broken } = await buildSite({ root, outDir, storybook: withStorybook });
if (broken.length > 0) {
  console.error(`docs: ${broken.length} broken link(s):\n${broken.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
console.log(`docs: ${pages.length} pages in ${outDir}`);

if (withStorybook) {
  const { code } = await runNodeScript(binPath('storybook'), ['build', '-o', join(outDir, 'storybook'), '--quiet'], {
    env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  if (code !== 0) {
    console.error('docs: the Storybook build failed (output above)');
    process.exit(code);
  }
  console.log('docs: Storybook in storybook/');
}
console.log(`docs: built in ${((Date.now() - started) / 1000).toFixed(1)} s; open ${join(outDir, 'index.html')}`);
