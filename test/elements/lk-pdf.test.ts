import { expect, fixture, html } from '@open-wc/testing';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { LkErrorEvent } from '../../src/events/index.js';
import { signedUrl } from '../server/signed-assets-client.js';
import { frames, nextEvent, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { escapeRegExp, expectClose, inkIn, mount, mouseDrag, ontology, PAPER, PASSWORD, PDF, pageBox, place, ROTATED, screenRect, selectSpan, setDeviceScaleFactor, span, textLayer, toolsOf } from './pdf-helpers.js';

afterEach(async () => {
  await resetMouse();
  document.getSelection()?.removeAllRanges();
});

describe('<lk-pdf> loading and rendering', () => {
  it('loads the LaTeX paper: metadata in points, the first pages drawn with their text layer over the ink', async () => {
    const element = await mount();
    expect(element.export().metadata).to.deep.equal({ pageTotal: 4, pages: Array.from({ length: 4 }, () => ({ width: 595.28, height: 841.89 })) });
    expect(element.pageCount).to.equal(4);
    expect(element.renderedPages()).to.include(0);
    const word = span(element, 0, /\w{4,}/);
    // The transparent text sits on the drawn glyphs: ink under the span, none in the margin left of the page's text.
    expect(inkIn(element, 0, word.rect)).to.be.greaterThan(0.05);
    const page = pageBox(element, 0);
    expect(inkIn(element, 0, { left: page.left + 2, top: page.top + 2, right: page.left + 40, bottom: page.top + 40 })).to.equal(0);
  });

  it('draws sharp bitmaps on a HiDPI screen (device pixel ratio 2), and redraws when the ratio changes', async () => {
    const element = await mount();
    const word = span(element, 0, /\w{5,}/);
    const inkAt1 = inkIn(element, 0, word.rect);
    expectClose(element.pageCanvas(0)!.width, element.pageCanvas(0)!.getBoundingClientRect().width, 2, 'bitmap width at 1×');
    try {
      await setDeviceScaleFactor(2);
      expect(window.devicePixelRatio).to.equal(2);
      await element.settled();
      const canvas = element.pageCanvas(0)!;
      expectClose(canvas.width, 2 * canvas.getBoundingClientRect().width, 2, 'bitmap width at 2×');
      // The same glyphs in the same CSS box (not drawn at half size into a corner).
      expectClose(inkIn(element, 0, span(element, 0, new RegExp(escapeRegExp(word.text))).rect), inkAt1, 0.1, 'ink under the word');
      const fresh = await mount();
      expectClose(fresh.pageCanvas(0)!.width, 2 * fresh.pageCanvas(0)!.getBoundingClientRect().width, 2, 'a page opened at 2×');
    } finally {
      await setDeviceScaleFactor(1);
    }
  });

  it('honours each page rotation of the Arabic file: sizes swap and the text layer lies on the ink', async () => {
    const element = await mount(ROTATED, { zoom: '50' });
    const pages = (element.export().metadata as { pages: { width: number; height: number }[] }).pages;
    expect(pages.map((p) => p.width > p.height)).to.deep.equal([true, false, true, false]);
    for (const index of [0, 1, 2, 3]) {
      element.page = index;
      await element.settled();
      const word = span(element, index, /habibi|حَبيبي|\S{3,}/);
      expect(inkIn(element, index, word.rect), `ink under the text of page ${index + 1}`).to.be.greaterThan(0.02);
    }
  });
});

describe('<lk-pdf> text entries', () => {
  it('selecting text with the mouse and a pdf class active exports one rect per line run, in points, with the text', async () => {
    const element = await mount();
    element.session.setActiveSchema('t-claim');
    const changes = recordEvents(element, ['lk-change']);
    const word = span(element, 0, /\w{5,}/);
    await selectSpan(word.rect);
    const [tool] = toolsOf(element);
    expect(tool).to.include({ schemaId: 't-claim', title: 'Claim', page: 0 });
    const { position, content } = tool!.pdf!;
    expect(position.pageNumber).to.equal(1);
    expect(position.rects).to.have.length(1);
    expect('text' in content && content.text.trim()).to.equal(word.text.trim());
    const rect = position.rects[0]!;
    expect(rect).to.include({ width: 595.28, height: 841.89, pageNumber: 1 });
    // The rect in points, drawn back at the current scale, covers the span on screen.
    const back = screenRect(element, 0, rect);
    expectClose(back.left, word.rect.left, 3, 'left');
    expectClose(back.right, word.rect.right, 3, 'right');
    expectClose(back.top, word.rect.top, 3, 'top');
    expect(changes.map((event) => event.detail.reason)).to.deep.equal(['create']);
    expect(document.getSelection()!.isCollapsed || document.getSelection()!.rangeCount === 0).to.equal(true);
  });

  it('a selection across lines gives one rect per line; the highlight stays on its text at any zoom', async () => {
    const element = await mount();
    element.session.setActiveSchema('t-claim');
    const spans = [...textLayer(element, 0).querySelectorAll<HTMLElement>('span')].filter((s) => (s.textContent ?? '').trim().length > 8);
    const a = spans[3]!.getBoundingClientRect();
    const b = spans.find((s) => s.getBoundingClientRect().top > a.bottom + 2)!.getBoundingClientRect();
    await mouseDrag([a.left + 2, a.top + a.height / 2], [b.left + 20, b.top + b.height / 2]);
    const tool = toolsOf(element)[0]!;
    const rects = tool.pdf!.position.rects;
    expect(rects.length).to.be.at.least(2);
    expect(rects[1]!.y1).to.be.greaterThan(rects[0]!.y1);
    for (const zoom of ['200', '75'] as const) {
      element.zoom = zoom;
      await element.settled();
      const path = element.shadowRoot!.querySelector<SVGPathElement>(`.page[data-page="0"] path[data-object-id="${tool.objectId}"]`)!;
      const drawn = path.getBoundingClientRect();
      const first = screenRect(element, 0, rects[0]!);
      expectClose(drawn.top, first.top, 2, `highlight top at ${zoom}%`);
      expect(inkIn(element, 0, first), `ink under the highlight at ${zoom}%`).to.be.greaterThan(0.02);
    }
    expect(toolsOf(element)[0]!.pdf).to.deep.equal(tool.pdf);
  });

  it('selects text across two pages into one entry with rects on both pages', async () => {
    const element = await mount(PAPER, { zoom: '50', height: 900 });
    element.session.setActiveSchema('t-claim');
    const lastOnFirst = [...textLayer(element, 0).querySelectorAll<HTMLElement>('span')].filter((s) => (s.textContent ?? '').trim().length > 3).at(-1)!;
    const firstOnSecond = [...textLayer(element, 1).querySelectorAll<HTMLElement>('span')].find((s) => (s.textContent ?? '').trim().length > 3)!;
    const a = lastOnFirst.getBoundingClientRect();
    const b = firstOnSecond.getBoundingClientRect();
    expect(b.bottom, 'both pages fit in the view').to.be.lessThan(window.innerHeight);
    await mouseDrag([a.left + 1, a.top + a.height / 2], [b.right - 1, b.top + b.height / 2], 10);
    const tool = toolsOf(element)[0]!;
    const pagesCovered = new Set(tool.pdf!.position.rects.map((rect) => rect.pageNumber));
    expect([...pagesCovered]).to.deep.equal([1, 2]);
    expect(tool.page).to.equal(0);
    const text = (tool.pdf!.content as { text: string }).text;
    expect(text).to.contain((lastOnFirst.textContent ?? '').trim());
    expect(text).to.contain((firstOnSecond.textContent ?? '').trim());
    // Drawn on both pages.
    for (const page of [0, 1]) {
      expect(element.shadowRoot!.querySelector(`.page[data-page="${page}"] path[data-object-id="${tool.objectId}"]`)).to.exist;
    }
  });

  it('Shift+arrows extend a keyboard selection; the class shortcut then makes the entry', async () => {
    const element = await mount();
    const word = span(element, 0, /^[A-Za-z]{6,}/);
    await sendMouse({ type: 'click', position: [Math.round(word.rect.left + 1), Math.round(word.rect.top + word.rect.height / 2)] });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Shift+ArrowRight' });
    const pending = element.pendingSelection;
    expect(pending && 'text' in pending.content ? pending.content.text : '').to.equal(word.text.slice(0, 4));
    expect(toolsOf(element)).to.have.length(0);
    await press('1');
    const [tool] = toolsOf(element);
    expect(tool?.schemaId).to.equal('t-claim');
    expect((tool!.pdf!.content as { text: string }).text).to.equal(word.text.slice(0, 4));
  });

  it('click selects an entry, Delete removes it, undo and redo bring it back and take it away', async () => {
    const element = await mount();
    element.session.setActiveSchema('t-claim');
    const word = span(element, 0, /\w{5,}/);
    await selectSpan(word.rect);
    const id = toolsOf(element)[0]!.objectId;
    element.session.setActiveSchema(undefined);
    element.session.select([]);
    await sendMouse({ type: 'click', position: [Math.round(word.rect.left + word.rect.width / 2), Math.round(word.rect.top + word.rect.height / 2)] });
    expect(element.session.selection).to.deep.equal([id]);
    await press('Delete');
    expect(toolsOf(element)).to.have.length(0);
    await press('Control+z');
    expect(toolsOf(element).map((t) => t.objectId)).to.deep.equal([id]);
    await press('Control+Shift+z');
    expect(toolsOf(element)).to.have.length(0);
  });

  it('view mode shows entries but a selection creates nothing', async () => {
    const element = await mount(PAPER, { mode: 'view' });
    element.session.setActiveSchema('t-claim');
    await selectSpan(span(element, 0, /\w{5,}/).rect);
    expect(toolsOf(element)).to.have.length(0);
    expect(element.pendingSelection).to.equal(undefined);
  });
});

describe('<lk-pdf> areas and shapes', () => {
  it('area mode: a drag with a pdf class makes an area entry (rects: []) holding the text inside', async () => {
    const element = await mount();
    element.session.setActiveSchema('t-claim');
    element.areaMode = true;
    await element.settled();
    const word = span(element, 0, /\w{5,}/);
    await mouseDrag([word.rect.left - 4, word.rect.top - 4], [word.rect.right + 4, word.rect.bottom + 4]);
    const tool = toolsOf(element)[0]!;
    expect(tool.pdf!.position.rects).to.deep.equal([]);
    expect(tool.pdf!.position.pageNumber).to.equal(1);
    expect((tool.pdf!.content as { text: string }).text).to.contain(word.text.trim());
    const box = screenRect(element, 0, tool.pdf!.position.boundingRect);
    expectClose(box.left, word.rect.left - 4, 2, 'area left');
    expectClose(box.bottom, word.rect.bottom + 4, 2, 'area bottom');
    expect(tool.pdf!.position.boundingRect).to.include({ width: 595.28, height: 841.89 });
  });

  it('area mode: an area entry is in points rounded to 0.01 pt, as drawn and after the select tool moves it', async () => {
    const element = await mount();
    element.session.setActiveSchema('t-claim');
    element.areaMode = true;
    await element.settled();
    expect(element.pageScale % 1, 'a zoom where CSS pixels are not whole points').to.not.equal(0);
    const word = span(element, 0, /\w{5,}/);
    await mouseDrag([word.rect.left - 3, word.rect.top - 3], [word.rect.right + 3, word.rect.bottom + 3]);
    const rounded = (rect: object) => Object.values(rect).every((value) => typeof value !== 'number' || Math.round(value * 100) / 100 === value);
    const drawn = toolsOf(element)[0]!.pdf!.position.boundingRect;
    expect(rounded(drawn), JSON.stringify(drawn)).to.equal(true);
    await press('v');
    const box = screenRect(element, 0, drawn);
    await mouseDrag([(box.left + box.right) / 2, (box.top + box.bottom) / 2], [(box.left + box.right) / 2 + 7, (box.top + box.bottom) / 2 + 5]);
    const moved = toolsOf(element)[0]!.pdf!.position.boundingRect;
    expect(moved.x1, 'the area moved').to.be.greaterThan(drawn.x1);
    expect(rounded(moved), JSON.stringify(moved)).to.equal(true);
  });

  it('draws a bounding box on the second page in points; it moves with the select tool and nudges with arrows', async () => {
    const element = await mount(PAPER, { zoom: '50', height: 900 });
    await press('2');
    const page = pageBox(element, 1);
    expect(page.top + 80, 'the gesture stays inside the test window').to.be.lessThan(window.innerHeight);
    await mouseDrag([page.left + 50, page.top + 20], [page.left + 150, page.top + 70]);
    const tool = toolsOf(element)[0]!;
    expect(tool.page).to.equal(1);
    const box = tool['bounding-box']!;
    expectClose(box.x, 100, 2, 'x in points');
    expectClose(box.y, 40, 2, 'y in points');
    expectClose(box.width, 200, 2, 'width in points');
    expectClose(box.height, 100, 2, 'height in points');
    await press('v');
    await mouseDrag([page.left + 100, page.top + 45], [page.left + 120, page.top + 45]);
    expectClose(toolsOf(element)[0]!['bounding-box']!.x, 140, 2, 'moved x');
    await press('ArrowDown');
    expectClose(toolsOf(element)[0]!['bounding-box']!.y, 41, 2, 'nudged y');
    // A caret left in the text layer by an earlier click does not steal Shift+arrows from the shape.
    const word = span(element, 0, /\w{4,}/);
    await sendMouse({ type: 'click', position: [Math.round(word.rect.left + 2), Math.round(word.rect.top + word.rect.height / 2)] });
    element.session.select([toolsOf(element)[0]!.objectId]);
    await sendKeys({ press: 'Shift+ArrowRight' });
    expectClose(toolsOf(element)[0]!['bounding-box']!.x, 150, 2, 'Shift nudge x');
  });

  it('draws a polygon by clicks and closes it with Enter; Esc while drawing leaves nothing', async () => {
    const element = await mount();
    await press('3');
    const page = pageBox(element, 0);
    const at = (x: number, y: number) => sendMouse({ type: 'click', position: [Math.round(page.left + x), Math.round(page.top + y)] });
    await at(100, 100);
    await at(200, 100);
    await press('Escape');
    expect(toolsOf(element)).to.have.length(0);
    await at(100, 100);
    await at(200, 100);
    await at(150, 180);
    await press('Enter');
    const polygon = toolsOf(element)[0]!.polygon!;
    expect(polygon).to.have.length(3);
    expectClose(polygon[2]![0], 150 / element.pageScale, 1.5, 'vertex x in points');
  });
});

describe('<lk-pdf> classifications, import and export', () => {
  it('imports text and area entries (Ango shape) and exports them unchanged, drawn on their pages', async () => {
    const rect = { x1: 72, y1: 100, x2: 300, y2: 114, width: 595.28, height: 841.89, pageNumber: 2 };
    const annotations = {
      tools: [
        {
          objectId: 'text-1',
          schemaId: 't-claim',
          title: 'Claim',
          page: 1,
          pdf: { position: { boundingRect: rect, rects: [rect], pageNumber: 2 }, content: { text: 'imported words' } },
          classifications: [],
        },
        {
          objectId: 'area-1',
          schemaId: 't-claim',
          title: 'Claim',
          page: 0,
          pdf: { position: { boundingRect: { ...rect, pageNumber: 1 }, rects: [], pageNumber: 1 }, content: { text: '' } },
          classifications: [],
        },
      ],
    };
    const element = await mount(PAPER, { zoom: '50', height: 900, annotations });
    const exported = toolsOf(element);
    expect(exported.map((t) => [t.objectId, t.page])).to.deep.equal([
      ['text-1', 1],
      ['area-1', 0],
    ]);
    expect(exported[0]!.pdf).to.deep.equal(annotations.tools[0]!.pdf);
    expect(exported[1]!.pdf).to.deep.equal(annotations.tools[1]!.pdf);
    expect(element.shadowRoot!.querySelector('.page[data-page="1"] path[data-object-id="text-1"]')).to.exist;
    expect(element.shadowRoot!.querySelector('.page[data-page="0"] path[data-object-id="text-1"]')).to.equal(null);
    expect(element.shadowRoot!.querySelector('.page[data-page="0"] path[data-object-id="area-1"]')).to.exist;
  });

  it('selecting an entry from the object list scrolls to its page and makes it current', async () => {
    const annotations = { tools: [{ objectId: 'far', schemaId: 't-figure', page: 3, 'bounding-box': { x: 100, y: 100, width: 50, height: 50 }, classifications: [] }] };
    const element = await mount(PAPER, { height: 420, annotations });
    expect(element.renderedPages()).to.not.include(3);
    const list = element.shadowRoot!.querySelector('lk-object-list')!;
    await (list as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const row = list.shadowRoot!.querySelector<HTMLElement>('[data-object-id="far"], [role="option"]')!;
    await sendMouse({ type: 'click', position: [Math.round(row.getBoundingClientRect().left + 20), Math.round(row.getBoundingClientRect().top + row.getBoundingClientRect().height / 2)] });
    await element.settled();
    expect(element.session.selection).to.deep.equal(['far']);
    expect(element.page).to.equal(3);
    expect(element.renderedPages()).to.include(3);
  });

  it('draws a relation between two entries on one page as a line from centre to centre', async () => {
    const annotations = {
      tools: [
        { objectId: 'a', schemaId: 't-figure', page: 0, 'bounding-box': { x: 100, y: 100, width: 100, height: 100 }, classifications: [] },
        { objectId: 'b', schemaId: 't-figure', page: 0, 'bounding-box': { x: 300, y: 400, width: 100, height: 100 }, classifications: [] },
      ],
      relations: [{ objectId: 'r', schemaId: 'r-cites', title: 'Cites', from: 'a', to: 'b', direction: 'straight' }],
    };
    const element = await mount(PAPER, { annotations: { ...annotations } });
    await element.updateComplete;
    const line = element.shadowRoot!.querySelector<SVGPathElement>('.page[data-page="0"] path.relation')!;
    expect(line.getAttribute('d')).to.equal('M150 150L350 450');
    expect(element.export().task.relations).to.have.length(1);
  });

  it('loads through a signed URL and never exports it', async () => {
    const url = await signedUrl('pdf/pdflatex-4-pages.pdf');
    const element = await mount(url);
    const record = element.export();
    expect(record.asset).to.not.contain('signature');
    expect(JSON.stringify(record)).to.not.contain(new URL(url, location.href).search.slice(1));
  });
});

describe('<lk-pdf> bad input', () => {
  it('a password-protected PDF without a hook ends in asset-password; the element keeps its annotations and loads the next file', async () => {
    const annotations = {
      tools: [{ objectId: 'kept', schemaId: 't-figure', title: 'Figure', page: 0, 'bounding-box': { x: 1, y: 2, width: 3, height: 4 }, classifications: [] }],
    };
    const element = await place({ annotations });
    const error = nextEvent<LkErrorEvent>(element, 'lk-error');
    element.src = PASSWORD;
    const { detail } = await error;
    expect(detail.code).to.equal('asset-password');
    expect(detail.message).to.match(/password/i);
    expect(toolsOf(element).map((t) => t.objectId)).to.deep.equal(['kept']);
    const ready = nextEvent(element, 'lk-ready');
    element.src = PAPER;
    await ready;
    expect(toolsOf(element).map((t) => t.objectId)).to.deep.equal(['kept']);
  });

  it('asks the password hook; a wrong answer is asked again as incorrect, then ends in asset-password (no hang)', async () => {
    const asked: string[] = [];
    const element = await place({
      password: (request) => {
        asked.push(request.reason);
        return 'not-the-password';
      },
    });
    const error = nextEvent<LkErrorEvent>(element, 'lk-error');
    element.src = PASSWORD;
    const { detail } = await error;
    expect(detail.code).to.equal('asset-password');
    expect(asked[0]).to.equal('needed');
    expect(asked.slice(1).every((reason) => reason === 'incorrect')).to.equal(true);
    expect(asked.length).to.be.within(2, 4);
  });

  it('opens the protected file when the hook gives the right password', async () => {
    // The fixture's open password, as published with py-pdf/sample-files.
    const element = await place({ password: () => 'openpassword' });
    const ready = nextEvent(element, 'lk-ready');
    element.src = PASSWORD;
    await ready;
    await element.settled();
    expect(element.pageCount).to.equal(1);
    expect(inkIn(element, 0, pageBox(element, 0))).to.be.greaterThan(0);
  });

  it('a corrupt file ends in asset-load with a clear message', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf\n%%EOF');
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    try {
      const element = await place();
      const error = nextEvent<LkErrorEvent>(element, 'lk-error');
      element.src = url;
      const { detail } = await error;
      expect(detail.code).to.equal('asset-load');
      expect(detail.message).to.match(/PDF/);
      expect(detail.message).to.not.contain(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('the real paper cut short (a download that stopped half way) ends in asset-load; the element keeps its annotations and opens the whole file next', async () => {
    const bytes = new Uint8Array(await (await fetch(PAPER)).arrayBuffer());
    const url = URL.createObjectURL(new Blob([bytes.slice(0, Math.floor(bytes.length * 0.6))], { type: 'application/pdf' }));
    try {
      const annotations = { tools: [{ objectId: 'kept', schemaId: 't-figure', title: 'Figure', page: 0, 'bounding-box': { x: 1, y: 2, width: 3, height: 4 }, classifications: [] }] };
      const element = await place({ annotations });
      const error = nextEvent<LkErrorEvent>(element, 'lk-error');
      element.src = url;
      const { detail } = await error;
      expect(detail).to.deep.include({ code: 'asset-load', message: 'The file is not a readable PDF.' });
      expect(element.shadowRoot!.querySelector('.status.error')?.textContent).to.contain('not a readable PDF');
      const ready = nextEvent(element, 'lk-ready');
      element.src = PAPER;
      await ready;
      expect(toolsOf(element).map((t) => t.objectId)).to.deep.equal(['kept']);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a 404 ends in asset-not-found', async () => {
    const element = await place();
    const error = nextEvent<LkErrorEvent>(element, 'lk-error');
    element.src = `${PDF}/missing.pdf`;
    expect((await error).detail.code).to.equal('asset-not-found');
  });
});

describe('<lk-pdf> several on one page', () => {
  it('uses the worker script the host gives in worker-src', async () => {
    const created: string[] = [];
    const OriginalWorker = window.Worker;
    window.Worker = class extends OriginalWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        created.push(String(url));
      }
    } as typeof Worker;
    try {
      const hostCopy = '/node_modules/pdfjs-dist/build/pdf.worker.min.mjs?served-by=host';
      const element = await fixture<LkPdf>(html`<lk-pdf style="--lk-height: 300px" worker-src=${hostCopy} .ontology=${ontology}></lk-pdf>`);
      const ready = nextEvent(element, 'lk-ready');
      element.src = PAPER;
      await ready;
      expect(created).to.deep.equal([new URL(hostCopy, document.baseURI).href]);
    } finally {
      window.Worker = OriginalWorker;
    }
  });

  it('two elements load different files with their own workers; removing one ends its worker only', async () => {
    const workers: Worker[] = [];
    const terminated = new Set<Worker>();
    const OriginalWorker = window.Worker;
    const originalTerminate = OriginalWorker.prototype.terminate;
    window.Worker = class extends OriginalWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.push(this);
      }
    } as typeof Worker;
    OriginalWorker.prototype.terminate = function (this: Worker) {
      // Only this test's workers: an element of an earlier test may still be closing its own.
      if (workers.includes(this)) terminated.add(this);
      originalTerminate.call(this);
    };
    try {
      const container = await fixture<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
      const make = async (src: string) => {
        const element = document.createElement('lk-pdf');
        element.style.setProperty('--lk-height', '300px');
        element.ontology = ontology as never;
        container.append(element);
        const ready = nextEvent(element, 'lk-ready');
        element.src = src;
        await ready;
        await element.settled();
        return element;
      };
      const [paper, rotated] = await Promise.all([make(PAPER), make(ROTATED)]);
      expect(paper.pageCount).to.equal(4);
      expect(rotated.export().metadata).to.deep.include({ pageTotal: 4 });
      expect(workers).to.have.length(2);
      expect(inkIn(paper, 0, pageBox(paper, 0))).to.be.greaterThan(0);
      expect(inkIn(rotated, 0, pageBox(rotated, 0))).to.be.greaterThan(0);
      rotated.remove();
      await frames(2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(terminated.size).to.equal(1);
      paper.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(terminated.size).to.equal(2);
    } finally {
      window.Worker = OriginalWorker;
      OriginalWorker.prototype.terminate = originalTerminate;
    }
  });
});
