/**
 * <lk-pdf> on a long document read by ranges, with the network under the test's control
 * (test/media/pdf/range-host.ts): the first page is drawn while later pages' sizes are unknown,
 * the layout corrects itself as they arrive without moving the reader's page, lk-ready comes
 * with every size, the pages in view are drawn before their neighbours, and a range that failed
 * is fetched again when the reader comes back to its page. Real wheel, mouse and keys throughout.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import { pagedPdf, type GeneratedPage, type PagedPdf } from '../media/pdf/generated-pdf.js';
import { rangeHost, type RangeHost } from '../media/pdf/range-host.js';
import { frames, nextEvent, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { expectClose, inkIn, pageBox, place, selectSpan, span, textLayer, toolsOf } from './pdf-helpers.js';

const LETTER: GeneratedPage = { width: 612, height: 792 };
const LEGAL: GeneratedPage = { width: 612, height: 1008 };
const HALF: GeneratedPage = { width: 612, height: 396 };
/** Pages 2–6 (indexes 1–5) differ from page 1, whose size stands in for them until theirs are known. */
const PAGES: GeneratedPage[] = [LETTER, LEGAL, LEGAL, HALF, LEGAL, { width: 1008, height: 612, rotate: 270 }, { width: 612, height: 900 }, LETTER, LETTER, LETTER, LETTER, LETTER];

/** Each page's size as shown (rotation applied), as the export must list it. */
function shownSizes(pages: readonly GeneratedPage[]): { width: number; height: number }[] {
  return pages.map(({ width, height, rotate }) => (rotate === 90 || rotate === 270 ? { width: height, height: width } : { width, height }));
}

/** Both byte ranges of pages `first`…`last` (0-based). */
function partsOf(pdf: PagedPdf, first: number, last: number): [number, number][] {
  return pdf.pages.slice(first, last + 1).flatMap((page) => [page.dict, page.content]);
}

async function until(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await frames(1);
  }
}

/** The page's bitmap has ink and its text layer holds its text ("Page n"). */
function drawn(element: LkPdf, page: number): boolean {
  const canvas = element.pageCanvas(page);
  return canvas !== undefined && canvas.width > 0 && inkIn(element, page, pageBox(element, page)) > 0 && textLayer(element, page).textContent === `Page ${page + 1}`;
}

function scroller(element: LkPdf): HTMLElement {
  return element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
}

/** Where page `index` is on screen, relative to the top of the scrolling view. */
function topInView(element: LkPdf, index: number): number {
  return pageBox(element, index).top - scroller(element).getBoundingClientRect().top;
}

async function wheel(element: LkPdf, deltaY: number): Promise<void> {
  const box = scroller(element).getBoundingClientRect();
  await executeServerCommand('input:wheel', { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + 150), deltaY });
  await frames(2);
}

async function typePageNumber(element: LkPdf, page: number): Promise<void> {
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('.pdf-bar input[type="number"]')!;
  const box = input.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
  await sendKeys({ press: 'Control+a' });
  await sendKeys({ type: String(page) });
  await sendKeys({ press: 'Enter' });
}

async function open(pdf: PagedPdf, host: RangeHost): Promise<{ element: LkPdf; events: CustomEvent[] }> {
  // Short enough for the bar under the pages to be on screen.
  const element = await place({ height: 480 });
  element.fetchAsset = host.fetchAsset;
  const events = recordEvents(element, ['lk-ready', 'lk-error', 'lk-change']);
  element.src = '/generated/long-document.pdf';
  return { element, events };
}

/** Opens a generated document whose pages `first`–`last` cannot be read until `host.release()`. */
async function openHolding(pages: GeneratedPage[], first: number, last: number) {
  const pdf = pagedPdf(pages);
  const host = rangeHost(pdf.bytes);
  host.hold(partsOf(pdf, first, last));
  return { pdf, host, ...(await open(pdf, host)) };
}

const named = (events: CustomEvent[], type: string) => events.filter((event) => event.type === type);

afterEach(async () => {
  await resetMouse();
  document.getSelection()?.removeAllRanges();
});

describe('<lk-pdf> a long document by ranges: the first page before every size', () => {
  it('draws page 1 while pages 2–6 cannot be read yet; wheeled down to page 7, the reader stays on it when their sizes arrive; lk-ready then lists every size and labeling opens', async () => {
    const { host, element, events } = await openHolding(PAGES, 1, 5);
    try {
      await until('page 1 drawn', () => drawn(element, 0));
      expect(named(events, 'lk-ready'), 'no lk-ready while sizes are missing').to.have.length(0);
      expect(element.pageCount).to.equal(12);
      const scale = element.pageScale;
      expectClose(pageBox(element, 1).height, LETTER.height * scale, 1, 'page 2 laid out like page 1 until its size is known');
      expect(element.export().metadata, 'no page sizes claimed before lk-ready').to.not.have.property('pages');

      // Labeling waits for lk-ready: with a text class active, a selection waits instead of making an entry.
      element.focus();
      await press('1');
      await selectSpan(span(element, 0, /Page 1/).rect);
      expect(element.pendingSelection?.content).to.deep.equal({ text: 'Page 1' });
      expect(toolsOf(element)).to.deep.equal([]);
      expect(named(events, 'lk-change')).to.have.length(0);

      for (let i = 0; i < 40 && element.page < 6; i++) await wheel(element, 300);
      expect(element.page).to.equal(6);
      await until('page 7 drawn', () => drawn(element, 6));
      expectClose(pageBox(element, 6).height, 900 * scale, 1, 'page 7 has its own size once drawn');
      expect(named(events, 'lk-ready')).to.have.length(0);
      const before = topInView(element, 6);
      const scrolledBefore = scroller(element).scrollTop;

      const ready = nextEvent<CustomEvent>(element, 'lk-ready');
      host.release();
      const { detail } = await ready;
      await element.settled();
      const sizes = shownSizes(PAGES);
      expect(detail.metadata).to.deep.equal({ pageTotal: 12, pages: sizes });
      expect(element.export().metadata).to.deep.equal({ pageTotal: 12, pages: sizes });
      // Pages 2–6 grew and shrank above the reader: page 7 did not move on screen.
      expect(element.page).to.equal(6);
      expectClose(topInView(element, 6), before, 1, 'page 7 where the reader had it');
      const grown = sizes.slice(1, 6).reduce((sum, size) => sum + size.height - LETTER.height, 0);
      expectClose(scroller(element).scrollTop - scrolledBefore, grown * scale, 2, 'the scroll position took the growth above');
      expectClose(pageBox(element, 5).height, 1008 * scale, 1, 'page 6 (rotated) at its own size, just above');
      expect(drawn(element, 6), 'page 7 kept its bitmap').to.equal(true);
      expect(named(events, 'lk-error')).to.deep.equal([]);

      // Labeling is open now: Enter makes the entry the selection was waiting for.
      element.focus();
      await press('Enter');
      const [tool] = toolsOf(element);
      expect(tool?.page).to.equal(0);
      expect(tool?.pdf?.content).to.deep.equal({ text: 'Page 1' });
      expect(named(events, 'lk-change')).to.have.length(1);
    } finally {
      host.release();
    }
  });

  it('a page number typed while the sizes above it are unknown goes to that page, which stays at the top of the view when they arrive', async () => {
    const { host, element, events } = await openHolding(PAGES, 1, 5);
    try {
      await until('page 1 drawn', () => drawn(element, 0));
      await typePageNumber(element, 9);
      await until('page 9 drawn', () => drawn(element, 8));
      expect(element.page).to.equal(8);
      expectClose(topInView(element, 8), 12, 1, 'page 9 at the top of the view');
      const ready = nextEvent(element, 'lk-ready');
      host.release();
      await ready;
      await element.settled();
      expect(element.page).to.equal(8);
      expectClose(topInView(element, 8), 12, 1, 'page 9 still at the top once every size is known');
      expect(named(events, 'lk-error')).to.deep.equal([]);
    } finally {
      host.release();
    }
  });

  it('a wider page arriving under fit-width shrinks every page; the reader’s page stays at the same share of its height and is drawn again at the new scale', async () => {
    // Page 7 is in the second group of the page tree: pdf.js finds it without page 3.
    const { host, element } = await openHolding([LETTER, LETTER, { width: 792, height: 612 }, LETTER, LETTER, LETTER, LETTER, LETTER], 2, 2);
    try {
      await until('page 1 drawn', () => drawn(element, 0));
      await typePageNumber(element, 7);
      await until('page 7 drawn', () => drawn(element, 6));
      await wheel(element, 120);
      const scale = element.pageScale;
      const share = -topInView(element, 6) / pageBox(element, 6).height;
      expect(share, 'page 7 partly scrolled past').to.be.greaterThan(0.05);
      const ready = nextEvent(element, 'lk-ready');
      host.release();
      await ready;
      await element.settled();
      expectClose(element.pageScale, (scale * 612) / 792, 0.01, 'fit-width now fits the landscape page');
      expect(element.page).to.equal(6);
      expectClose(-topInView(element, 6) / pageBox(element, 6).height, share, 0.01, 'the same share of page 7 above the view');
      expect(drawn(element, 6)).to.equal(true);
      expectClose(element.pageCanvas(6)!.width, pageBox(element, 6).width, 2, 'drawn again at the new scale');
    } finally {
      host.release();
    }
  });
});

describe('<lk-pdf> a long document by ranges: drawing order and failed ranges', () => {
  it('draws the page in view before its neighbours, and cancels a page that left the range before it was drawn', async () => {
    const pdf = pagedPdf(PAGES);
    const host = rangeHost(pdf.bytes);
    const { element } = await open(pdf, host);
    try {
      await nextEvent(element, 'lk-ready');
      await element.settled();
      // Page 5's content cannot be read yet: page 5 is in view, being drawn, and its neighbours wait for it.
      host.hold([pdf.pages[4]!.content]);
      await typePageNumber(element, 5);
      await until('page 5 being drawn', () => element.renderedPages().includes(4));
      await frames(4);
      expect(element.renderedPages(), 'the page in view only').to.deep.equal([4]);
      // Away before it was drawn: its drawing is dropped, and the pages now in view draw without it.
      await typePageNumber(element, 10);
      await element.settled();
      expect(element.renderedPages()).to.not.include(4);
      expect(drawn(element, 9)).to.equal(true);
      await until('the neighbours of page 10', () => element.renderedPages().includes(8) && element.renderedPages().includes(10));
    } finally {
      host.release();
    }
  });

  it('a range that fails leaves its page blank with an lk-error; once the server answers again, wheeled away and back, the page fetches it again and is drawn', async () => {
    const pdf = pagedPdf(PAGES);
    const host = rangeHost(pdf.bytes);
    const content = pdf.pages[8]!.content;
    host.fail([content], 503);
    const { element, events } = await open(pdf, host);
    try {
      await nextEvent(element, 'lk-ready');
      await element.settled();
      const failed = nextEvent<CustomEvent>(element, 'lk-error');
      await typePageNumber(element, 9);
      const { detail } = await failed;
      expect(detail.code).to.equal('asset-load');
      expect(detail.message).to.match(/^Page 9 could not be loaded\. .*HTTP 503/);
      await element.settled();
      expect(element.page).to.equal(8);
      expect(drawn(element, 8), 'page 9 blank').to.equal(false);
      const errors = named(events, 'lk-error');
      for (const error of errors) expect(error.detail).to.include({ code: 'asset-load' });

      host.heal();
      for (let i = 0; i < 40 && element.renderedPages().includes(8); i++) await wheel(element, -300);
      expect(element.renderedPages(), 'page 9 left the range').to.not.include(8);
      for (let i = 0; i < 40 && element.page < 8; i++) await wheel(element, 300);
      await element.settled();
      expect(element.page).to.equal(8);
      expect(drawn(element, 8), 'page 9 drawn after coming back').to.equal(true);
      const askedForIt = host.asked.filter(([begin, end]) => begin < content[1] && content[0] < end);
      expect(askedForIt.length, 'the failed range was asked for again').to.be.at.least(2);
      expect(named(events, 'lk-error'), 'no error once the range could be had').to.have.length(errors.length);
    } finally {
      host.release();
    }
  });
});
