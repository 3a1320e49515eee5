/**
 * Annotations stay on their text at any zoom, page rotation and device pixel ratio: exported
 * rects are checked against where pdf.js itself says the text is (its text content and the page
 * viewport at scale 1), which does not depend on the screen.
 */
import { expect } from '@open-wc/testing';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { PageViewport } from 'pdfjs-dist';
import type { PdfRect } from '../../src/core/model.js';
import { openPdf } from '../../src/media/pdf/pdf-document.js';
import { resetMouse } from './helpers.js';
import { dragOver, expectClose, inkIn, mount, PDF, ROTATED, screenRect, setDeviceScaleFactor, textLayer, toolsOf } from './pdf-helpers.js';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';

const GOOGLE_DOC = `${PDF}/google-doc-document.pdf`;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A text item as pdf.js places it on the page as shown (rotation applied, scale 1). */
interface PlacedText {
  text: string;
  box: Box;
  fontSize: number;
  /** The text runs along y on screen (a page rotated 90° or 270°). */
  vertical: boolean;
}

async function pdfjsText(url: string, pageIndex: number): Promise<PlacedText[]> {
  const data = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const doc = await openPdf({ kind: 'whole', data }, { signal: new AbortController().signal });
  try {
    const page = await doc.page(pageIndex);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    return content.items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '').map((item) => place(item, viewport));
  } finally {
    await doc.destroy();
  }
}

/** The item's glyph band (descent 0.2 to ascent 0.8 of the font size) mapped into the viewport. */
function place(item: TextItem, viewport: PageViewport): PlacedText {
  const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
  const fontSize = Math.hypot(c, d);
  const along = [a / Math.hypot(a, b), b / Math.hypot(a, b)] as const;
  const across = [c / fontSize, d / fontSize] as const;
  const corners = [
    [0, -0.2],
    [item.width, -0.2],
    [0, 0.8],
    [item.width, 0.8],
  ].map(([s, t]) => viewport.convertToViewportPoint(e + along[0] * s! + across[0] * t! * fontSize, f + along[1] * s! + across[1] * t! * fontSize) as [number, number]);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const box = { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
  return { text: item.str, box, fontSize, vertical: box.y2 - box.y1 > box.x2 - box.x1 };
}

function union(rects: readonly PdfRect[]): Box {
  return { x1: Math.min(...rects.map((r) => r.x1)), y1: Math.min(...rects.map((r) => r.y1)), x2: Math.max(...rects.map((r) => r.x2)), y2: Math.max(...rects.map((r) => r.y2)) };
}

/** The text-layer span showing `text` on `page`, scrolled into the middle of the view. */
async function spanShowing(element: LkPdf, page: number, text: string): Promise<HTMLElement> {
  const found = [...textLayer(element, page).querySelectorAll<HTMLElement>('span')].find((span) => span.childElementCount === 0 && span.textContent === text);
  if (!found) throw new Error(`no span "${text}" on page ${page + 1}`);
  found.scrollIntoView({ block: 'center', inline: 'center' });
  await element.settled();
  expect(found.getBoundingClientRect().bottom, 'the span is in the window').to.be.lessThan(window.innerHeight);
  return found;
}

async function openAt(url: string, zoom: string, deviceScaleFactor: number, page = 0): Promise<LkPdf> {
  await setDeviceScaleFactor(deviceScaleFactor);
  const element = await mount(url, { zoom, height: 700 });
  element.page = page;
  await element.settled();
  return element;
}

describe('<lk-pdf> annotations on their text at any zoom, rotation and pixel ratio', () => {
  afterEach(async () => {
    await resetMouse();
    document.getSelection()?.removeAllRanges();
    await setDeviceScaleFactor(1);
  });

  it('a whole line selected with the mouse exports the box pdf.js gives its text, the same at every zoom and pixel ratio', async () => {
    const line = (await pdfjsText(GOOGLE_DOC, 0)).find((item) => item.text === 'Explicit is better than implicit.')!;
    const exported: PdfRect[] = [];
    for (const [zoom, ratio] of [['50', 1], ['150', 1], ['100', 2], ['fit-width', 2]] as const) {
      const element = await openAt(GOOGLE_DOC, zoom, ratio);
      element.session.setActiveSchema('t-claim');
      await dragOver(await spanShowing(element, 0, line.text), 0, line.text.length - 1);
      const entry = toolsOf(element)[0]!.pdf!;
      expect((entry.content as { text: string }).text, `text at ${zoom}, ${ratio}×`).to.equal(line.text);
      expect(entry.position.rects, `one line run at ${zoom}, ${ratio}×`).to.have.length(1);
      const rect = entry.position.rects[0]!;
      const what = `${zoom}%, ${ratio}×`;
      expectClose(rect.x1, line.box.x1, 1.5, `left edge at ${what}`);
      expectClose(rect.x2, line.box.x2, 1.5, `right edge at ${what}`);
      // The rect spans the glyphs' band: from above the x-height to the baseline.
      const baseline = line.box.y2 - 0.2 * line.fontSize;
      expect(rect.y1, `top at ${what}`).to.be.at.most(baseline - 0.6 * line.fontSize);
      expect(rect.y2, `bottom at ${what}`).to.be.at.least(baseline - 0.05 * line.fontSize);
      expect(rect.y2 - rect.y1, `height at ${what}`).to.be.at.most(1.6 * line.fontSize);
      exported.push(rect);
      element.remove();
    }
    for (const rect of exported.slice(1)) {
      for (const key of ['x1', 'y1', 'x2', 'y2'] as const) expectClose(rect[key], exported[0]![key], 0.75, `${key} against the first zoom`);
    }
  });

  for (const page of [0, 1, 2, 3]) {
    it(`on page ${page + 1} of the rotated Arabic file (rotation ${[90, 180, 270, 0][page]}°) a selection lies on pdf.js's position of its text, at 1× and 2×`, async () => {
      const placed = (await pdfjsText(ROTATED, page)).find((item) => item.text.startsWith('habibi'))!;
      expect(placed.vertical).to.equal(page === 0 || page === 2);
      for (const ratio of [1, 2]) {
        const element = await openAt(ROTATED, '200', ratio, page);
        element.session.setActiveSchema('t-claim');
        await dragOver(await spanShowing(element, page, placed.text), 0, 'habibi'.length - 1);
        const entry = toolsOf(element)[0]!.pdf!;
        expect((entry.content as { text: string }).text.trim(), 'the selected text').to.equal('habibi');
        const box = union(entry.position.rects);
        const alongTolerance = 1.5;
        const acrossTolerance = 0.3 * placed.fontSize;
        const [alongX, acrossX] = placed.vertical ? [acrossTolerance, alongTolerance] : [alongTolerance, acrossTolerance];
        const what = `page ${page + 1} at ${ratio}×: ${JSON.stringify(box)} in ${JSON.stringify(placed.box)}`;
        expect(box.x1, what).to.be.at.least(placed.box.x1 - alongX);
        expect(box.x2, what).to.be.at.most(placed.box.x2 + alongX);
        expect(box.y1, what).to.be.at.least(placed.box.y1 - acrossX);
        expect(box.y2, what).to.be.at.most(placed.box.y2 + acrossX);
        // It covers the glyph band across the line, and "habibi" (6 of the item's 13 characters) along it.
        const across = placed.vertical ? box.x2 - box.x1 : box.y2 - box.y1;
        const along = placed.vertical ? box.y2 - box.y1 : box.x2 - box.x1;
        expect(across, what).to.be.at.least(0.6 * placed.fontSize);
        expect(along, what).to.be.at.least(0.35 * (placed.vertical ? placed.box.y2 - placed.box.y1 : placed.box.x2 - placed.box.x1));
        for (const rect of entry.position.rects) expect(inkIn(element, page, screenRect(element, page, rect)), `ink under the highlight, ${what}`).to.be.greaterThan(0.02);
        element.remove();
      }
    });
  }

  it('pre-labels placed from pdf.js positions are drawn over their text at any zoom, rotation and pixel ratio', async () => {
    const pages = [0, 1, 2, 3];
    const placed = await Promise.all(pages.map(async (page) => (await pdfjsText(ROTATED, page)).find((item) => item.text.startsWith('habibi'))!));
    const tools = placed.map((item, page) => {
      const size = page === 0 || page === 2 ? { width: 841.89, height: 595.28 } : { width: 595.28, height: 841.89 };
      const rect = { ...item.box, ...size, pageNumber: page + 1 };
      return { objectId: `text-${page}`, schemaId: 't-claim', title: 'Claim', page, classifications: [], pdf: { position: { boundingRect: rect, rects: [rect], pageNumber: page + 1 }, content: { text: item.text } } };
    });
    for (const [zoom, ratio] of [['50', 1], ['200', 2]] as const) {
      await setDeviceScaleFactor(ratio);
      const element = await mount(ROTATED, { zoom, height: 700, annotations: { tools } });
      for (const page of pages) {
        element.page = page;
        await element.settled();
        const span = (await spanShowing(element, page, placed[page]!.text)).getBoundingClientRect();
        const path = element.shadowRoot!.querySelector<SVGPathElement>(`.page[data-page="${page}"] path[data-object-id="text-${page}"]`)!;
        const drawn = path.getBoundingClientRect();
        const what = `page ${page + 1} at ${zoom}%, ${ratio}×`;
        const scale = element.pageScale;
        // The highlight and pdf.js's own text layer agree on screen: same centre, same length.
        expectClose((drawn.left + drawn.right) / 2, (span.left + span.right) / 2, 0.3 * placed[page]!.fontSize * scale + 1, `centre x, ${what}`);
        expectClose((drawn.top + drawn.bottom) / 2, (span.top + span.bottom) / 2, 0.3 * placed[page]!.fontSize * scale + 1, `centre y, ${what}`);
        const length = (r: DOMRect) => (placed[page]!.vertical ? r.height : r.width);
        expectClose(length(drawn), length(span), 2 * scale + 1, `length, ${what}`);
        expect(inkIn(element, page, drawn), `ink under the highlight, ${what}`).to.be.greaterThan(0.02);
      }
      expect(toolsOf(element).map((tool) => tool.pdf)).to.deep.equal(tools.map((tool) => tool.pdf));
      element.remove();
    }
  });
});
