// Markdown → HTML for the docs site: GitHub's heading ids (so `page.md#heading` links keep
// working), and links between Markdown files rewritten to the pages they become.
import { Marked } from 'marked';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The plain text of rendered inline HTML. */
const plainText = (html) => html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text) {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The page a Markdown link points at: `x.md` → `x.html`, `README.md` and folders → `index.html`. */
export function pageHref(href) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) return href;
  const hashAt = href.indexOf('#');
  const path = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const hash = hashAt >= 0 ? href.slice(hashAt) : '';
  const page = path.endsWith('/') ? `${path}index.html` : path.replace(/(^|\/)README\.md$/, '$1index.html').replace(/\.md$/, '.html');
  return page + hash;
}

/** Renders one page; returns its HTML, its first heading (the title) and the ids of its headings. */
export function renderMarkdown(source) {
  const ids = new Map();
  let title = '';
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const text = plainText(inner);
        if (!title) title = text;
        const base = slug(text);
        const seen = ids.get(base) ?? 0;
        ids.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen}`;
        return `<h${depth} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true">#</a>${inner}</h${depth}>\n`;
      },
      link({ href, title: linkTitle, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const titleAttribute = linkTitle ? ` title="${linkTitle.replace(/"/g, '&quot;')}"` : '';
        return `<a href="${pageHref(href).replace(/"/g, '%22')}"${titleAttribute}>${inner}</a>`;
      },
    },
  });
  const html = marked.parse(source);
  const anchors = new Set();
  for (const [base, count] of ids) for (let index = 0; index < count; index++) anchors.add(index === 0 ? base : `${base}-${index}`);
  return { html, title, anchors };
}
