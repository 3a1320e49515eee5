/**
 * Ango's PDF labels (FORMAT.md §2.1, format version 2): rects are measured in the page frame they
 * carry (the viewer's page size when the label was made, e.g. 371.67 wide), so a label made at
 * another zoom must be drawn over the same words. Checked on a real PDF with the page's pixels.
 */
import { expect } from '@open-wc/testing';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { PdfMetadata } from '../../src/format/types.js';
import { inkIn, mount, PDF, textLayer, toolsOf } from './pdf-helpers.js';

const GOOGLE_DOC = `${PDF}/google-doc-document.pdf`;
const LINE = 'Explicit is better than implicit.';
/** Ango's viewer page width in the published sample. */
const ANGO_WIDTH = 371.67;

type Edges = { left: number; top: number; right: number; bottom: number };

/** The line's span, in view, with its box on screen and in PDF points. */
async function lineOnPage(element: LkPdf): Promise<{ screen: Edges; points: { x1: number; y1: number; x2: number; y2: number } }> {
  const span = [...textLayer(element, 0).querySelectorAll<HTMLElement>('span')].find((s) => s.childElementCount === 0 && s.textContent === LINE);
  if (!span) throw new Error(`no span "${LINE}"`);
  span.scrollIntoView({ block: 'center' });
  await element.settled();
  const r = span.getBoundingClientRect();
  const origin = element.shadowRoot!.querySelector<HTMLElement>('.page[data-page="0"]')!.getBoundingClientRect();
  const scale = element.pageScale;
  return {
    screen: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    points: { x1: (r.left - origin.left) / scale, y1: (r.top - origin.top) / scale, x2: (r.right - origin.left) / scale, y2: (r.bottom - origin.top) / scale },
  };
}

/** The same line as Ango writes it from a viewer showing the page `ANGO_WIDTH` wide: nested and flat. */
function angoLabels(points: { x1: number; y1: number; x2: number; y2: number }, page: { width: number; height: number }) {
  const k = ANGO_WIDTH / page.width;
  const rect = { x1: points.x1 * k, y1: points.y1 * k, x2: points.x2 * k, y2: points.y2 * k, width: ANGO_WIDTH, height: page.height * k, pageNumber: 1 };
  return {
    externalId: 'google-doc-document.pdf',
    objects: [
      { objectId: 'nested', schemaId: 't-claim', pdf: { position: { boundingRect: rect, rects: [rect], pageNumber: 1 }, content: { text: LINE } } },
      { objectId: 'flat', schemaId: 't-claim', pdf: { ...rect, text: LINE } },
    ],
  };
}

function drawnBox(element: LkPdf, objectId: string): Edges {
  const shape = element.shadowRoot!.querySelector(`.page[data-page="0"] [data-object-id="${objectId}"]`);
  if (!shape) throw new Error(`${objectId} is not drawn on page 1`);
  const r = shape.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

function expectOver(actual: Edges, expected: Edges, what: string): void {
  for (const key of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(actual[key] - expected[key]), `${what}: ${key} ${actual[key]} vs ${expected[key]}`).to.be.at.most(1.5);
}

describe('<lk-pdf> Ango PDF labels made at another zoom', () => {
  it('draws them over the words they were made on, imported after the page sizes are known and before', async () => {
    const reference = await mount(GOOGLE_DOC, { zoom: '100', height: 700 });
    const { points } = await lineOnPage(reference);
    const page = (reference.export().metadata as PdfMetadata).pages[0]!;
    const labels = angoLabels(points, page);
    reference.remove();

    // After lk-ready (the page sizes known) at another zoom, and before the document loads.
    const after = await mount(GOOGLE_DOC, { zoom: '150', height: 700 });
    after.annotations = labels;
    const before = await mount(GOOGLE_DOC, { zoom: '50', height: 700, annotations: labels });
    for (const [element, what] of [[after, 'imported after load at 150%'], [before, 'imported before load at 50%']] as const) {
      const { screen } = await lineOnPage(element);
      for (const id of ['nested', 'flat']) {
        const drawn = drawnBox(element, id);
        expectOver(drawn, screen, `${id}, ${what}`);
        // The page's own pixels under the drawn label are the line's ink.
        expect(inkIn(element, 0, drawn), `ink under ${id}, ${what}`).to.be.greaterThan(0.05);
      }
      // Exported in the page's own frame: points at scale 1.
      const rect = toolsOf(element).find((t) => t.objectId === 'nested')!.pdf!.position.rects[0]!;
      expect([rect.width, rect.height]).to.deep.equal([page.width, page.height]);
      for (const key of ['x1', 'y1', 'x2', 'y2'] as const) expect(Math.abs(rect[key] - points[key]), key).to.be.below(1e-6);
      element.remove();
    }
  });
});
