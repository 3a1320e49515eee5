/**
 * <lk-text> through the host contract and the side panel, with real input: a signed URL, a UTF-8
 * file with CRLF, classifications and relations made in the panels, locked pre-labels, review,
 * redo, validation, and what is painted (pixels of the highlights, readable arrow labels).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/lk-text/define.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { browserRequests, clearRequestLog, signedUrl } from '../server/signed-assets-client.js';
import { nextEvent, recordEvents } from './helpers.js';
import { clickOn, codePointSpan, dragOver, importOf, nerOf, textRect } from './lk-text-helpers.js';
import { click } from './panels/helpers.js';
import { pixels, rowsWithColour } from './pixels.js';

const ontology = {
  tools: [
    {
      schemaId: 'n-person',
      tool: 'ner',
      title: 'Person',
      color: '#e53935',
      shortcutKey: '1',
      classifications: [
        {
          schemaId: 'n-role',
          tool: 'radio',
          title: 'Role',
          required: true,
          options: [
            { value: 'Hero', schemaId: 'o-hero' },
            { value: 'Villain', schemaId: 'o-villain' },
          ],
          classifications: [
            {
              schemaId: 'n-motive',
              tool: 'radio',
              title: 'Motive',
              parentOptionId: 'o-villain',
              options: [
                { value: 'Greed', schemaId: 'o-greed' },
                { value: 'Pride', schemaId: 'o-pride' },
              ],
            },
          ],
        },
      ],
    },
    { schemaId: 'n-place', tool: 'ner', title: 'Place', color: '#1e88e5', shortcutKey: '2' },
  ],
  classifications: [
    {
      schemaId: 'c-topic',
      tool: 'single-dropdown',
      title: 'Topic',
      required: true,
      options: [
        { value: 'Romance', schemaId: 'o-romance' },
        { value: 'War', schemaId: 'o-war' },
      ],
    },
  ],
  relations: [
    { schemaId: 'r-knows', tool: 'one-to-one', title: 'Knows', color: '#8e24aa' },
    { schemaId: 'r-family', tool: 'group', title: 'Family', color: '#00897b' },
  ],
};

const STORY = 'Mr. Darcy met Elizabeth Bennet at the ball in Meryton.\nShe lived at Longbourn with Jane and Lydia.\n';
const UNICODE_FILE = 'text/unicode-crlf.txt';

function entity(objectId: string, schemaId: string, needle: string, extra: Record<string, unknown> = {}) {
  return { objectId, schemaId, ner: codePointSpan(STORY, needle), ...extra };
}

async function mount(options: { text?: string; annotations?: unknown; mode?: string; reviewReadonly?: boolean } = {}): Promise<LkText> {
  const element = await fixture<LkText>(html`
    <lk-text
      style="--lk-height: 480px; width: 780px"
      external-id="doc.txt"
      mode=${options.mode ?? 'annotate'}
      ?review-readonly=${options.reviewReadonly ?? false}
      .ontology=${ontology}
      .annotations=${options.annotations}
      .user=${{ id: 'u-1', email: 'ann@example.com' }}
      .text=${options.text ?? STORY}
    ></lk-text>
  `);
  await element.settled();
  element.focus();
  return element;
}

/** An element of the side panel (inside a panel's own shadow root). */
function inPanel<T extends Element = HTMLElement>(element: LkText, panel: string, selector: string): T {
  for (const host of element.shadowRoot!.querySelectorAll(panel)) {
    const found = host.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
  }
  throw new Error(`${panel}: nothing matches ${selector}`);
}

function choiceIn(element: LkText, schemaId: string, text: string): HTMLInputElement {
  const field = inPanel(element, 'lk-classification-form', `[part~="field"][data-schema-id="${schemaId}"]`);
  const label = [...field.querySelectorAll('label.choice')].find((candidate) => candidate.textContent?.trim() === text);
  if (!label) throw new Error(`no choice ${text} in ${schemaId}`);
  return label.querySelector('input')!;
}

describe('<lk-text> with real input, host contract and panels', () => {
  afterEach(async () => {
    await resetMouse();
  });

  // First in the file: the modules it looks for are requested only once per page.
  it('loads its toolbar on first render and never pixi, pdf.js or cornerstone', async () => {
    await clearRequestLog();
    const element = await fixture<LkText>(html`<lk-text no-sidebar style="--lk-height: 300px; width: 700px" .ontology=${ontology} .text=${STORY}></lk-text>`);
    await element.settled();
    const toolbar = element.shadowRoot!.querySelector('lk-toolbar')!;
    expect(customElements.get('lk-toolbar'), 'the toolbar arrived').to.exist;
    const button = toolbar.shadowRoot!.querySelector('button[data-schema-id="n-place"]')!;
    await click(button);
    expect(element.session.activeSchemaId).to.equal('n-place');
    await dragOver(element, 'Meryton');
    expect(element.export().task.tools.map((tool) => nerOf(tool))).to.deep.equal([codePointSpan(STORY, 'Meryton')]);
    const urls = (await browserRequests()).map((request) => request.url);
    expect(urls.some((url) => url.includes('toolbar')), 'the toolbar module was requested').to.equal(true);
    expect(urls.filter((url) => /pixi|pdfjs|pdf\.worker|cornerstone|dicom-parser/.test(url))).to.deep.equal([]);
    expect(urls.filter((url) => /object-list|classification-form/.test(url)), 'no side panel with no-sidebar').to.deep.equal([]);
  });

  it('loads a signed URL (refreshed through resolveUrl once expired) and keeps it out of exports and events', async () => {
    const expired = await signedUrl(UNICODE_FILE, { ttlSeconds: -30 });
    const fresh = await signedUrl(UNICODE_FILE);
    const calls: unknown[] = [];
    const element = await fixture<LkText>(html`<lk-text style="--lk-height: 300px; width: 900px" asset-id="doc-7" .ontology=${ontology}></lk-text>`);
    const events = recordEvents(element, ['lk-ready', 'lk-change', 'lk-error']);
    element.resolveUrl = (request) => (calls.push(request), fresh);
    const ready = nextEvent(element, 'lk-ready');
    element.src = expired;
    await ready;
    await element.settled();
    expect(calls).to.have.length(1);
    const bytes = new Uint8Array(await (await fetch(fresh)).arrayBuffer());
    expect(element.documentText).to.equal(new TextDecoder().decode(bytes));
    element.focus();
    await sendKeys({ press: '2' });
    await dragOver(element, 'Netherfield');
    const record = element.export();
    expect(record.asset).to.not.contain('sig=');
    const everything = JSON.stringify([record, ...events.map((event) => event.detail)]);
    expect(everything).to.not.contain('sig=');
    expect(everything).to.not.contain('exp=');
    expect(events.filter((event) => event.type === 'lk-error')).to.have.length(0);
  });

  it('counts a UTF-8 file as it is: CRLF two characters, emoji one, offsets across lines', async () => {
    const url = await signedUrl(UNICODE_FILE);
    const source = new TextDecoder().decode(new Uint8Array(await (await fetch(url)).arrayBuffer()));
    const element = await fixture<LkText>(html`<lk-text style="--lk-height: 300px; width: 900px" .ontology=${ontology}></lk-text>`);
    const ready = nextEvent<CustomEvent>(element, 'lk-ready');
    element.src = url;
    const { detail } = await ready;
    await element.settled();
    expect(detail.metadata).to.deep.equal({ characters: [...source].length, lines: 3, offsetUnit: 'codepoint' });
    expect(source).to.contain('\r\n');
    element.focus();
    await sendKeys({ press: '1' });
    await dragOver(element, 'Élisabeth');
    // From the end of the first line across its CRLF (one caret step, two characters) into the next.
    await clickOn(element, 'Netherfield.');
    const line = textRect(element, 'Netherfield.');
    await sendMouse({ type: 'click', position: [Math.round(line.right - 1), Math.round(line.top + line.height / 2)] });
    await element.settled();
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Shift+ArrowRight' });
    await sendKeys({ press: '2' });
    const spans = element.export().task.tools.map((tool) => nerOf(tool));
    expect(spans).to.deep.equal([codePointSpan(source, 'Élisabeth'), codePointSpan(source, '\r\nCafe\u0301')]);
    expect(spans[1]!.end - spans[1]!.start).to.equal(7, 'CR, LF, C, a, f, e, combining acute');
  });

  it('paints nested and crossing entities in separate lanes, visible in the pixels', async () => {
    const element = await mount({
      annotations: importOf([
        entity('outer', 'n-person', 'Elizabeth Bennet'),
        entity('inner', 'n-place', 'Bennet'),
        entity('crossing', 'n-place', 'Bennet at the'),
      ]),
    });
    await element.settled();
    const word = (needle: string) => {
      const rect = textRect(element, needle);
      return { left: rect.left + 2, top: rect.top, width: rect.width - 4, height: rect.height + 14 };
    };
    const red = '#e53935';
    const blue = '#1e88e5';
    // "Elizabeth": the outer entity alone, its underline in the first lane.
    const elizabeth = await pixels(word('Elizabeth'));
    expect(rowsWithColour(elizabeth, red).length, 'red underline under Elizabeth').to.be.greaterThan(0);
    expect(rowsWithColour(elizabeth, blue)).to.deep.equal([]);
    // "Bennet": the outer entity's underline and the nested and crossing ones below it.
    const bennet = await pixels(word('Bennet'));
    const redRows = rowsWithColour(bennet, red);
    const blueRows = rowsWithColour(bennet, blue);
    expect(redRows.length, 'red underline under Bennet').to.be.greaterThan(0);
    expect(blueRows.length, 'blue underlines under Bennet').to.be.greaterThan(0);
    expect(Math.min(...blueRows), 'the nested underline lies below the outer one').to.be.greaterThan(Math.max(...redRows));
    // "the": only the crossing entity.
    const the = await pixels(word('the'));
    expect(rowsWithColour(the, red)).to.deep.equal([]);
    expect(rowsWithColour(the, blue).length).to.be.greaterThan(0);
    // An unlabelled word has none.
    const ball = await pixels(word('ball'));
    expect([...rowsWithColour(ball, red), ...rowsWithColour(ball, blue)]).to.deep.equal([]);
  });

  it('repaints an entity moved to another class (Alt+shortcut) and one hidden and shown in the object list', async () => {
    const element = await mount({ annotations: importOf([entity('darcy', 'n-person', 'Darcy'), entity('meryton', 'n-place', 'Meryton')]) });
    const under = async (needle: string) => {
      const rect = textRect(element, needle);
      return pixels({ left: rect.left + 1, top: rect.top, width: rect.width - 2, height: rect.height + 8 });
    };
    const red = '#e53935';
    const blue = '#1e88e5';
    expect(rowsWithColour(await under('Darcy'), red).length).to.be.greaterThan(0);
    await clickOn(element, 'Darcy');
    await sendKeys({ press: 'Alt+2' });
    await clickOn(element, 'ball');
    expect(element.export().task.tools.find((tool) => tool.objectId === 'darcy')!.schemaId).to.equal('n-place');
    const moved = await under('Darcy');
    expect(rowsWithColour(moved, red)).to.deep.equal([]);
    expect(rowsWithColour(moved, blue).length).to.be.greaterThan(0);
    // Hidden in the object list: not painted, still exported; shown again: painted.
    await click(inPanel(element, 'lk-object-list', 'button.visibility[aria-label^="Hide"]'));
    await element.settled();
    const hiddenCount = [...element.session.hidden].length;
    expect(hiddenCount).to.equal(1);
    const hiddenId = [...element.session.hidden][0]!;
    const hiddenWord = hiddenId === 'darcy' ? 'Darcy' : 'Meryton';
    expect(rowsWithColour(await under(hiddenWord), blue)).to.deep.equal([]);
    expect(element.export().task.tools).to.have.length(2);
    await click(inPanel(element, 'lk-object-list', 'button.visibility[aria-label^="Show"]'));
    await element.settled();
    expect(rowsWithColour(await under(hiddenWord), blue).length).to.be.greaterThan(0);
  });

  it('answers an entity’s nested classification and the document’s in the side panel, validated at submit', async () => {
    const element = await mount({ annotations: importOf([entity('darcy', 'n-person', 'Darcy')]) });
    const events = recordEvents(element, ['lk-change', 'lk-invalid', 'lk-submit']);
    const submit = () => click(inPanel(element, 'lk-task-actions', 'button.submit'));
    await submit();
    await element.settled();
    const invalid = events.filter((event) => event.type === 'lk-invalid');
    expect(invalid).to.have.length(1);
    const missing = invalid[0]!.detail.problems.map((problem: { schemaId?: string }) => problem.schemaId);
    expect(missing).to.include.members(['n-role', 'c-topic']);
    // The entity's questions appear when it is selected; the nested one only after "Villain".
    await clickOn(element, 'Darcy');
    await click(choiceIn(element, 'n-role', 'Villain'));
    await element.settled();
    await click(choiceIn(element, 'n-motive', 'Pride'));
    await element.settled();
    // The document's question, from the keyboard.
    const select = inPanel<HTMLSelectElement>(element, 'lk-classification-form[heading="Task"]', '[data-schema-id="c-topic"] select');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await element.settled();
    const record = element.export();
    const role = record.task.tools[0]!.classifications[0]!;
    expect(role).to.include({ schemaId: 'n-role', answer: 'Villain' });
    expect(role.classifications?.[0]).to.include({ schemaId: 'n-motive', answer: 'Pride' });
    expect(record.task.classifications.find((answer) => answer.schemaId === 'c-topic')).to.include({ answer: 'War' });
    expect(events.filter((event) => event.type === 'lk-change').length).to.be.greaterThan(2);
    await submit();
    await element.settled();
    expect(events.filter((event) => event.type === 'lk-submit')).to.have.length(1);
  });

  it('relates entities picked with Ctrl+click in the relations panel; single and group arrows carry their labels', async () => {
    const element = await mount({
      annotations: importOf([entity('darcy', 'n-person', 'Darcy'), entity('lizzy', 'n-person', 'Elizabeth'), entity('jane', 'n-person', 'Jane'), entity('lydia', 'n-person', 'Lydia')]),
    });
    await clickOn(element, 'Darcy');
    await clickOn(element, 'Elizabeth', { modifier: 'Control' });
    expect(element.session.selection).to.deep.equal(['darcy', 'lizzy']);
    await click(inPanel(element, 'lk-relations-panel', 'button[data-schema-id="r-knows"]'));
    await element.settled();
    await clickOn(element, 'Elizabeth');
    await clickOn(element, 'Jane', { modifier: 'Control' });
    await clickOn(element, 'Lydia', { modifier: 'Control' });
    await click(inPanel(element, 'lk-relations-panel', 'button[data-schema-id="r-family"]'));
    await element.settled();
    const relations = element.export().task.relations;
    expect(relations.map((relation) => relation.schemaId).sort()).to.deep.equal(['r-family', 'r-knows']);
    const arrows = [...element.shadowRoot!.querySelectorAll('svg.arrows g[data-relation-id]')];
    expect(arrows.map((g) => g.querySelector('text')!.textContent).sort()).to.deep.equal(['Family', 'Knows']);
    const family = arrows.find((g) => g.querySelector('text')!.textContent === 'Family')!;
    expect(family.querySelector('path')!.getAttribute('stroke-dasharray'), 'a group is dashed').to.not.equal(null);
    const knows = arrows.find((g) => g.querySelector('text')!.textContent === 'Knows')!;
    expect(knows.querySelectorAll('path')).to.have.length(2, 'a single relation has an arrowhead');
    // A click on the arrow's label selects the relation.
    const label = knows.querySelector('text')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(label.left + label.width / 2), Math.round(label.top + label.height / 2)] });
    await element.settled();
    expect(element.session.selection).to.deep.equal([knows.getAttribute('data-relation-id')]);
  });

  it('keeps the labels of many overlapping relations apart', async () => {
    const people = ['Darcy', 'Elizabeth', 'Bennet', 'ball', 'Meryton'];
    const objects = people.map((needle, i) => entity(`p${i}`, 'n-person', needle));
    const relations: unknown[] = [];
    for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) relations.push({ schemaId: 'r-knows', objectId: `r${i}${j}`, from: `p${i}`, to: `p${j}` });
    const element = await mount({ annotations: importOf(objects, relations) });
    const labels = [...element.shadowRoot!.querySelectorAll('svg.arrows text')].map((text) => text.getBoundingClientRect());
    expect(labels).to.have.length(relations.length);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = labels[j]!;
        const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        expect(overlap, `labels ${i} and ${j} overlap`).to.equal(false);
      }
    }
  });

  it('leaves locked pre-labels alone: no delete, no handles, no edge moves', async () => {
    const element = await mount({ annotations: importOf([entity('locked', 'n-person', 'Darcy', { lock: true }), entity('free', 'n-place', 'Meryton')]) });
    const events = recordEvents(element, ['lk-change']);
    await clickOn(element, 'Darcy');
    expect(element.session.selection).to.deep.equal(['locked']);
    expect(element.shadowRoot!.querySelector('.handle.end')!.getBoundingClientRect().height).to.equal(0);
    await sendKeys({ press: 'Shift+Alt+ArrowRight' });
    await sendKeys({ press: 'Delete' });
    await element.settled();
    expect(events).to.have.length(0);
    expect(nerOf(element.export().task.tools.find((tool) => tool.objectId === 'locked'))).to.deep.equal(codePointSpan(STORY, 'Darcy'));
    // The unlocked one still can be deleted.
    await clickOn(element, 'Meryton');
    expect(element.shadowRoot!.querySelector('.handle.end')!.getBoundingClientRect().height).to.be.greaterThan(0);
    await sendKeys({ press: 'Delete' });
    expect(element.export().task.tools.map((tool) => tool.objectId)).to.deep.equal(['locked']);
  });

  it('drags the start handle, and redoes what was undone', async () => {
    const element = await mount({ annotations: importOf([entity('e1', 'n-person', 'Bennet')]) });
    await clickOn(element, 'Bennet');
    const handle = element.shadowRoot!.querySelector('.handle.start')!.getBoundingClientRect();
    const target = textRect(element, 'Elizabeth');
    const y = Math.round(target.top + target.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(handle.left + handle.width / 2), Math.round(handle.top + handle.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(target.left + target.width / 2), y] });
    await sendMouse({ type: 'move', position: [Math.round(target.left + 1), y] });
    await sendMouse({ type: 'up' });
    await element.settled();
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
    await sendKeys({ press: 'Control+z' });
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Bennet'));
    await sendKeys({ press: 'Control+Shift+z' });
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
  });

  it('lets a reviewer edit, and a read-only reviewer only look', async () => {
    const editing = await mount({ mode: 'review' });
    await sendKeys({ press: '2' });
    await dragOver(editing, 'Meryton');
    expect(editing.export().task.tools.map((tool) => nerOf(tool))).to.deep.equal([codePointSpan(STORY, 'Meryton')]);
    const readOnly = await mount({ mode: 'review', reviewReadonly: true, annotations: importOf([entity('e1', 'n-person', 'Darcy')]) });
    const events = recordEvents(readOnly, ['lk-change']);
    await sendKeys({ press: '2' });
    await dragOver(readOnly, 'Meryton');
    await clickOn(readOnly, 'Darcy');
    await sendKeys({ press: 'Delete' });
    expect(events).to.have.length(0);
    expect(readOnly.session.selection).to.deep.equal(['e1']);
    expect(readOnly.export().task.tools.map((tool) => tool.objectId)).to.deep.equal(['e1']);
  });

  it('keeps the ontology and every entity when a new ontology is invalid, and stays usable', async () => {
    const element = await mount({ annotations: importOf([entity('e1', 'n-person', 'Darcy')]) });
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.ontology = { tools: [{ schemaId: 'x', tool: 'ner', title: '<b>broken</b>', color: 'not a colour' }], classifications: 'nope', relations: [] } as never;
    expect((await error).detail.code).to.equal('ontology-invalid');
    await element.settled();
    expect(element.export().task.tools.map((tool) => [tool.objectId, tool.title])).to.deep.equal([['e1', 'Person']]);
    await sendKeys({ press: '2' });
    await dragOver(element, 'Meryton');
    expect(element.export().task.tools).to.have.length(2);
  });

  it('shows markup in option values and titles as text in the panels', async () => {
    const hostile = {
      ...ontology,
      classifications: [{ schemaId: 'c-x', tool: 'radio', title: 'Pick <img src=x onerror="window.__lkPanelPwned=1">', options: [{ value: '<script>window.__lkPanelPwned=2</script>', schemaId: 'o-x' }] }],
    };
    const element = await mount();
    element.ontology = hostile as never;
    await element.settled();
    const field = inPanel(element, 'lk-classification-form[heading="Task"]', '[data-schema-id="c-x"]');
    expect(field.textContent).to.contain('<script>window.__lkPanelPwned=2</script>');
    expect(field.textContent).to.contain('Pick <img src=x');
    expect(field.querySelectorAll('script, img')).to.have.length(0);
    await click(choiceIn(element, 'c-x', '<script>window.__lkPanelPwned=2</script>'));
    await element.settled();
    expect(element.export().task.classifications[0]).to.include({ answer: '<script>window.__lkPanelPwned=2</script>' });
    expect((window as unknown as { __lkPanelPwned?: number }).__lkPanelPwned).to.equal(undefined);
  });
});
