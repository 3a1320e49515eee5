import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-text/define.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { recordEvents } from './helpers.js';
import { importOf } from './lk-text-helpers.js';

const NOVEL_URL = '/test/fixtures/text/pride_and_prejudice.txt';
const ontology = {
  tools: [
    { schemaId: 'n-person', tool: 'ner', title: 'Person', color: '#e53935', shortcutKey: '1' },
    { schemaId: 'n-place', tool: 'ner', title: 'Place', color: '#1e88e5', shortcutKey: '2' },
  ],
  classifications: [],
  relations: [{ schemaId: 'r-knows', tool: 'one-to-one', title: 'Knows', color: '#8e24aa' }],
};

/** 10,000 entities on the novel's capitalised words (the file is ASCII: code points are UTF-16 offsets). */
function entities(source: string, count = 10_000): { schemaId: string; objectId: string; ner: { start: number; end: number; selection: string } }[] {
  const out = [];
  const word = /[A-Z][a-z]+/g;
  for (let match = word.exec(source); match && out.length < count; match = word.exec(source)) {
    out.push({ schemaId: out.length % 3 ? 'n-person' : 'n-place', objectId: `w${out.length}`, ner: { start: match.index, end: match.index + match[0].length, selection: match[0] } });
  }
  return out;
}

async function mount(text: string): Promise<LkText> {
  const element = await fixture<LkText>(html`
    <lk-text style="--lk-height: 420px; width: 900px" external-id="doc.txt" .clock=${() => Date.UTC(2026, 0, 2)} .ontology=${ontology} .text=${text}></lk-text>
  `);
  await element.settled();
  return element;
}

describe('<lk-text> importInSteps (large imports without blocking the page)', () => {
  let source: string;

  before(async () => {
    source = await (await fetch(NOVEL_URL)).text();
  });

  it('imports 10,000 entities while frames go on, and exports exactly what the synchronous import does', async function () {
    this.timeout(60_000);
    const objects = entities(source);
    const relations = [{ schemaId: 'r-knows', objectId: 'k1', from: 'w1', to: 'w9999' }];
    const stepped = await mount(source);
    const synchronous = await mount(source);
    let frames = 0;
    let counting = true;
    const count = () => {
      frames++;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const done = stepped.importInSteps(importOf(objects, relations), { replace: true });
    // Nothing is stored until the whole input has been read.
    expect(stepped.export().task.tools).to.have.length(0);
    expect(await done).to.deep.equal([]);
    counting = false;
    expect(frames, 'frames were drawn while it ran').to.be.greaterThan(0);
    synchronous.annotations = importOf(objects, relations);
    // Right after the promise resolves, in the same task: exact.
    const exported = stepped.export();
    expect(exported.task.tools).to.have.length(10_000);
    expect(exported.task).to.deep.equal(synchronous.export().task);
    expect(stepped.annotations).to.deep.equal(importOf(objects, relations));
    // And the entities are painted once the element settles.
    await stepped.settled();
    expect(stepped.highlightNames().flatMap((name) => [...(CSS.highlights.get(name) ?? [])]).length).to.be.greaterThan(0);
    // The index holds them all, in document order (a large change rebuilds it): Shift+Tab from
    // nothing selected goes to the last entity, Tab to the first.
    expect(stepped.handleKeyAction('previousObject', new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true }))).to.equal(true);
    expect(stepped.session.selection).to.deep.equal(['w9999']);
    stepped.session.select([]);
    expect(stepped.handleKeyAction('nextObject', new KeyboardEvent('keydown', { key: 'Tab' }))).to.equal(true);
    expect(stepped.session.selection).to.deep.equal(['w0']);
  });

  it('refuses an input with a problem in a late slice at its path, keeping every annotation', async () => {
    const objects = entities(source, 3_000);
    const element = await mount(source);
    element.annotations = importOf(objects.slice(0, 5));
    const errors = recordEvents(element, ['lk-error']);
    const bad = objects.map((o, i) => (i === 2_600 ? { ...o, ner: { ...o.ner, selection: 'not the text' } } : o));
    const problems = await element.importInSteps(importOf(bad), { replace: true });
    expect(problems.map((p) => p.path)).to.deep.equal(['$[0].objects[2600].ner.selection']);
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['import-invalid']);
    expect(element.export().task.tools.map((t) => t.objectId)).to.deep.equal(['w0', 'w1', 'w2', 'w3', 'w4']);
  });

  it('merges without replace, and before the text is there waits for it like a synchronous import', async () => {
    const objects = entities(source, 1_200);
    const element = document.createElement('lk-text') as LkText;
    element.setAttribute('external-id', 'doc.txt');
    element.ontology = ontology as never;
    document.body.append(element);
    element.annotations = importOf(objects.slice(0, 2));
    // No text yet: the import waits for it (UTF-16 offsets need the text) and resolves at once.
    element.setAttribute('offset-unit', 'utf16');
    await element.updateComplete;
    expect(await element.importInSteps(importOf(objects.slice(2)))).to.deep.equal([]);
    element.text = source;
    await element.settled();
    expect(element.export().task.tools.map((t) => t.objectId)).to.deep.equal(objects.map((o) => o.objectId));
    element.remove();
  });
});
