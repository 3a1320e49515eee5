/**
 * Promise 4: every string a host or an asset supplies is shown as text. Each element gets the
 * payloads (kit/payloads.ts) as ontology titles, option values, tree nodes, relation titles, answers,
 * objectIds, user names, externalId, asset and task ids, is labelled and browsed with real input
 * (toolbar, object list, the selected object's answers, the shortcut help), and must run none of
 * them and gain no element from them. Then the strings assets carry: a text document, PDF text,
 * DICOM tags and an SVG image with scripts.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { imageElements, words16, writeDicom, type WriteElement } from '../media/dicom/dicom-writer.js';
import { ELEMENT_KINDS, KITS, deepElements, frames, mountKit, nextEvent, removeKitElements, toolsOf, type ElementKit, type KitElement } from './kit/element-kits.js';
import type { InputDriver } from './kit/input.js';
import { clickControl, deepText, objectRow, panelsSettled } from './kit/panels.js';
import { PAYLOADS, SHORT_PAYLOAD, trapInjections, type InjectionTrap } from './kit/payloads.js';
import { writePdf } from './kit/pdf-writer.js';

const input: InputDriver = { mouse: sendMouse, keys: (command) => sendKeys(command as Parameters<typeof sendKeys>[0]) };

const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'];

function options(prefix: string) {
  return PAYLOADS.map((value, index) => ({ value, schemaId: `${prefix}-${index}` }));
}

/** Nested questions for the tool class at `index` (schemaIds are unique across the ontology). */
function nested(index: number) {
  return [
    { schemaId: `c-note-${index}`, tool: 'text', title: PAYLOADS[2] },
    { schemaId: `c-flags-${index}`, tool: 'checkbox', title: PAYLOADS[3], options: options(`o-flag-${index}`) },
  ];
}

/** The kit's ontology with a payload in every title, option value and tree node. */
function hostileOntology(kit: ElementKit): unknown {
  const [first, ...rest] = kit.ontology.tools;
  return {
    tools: [
      { ...first, title: PAYLOADS[0], classifications: nested(0) },
      ...rest.map((tool, index) => ({ ...tool, classifications: nested(index + 1) })),
      ...PAYLOADS.map((title, index) => ({ schemaId: `t-payload-${index}`, tool: first!.tool, title, color: '#1e88e5' })),
    ],
    classifications: [
      { schemaId: 'c-quality', tool: 'radio', title: PAYLOADS[4], options: [{ value: 'Good', schemaId: 'o-good' }, ...options('o-quality')] },
      { schemaId: 'c-tree', tool: 'tree-dropdown', title: PAYLOADS[5], treeOptions: PAYLOADS.map((title, index) => ({ title, schemaId: `n-${index}`, children: [] })) },
      { schemaId: 'c-kind', tool: 'single-dropdown', title: PAYLOADS[6], options: options('o-kind') },
      { schemaId: 'c-many', tool: 'multi-dropdown', title: PAYLOADS[7], options: options('o-many') },
      { schemaId: 'c-free', tool: 'text', title: PAYLOADS[8] },
    ],
    relations: [
      { schemaId: 'r-link', tool: 'one-to-one', title: PAYLOADS[9], color: '#8e24aa' },
      { schemaId: 'r-group', tool: 'group', title: PAYLOADS[10], color: '#00897b' },
    ],
  };
}

/** The kit's pre-labels plus an object whose id is a payload, and payload answers everywhere. */
function hostilePrelabels(kit: ElementKit): unknown {
  const prelabels = kit.prelabels as { objects: Record<string, unknown>[] };
  const [free, ...others] = prelabels.objects;
  const index = kit.ontology.tools.findIndex((tool) => tool.schemaId === free!['schemaId']);
  const answers = [
    { schemaId: `c-note-${index}`, answer: PAYLOADS.join(' ') },
    { schemaId: `c-flags-${index}`, answer: [PAYLOADS[1], PAYLOADS[2]] },
  ];
  return {
    objects: [{ ...free, classifications: answers }, ...others, { ...free, objectId: SHORT_PAYLOAD }],
    classifications: [
      { schemaId: 'c-quality', answer: PAYLOADS[3] },
      { schemaId: 'c-tree', answer: [PAYLOADS[4]] },
      { schemaId: 'c-kind', answer: PAYLOADS[5] },
      { schemaId: 'c-many', answer: [PAYLOADS[6], PAYLOADS[7]] },
      { schemaId: 'c-free', answer: PAYLOADS.join('\n') },
    ],
  };
}

/** Nothing ran, and no element, handler attribute or script URL came from a string. */
async function expectInert(element: KitElement, trap: InjectionTrap): Promise<void> {
  await frames(3);
  // An <img onerror> fires after its load fails: give it the time a failed load takes.
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(trap.ran, 'payloads that ran').to.deep.equal([]);
  const everything = [...deepElements(document), ...deepElements(element)];
  expect(everything.filter((node) => node.hasAttribute('data-lk-injected')).map((node) => node.outerHTML), 'injected elements').to.deep.equal([]);
  const inside = deepElements(element);
  expect(inside.filter((node) => /^(script|iframe|object|embed|frame)$/i.test(node.localName)).map((node) => node.localName)).to.deep.equal([]);
  const handlers = inside.flatMap((node) => node.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${node.localName}[${name}]`));
  expect(handlers, 'inline event handler attributes').to.deep.equal([]);
  const scriptUrls = inside.flatMap((node) =>
    URL_ATTRIBUTES.filter((name) => /^\s*javascript:/i.test(node.getAttribute(name) ?? '')).map((name) => `${node.localName}[${name}]`),
  );
  expect(scriptUrls, 'javascript: URLs').to.deep.equal([]);
}

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function blobUrlOf(parts: BlobPart[], type: string): string {
  return URL.createObjectURL(new Blob(parts, { type }));
}

describe('injection: host and asset strings are shown as text', function () {
  this.timeout(120000);
  let trap: InjectionTrap;

  before(async () => {
    // A toolbar of payload-long class titles wraps over several rows: room for it and the stage.
    await setViewport({ width: 1280, height: 1000 });
  });

  beforeEach(() => {
    trap = trapInjections();
  });

  afterEach(async () => {
    trap.restore();
    removeKitElements();
    await resetMouse();
  });

  for (const kind of ELEMENT_KINDS) {
    it(`<lk-${kind}>: payloads in the ontology, answers, ids and user names run nothing and add no element`, async () => {
      const kit = KITS[kind];
      const errors: string[] = [];
      const onError = (event: Event) => errors.push(JSON.stringify((event as CustomEvent).detail));
      document.addEventListener('lk-error', onError, true);
      const element = await mountKit(kit, {
        ontology: hostileOntology(kit),
        annotations: hostilePrelabels(kit),
        user: { id: PAYLOADS[11]!, email: PAYLOADS[1]! },
        attributes: { 'external-id': PAYLOADS[2]!, asset: PAYLOADS[4]!, 'task-id': PAYLOADS[3]! },
        width: 1240,
        height: 960,
      });
      document.removeEventListener('lk-error', onError, true);
      expect(errors, 'the hostile ontology and pre-labels are valid input').to.deep.equal([]);
      expect(new Set(toolsOf(element).map((tool) => tool.objectId))).to.include.keys(['free', 'locked', SHORT_PAYLOAD]);
      const labelled = await kit.label(element, input);
      await clickControl(input, objectRow(element, 'free'));
      await panelsSettled(element);
      await clickControl(input, objectRow(element, labelled));
      element.focus();
      await input.keys({ press: '?' });
      await panelsSettled(element);
      const shown = normalised(deepText(element));
      await input.keys({ press: 'Escape' });
      await expectInert(element, trap);

      // Shown as the text it is, and exported unchanged.
      expect(shown, 'the class title is shown as text').to.contain(normalised(PAYLOADS[0]!));
      const record = element.export();
      expect(record).to.include({ externalId: PAYLOADS[2], asset: PAYLOADS[4] });
      expect(record.task.taskId).to.equal(PAYLOADS[3]);
      const mine = record.task.tools.find((tool) => tool.objectId === labelled)!;
      expect(mine.title).to.equal(PAYLOADS[0]);
      expect(mine.metadata.createdBy).to.equal(PAYLOADS[1]);
      expect(record.task.classifications.find((answer) => answer.schemaId === 'c-free')!.answer).to.equal(PAYLOADS.join('\n'));
      element.remove();
    });
  }

  for (const kind of ELEMENT_KINDS) {
    it(`<lk-${kind}>: payloads in review issues, error codes and a typed reply run nothing and add no element`, async () => {
      const element = await mountKit(KITS[kind], { mode: 'review', user: { id: PAYLOADS[11]!, email: PAYLOADS[1]! }, width: 1240, height: 960 });
      element.errorCodes = [{ category: PAYLOADS[4]!, codes: [{ code: PAYLOADS[5]!, title: PAYLOADS[6]! }, PAYLOADS[7]!] }];
      element.issues = [
        {
          issueId: SHORT_PAYLOAD,
          objectId: PAYLOADS[9]!,
          ...(kind === 'text' ? { span: { start: 0, end: 3 } } : { position: { x: 10, y: 10 } }),
          errorCodes: [PAYLOADS[5]!, PAYLOADS[8]!],
          status: 'open',
          thread: [{ text: PAYLOADS.join('\n'), by: PAYLOADS[0]!, at: PAYLOADS[3]! }],
        },
      ];
      element.session.issues.setDraft({ position: { x: 20, y: 20 } });
      await customElements.whenDefined('lk-issues-panel');
      await panelsSettled(element);
      const panel = element.shadowRoot!.querySelector('lk-issues-panel')!;
      await panel.updateComplete;
      await frames(2);
      await clickControl(input, panel.shadowRoot!.querySelector('button.open-issue')!);
      await panelsSettled(element);
      await clickControl(input, panel.shadowRoot!.querySelector('textarea#reply')!);
      await input.keys({ type: PAYLOADS[0]! });
      const replied = nextEvent<CustomEvent>(element, 'lk-issue');
      await clickControl(input, panel.shadowRoot!.querySelector('button.send')!);
      const { detail } = await replied;
      await panelsSettled(element);
      const shown = normalised(deepText(element));
      await expectInert(element, trap);
      for (const text of [PAYLOADS[0]!, PAYLOADS[4]!, PAYLOADS[6]!, PAYLOADS[8]!, PAYLOADS.join('\n')]) expect(shown, 'issue text is shown as text').to.contain(normalised(text));
      expect(detail.issue.issueId).to.equal(SHORT_PAYLOAD);
      expect(detail.issue.thread.map((message: { text: string }) => message.text)).to.deep.equal([PAYLOADS.join('\n'), PAYLOADS[0]]);
      expect(detail.issue.thread[1].by).to.equal(PAYLOADS[1]);
      element.remove();
    });
  }

  it('<lk-text>: a document made of payloads is shown line by line as text, and labels', async () => {
    const kit = KITS.text;
    const source = PAYLOADS.join('\n');
    const src = blobUrlOf([source], 'text/plain');
    const element = await mountKit(kit, { src });
    expect((element as unknown as { documentText: string }).documentText).to.equal(source);
    const documentPart = element.shadowRoot!.querySelector('[part~="document"]')!;
    for (const line of PAYLOADS) expect(normalised(deepText(documentPart))).to.contain(normalised(line));
    element.focus();
    await input.keys({ press: '1' });
    const paragraph = [...documentPart.querySelectorAll('p')].find((p) => p.textContent === PAYLOADS[1])!;
    const rect = paragraph.getBoundingClientRect();
    const y = rect.top + rect.height / 2;
    await sendMouse({ type: 'move', position: [Math.round(rect.left + 1), Math.round(y)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(rect.left + 60), Math.round(y)] });
    await sendMouse({ type: 'up' });
    await element.settled();
    expect(toolsOf(element)).to.have.length(1);
    await expectInert(element, trap);
    element.remove();
    URL.revokeObjectURL(src);
  });

  it('<lk-pdf>: PDF text made of payloads lands in the text layer as text', async () => {
    const ascii = PAYLOADS.filter((payload) => /^[\x20-\x7e]*$/.test(payload));
    const src = blobUrlOf([writePdf([{ lines: ascii, fontSize: 8 }]) as BlobPart], 'application/pdf');
    const element = await mountKit(KITS.pdf, { src });
    const page = element.shadowRoot!.querySelector('[part~="page"][data-page="0"]')!;
    const text = normalised(deepText(page));
    for (const line of ascii) expect(text, 'each line is in the text layer').to.contain(normalised(line));
    await expectInert(element, trap);
    element.remove();
    URL.revokeObjectURL(src);
  });

  it('<lk-dicom>: payloads in patient, study, series and window tags run nothing and reach no export or event', async () => {
    const text = (tag: [number, number], vr: string, value: string): WriteElement => ({ tag, vr, value });
    const elements = imageElements({
      rows: 128,
      columns: 128,
      pixelData: words16(Array.from({ length: 128 * 128 }, (_, i) => i % 4096)),
      before: [text([0x0010, 0x0020], 'LO', PAYLOADS[2]!)],
      extra28: [text([0x0028, 0x1050], 'DS', '2000'), text([0x0028, 0x1051], 'DS', '4000'), text([0x0028, 0x1055], 'LO', PAYLOADS[3]!)],
    });
    elements[1] = text([0x0010, 0x0010], 'PN', PAYLOADS[1]!);
    elements.splice(1, 0, text([0x0008, 0x0080], 'LO', PAYLOADS[4]!), text([0x0008, 0x1030], 'LO', PAYLOADS[5]!), text([0x0008, 0x103e], 'LO', PAYLOADS[6]!));
    const src = blobUrlOf([writeDicom(elements, 'explicit-le') as BlobPart], 'application/dicom');
    const details: string[] = [];
    const record = (event: Event) => details.push(JSON.stringify((event as CustomEvent).detail));
    for (const type of ['lk-ready', 'lk-change', 'lk-select', 'lk-error']) document.addEventListener(type, record, true);
    try {
      const element = await mountKit(KITS.dicom, { src });
      const labelled = await KITS.dicom.label(element, input);
      await clickControl(input, objectRow(element, labelled));
      await expectInert(element, trap);
      const exported = JSON.stringify(element.export());
      for (const payload of PAYLOADS.slice(1, 7)) {
        expect(exported, 'tags stay out of the export').not.to.contain(payload);
        expect(details.filter((detail) => detail.includes(JSON.stringify(payload).slice(1, -1))), 'tags stay out of events').to.deep.equal([]);
      }
      element.remove();
    } finally {
      for (const type of ['lk-ready', 'lk-change', 'lk-select', 'lk-error']) document.removeEventListener(type, record, true);
      URL.revokeObjectURL(src);
    }
  });

  it('<lk-image>: an SVG image with scripts and handlers runs nothing, drawn or refused', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" onload="window.parent.__lkInjected(\'svg-asset-onload\')">' +
      '<script>window.parent.__lkInjected("svg-asset-script")</script>' +
      '<rect width="320" height="200" fill="#e53935"/>' +
      '<foreignObject width="320" height="200"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.parent.__lkInjected(\'svg-asset-img\')"/></foreignObject>' +
      '</svg>';
    const src = blobUrlOf([svg], 'image/svg+xml');
    const element = await mountKit(KITS.image, { src, waitReady: false });
    // lk-image decodes with createImageBitmap, which has no SVG decoder: it refuses the file.
    const outcome = await Promise.race([
      nextEvent(element, 'lk-ready').then(() => 'drawn'),
      nextEvent<CustomEvent>(element, 'lk-error').then((event) => event.detail.code as string),
    ]);
    expect(outcome).to.be.oneOf(['drawn', 'asset-unsupported']);
    if (outcome === 'drawn') expect(element.export().metadata).to.deep.equal({ width: 320, height: 200 });
    await expectInert(element, trap);
    URL.revokeObjectURL(src);
  });
});
