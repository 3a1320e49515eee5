// The docs site (npm run docs) without Storybook: it builds, every link and #anchor between its
// pages resolves, and every element's API page lists what custom-elements.json declares.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { manifestElements } from './docs/api-pages.mjs';
import { brokenLinks, buildSite } from './docs/site.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'labelkit-docs-'));
after(() => rmSync(outDir, { recursive: true, force: true }));

const site = await buildSite({ root, outDir, storybook: false });
const pageAt = (path) => readFileSync(join(outDir, path), 'utf8');

test('every relative link and #anchor between the pages resolves', () => {
  assert.deepEqual(site.broken, []);
});

test('the link check finds a missing page and a missing heading', () => {
  const page = (outPath, html, anchors = []) => ({ source: outPath, outPath, html, anchors: new Set(anchors) });
  const pages = [page('a.html', '<a href="b.html#there">x</a> <a href="c.html">y</a> <a href="b.html#gone">z</a> <a href="https://x.example/">w</a>'), page('b.html', '', ['there'])];
  assert.deepEqual(brokenLinks(pages), ['a.html → c.html (no such page)', 'a.html → b.html#gone (no such heading)']);
});

test('each element has an API page with every attribute, public property and event of the manifest', () => {
  const elements = manifestElements(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')));
  assert.ok(elements.length >= 5);
  for (const element of elements) {
    const html = pageAt(`docs/api/${element.tagName}.html`);
    const names = [
      ...(element.attributes ?? []).map((attribute) => attribute.name),
      ...(element.members ?? []).filter((member) => member.kind === 'field' && !member.privacy && !member.static).map((member) => member.name),
      ...(element.events ?? []).map((event) => event.name).filter(Boolean),
      ...(element.cssParts ?? []).map((part) => part.name),
      ...(element.cssProperties ?? []).map((property) => property.name),
    ];
    for (const name of names) assert.ok(html.includes(`<code>${name}</code>`), `${element.tagName}: ${name} is on its API page`);
  }
});

test('the site has the guides, a guide and API page per element, the recipes and the example', () => {
  const index = pageAt('index.html');
  for (const path of ['docs/embedding.html', 'docs/events.html', 'docs/format.html', 'docs/security.html', 'docs/elements/lk-image.html', 'docs/api/lk-image.html']) {
    assert.ok(index.includes(`href="${path}"`), `the nav links ${path}`);
  }
  for (const recipe of ['plain-html', 'react', 'vue', 'angular']) assert.ok(index.includes(`href="docs/recipes/${recipe}.html"`), `recipe ${recipe}`);
  assert.ok(index.includes('href="examples/host-app/index.html"'));
  assert.match(pageAt('docs/elements/lk-pdf.html'), /href="..\/api\/lk-pdf.html"/, 'an element guide links its API page');
  assert.doesNotMatch(index, /<script/i, 'the site runs no script');
});
