// The docs site: the guides in docs/, the README, the recipes and the example's README rendered
// to HTML, an API page per element from custom-elements.json, one stylesheet, no scripts. Every
// relative link and #anchor between pages is checked; a broken one fails the build.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { apiMarkdown, manifestElements, MEDIA_ELEMENTS } from './api-pages.mjs';
import { pageHref, renderMarkdown } from './markdown.mjs';

const GUIDES = [
  ['README.md', 'Overview'],
  ['docs/embedding.md', 'Embedding'],
  ['docs/events.md', 'Events'],
  ['docs/format.md', 'Format'],
  ['docs/review.md', 'Review'],
  ['docs/assisted-labeling.md', 'Assisted labeling'],
  ['docs/security.md', 'Security'],
  ['docs/bundlers.md', 'Bundlers'],
  ['docs/frameworks.md', 'Frameworks'],
  ['docs/contributing.md', 'Contributing'],
  ['docs/architecture.md', 'Architecture'],
  ['docs/benchmarks.md', 'Benchmarks'],
  ['docs/ontology-decisions.md', 'Ontology decisions'],
];
const RECIPE_ORDER = ['plain-html', 'react', 'vue', 'angular'];
const STYLESHEET = 'assets/site.css';
const STORYBOOK = 'storybook/index.html';

const escapeHtml = (text) => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);
const mdFiles = async (root, folder) => (await readdir(join(root, folder)).catch(() => [])).filter((name) => name.endsWith('.md')).sort();

/** Every page: its source path (as a repository-relative .md path), nav section and title, Markdown. */
async function collectPages(root) {
  const pages = [];
  const add = async (path, section, navTitle, markdown) => pages.push({ path, section, navTitle, markdown: markdown ?? (await readFile(join(root, path), 'utf8')) });
  for (const [path, title] of GUIDES) await add(path, 'Guide', title);

  const guides = (await mdFiles(root, 'docs/elements')).map((name) => name.replace(/\.md$/, ''));
  const elementOrder = (tag) => (MEDIA_ELEMENTS.includes(tag) ? MEDIA_ELEMENTS.indexOf(tag) : MEDIA_ELEMENTS.length);
  guides.sort((a, b) => elementOrder(a) - elementOrder(b) || a.localeCompare(b));
  const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
  const elements = manifestElements(manifest);
  await add(
    'docs/elements/README.md',
    'Elements',
    'All elements',
    ['# Elements', '', ...guides.map((tag) => `- [\`<${tag}>\`](${tag}.md) · [API](../api/${tag}.md)`), '', 'Panels: [API pages](../api/README.md).', ''].join('\n'),
  );
  for (const tag of guides) {
    const source = await readFile(join(root, 'docs/elements', `${tag}.md`), 'utf8');
    const hasApi = elements.some((element) => element.tagName === tag);
    // The guide links to its generated API page right under its title.
    const withApiLink = hasApi ? source.replace(/^(# .*\n)/, `$1\nAPI reference: [\`<${tag}>\` API](../api/${tag}.md)\n`) : source;
    await add(`docs/elements/${tag}.md`, 'Elements', `<${tag}>`, withApiLink);
  }

  await add(
    'docs/api/README.md',
    'API',
    'All elements',
    ['# API reference', '', 'Generated from `custom-elements.json`.', '', ...elements.map((element) => `- [\`<${element.tagName}>\`](${element.tagName}.md): ${element.summary ?? ''}`), ''].join('\n'),
  );
  for (const element of elements) {
    const guide = guides.includes(element.tagName) ? `../elements/${element.tagName}.md` : undefined;
    await add(`docs/api/${element.tagName}.md`, 'API', `<${element.tagName}>`, apiMarkdown(element, { guide }));
  }

  const recipes = (await mdFiles(root, 'docs/recipes')).map((name) => name.replace(/\.md$/, ''));
  recipes.sort((a, b) => (RECIPE_ORDER.indexOf(a) + 1 || 99) - (RECIPE_ORDER.indexOf(b) + 1 || 99));
  for (const recipe of recipes) await add(`docs/recipes/${recipe}.md`, 'Recipes', null);
  await add('examples/host-app/README.md', 'Example', 'Example host app');
  return pages;
}

function layout({ page, title, body, nav, outPath }) {
  const up = posix.relative(posix.dirname(outPath), '.') || '.';
  const link = (target) => posix.relative(posix.dirname(outPath), target) || posix.basename(target);
  const sections = new Map();
  for (const item of nav) sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  const navHtml = [...sections]
    .map(
      ([section, items]) =>
        `<h2>${escapeHtml(section)}</h2><ul>${items
          .map((item) => `<li><a href="${link(item.outPath)}"${item.outPath === outPath ? ' aria-current="page"' : ''}>${escapeHtml(item.title)}</a></li>`)
          .join('')}</ul>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:">
<title>${escapeHtml(title)} · labelkit</title>
<link rel="stylesheet" href="${up}/${STYLESHEET}">
</head>
<body>
<nav class="site-nav" aria-label="Documentation"><a class="home" href="${link('index.html')}">labelkit</a>
${navHtml}
</nav>
<main class="doc" data-source="${escapeHtml(page.path)}">
${body}
</main>
</body>
</html>
`;
}

/** The broken links of the site: `page → href` for each relative link whose page or #anchor is missing. */
export function brokenLinks(rendered, extraFiles = new Set()) {
  const byPath = new Map(rendered.map((page) => [page.outPath, page]));
  const broken = [];
  for (const page of rendered) {
    for (const [, href] of page.html.matchAll(/href="([^"]+)"/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const [path, hash] = href.split('#');
      const target = path ? posix.normalize(posix.join(posix.dirname(page.outPath), path)) : page.outPath;
      if (extraFiles.has(target)) continue;
      const targetPage = byPath.get(target);
      if (!targetPage) broken.push(`${page.source} → ${href} (no such page)`);
      else if (hash && !targetPage.anchors.has(decodeURIComponent(hash))) broken.push(`${page.source} → ${href} (no such heading)`);
    }
  }
  return broken;
}

/**
 * Renders the site into `outDir` (emptied first). `storybook`: whether a Storybook build sits
 * in `outDir/storybook/` (it is linked from the nav then). Returns the pages and broken links.
 */
export async function buildSite({ root, outDir, storybook }) {
  const pages = await collectPages(root);
  const nav = pages.map((page) => ({ section: page.section, title: page.navTitle ?? renderMarkdown(page.markdown).title, outPath: pageHref(page.path) }));
  if (storybook) nav.push({ section: 'Storybook', title: 'Live stories', outPath: STORYBOOK });
  const rendered = pages.map((page) => {
    const outPath = pageHref(page.path);
    const { html, title, anchors } = renderMarkdown(page.markdown);
    return { source: page.path, outPath, anchors, title, html: layout({ page, title, body: html, nav, outPath }) };
  });
  const broken = brokenLinks(rendered, new Set([STYLESHEET, ...(storybook ? [STORYBOOK] : [])]));

  await rm(outDir, { recursive: true, force: true });
  for (const page of rendered) {
    await mkdir(dirname(join(outDir, page.outPath)), { recursive: true });
    await writeFile(join(outDir, page.outPath), page.html);
  }
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await writeFile(join(outDir, STYLESHEET), await readFile(new URL('./site.css', import.meta.url), 'utf8'));
  return { pages: rendered, broken };
}
