/**
 * <lk-pdf> driven the way a person drives it: real wheel, mouse and keyboard input on the real
 * fixtures, for navigation, zoom, keyboard selection, every 2D tool, classifications, relations,
 * locks, modes, validation and events.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { ExportTool } from '../../src/format/types.js';
import { buttonNamed, click, query } from './panels/helpers.js';
import { frames, nextEvent, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { expectClose, FIGURE_BOX, mount, mountFigureAndClaim, mouseDrag, ontology, PAPER, pageBox, selectSpan, span, textLayer, toolsOf } from './pdf-helpers.js';

const rect = (x1: number, y1: number, x2: number, y2: number, pageNumber: number) => ({ x1, y1, x2, y2, width: 595.28, height: 841.89, pageNumber });

function bar(element: LkPdf): HTMLElement {
  return element.shadowRoot!.querySelector<HTMLElement>('.pdf-bar')!;
}

function barButton(element: LkPdf, label: string): HTMLButtonElement {
  return bar(element).querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
}

function pageInput(element: LkPdf): HTMLInputElement {
  return bar(element).querySelector<HTMLInputElement>('input[type="number"]')!;
}

async function realClick(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

function sidebarPart<T extends HTMLElement>(element: LkPdf, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the sidebar`);
  return found;
}

/** The radio for `value` in the Task form (document- and page-level classifications). */
async function taskRadio(element: LkPdf, value: string): Promise<HTMLInputElement> {
  const form = [...element.shadowRoot!.querySelectorAll('lk-classification-form')].find((f) => f.getAttribute('heading') === 'Task')!;
  await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const radio = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) => input.closest('label')?.textContent?.includes(value));
  if (!radio) throw new Error(`no ${value} radio in the Task form`);
  return radio;
}

/** Screen point of a point in PDF points on `page`. */
function at(element: LkPdf, page: number, x: number, y: number): [number, number] {
  const box = pageBox(element, page);
  return [Math.round(box.left + x * element.pageScale), Math.round(box.top + y * element.pageScale)];
}

function geometryOf(tool: ExportTool): unknown {
  for (const key of ['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'spline', 'point', 'segmentation', 'pdf'] as const) if (key in tool) return tool[key];
  return undefined;
}

afterEach(async () => {
  await resetMouse();
  document.getSelection()?.removeAllRanges();
});

describe('<lk-pdf> real input: pages and zoom', () => {
  it('the wheel scrolls through the paper: pages coming near are drawn, those left behind give their bitmaps back', async () => {
    const element = await mount(PAPER, { height: 420 });
    expect(element.renderedPages()).to.deep.equal([0, 1]);
    const first = element.pageCanvas(0)!;
    const box = pageBox(element, 0);
    for (let i = 0; i < 12 && element.page < 3; i++) {
      await executeServerCommand('input:wheel', { x: Math.round(box.left + box.width / 2), y: 200, deltaY: 400 });
      await element.settled();
    }
    expect(element.page).to.equal(3);
    expect(element.renderedPages()).to.not.include(0);
    expect(element.renderedPages()).to.include(3);
    expect(first.width, 'page 1 gave its bitmap back').to.equal(0);
    expect(element.shadowRoot!.querySelectorAll('.page').length).to.equal(element.renderedPages().length);
    expect(pageInput(element).value).to.equal('4');
  });

  it('the keyboard reaches the page column with Tab and scrolls it with Page Down and ↓; axe finds it reachable', async () => {
    const element = await mount(PAPER, { height: 420 });
    // axe's scrollable-region-focusable: a region a keyboard cannot focus in every browser.
    await expect(element).to.be.accessible();
    const scroller = element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    for (let i = 0; i < 20 && element.shadowRoot!.activeElement !== scroller; i++) await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement, 'Tab reaches the pages').to.equal(scroller);
    expect(scroller.getAttribute('aria-label')).to.equal('Pages');
    // Keyboard scrolling may be animated: its end is the scroller's scrollend.
    let ended = nextEvent(scroller, 'scrollend');
    await sendKeys({ press: 'PageDown' });
    await ended;
    const afterPageDown = scroller.scrollTop;
    expect(afterPageDown, 'Page Down scrolls').to.be.greaterThan(100);
    ended = nextEvent(scroller, 'scrollend');
    await sendKeys({ press: 'ArrowDown' });
    await ended;
    await element.settled();
    expect(scroller.scrollTop, '↓ scrolls').to.be.greaterThan(afterPageDown);
  });

  it('navigates with the bar: next and previous buttons, and a typed page number', async () => {
    const element = await mount(PAPER, { height: 420 });
    await realClick(barButton(element, 'Next page'));
    await element.settled();
    expect(element.page).to.equal(1);
    await realClick(barButton(element, 'Next page'));
    await realClick(barButton(element, 'Next page'));
    await element.settled();
    expect(element.page).to.equal(3);
    expect(barButton(element, 'Next page').disabled).to.equal(true);
    await realClick(barButton(element, 'Previous page'));
    await element.settled();
    expect(element.page).to.equal(2);
    await realClick(pageInput(element));
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: '1' });
    await sendKeys({ press: 'Enter' });
    await element.settled();
    expect(element.page).to.equal(0);
    expect(element.renderedPages()).to.include(0);
    // The page is brought to the top of the view.
    const scroller = element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expectClose(pageBox(element, 0).top - scroller.getBoundingClientRect().top, 12, 2, 'page 1 at the top');
  });

  it('zooms with the bar’s select and the keyboard (+, −, 0, F), keeping the current page', async () => {
    const element = await mount(PAPER, { height: 500 });
    const fitWidth = element.pageScale;
    const select = bar(element).querySelector<HTMLSelectElement>('select')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.settled();
    expect(element.zoom).to.equal('fit-page');
    const scroller = element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(pageBox(element, 0).height, 'a whole page fits').to.be.at.most(scroller.clientHeight);
    await sendKeys({ press: 'ArrowDown' });
    await element.settled();
    expect(element.zoom).to.equal('25');
    expectClose(pageBox(element, 0).width, 595.28 * 0.25, 1, 'page width at 25%');
    await realClick(barButton(element, 'Next page'));
    await element.settled();
    expect(element.page).to.equal(1);
    // A click on the page's margin gives the keyboard back to the pages (the bar's select keeps its arrow keys).
    const margin = pageBox(element, 1);
    await sendMouse({ type: 'click', position: [Math.round(margin.left + 3), Math.round(margin.top + 3)] });
    await press('+');
    await element.settled();
    expect(element.zoom).to.equal('50');
    await press('+');
    await element.settled();
    expect(element.zoom).to.equal('75');
    await press('-');
    await element.settled();
    expect(element.zoom).to.equal('50');
    await press('0');
    await element.settled();
    expect(element.zoom).to.equal('100');
    expectClose(pageBox(element, 1).width, 595.28, 1, 'page width at 100%');
    expect(element.page, 'the page in view stays').to.equal(1);
    await press('f');
    await element.settled();
    expect(element.zoom).to.equal('fit-width');
    expectClose(element.pageScale, fitWidth, 0.001, 'fit width again');
    expect(select.value).to.equal('fit-width');
  });
});

describe('<lk-pdf> real input: keyboard selection', () => {
  it('Shift+↓ extends a keyboard selection over the next line: one rect per line, then the class shortcut', async () => {
    const element = await mount();
    const word = span(element, 0, /^Hello, here is some text/);
    await sendMouse({ type: 'click', position: [Math.round(word.rect.left + 1), Math.round(word.rect.top + word.rect.height / 2)] });
    await sendKeys({ press: 'Shift+ArrowDown' });
    await sendKeys({ press: 'Shift+ArrowRight' });
    const pending = element.pendingSelection!;
    expect(pending.position.rects).to.have.length(2);
    await press('1');
    const [tool] = toolsOf(element);
    const { rects } = tool!.pdf!.position;
    expect(rects).to.have.length(2);
    expect(rects[1]!.y1).to.be.greaterThan(rects[0]!.y2 - 1);
    expect((tool!.pdf!.content as { text: string }).text).to.match(/^Hello, here is some text without a meaning\. This text should show what a printed text\n?w/);
  });

  it('Shift+↓ carries a keyboard selection from the last line of one page onto the next page', async () => {
    const element = await mount(PAPER, { zoom: '50', height: 900 });
    const lines = [...textLayer(element, 0).querySelectorAll<HTMLElement>('span')].filter((s) => (s.textContent ?? '').trim().length > 3);
    const last = lines.at(-1)!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(last.left + 1), Math.round(last.top + last.height / 2)] });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift+ArrowDown' });
    const pending = element.pendingSelection!;
    const pages = new Set(pending.position.rects.map((r) => r.pageNumber));
    expect([...pages]).to.deep.equal([1, 2]);
    await press('1');
    const tool = toolsOf(element)[0]!;
    expect(tool.page).to.equal(0);
    expect(new Set(tool.pdf!.position.rects.map((r) => r.pageNumber))).to.deep.equal(new Set([1, 2]));
  });
});

describe('<lk-pdf> real input: every 2D tool on a page', () => {
  it('draws a rotated box, a point, a polyline, a spline and a segmentation region on page 1, in points', async () => {
    const element = await mount(PAPER, { zoom: '100', height: 700 });
    const draw = async (points: [number, number][], finish = true) => {
      for (const [x, y] of points) await sendMouse({ type: 'click', position: at(element, 0, x, y) });
      if (finish) await press('Enter');
    };
    await press('4');
    await mouseDrag(at(element, 0, 100, 100), at(element, 0, 200, 150));
    await press('5');
    await draw([[300, 120]], false);
    await press('6');
    await draw([[100, 200], [200, 220], [300, 200]]);
    await press('7');
    await draw([[100, 260], [200, 300], [300, 260]]);
    await press('8');
    await draw([[350, 300], [450, 300], [450, 400]]);
    const tools = toolsOf(element);
    expect(tools.map((tool) => [tool.schemaId, tool.page])).to.deep.equal([
      ['t-stamp', 0],
      ['t-mark', 0],
      ['t-rule', 0],
      ['t-curve', 0],
      ['t-zone', 0],
    ]);
    const stamp = geometryOf(tools[0]!) as { x: number; y: number; width: number; height: number; corners: number[][] };
    expectClose(stamp.x, 100, 1.5, 'rotated box x');
    expectClose(stamp.width, 100, 1.5, 'rotated box width');
    expect(stamp.corners).to.have.length(4);
    const mark = geometryOf(tools[1]!) as number[];
    expectClose(mark[0]!, 300, 1.5, 'point x');
    expectClose(mark[1]!, 120, 1.5, 'point y');
    expect(geometryOf(tools[2]!) as number[][]).to.have.length(3);
    expect(geometryOf(tools[3]!) as number[][]).to.have.length(3);
    const zone = geometryOf(tools[4]!) as { zones: { region: number[][] }[] };
    expect(zone.zones[0]!.region).to.have.length(3);
    expectClose(zone.zones[0]!.region[1]![0]!, 450, 1.5, 'segmentation vertex x');
    // Drawn on the page overlay, one shape each.
    for (const tool of tools) expect(element.shadowRoot!.querySelector(`.page[data-page="0"] [data-object-id="${tool.objectId}"]`), tool.schemaId).to.exist;
  });
});

describe('<lk-pdf> real input: classifications, relations, locks, modes, validation, events', () => {
  it('answers a page-level class for the page in view and a document-level class once; Submit is blocked until the required answer is given', async () => {
    const element = await mount(PAPER, { height: 420 });
    const invalid = nextEvent<CustomEvent>(element, 'lk-invalid');
    await click(buttonNamed(sidebarPart(element, 'lk-task-actions'), 'Submit'));
    const { detail } = await invalid;
    expect(detail.problems.map((problem: { schemaId?: string }) => problem.schemaId)).to.include('c-language');
    await realClick(barButton(element, 'Next page'));
    await realClick(barButton(element, 'Next page'));
    await element.settled();
    expect(element.page).to.equal(2);
    await click(await taskRadio(element, 'References'));
    await click(await taskRadio(element, 'English'));
    const answers = element.export().task.classifications;
    expect(answers.find((a) => a.schemaId === 'c-page-kind')).to.include({ answer: 'References', page: 2 });
    const language = answers.find((a) => a.schemaId === 'c-language')!;
    expect(language.answer).to.equal('English');
    expect(language).to.not.have.property('page');
    const submitted = nextEvent<CustomEvent>(element, 'lk-submit');
    await click(buttonNamed(sidebarPart(element, 'lk-task-actions'), 'Submit'));
    const { record } = (await submitted).detail;
    expect(record.task.classifications).to.have.length(2);
    expect(record.task.stageHistory).to.have.length(1);
  });

  it('relates a text entry and a box with clicks and the relations panel; the relation goes with a deleted object and comes back on undo', async () => {
    const box = FIGURE_BOX;
    const { element, claim } = await mountFigureAndClaim();
    await sendKeys({ down: 'Shift' });
    await sendMouse({ type: 'click', position: at(element, 0, box.x + 50, box.y + 30) });
    await sendKeys({ up: 'Shift' });
    expect([...element.session.selection].sort()).to.deep.equal([claim, 'figure'].sort());
    const changes = recordEvents(element, ['lk-change']);
    const panel = sidebarPart(element, 'lk-relations-panel');
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await click(query(panel, '[part~="create"] button[data-schema-id="r-cites"]'));
    const [relation] = element.export().task.relations;
    expect(relation).to.include({ schemaId: 'r-cites', from: claim, to: 'figure', direction: 'straight' });
    expect(changes.map((event) => event.detail.reason)).to.deep.equal(['relate']);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.page[data-page="0"] path.relation')).to.exist;
    element.focus();
    element.session.select(['figure']);
    await press('Delete');
    expect(element.export().task.relations).to.deep.equal([]);
    await press('Control+z');
    expect(element.export().task.relations.map((r) => r.objectId)).to.deep.equal([relation!.objectId]);
  });

  it('locked pre-labels can be selected but not moved, nudged or deleted', async () => {
    const box = { x: 300, y: 400, width: 100, height: 60 };
    const text = rect(100, 90, 300, 102, 1);
    const element = await mount(PAPER, {
      zoom: '100',
      height: 700,
      annotations: {
        tools: [
          { objectId: 'box', schemaId: 't-figure', page: 0, 'bounding-box': box, classifications: [], lock: true },
          { objectId: 'text', schemaId: 't-claim', page: 0, pdf: { position: { boundingRect: text, rects: [text], pageNumber: 1 }, content: { text: 'x' } }, classifications: [], lock: true },
        ],
      },
    });
    const before = element.export().task.tools;
    await sendMouse({ type: 'click', position: at(element, 0, box.x + 50, box.y + 30) });
    expect(element.session.selection).to.deep.equal(['box']);
    await mouseDrag(at(element, 0, box.x + 50, box.y + 30), at(element, 0, box.x + 120, box.y + 90));
    await press('ArrowRight');
    await press('Delete');
    await sendMouse({ type: 'click', position: at(element, 0, 200, 96) });
    expect(element.session.selection).to.deep.equal(['text']);
    await press('Delete');
    expect(element.export().task.tools).to.deep.equal(before);
  });

  it('review mode: the reviewer accepts the task with a click (lk-review); with review-readonly a selection creates nothing', async () => {
    const element = await mount(PAPER, { mode: 'review' });
    const reviews = recordEvents(element, ['lk-review']);
    await click(buttonNamed(sidebarPart(element, 'lk-task-actions'), 'Accept'));
    expect(reviews.map((event) => event.detail.verdict)).to.deep.equal(['accept']);
    element.session.setActiveSchema('t-claim');
    await selectSpan(span(element, 0, /\w{5,}/).rect);
    expect(toolsOf(element), 'a reviewer may edit').to.have.length(1);
    element.setAttribute('review-readonly', '');
    await element.updateComplete;
    document.getSelection()?.removeAllRanges();
    element.session.setActiveSchema('t-claim');
    await selectSpan(span(element, 1, /\w{5,}/).rect);
    expect(toolsOf(element)).to.have.length(1);
  });

  it('events: a box drag fires lk-input while it moves, one lk-change at the end, lk-select with the previous selection; Esc mid-drag leaves nothing', async () => {
    const element = await mount(PAPER, { zoom: '100', height: 700 });
    const events = recordEvents(element, ['lk-input', 'lk-change', 'lk-select']);
    await press('2');
    await sendMouse({ type: 'move', position: at(element, 0, 100, 100) });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 4; i++) {
      await sendMouse({ type: 'move', position: at(element, 0, 100 + 25 * i, 100 + 10 * i) });
      await frames(1);
    }
    await press('Escape');
    await sendMouse({ type: 'up' });
    expect(toolsOf(element), 'Esc mid-drag').to.deep.equal([]);
    expect(events.filter((event) => event.type === 'lk-change')).to.deep.equal([]);
    await press('v');
    await mouseDrag(at(element, 0, 100, 300), at(element, 0, 200, 360));
    expect(events.filter((event) => event.type === 'lk-change')).to.deep.equal([]);
    await press('2');
    await mouseDrag(at(element, 0, 100, 100), at(element, 0, 200, 160), 6);
    const [created] = toolsOf(element);
    const changes = events.filter((event) => event.type === 'lk-change');
    expect(changes.map((event) => [event.detail.reason, event.detail.objectIds])).to.deep.equal([['create', [created!.objectId]]]);
    expect(changes[0]!.detail.tools[0]['bounding-box']).to.deep.equal(created!['bounding-box']);
    await press('v');
    await frames(2);
    events.length = 0;
    await mouseDrag(at(element, 0, 150, 130), at(element, 0, 190, 150), 6);
    const inputs = events.filter((event) => event.type === 'lk-input');
    expect(inputs.length, 'lk-input while moving').to.be.greaterThan(0);
    expect(inputs[0]!.detail.objectIds).to.deep.equal([created!.objectId]);
    expect(events.filter((event) => event.type === 'lk-change').map((event) => event.detail.reason)).to.deep.equal(['update']);
    const selects = events.filter((event) => event.type === 'lk-select');
    await sendMouse({ type: 'click', position: at(element, 0, 450, 250) });
    const last = events.filter((event) => event.type === 'lk-select').at(-1)!;
    expect(last.detail).to.deep.equal({ objectIds: [], previous: [created!.objectId] });
    expect(selects.length + 1).to.equal(events.filter((event) => event.type === 'lk-select').length);
  });
});

describe('<lk-pdf> real input: several on one page', () => {
  it('a selection, a shortcut and Delete act on the element they happen in only', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="display: flex; gap: 8px; width: 790px"></div>`);
    const make = async () => {
      const element = document.createElement('lk-pdf');
      element.style.cssText = '--lk-height: 560px; width: 390px; display: block';
      element.setAttribute('no-sidebar', '');
      element.ontology = ontology as never;
      container.append(element);
      const ready = nextEvent(element, 'lk-ready');
      element.src = PAPER;
      await ready;
      await element.settled();
      return element;
    };
    const a = await make();
    const b = await make();
    const changesA = recordEvents(a, ['lk-change']);
    await selectSpan(span(a, 0, /\w{6,}/).rect);
    expect(a.pendingSelection).to.not.equal(undefined);
    expect(b.pendingSelection).to.equal(undefined);
    await press('1');
    expect(toolsOf(a)).to.have.length(1);
    expect(toolsOf(b)).to.have.length(0);
    b.session.setActiveSchema('t-claim');
    await selectSpan(span(b, 0, /\w{6,}/).rect);
    expect(toolsOf(b)).to.have.length(1);
    expect(toolsOf(a)).to.have.length(1);
    // b has the focus: Delete removes b's selected entry, not a's.
    await press('Delete');
    expect(toolsOf(b)).to.have.length(0);
    expect(toolsOf(a)).to.have.length(1);
    expect(changesA.map((event) => event.detail.reason)).to.deep.equal(['create']);
  });
});
