/**
 * <lk-pdf> text drags whose ends are off the glyphs (the gap between columns, past the end of a
 * line, the margin), as people make them: real mouse drags on the LaTeX paper and on a page set in
 * two columns. The entry holds the words between the drag's two ends and no others, and its rects
 * stay on those words.
 */
import { expect } from '@open-wc/testing';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { PdfRect } from '../../src/core/model.js';
import { resetMouse } from './helpers.js';
import { charBox, expectClose, LATEX_TWO_COLUMN, mount, mouseDrag, PAPER, screenRect, span, toolsOf, TWO_COLUMN } from './pdf-helpers.js';

/** Where the columns of two-column.pdf lie across the page, in points (their widest lines). */
const LEFT_COLUMN = { x1: 60, x2: 222 };
const RIGHT_COLUMN = { x1: 240, x2: 400 };

afterEach(async () => {
  await resetMouse();
  document.getSelection()?.removeAllRanges();
});

/** The one entry the drag made: its text and rects. */
function entry(element: LkPdf): { text: string; rects: PdfRect[] } {
  const tools = toolsOf(element);
  expect(tools, 'one entry').to.have.length(1);
  const { content, position } = tools[0]!.pdf!;
  return { text: (content as { text: string }).text, rects: position.rects };
}

function middleY(box: DOMRect): number {
  return box.top + box.height / 2;
}

/**
 * The first and the last whole pixel (the mouse moves by whole pixels) inside a character: the
 * browser turns a point into a caret before or after the character near, not at, its middle.
 */
function leftEdge(box: DOMRect): number {
  return Math.floor(box.left) + 1;
}

function rightEdge(box: DOMRect): number {
  return Math.ceil(box.right) - 1;
}

function expectInColumn(rects: readonly PdfRect[], column: { x1: number; x2: number }): void {
  for (const rect of rects) {
    expect(rect.x1, `rect ${JSON.stringify(rect)} starts in the column`).to.be.at.least(column.x1 - 1);
    expect(rect.x2, `rect ${JSON.stringify(rect)} ends in the column`).to.be.at.most(column.x2 + 1);
  }
}

async function mountWithClass(src: string): Promise<LkPdf> {
  const element = await mount(src);
  element.session.setActiveSchema('t-claim');
  return element;
}

describe('<lk-pdf> text drags that start or end off the glyphs', () => {
  it('two columns: a drag from the gap between the columns to the end of a phrase selects that phrase, in its column', async () => {
    const element = await mountWithClass(TWO_COLUMN);
    const line = span(element, 0, /^Delta epsilon zeta/);
    const beside = span(element, 0, /^white space between the columns/);
    expect(beside.rect.right, 'a left-column line beside it').to.be.lessThan(line.rect.left);
    const y = middleY(line.rect);
    const gap = (beside.rect.right + line.rect.left) / 2;
    const zeta = charBox(line.element, 'Delta epsilon zeta'.length - 1);
    await mouseDrag([gap, y], [rightEdge(zeta), y]);
    const { text, rects } = entry(element);
    expect(text).to.equal('Delta epsilon zeta');
    expect(rects).to.have.length(1);
    expectInColumn(rects, RIGHT_COLUMN);
    expectClose(screenRect(element, 0, rects[0]!).right, zeta.right, 1.5, 'the rect ends where the phrase ends');
  });

  it('two columns: a drag from the end of a phrase back into the gap selects that phrase', async () => {
    const element = await mountWithClass(TWO_COLUMN);
    const line = span(element, 0, /^Delta epsilon zeta/);
    const beside = span(element, 0, /^white space between the columns/);
    const y = middleY(line.rect);
    const zeta = charBox(line.element, 'Delta epsilon zeta'.length - 1);
    await mouseDrag([rightEdge(zeta), y], [(beside.rect.right + line.rect.left) / 2, y]);
    const { text, rects } = entry(element);
    expect(text).to.equal('Delta epsilon zeta');
    expectInColumn(rects, RIGHT_COLUMN);
  });

  it('two columns: drags from the gap down and up the right column select its lines only', async () => {
    const element = await mountWithClass(TWO_COLUMN);
    const line = span(element, 0, /^Delta epsilon zeta/);
    const beside = span(element, 0, /^white space between the columns/);
    const gap: [number, number] = [(beside.rect.right + line.rect.left) / 2, middleY(line.rect)];
    const below = span(element, 0, /^the tests that start a drag right here\.$/);
    await mouseDrag(gap, [rightEdge(charBox(below.element, below.text.length - 1)), middleY(below.rect)], 8);
    let { text, rects } = entry(element);
    expect(text).to.equal(`${line.text}\n${below.text}`);
    expectInColumn(rects, RIGHT_COLUMN);
    element.session.store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject(toolsOf(element)[0]!.objectId));
    document.getSelection()?.removeAllRanges();
    const above = span(element, 0, /^places the caret on the layer itself\.$/);
    await mouseDrag(gap, [leftEdge(charBox(above.element, 0)), middleY(above.rect)], 8);
    ({ text, rects } = entry(element));
    expect(text).to.equal(above.text);
    expectInColumn(rects, RIGHT_COLUMN);
  });

  it('two columns: a two-line drag that ends in the gap, past its line’s end, stops at that line’s end', async () => {
    const element = await mountWithClass(TWO_COLUMN);
    const first = span(element, 0, /^People overshoot the end/);
    const second = span(element, 0, /^the time, and they start drags in the$/);
    const beside = span(element, 0, /^back in document order/);
    const start = charBox(first.element, 'People '.length);
    const end = [second.rect.right + 20, middleY(second.rect)] as [number, number];
    expect(end[0], 'the drag ends in the gap').to.be.lessThan(beside.rect.left);
    await mouseDrag([leftEdge(start), middleY(start)], end);
    const { text, rects } = entry(element);
    expect(text).to.equal('overshoot the end of a line all\nthe time, and they start drags in the');
    expect(rects).to.have.length(2);
    expectInColumn(rects, LEFT_COLUMN);
  });

  it('the LaTeX paper: a drag that ends 20 px past a line’s end selects to that line’s end', async () => {
    const element = await mountWithClass(PAPER);
    const line = span(element, 0, /^about the selected font/);
    const start = charBox(line.element, 'about the '.length);
    await mouseDrag([leftEdge(start), middleY(start)], [line.rect.right + 20, middleY(line.rect)]);
    const { text, rects } = entry(element);
    expect(text).to.equal(line.text.slice('about the '.length));
    expect(rects).to.have.length(1);
    expectClose(screenRect(element, 0, rects[0]!).right, line.rect.right, 1.5, 'the rect ends at the line’s end');
  });

  it('the LaTeX paper: a drag that starts in the left margin selects from the line’s first word', async () => {
    const element = await mountWithClass(PAPER);
    const line = span(element, 0, /^about the selected font/);
    const font = charBox(line.element, 'about the selected fon'.length);
    await mouseDrag([line.rect.left - 25, middleY(line.rect)], [rightEdge(font), middleY(font)]);
    const { text, rects } = entry(element);
    expect(text).to.equal('about the selected font');
    expect(rects).to.have.length(1);
    expectClose(screenRect(element, 0, rects[0]!).left, line.rect.left, 1.5, 'the rect starts at the line’s start');
  });

  it('the pdflatex two-column article: a drag from the column gap to the end of a phrase selects that phrase, in the right column', async () => {
    const element = await mountWithClass(LATEX_TWO_COLUMN);
    const line = span(element, 0, /^amber basalt cobalt/);
    const beside = span(element, 0, /^the drag/);
    expect(beside.rect.right, 'a left-column line beside it').to.be.lessThan(line.rect.left);
    const y = middleY(line.rect);
    const gap = (beside.rect.right + line.rect.left) / 2;
    const cobalt = charBox(line.element, 'amber basalt cobalt'.length - 1);
    await mouseDrag([gap, y], [rightEdge(cobalt), y]);
    const { text, rects } = entry(element);
    expect(text).to.equal('amber basalt cobalt');
    expect(rects).to.have.length(1);
    expect(rects[0]!.x1, 'the rect starts in the right column').to.be.greaterThan(300);
    expectClose(screenRect(element, 0, rects[0]!).right, cobalt.right, 1.5, 'the rect ends where the phrase ends');
  });

  it('the pdflatex two-column article: a two-line drag that ends past a line end, in the 10 pt gap, stays in the left column', async () => {
    const element = await mountWithClass(LATEX_TWO_COLUMN);
    const first = span(element, 0, /^keep such a selection inside/);
    const second = span(element, 0, /^and export exactly the words/);
    const beside = span(element, 0, /^two lines of one paragraph/);
    const start = charBox(first.element, 'keep '.length);
    const gap = (second.rect.right + beside.rect.left) / 2;
    expect(gap - second.rect.right, 'the drag ends past the line end').to.be.greaterThan(3);
    await mouseDrag([leftEdge(start), middleY(start)], [gap, middleY(second.rect)]);
    const { text, rects } = entry(element);
    expect(text).to.equal(`${first.text.slice('keep '.length)}\n${second.text}`);
    expect(rects).to.have.length(2);
    for (const rect of rects) expect(rect.x2, `rect ${JSON.stringify(rect)} ends in the left column`).to.be.lessThan(300);
  });

  for (const [name, src, from, to] of [
    ['the LaTeX paper', PAPER, /^A blind text like this gives you information$/, /^about the selected font.*look\.$/],
    ['two columns', TWO_COLUMN, /^Labeling a scanned paper/, /^reader finding the passage that matters\.$/],
  ] as const) {
    it(`${name}: a two-line drag ending on a line’s last character or just past it keeps that character, and the last rect ends with it`, async () => {
      const element = await mountWithClass(src);
      const first = span(element, 0, from);
      const second = span(element, 0, to);
      const last = charBox(second.element, second.text.length - 1);
      const ends = { 'on its right edge': rightEdge(last), '1 px past it': last.right + 1, '3 px past it': last.right + 3 };
      for (const [where, x] of Object.entries(ends)) {
        document.getSelection()?.removeAllRanges();
        await mouseDrag([leftEdge(charBox(first.element, 0)), middleY(first.rect)], [x, middleY(last)]);
        const { text, rects } = entry(element);
        expect(text, `ending ${where}`).to.equal(`${first.text}\n${second.text}`);
        expect(rects).to.have.length(2);
        expectClose(screenRect(element, 0, rects[1]!).right, last.right, 1.5, `the rect ends with the text, ending ${where}`);
        element.session.store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject(toolsOf(element)[0]!.objectId));
      }
    });
  }
});
