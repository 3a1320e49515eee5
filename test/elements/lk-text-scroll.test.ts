/**
 * <lk-text> with the whole novel and 10,000 entities (issue 19): a host's synchronous
 * `annotations = …` into an empty element is exact in the same task, and a real scroll (wheel,
 * then Page Down) far into the book shows the entities there painted on their words, with their
 * class tags placed once the scroll pauses. Assertions on the export, the screen's pixels and
 * the tags' boxes against the words'.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/lk-text/define.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { clickOn, importOf } from './lk-text-helpers.js';
import { pixels, rowsWithColour } from './pixels.js';
import { until } from './waits.js';

const NOVEL_URL = '/test/fixtures/text/pride_and_prejudice.txt';
const RED = '#e53935';
const ontology = {
  tools: [
    { schemaId: 'n-person', tool: 'ner', title: 'Person', color: RED, shortcutKey: '1' },
    { schemaId: 'n-place', tool: 'ner', title: 'Place', color: '#1e88e5', shortcutKey: '2' },
  ],
  classifications: [],
  relations: [],
};

interface Entry {
  schemaId: string;
  objectId: string;
  ner: { start: number; end: number; selection: string };
}

/** Entities on the novel's capitalised words from `from` on (the file is ASCII: code points are UTF-16 offsets). */
function entities(source: string, count: number, prefix: string, schemaId = 'n-person', from = 0): Entry[] {
  const out: Entry[] = [];
  const word = /[A-Z][a-z]+/g;
  word.lastIndex = from;
  for (let match = word.exec(source); match && out.length < count; match = word.exec(source)) {
    out.push({ schemaId, objectId: `${prefix}${out.length}`, ner: { start: match.index, end: match.index + match[0].length, selection: match[0] } });
  }
  return out;
}

async function mountNovel(source: string): Promise<LkText> {
  const element = await fixture<LkText>(html`
    <lk-text style="--lk-height: 480px; width: 900px" no-sidebar external-id="doc.txt" .ontology=${ontology} .text=${source}></lk-text>
  `);
  await element.settled();
  return element;
}

const exportedEntities = (element: LkText) =>
  element.export().task.tools.map((tool) => ({ schemaId: tool.schemaId, objectId: tool.objectId, ner: (tool as unknown as Entry).ner }));

describe('<lk-text> with the novel and 10,000 entities', () => {
  let source: string;

  before(async () => {
    source = await (await fetch(NOVEL_URL)).text();
  });

  it('takes 10,000 entities with `annotations = …` into an empty element: the export in the same task is exact, and a replace leaves none of them', async function () {
    this.timeout(60_000);
    const element = await mountNovel(source);
    const first = entities(source, 10_000, 'a');
    element.annotations = importOf(first);
    // The same task: nothing has been indexed or painted yet, the export is already exact.
    expect(exportedEntities(element)).to.deep.equal(first);
    await element.settled();
    // Replaced by 3,000 others (places, later in the book): exact again, and the index holds
    // exactly the new ones: Tab and Shift+Tab reach the first and the last of them.
    const second = entities(source, 3_000, 'b', 'n-place', 200_000);
    element.annotations = importOf(second);
    expect(exportedEntities(element)).to.deep.equal(second);
    await element.settled();
    expect(element.handleKeyAction('nextObject', new KeyboardEvent('keydown', { key: 'Tab' }))).to.equal(true);
    expect(element.session.selection).to.deep.equal(['b0']);
    element.session.select([]);
    expect(element.handleKeyAction('previousObject', new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true }))).to.equal(true);
    expect(element.session.selection).to.deep.equal(['b2999']);
    element.session.select([]);
    // A word that was an entity of the first import and is none now: a click on it selects nothing.
    element.shadowRoot!.querySelector('.scroller')!.scrollTop = 0;
    await element.settled();
    await clickOn(element, first[1]!.ner.selection, { occurrence: 0 });
    expect(element.session.selection).to.deep.equal([]);
    expect(element.export().task.tools).to.have.length(3_000);
  });

  it('after a real scroll far into the book, paints the entities in view on their words and tags them once the scroll pauses', async function () {
    this.timeout(120_000);
    const element = await mountNovel(source);
    const all = entities(source, 10_000, 'w');
    element.annotations = importOf(all);
    await element.settled();
    const scroller = element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const box = scroller.getBoundingClientRect();
    const middle = { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
    for (let i = 0; i < 8; i++) await executeServerCommand('input:wheel', { ...middle, deltaY: 2400 });
    scroller.focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'PageDown' });
    await until(() => scroller.scrollTop > 10_000, 'the document scrolled');
    // The lines in the middle of the screen, and the entities on them.
    const line = element.shadowRoot!.elementFromPoint(middle.x - 200, middle.y);
    const node = line?.firstChild;
    if (!(node instanceof Text) || node.data.length < 20) throw new Error('no line of text in the middle of the screen');
    const lineStart = source.indexOf(`\n${node.data}\n`) + 1;
    expect(lineStart, 'the line is found in the source').to.be.greaterThan(0);
    const onLine = all.filter((entity) => entity.ner.start >= lineStart && entity.ner.end <= lineStart + node.data.length);
    expect(onLine.length, 'entities on that line').to.be.greaterThan(0);
    const entity = onLine[0]!;
    const word = document.createRange();
    word.setStart(node, entity.ner.start - lineStart);
    word.setEnd(node, entity.ner.end - lineStart);
    const wordBox = word.getBoundingClientRect();
    // Its tag comes once the scroll has paused, at the word's start, just above it.
    await until(() => element.shadowRoot!.querySelector(`.class-label[data-object-id="${entity.objectId}"]`) !== null, 'the tag of an entity in view');
    const tag = element.shadowRoot!.querySelector<HTMLElement>(`.class-label[data-object-id="${entity.objectId}"]`)!;
    const tagBox = tag.getBoundingClientRect();
    expect(tag.textContent).to.equal('Person');
    expect(Math.abs(tagBox.left - wordBox.left)).to.be.lessThan(1);
    expect(tagBox.bottom).to.be.closeTo(wordBox.top, 1);
    // The word itself is painted: its underline (and tint) in the class colour, under the word.
    const painted = await pixels({ left: wordBox.left + 1, top: wordBox.top, width: wordBox.width - 2, height: wordBox.height + 8 });
    expect(rowsWithColour(painted, RED, 2).length, `${entity.ner.selection} is underlined`).to.be.greaterThan(0);
    // A plain word on the same line, before any entity, is not.
    const gap = onLine[0]!.ner.start - lineStart;
    if (gap > 12) {
      const plain = document.createRange();
      plain.setStart(node, 0);
      plain.setEnd(node, Math.min(gap - 2, 10));
      const plainBox = plain.getBoundingClientRect();
      const unpainted = await pixels({ left: plainBox.left, top: plainBox.top, width: plainBox.width, height: plainBox.height + 8 });
      expect(rowsWithColour(unpainted, RED, 2)).to.deep.equal([]);
    }
  });
});
