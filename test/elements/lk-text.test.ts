import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../src/elements/lk-text/define.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { frames, nextEvent, recordEvents } from './helpers.js';
import { clickOn, codePointSpan, dragOver, importOf, nerOf, textRect } from './lk-text-helpers.js';
import { pixels, rowsWithColour } from './pixels.js';

const NOVEL_URL = '/test/fixtures/text/pride_and_prejudice.txt';

const ontology = {
  tools: [
    {
      schemaId: 'n-person',
      tool: 'ner',
      title: 'Person',
      color: '#e53935',
      shortcutKey: '1',
      classifications: [{ schemaId: 'n-role', tool: 'radio', title: 'Role', options: [{ value: 'Hero', schemaId: 'o-hero' }, { value: 'Villain', schemaId: 'o-villain' }] }],
    },
    { schemaId: 'n-place', tool: 'ner', title: 'Place', color: '#1e88e5', shortcutKey: '2' },
    { schemaId: 'n-markup', tool: 'ner', title: '<img src=x onerror="window.__lkPwned=1">Markup', color: '#43a047', shortcutKey: '3' },
  ],
  classifications: [
    {
      schemaId: 'c-topic',
      tool: 'single-dropdown',
      title: 'Topic <b>bold</b>',
      options: [{ value: '<script>window.__lkPwned=2</script>', schemaId: 'o-script' }, { value: 'Romance', schemaId: 'o-romance' }],
    },
  ],
  relations: [
    { schemaId: 'r-knows', tool: 'one-to-one', title: 'Knows', color: '#8e24aa' },
    { schemaId: 'r-family', tool: 'group', title: 'Family', color: '#00897b' },
  ],
};

const STORY = '😀 Mr. Darcy met Elizabeth Bennet at the ball.\nShe lived at Longbourn with her sisters.\n';

async function mount(text: string, options: { mode?: string; snapWords?: boolean; annotations?: unknown } = {}): Promise<LkText> {
  const element = await fixture<LkText>(html`
    <lk-text
      style="--lk-height: 420px; width: 900px"
      asset-id="doc-1"
      external-id="doc.txt"
      mode=${options.mode ?? 'annotate'}
      ?snap-words=${options.snapWords ?? false}
      .ontology=${ontology}
      .annotations=${options.annotations}
      .user=${{ id: 'u-1', email: 'ann@example.com' }}
      .text=${text}
    ></lk-text>
  `);
  await element.settled();
  element.focus();
  return element;
}

describe('<lk-text>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('renders one paragraph per line in its shadow root, never in the light DOM', async () => {
    const element = await mount(STORY);
    const paragraphs = element.shadowRoot!.querySelectorAll('.paragraphs p');
    expect(paragraphs).to.have.length(3);
    expect(paragraphs[1]!.textContent).to.equal('She lived at Longbourn with her sisters.');
    expect(element.querySelectorAll('p')).to.have.length(0);
    // Paragraphs are rendered in blocks the browser skips when they are far from the viewport.
    expect(getComputedStyle(paragraphs[0]!.parentElement!).contentVisibility).to.equal('auto');
    // Page rules for p and ::highlight() of the same shape do not reach into the shadow root.
    const pageStyle = document.createElement('style');
    pageStyle.textContent = 'p { display: none !important; color: red !important; }';
    document.head.append(pageStyle);
    expect(getComputedStyle(paragraphs[0]!).display).to.equal('block');
    pageStyle.remove();
    expect(element.export().metadata).to.deep.equal({ characters: [...STORY].length, lines: 3, offsetUnit: 'codepoint' });
  });

  it('passes an axe accessibility check with entities and a selection', async () => {
    const element = await mount(STORY, { annotations: importOf([{ schemaId: 'n-person', objectId: 'e1', ner: codePointSpan(STORY, 'Darcy') }]) });
    await clickOn(element, 'Darcy');
    await expect(element).to.be.accessible();
  });

  it('a long text is reachable by keyboard: Tab focuses the text region, Page Down scrolls it, and axe finds it reachable', async () => {
    const novel = await (await fetch(NOVEL_URL)).text();
    const element = await mount(novel.slice(0, 60000));
    // axe's scrollable-region-focusable: a scrolling region a keyboard cannot reach in every browser.
    await expect(element).to.be.accessible();
    const scroller = element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    for (let i = 0; i < 30 && element.shadowRoot!.activeElement !== scroller; i++) await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement, 'Tab reaches the text').to.equal(scroller);
    expect(scroller.getAttribute('aria-label')).to.equal('Text');
    const scrolled = nextEvent(scroller, 'scroll');
    await sendKeys({ press: 'PageDown' });
    await scrolled;
    expect(scroller.scrollTop, 'Page Down scrolls').to.be.greaterThan(100);
  });

  it('creates an entity from a mouse drag when a class is active, with exact code point offsets', async () => {
    const element = await mount(STORY);
    const events = recordEvents(element, ['lk-change']);
    await sendKeys({ press: '1' });
    expect(element.session.activeSchemaId).to.equal('n-person');
    await dragOver(element, 'Elizabeth Bennet');
    expect(events).to.have.length(1);
    const detail = events[0]!.detail;
    expect(detail.reason).to.equal('create');
    expect(nerOf(detail.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
    expect(detail.tools[0].schemaId).to.equal('n-person');
    const tools = element.export().task.tools;
    expect(tools).to.have.length(1);
    expect(nerOf(tools[0])).to.deep.equal({ start: 16, end: 32, selection: 'Elizabeth Bennet' });
    expect(element.session.selection).to.deep.equal([tools[0]!.objectId]);
  });

  it('keeps a selection waiting without an active class; a class shortcut then creates it', async () => {
    const element = await mount(STORY);
    const events = recordEvents(element, ['lk-change']);
    await dragOver(element, 'Longbourn');
    expect(events).to.have.length(0);
    expect(element.pendingSpan).to.deep.equal(codePointSpan(STORY, 'Longbourn'));
    await sendKeys({ press: '2' });
    expect(events).to.have.length(1);
    const tool = element.export().task.tools[0]!;
    expect(tool.schemaId).to.equal('n-place');
    expect(nerOf(tool)).to.deep.equal(codePointSpan(STORY, 'Longbourn'));
    expect(element.pendingSpan).to.equal(undefined);
    expect(element.session.activeSchemaId).to.equal(undefined, 'the shortcut created the entity without arming the class');
  });

  it('a drag that ends on the selected entity\'s edge handle still makes its span (overlapping entities)', async () => {
    const element = await mount(STORY);
    await sendKeys({ press: '1' });
    await dragOver(element, 'Elizabeth Bennet');
    const [first] = element.export().task.tools;
    expect(element.session.selection, 'the new entity is selected: its handles show').to.deep.equal([first!.objectId]);
    const handle = element.shadowRoot!.querySelector<HTMLElement>('.handle.end')!;
    expect(getComputedStyle(handle).display).to.equal('block');
    // The second drag ends right on the end handle of the selected entity.
    await dragOver(element, 'met Elizabeth Bennet');
    expect(element.export().task.tools.map((tool) => nerOf(tool))).to.deep.equal([codePointSpan(STORY, 'Elizabeth Bennet'), codePointSpan(STORY, 'met Elizabeth Bennet')]);
  });

  it('creates a waiting span when a class is picked in the toolbar', async () => {
    const element = await mount(STORY);
    await dragOver(element, 'Longbourn');
    const toolbar = element.shadowRoot!.querySelector('lk-toolbar');
    const button = toolbar!.shadowRoot!.querySelector<HTMLButtonElement>('button[data-schema-id="n-place"]')!;
    const rect = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
    await element.settled();
    const tools = element.export().task.tools;
    expect(tools.map((t) => [t.schemaId, nerOf(t)])).to.deep.equal([['n-place', codePointSpan(STORY, 'Longbourn')]]);
    expect(element.session.activeSchemaId).to.equal('n-place');
    // The class stays active: the next drag creates at once.
    await dragOver(element, 'ball');
    expect(element.export().task.tools).to.have.length(2);
  });

  it('selects with Shift+arrows from a caret and creates with a class shortcut', async () => {
    const element = await mount(STORY);
    await clickOn(element, 'Darcy', { at: 'start' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Shift+ArrowRight' });
    expect(element.pendingSpan).to.deep.equal(codePointSpan(STORY, 'Darcy'));
    await sendKeys({ press: 'Shift+ArrowLeft' });
    expect(element.pendingSpan?.selection).to.equal('Darc');
    await sendKeys({ press: 'Shift+ArrowRight' });
    await sendKeys({ press: '1' });
    const tools = element.export().task.tools;
    expect(tools).to.have.length(1);
    expect(nerOf(tools[0])).to.deep.equal(codePointSpan(STORY, 'Darcy'));
  });

  it('creates with Enter when a class is active and the span came from the keyboard', async () => {
    const element = await mount(STORY);
    await clickOn(element, 'ball', { at: 'start' });
    await sendKeys({ press: '2' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Shift+ArrowRight' });
    expect(element.export().task.tools).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'ball'));
  });

  it('zooms the text with + and - and still maps drags to exact offsets', async () => {
    const element = await mount(STORY);
    const before = textRect(element, 'Longbourn').width;
    await sendKeys({ press: '=' });
    await sendKeys({ press: '=' });
    await element.settled();
    const after = textRect(element, 'Longbourn').width;
    expect(after / before).to.be.closeTo(1.32, 0.05);
    await sendKeys({ press: '2' });
    await dragOver(element, 'Longbourn');
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Longbourn'));
    await sendKeys({ press: 'f' });
    await element.settled();
    expect(textRect(element, 'Longbourn').width).to.be.closeTo(before, 0.5);
  });

  it('snaps mouse selections to whole words with snap-words', async () => {
    const element = await mount(STORY, { snapWords: true });
    await sendKeys({ press: '1' });
    // From inside "Elizabeth" to inside "Bennet".
    const first = textRect(element, 'zabeth');
    const last = textRect(element, 'Ben');
    const y = Math.round(first.top + first.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(first.left + 2), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(last.right - 2), y] });
    await sendMouse({ type: 'up' });
    await element.settled();
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
  });

  describe('Unicode offsets', () => {
    const UNICODE = [
      'Emoji: say 👩‍👩‍👧 family 😀😀 and 🎉 party',
      'Combining: café naïve (e\u0301 and i\u0308) cafe\u0301 done',
      'CJK: 東京都に住んでいます and 北京 too',
      'עברית: שלום עולם',
      'العربية: مرحبا بالعالم',
      'Tabs:\tcol1\tcol2\tcol3',
    ].join('\r\n');

    const cases: { name: string; needle: string; occurrence?: number }[] = [
      { name: 'surrogate pairs and ZWJ sequences', needle: '👩‍👩‍👧 family 😀😀' },
      { name: 'an emoji alone', needle: '🎉' },
      { name: 'combining marks', needle: 'cafe\u0301' },
      { name: 'CJK', needle: '東京都' },
      { name: 'Hebrew (RTL)', needle: 'שלום' },
      { name: 'Arabic (RTL)', needle: 'بالعالم' },
      { name: 'tabs inside the span', needle: 'col1\tcol2' },
    ];

    for (const { name, needle, occurrence } of cases) {
      it(`exports exact code point offsets and selection for ${name}`, async () => {
        const element = await mount(UNICODE);
        await sendKeys({ press: '2' });
        await dragOver(element, needle, occurrence);
        const tools = element.export().task.tools;
        expect(tools, name).to.have.length(1);
        expect(nerOf(tools[0])).to.deep.equal(codePointSpan(UNICODE, needle, occurrence));
      });
    }

    it('counts CRLF as two characters and keeps it inside a span across lines', async () => {
      const element = await mount(UNICODE);
      expect(element.shadowRoot!.querySelectorAll('.paragraphs p')).to.have.length(6);
      await clickOn(element, 'party', { at: 'start' });
      // "party" + CRLF (one caret step) + "Comb".
      for (let i = 0; i < 10; i++) await sendKeys({ press: 'Shift+ArrowRight' });
      await sendKeys({ press: '1' });
      const ner = nerOf(element.export().task.tools[0]);
      expect(ner.selection).to.equal('party\r\nComb');
      expect(ner.start).to.equal(codePointSpan(UNICODE, 'party').start);
      expect(ner.end - ner.start).to.equal(11);
    });

    it('extends with Shift+Home/End and moves visually on right-to-left lines', async () => {
      const element = await mount(UNICODE);
      await clickOn(element, 'col1', { at: 'start' });
      await sendKeys({ press: 'Shift+End' });
      expect(element.pendingSpan?.selection).to.equal('col1\tcol2\tcol3');
      await sendKeys({ press: 'Escape' });
      // The visual left edge of a Hebrew word is its logical end; → walks back through it.
      await clickOn(element, 'שלום', { at: 'start' });
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Shift+ArrowRight' });
      expect(element.pendingSpan).to.deep.equal(codePointSpan(UNICODE, 'שלום'));
    });

    it('moves over a whole grapheme per arrow key (ZWJ family, combining mark)', async () => {
      const element = await mount(UNICODE);
      await clickOn(element, 'say', { at: 'start' });
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Shift+ArrowRight' });
      expect(element.pendingSpan?.selection).to.equal('say 👩‍👩‍👧');
      await sendKeys({ press: 'Escape' });
      await clickOn(element, 'cafe\u0301', { at: 'start' });
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Shift+ArrowRight' });
      expect(element.pendingSpan?.selection).to.equal('cafe\u0301');
    });
  });

  it('selects the smallest entity on a click where entities nest', async () => {
    const spanOuter = codePointSpan(STORY, 'Elizabeth Bennet');
    const spanInner = codePointSpan(STORY, 'Bennet');
    const element = await mount(STORY, {
      annotations: importOf([
        { schemaId: 'n-person', objectId: 'outer', ner: spanOuter },
        { schemaId: 'n-place', objectId: 'inner', ner: spanInner },
      ]),
    });
    const selects = recordEvents(element, ['lk-select']);
    await clickOn(element, 'Bennet');
    expect(element.session.selection).to.deep.equal(['inner']);
    await clickOn(element, 'Elizabeth');
    expect(element.session.selection).to.deep.equal(['outer']);
    await clickOn(element, 'ball');
    expect(element.session.selection).to.deep.equal([]);
    expect(selects.map((e) => e.detail.objectIds)).to.deep.equal([['inner'], ['outer'], []]);
    // Nested entities paint in different lanes (separate highlight names per depth).
    const names = element.highlightNames();
    expect(names.some((n) => n.endsWith('-c0-l0'))).to.equal(true);
    expect(names.some((n) => n.endsWith('-c1-l1'))).to.equal(true);
  });

  it('deletes the selected entity and brings it back with undo', async () => {
    const element = await mount(STORY, { annotations: importOf([{ schemaId: 'n-person', objectId: 'e1', ner: codePointSpan(STORY, 'Darcy') }]) });
    const events = recordEvents(element, ['lk-change']);
    await clickOn(element, 'Darcy');
    await sendKeys({ press: 'Delete' });
    expect(element.export().task.tools).to.have.length(0);
    await sendKeys({ press: 'Control+z' });
    const tools = element.export().task.tools;
    expect(tools.map((t) => t.objectId)).to.deep.equal(['e1']);
    expect(nerOf(tools[0])).to.deep.equal(codePointSpan(STORY, 'Darcy'));
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['delete', 'undo']);
    expect(events[0]!.detail.removed).to.deep.equal(['e1']);
  });

  it('moves an entity end with Shift+Alt+arrows and its start with [ ] (never Ctrl+Alt+arrows: GNOME workspaces)', async () => {
    const element = await mount(STORY, { annotations: importOf([{ schemaId: 'n-person', objectId: 'e1', ner: codePointSpan(STORY, 'Elizabeth') }]) });
    const events = recordEvents(element, ['lk-change']);
    await clickOn(element, 'Elizabeth');
    for (let i = 0; i < 7; i++) await sendKeys({ press: 'Shift+Alt+ArrowRight' });
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
    await sendKeys({ press: 'Control+Alt+ArrowLeft' });
    expect(nerOf(element.export().task.tools[0]), 'Ctrl+Alt+← is no default').to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
    for (let i = 0; i < 4; i++) await sendKeys({ press: '[' });
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'met Elizabeth Bennet'));
    expect(events.every((e) => e.detail.reason === 'update')).to.equal(true);
    await sendKeys({ press: 'Control+z' });
    expect(nerOf(element.export().task.tools[0]).selection).to.equal('et Elizabeth Bennet');
  });

  it('drags the end handle of the selected entity (one undo step) and shows the hovered entity', async () => {
    const element = await mount(STORY, { annotations: importOf([{ schemaId: 'n-person', objectId: 'e1', ner: codePointSpan(STORY, 'Elizabeth') }]) });
    const events = recordEvents(element, ['lk-change', 'lk-input']);
    const word = textRect(element, 'Elizabeth');
    await sendMouse({ type: 'move', position: [Math.round(word.left + 5), Math.round(word.top + word.height / 2)] });
    await frames(2);
    expect(element.highlightNames().some((name) => name.endsWith('-hover'))).to.equal(true);
    await clickOn(element, 'Elizabeth');
    expect(element.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Person: Elizabeth');
    const handle = element.shadowRoot!.querySelector('.handle.end')!.getBoundingClientRect();
    expect(handle.height).to.be.greaterThan(0);
    const target = textRect(element, 'Bennet');
    const y = Math.round(target.top + target.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(handle.left + handle.width / 2), Math.round(handle.top + handle.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(target.left + 3), y] });
    await sendMouse({ type: 'move', position: [Math.round(target.right - 1), y] });
    await sendMouse({ type: 'up' });
    await element.settled();
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
    const changes = events.filter((e) => e.type === 'lk-change');
    expect(changes.map((e) => e.detail.reason)).to.deep.equal(['update']);
    expect(nerOf(changes[0]!.detail.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth Bennet'));
    await sendKeys({ press: 'Control+z' });
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Elizabeth'));
  });

  it('round-trips an import with nested classifications and relations through export', async () => {
    const objects = [
      {
        schemaId: 'n-person',
        objectId: 'darcy',
        ner: codePointSpan(STORY, 'Darcy'),
        classifications: [{ schemaId: 'n-role', answer: 'Hero', classifications: [] }],
      },
      { schemaId: 'n-person', objectId: 'lizzy', ner: codePointSpan(STORY, 'Elizabeth Bennet') },
      { schemaId: 'n-place', objectId: 'longbourn', ner: codePointSpan(STORY, 'Longbourn') },
    ];
    const relations = [
      { schemaId: 'r-knows', objectId: 'rel1', from: 'darcy', to: 'lizzy' },
      { schemaId: 'r-family', objectId: 'rel2', group: ['lizzy', 'longbourn'] },
    ];
    const element = await mount(STORY, {
      annotations: importOf(objects, relations, [{ schemaId: 'c-topic', answer: 'Romance' }]),
    });
    const record = element.export();
    expect(record.task.tools.map((t) => [t.objectId, t.schemaId, nerOf(t)])).to.deep.equal(objects.map((o) => [o.objectId, o.schemaId, o.ner]));
    expect(record.task.tools[0]!.classifications[0]).to.include({ schemaId: 'n-role', answer: 'Hero' });
    expect(record.task.relations).to.have.length(2);
    expect(record.task.classifications[0]).to.include({ schemaId: 'c-topic', answer: 'Romance' });

    const copy = await mount(STORY, { annotations: record });
    const again = copy.export();
    expect(again.task.tools).to.deep.equal(record.task.tools);
    expect(again.task.relations).to.deep.equal(record.task.relations);
    expect(again.task.classifications).to.deep.equal(record.task.classifications);

    // Relations are drawn as labelled arrows; the label is text.
    await copy.settled();
    const arrows = copy.shadowRoot!.querySelectorAll('svg.arrows g[data-relation-id]');
    expect([...arrows].map((g) => g.getAttribute('data-relation-id')).sort()).to.deep.equal(['rel1', 'rel2']);
    expect([...arrows].map((g) => g.querySelector('text')?.textContent).sort()).to.deep.equal(['Family', 'Knows']);
  });

  it('rejects nothing silently: entities that do not fit the text raise lk-error and block submit', async () => {
    const element = await fixture<LkText>(html`<lk-text external-id="doc.txt" .ontology=${ontology}></lk-text>`);
    element.annotations = importOf([
      { schemaId: 'n-person', objectId: 'bad', ner: { start: 0, end: 5, selection: 'wrong' } },
      { schemaId: 'n-person', objectId: 'far', ner: { start: 500, end: 505, selection: 'xxxxx' } },
    ]) as never;
    await element.updateComplete;
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.text = STORY;
    expect((await error).detail.code).to.equal('import-invalid');
    expect(element.export().task.tools).to.have.length(2, 'nothing is dropped');
    const codes = element.validate().map((p) => p.code);
    expect(codes).to.include.members(['ner-selection-mismatch', 'ner-out-of-range']);
  });

  it('rejects a whole import whose entities do not fit the loaded text and keeps what was there', async () => {
    const element = await mount(STORY, { annotations: importOf([{ schemaId: 'n-person', objectId: 'keep', ner: codePointSpan(STORY, 'Darcy') }]) });
    const errors = recordEvents(element, ['lk-error']);
    // UTF-16 offsets (the emoji counted twice): the selection does not match the code point span.
    const utf16Start = STORY.indexOf('Longbourn');
    element.annotations = importOf([
      { schemaId: 'n-place', objectId: 'ok', ner: codePointSpan(STORY, 'ball') },
      { schemaId: 'n-place', objectId: 'shifted', ner: { start: utf16Start, end: utf16Start + 9, selection: 'Longbourn' } },
    ]) as never;
    await element.settled();
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['import-invalid']);
    expect(errors[0]!.detail.cause.problems[0].code).to.equal('ner-selection-mismatch');
    expect(element.export().task.tools.map((t) => t.objectId)).to.deep.equal(['keep']);
    expect(element.highlightNames().length).to.be.greaterThan(0);
  });

  it('gives every problem of entities checked when the text arrives the JSON path of its entry', async () => {
    const element = await fixture<LkText>(html`<lk-text external-id="doc.txt" .ontology=${ontology}></lk-text>`);
    element.annotations = importOf([
      { schemaId: 'n-person', objectId: 'ok', ner: codePointSpan(STORY, 'Darcy') },
      { schemaId: 'n-person', objectId: 'far', ner: { start: 500, end: 505 } },
      { schemaId: 'n-person', objectId: 'bad', ner: { start: 0, end: 5, selection: 'wrong' } },
    ]);
    await element.updateComplete;
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.text = STORY;
    const problems = (await error).detail.cause.problems as { code: string; path?: string }[];
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['ner-out-of-range', '$[0].objects[1].ner.end'],
      ['ner-selection-mismatch', '$[0].objects[2].ner.selection'],
    ]);
  });

  it('refuses an offset of 1e308 at its path, before and after the text arrives', async () => {
    const element = await fixture<LkText>(html`<lk-text external-id="doc.txt" .ontology=${ontology}></lk-text>`);
    const huge = importOf([{ schemaId: 'n-person', objectId: 'huge', ner: { start: 0, end: 1e308 } }]);
    expect(element.import(huge).map((p) => [p.code, p.path])).to.deep.equal([['ner-out-of-range', '$[0].objects[0].ner.end']]);
    element.text = STORY;
    await element.settled();
    expect(element.import(huge).map((p) => [p.code, p.path])).to.deep.equal([['ner-out-of-range', '$[0].objects[0].ner.end']]);
    expect(element.export().task.tools).to.deep.equal([]);
  });

  it('reads and writes UTF-16 offsets with offset-unit="utf16", waiting for the text to read them', async () => {
    const element = await fixture<LkText>(html`<lk-text external-id="doc.txt" offset-unit="utf16" .ontology=${ontology}></lk-text>`);
    // The emoji is two UTF-16 code units: JavaScript's own indexes.
    const at = STORY.indexOf('Longbourn');
    element.annotations = importOf([{ schemaId: 'n-place', objectId: 'p', ner: { start: at, end: at + 9, selection: 'Longbourn' } }]);
    const ready = nextEvent<CustomEvent>(element, 'lk-ready');
    element.text = STORY;
    expect((await ready).detail.metadata.offsetUnit).to.equal('utf16');
    await element.settled();
    const record = element.export();
    expect(nerOf(record.task.tools[0])).to.deep.equal({ start: at, end: at + 9, selection: 'Longbourn' });
    expect(record.metadata).to.deep.include({ offsetUnit: 'utf16' });
    // The entity covers Longbourn on screen (its highlight range is that word).
    element.offsetUnit = 'codepoint';
    expect(nerOf(element.export().task.tools[0])).to.deep.equal(codePointSpan(STORY, 'Longbourn'));
    // Code point offsets given to a UTF-16 reader: the problem says which unit would have matched.
    element.offsetUnit = 'utf16';
    const problems = element.import(importOf([{ schemaId: 'n-place', objectId: 'q', ner: codePointSpan(STORY, 'ball') }]));
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['ner-selection-mismatch', '$[0].objects[0].ner.selection']]);
    expect(problems[0]!.message).to.contain('It does match in code points');
  });

  it('draws a reverse relation (Ango) with its arrowhead at "from", and writes the direction back as given', async () => {
    const relation = (direction: string) => importOf(
      [
        { schemaId: 'n-person', objectId: 'darcy', ner: codePointSpan(STORY, 'Darcy') },
        { schemaId: 'n-person', objectId: 'eliza', ner: codePointSpan(STORY, 'Elizabeth') },
      ],
      [{ schemaId: 'r-knows', objectId: 'rel', from: 'darcy', to: 'eliza', direction }],
    );
    const headX = async (element: LkText) => {
      await element.settled();
      const heads = element.shadowRoot!.querySelector('svg.arrows g[data-relation-id="rel"] path[fill]')!.getBoundingClientRect();
      return heads.left + heads.width / 2;
    };
    const element = await mount(STORY, { annotations: relation('straight') });
    const darcy = textRect(element, 'Darcy');
    const eliza = textRect(element, 'Elizabeth');
    const near = (x: number, word: DOMRect) => x >= word.left - 2 && x <= word.right + 2;
    expect(near(await headX(element), eliza), 'straight: the head on "to"').to.equal(true);
    element.annotations = relation('reverse');
    expect(near(await headX(element), darcy), 'reverse: the head on "from"').to.equal(true);
    const written = element.export().task.relations[0]!;
    expect('direction' in written ? [written.from, written.to, written.direction] : []).to.deep.equal(['darcy', 'eliza', 'reverse']);
  });

  it('reads entities only: a pre-label of another geometry is import-invalid, with its path, and nothing is lost', async () => {
    const element = await mount(STORY, { annotations: importOf([{ schemaId: 'n-person', objectId: 'keep', ner: codePointSpan(STORY, 'Darcy') }]) });
    element.ontology = { ...ontology, tools: [...ontology.tools, { schemaId: 'b-box', tool: 'bounding-box', title: 'Box' }] } as never;
    const errors = recordEvents(element, ['lk-error']);
    const problems = element.import({
      objects: [
        { schemaId: 'n-place', objectId: 'ball', ner: codePointSpan(STORY, 'ball') },
        { schemaId: 'b-box', objectId: 'box', 'bounding-box': { x: 1, y: 2, width: 3, height: 4 } },
      ],
    });
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['unsupported-tool', '$.objects[1]']]);
    expect(problems[0]!.message).to.contain('"Box" is a bounding-box class');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['import-invalid']);
    expect(errors[0]!.detail.cause.problems).to.deep.equal([{ code: 'unsupported-tool', message: problems[0]!.message, path: '$.objects[1]' }]);
    expect(element.export().task.tools.map((t) => t.objectId)).to.deep.equal(['keep']);
  });

  it('fills a missing selection from the text on import', async () => {
    const { start, end } = codePointSpan(STORY, 'Longbourn');
    const element = await mount(STORY, { annotations: importOf([{ schemaId: 'n-place', objectId: 'p1', ner: { start, end } }]) });
    expect(nerOf(element.export().task.tools[0])).to.deep.equal({ start, end, selection: 'Longbourn' });
    element.import(importOf([{ schemaId: 'n-place', objectId: 'p2', ner: { start: 0, end: 1 } }]) as never);
    expect(nerOf(element.export().task.tools.find((t) => t.objectId === 'p2'))).to.deep.equal({ start: 0, end: 1, selection: '😀' });
    expect(element.validate().filter((p) => p.code.startsWith('ner-'))).to.deep.equal([]);
  });

  it('blocks creation in view mode but still selects', async () => {
    const element = await mount(STORY, { mode: 'view', annotations: importOf([{ schemaId: 'n-person', objectId: 'e1', ner: codePointSpan(STORY, 'Darcy') }]) });
    const events = recordEvents(element, ['lk-change']);
    await sendKeys({ press: '1' });
    await dragOver(element, 'Longbourn');
    await sendKeys({ press: '2' });
    expect(element.pendingSpan).to.equal(undefined);
    await clickOn(element, 'Darcy');
    expect(element.session.selection).to.deep.equal(['e1']);
    await sendKeys({ press: 'Delete' });
    await sendKeys({ press: 'Shift+Alt+ArrowRight' });
    expect(events).to.have.length(0);
    expect(element.export().task.tools.map((t) => nerOf(t))).to.deep.equal([codePointSpan(STORY, 'Darcy')]);
  });

  it('keeps two elements apart: own highlight names, own ranges, removed on disconnect', async () => {
    const first = await mount(STORY, { annotations: importOf([{ schemaId: 'n-person', objectId: 'a', ner: codePointSpan(STORY, 'Darcy') }]) });
    const second = await mount(STORY, { annotations: importOf([{ schemaId: 'n-place', objectId: 'b', ner: codePointSpan(STORY, 'Longbourn') }]) });
    const firstNames = first.highlightNames();
    const secondNames = second.highlightNames();
    expect(firstNames.length).to.be.greaterThan(0);
    expect(secondNames.length).to.be.greaterThan(0);
    expect(firstNames.filter((n) => secondNames.includes(n))).to.deep.equal([]);
    for (const [element, names] of [
      [first, firstNames],
      [second, secondNames],
    ] as const) {
      for (const name of names) {
        const highlight = CSS.highlights.get(name)!;
        expect(highlight, name).to.exist;
        for (const range of highlight) expect(element.shadowRoot!.contains(range.startContainer)).to.equal(true);
      }
    }
    const otherHighlight = new Highlight();
    CSS.highlights.set('someone-else', otherHighlight);
    first.remove();
    for (const name of firstNames) expect(CSS.highlights.has(name), name).to.equal(false);
    for (const name of secondNames) expect(CSS.highlights.has(name), name).to.equal(true);
    expect(CSS.highlights.get('someone-else')).to.equal(otherHighlight);
    CSS.highlights.delete('someone-else');
    // Re-attached, it paints again.
    document.body.append(first);
    await first.settled();
    expect(first.highlightNames().length).to.be.greaterThan(0);
    for (const name of first.highlightNames()) expect(CSS.highlights.has(name), name).to.equal(true);
    first.remove();
  });

  it('never interprets text or ontology titles as HTML', async () => {
    const hostile = [
      '<script>window.__lkPwned = 3</script>',
      '<img src=x onerror="window.__lkPwned = 4">',
      '<b>bold</b> &amp; <a href="javascript:alert(1)">link</a>',
    ].join('\n');
    const element = await mount(hostile);
    await sendKeys({ press: '3' });
    await dragOver(element, '<img src=x');
    await frames(3);
    const paragraphs = [...element.shadowRoot!.querySelectorAll('.paragraphs p')];
    expect(paragraphs.map((p) => p.textContent)).to.deep.equal(hostile.split('\n'));
    const deepQuery = (root: ParentNode, selector: string): Element[] => {
      const found = [...root.querySelectorAll(selector)];
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQuery(el.shadowRoot, selector));
      return found;
    };
    expect(deepQuery(element.shadowRoot!, 'script, img, b, a')).to.have.length(0);
    expect((window as unknown as { __lkPwned?: number }).__lkPwned).to.equal(undefined);
    const tool = element.export().task.tools[0]!;
    expect(tool.title).to.equal(ontology.tools[2]!.title);
    expect(nerOf(tool)).to.deep.equal(codePointSpan(hostile, '<img src=x'));
  });

  it('reports a missing file as lk-error asset-not-found', async () => {
    const element = await fixture<LkText>(html`<lk-text .ontology=${ontology}></lk-text>`);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.src = '/test/fixtures/text/does-not-exist.txt';
    expect((await error).detail.code).to.equal('asset-not-found');
  });

  it('validates and stores annotations in the host\'s own call, before its first render, with every problem at its path', async () => {
    const element = document.createElement('lk-text') as LkText;
    element.setAttribute('external-id', 'doc.txt');
    element.ontology = ontology as never;
    document.body.append(element);
    element.text = STORY;
    const errors = recordEvents(element, ['lk-error']);
    element.annotations = importOf([{ schemaId: 'n-person', objectId: 'e1', ner: codePointSpan(STORY, 'Darcy') }]) as never;
    // Synchronously: the record holds the entity, and a bad import is refused with its paths, keeping it.
    expect(element.export().task.tools.map((t) => t.objectId)).to.deep.equal(['e1']);
    element.annotations = importOf([
      { schemaId: 'n-place', objectId: 'p1', ner: { start: 4, end: 2 } },
      { schemaId: 'n-nope', objectId: 'p2', ner: { start: 0, end: 1 } },
    ]) as never;
    expect(errors.map((e) => e.detail.cause.problems.map((p: { path: string }) => p.path))).to.deep.equal([['$[0].objects[0].ner.end', '$[0].objects[1].schemaId']]);
    expect(element.export().task.tools.map((t) => t.objectId)).to.deep.equal(['e1']);
    // The first render comes in a task of its own.
    expect(element.shadowRoot?.querySelector('.paragraphs') ?? null).to.equal(null);
    await element.settled();
    expect(element.shadowRoot!.querySelectorAll('.paragraphs p')).to.have.length(3);
    expect(element.highlightNames().length).to.be.greaterThan(0);
    element.remove();
  });

  it('brings a large import into the index and the highlights a task later; reading the index first brings it in at once', async () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const text = `${words.join(' ')} \n`;
    const element = await mount(text);
    const objects = words.map((w, i) => ({ schemaId: i % 2 ? 'n-person' : 'n-place', objectId: `w${i}`, ner: codePointSpan(text, `${w} `) }));
    element.import(importOf(objects) as never);
    // "Next entity" (Tab) walks the index in document order: in the same task, the import is there
    // although the task that brings it in has not run.
    expect(element.handleKeyAction('nextObject', new KeyboardEvent('keydown', { key: 'Tab' }))).to.equal(true);
    expect(element.session.selection).to.deep.equal(['w0']);
    element.session.select([]);
    await element.settled();
    const painted = element.highlightNames().flatMap((name) => [...(CSS.highlights.get(name) ?? [])]);
    expect(painted.length).to.be.greaterThan(100);
    // And a click on one of them selects it (the smallest entity at the point, from the index).
    await clickOn(element, 'word7 ');
    expect(element.session.selection).to.deep.equal(['w7']);
    // Replacing them all: the old ones leave the index and the paint.
    element.annotations = importOf(objects.slice(0, 300).map((o) => ({ ...o, objectId: `r${o.objectId}` }))) as never;
    await element.settled();
    await clickOn(element, 'word7 ');
    expect(element.session.selection).to.deep.equal(['rw7']);
    // The last entity in the index is the last one imported now, not one of those replaced.
    element.session.select([]);
    expect(element.handleKeyAction('previousObject', new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true }))).to.equal(true);
    expect(element.session.selection).to.deep.equal(['rw299']);
  });

  it('opens the whole novel with 10,000 entities and labels a word near the end', async function () {
    this.timeout(60_000);
    const source = await (await fetch(NOVEL_URL)).text();
    // 10,000 entities on every capitalised word, nested pairs included (the file is ASCII).
    const objects: unknown[] = [];
    const word = /[A-Z][a-z]+/g;
    for (let match = word.exec(source); match && objects.length < 10_000; match = word.exec(source)) {
      const start = match.index;
      objects.push({ schemaId: 'n-person', objectId: `w${objects.length}`, ner: { start, end: start + match[0].length, selection: match[0] } });
      if (objects.length % 10 === 0) {
        objects.push({ schemaId: 'n-place', objectId: `w${objects.length}`, ner: { start, end: start + 1, selection: match[0][0] } });
      }
    }
    const element = await fixture<LkText>(html`
      <lk-text style="--lk-height: 420px; width: 900px" external-id="doc.txt" .ontology=${ontology} .annotations=${importOf(objects)}></lk-text>
    `);
    const lastImported = objects[objects.length - 1] as { objectId: string };
    const ready = nextEvent(element, 'lk-ready');
    element.src = NOVEL_URL;
    await ready;
    await element.settled();
    expect(element.documentText).to.equal(source);
    const paragraphs = element.shadowRoot!.querySelectorAll('.paragraphs p');
    expect(paragraphs).to.have.length(source.split(/\r\n|\n|\r/).length);
    expect(element.export().task.tools).to.have.length(objects.length);
    // Selecting an entity elsewhere (the object list) scrolls the text to it.
    const scroller = element.shadowRoot!.querySelector('.scroller')!;
    expect(scroller.scrollTop).to.equal(0);
    element.session.select([lastImported.objectId]);
    await element.settled();
    expect(scroller.scrollTop).to.be.greaterThan(1000);
    // Only entities of a window of blocks around the viewport are registered as highlights, and
    // those scrolled to are painted.
    const registered = element.highlightNames().flatMap((name) => [...(CSS.highlights.get(name) ?? [])]);
    expect(registered.length).to.be.greaterThan(0);
    expect(registered.length).to.be.below(3000, 'not all 10,000 entities');
    const shown = objects[objects.length - 2] as { ner: { start: number; end: number; selection: string } };
    // The file is ASCII: code points are UTF-16 offsets; find the entity's line and its place in it.
    const lineStart = Math.max(source.lastIndexOf('\n', shown.ner.start - 1) + 1, 0);
    const node = paragraphs[source.slice(0, lineStart).split('\n').length - 1]!.firstChild as Text;
    const local = shown.ner.start - lineStart;
    expect(node.data.slice(local, local + shown.ner.selection.length)).to.equal(shown.ner.selection);
    expect(registered.some((range) => range.startContainer === node && range.startOffset === local), 'the entity scrolled to is registered').to.equal(true);
    const live = document.createRange();
    live.setStart(node, local);
    live.setEnd(node, local + shown.ner.selection.length);
    const wordBox = live.getBoundingClientRect();
    const painted = await pixels({ left: wordBox.left + 1, top: wordBox.top, width: wordBox.width - 2, height: wordBox.height + 8 });
    expect(rowsWithColour(painted, '#e53935', 2).length, `${shown.ner.selection} is underlined`).to.be.greaterThan(0);
    // The side panel's object list (loaded on first show) keeps a few dozen rows of the 10,000, with
    // the selected entity's row scrolled into its viewport.
    const list = element.shadowRoot!.querySelector('lk-object-list')!;
    await list.updateComplete;
    const rowInView = (objectId: string) => {
      const row = list.shadowRoot!.querySelector(`[role=option][data-object-id="${objectId}"]`);
      if (!row) return false;
      const box = list.shadowRoot!.querySelector('.rows')!.getBoundingClientRect();
      const rect = row.getBoundingClientRect();
      return row.getAttribute('aria-selected') === 'true' && rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5;
    };
    expect(rowInView(lastImported.objectId)).to.equal(true);
    expect(list.shadowRoot!.querySelectorAll('[role=option]').length).to.be.below(100);

    const needle = 'Derbyshire';
    const lastParagraph = [...paragraphs].reverse().find((p) => p.textContent!.includes(needle))!;
    lastParagraph.scrollIntoView({ block: 'center' });
    await frames(3);
    await element.settled();
    element.focus();
    await sendKeys({ press: '2' });
    const occurrences = source.split(needle).length - 2;
    const before = element.export().task.tools.length;
    await dragOver(element, needle, occurrences);
    const tools = element.export().task.tools;
    expect(tools).to.have.length(before + 1);
    const created = tools.find((t) => t.schemaId === 'n-place' && nerOf(t).selection === needle);
    expect(nerOf(created)).to.deep.equal({ start: source.lastIndexOf(needle), end: source.lastIndexOf(needle) + needle.length, selection: needle });
    // The entity made by the drag is selected, and its row (the last of 10,001) is in the list's view.
    await list.updateComplete;
    expect(rowInView(created!.objectId)).to.equal(true);
    // A click on an early entity in the text brings its row back into the list's view.
    scroller.scrollTop = 0;
    await frames(3);
    await element.settled();
    const first = objects[0] as { objectId: string; ner: { selection: string } };
    await clickOn(element, first.ner.selection, { at: 'middle' });
    expect(element.session.selection).to.deep.equal([first.objectId]);
    await list.updateComplete;
    expect(rowInView(first.objectId)).to.equal(true);
  });
});
