/**
 * The dark theme on all five elements (issue 18): `theme="dark"` and `theme="auto"` under a dark
 * `prefers-color-scheme` keep axe clean with the side panels in use: an object selected (its
 * questions shown), a blocked Submit's problem list, the shortcut help open. Real keys; axe checks
 * the contrast of what is rendered, and the text's own page is checked for light letters on dark.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/lk-dicom/define.js';
import '../../src/elements/lk-image/define.js';
import '../../src/elements/lk-pdf/define.js';
import '../../src/elements/lk-text/define.js';
import '../../src/elements/lk-video/define.js';
import type { AnnotatorElement } from '../../src/elements/base/annotator-element.js';
import { FRAME_NUMBERS_URL } from '../media/video/video-helpers.js';
import { fetchJson, IMAGE_URL, nextEvent, ONTOLOGY_URL } from './helpers.js';
import { codePointSpan } from './lk-text-helpers.js';
import { pixels } from './pixels.js';

const STORY = 'Mr. Darcy met Elizabeth Bennet at the ball.\nShe lived at Longbourn with her sisters.\n';
const TEXT_ONTOLOGY = {
  tools: [
    {
      schemaId: 't-car',
      tool: 'ner',
      title: 'Car',
      color: '#e53935',
      classifications: [{ schemaId: 'c-kind', tool: 'radio', title: 'Kind', required: true, options: [{ value: 'Sedan', schemaId: 'o-sedan' }] }],
    },
  ],
};

let ontology: unknown;

/** Every element has `settled()`; the base class does not declare it. */
type Element = AnnotatorElement & { text?: string; settled(): Promise<void> };

interface Kind {
  tag: string;
  src?: string;
  ontology: () => unknown;
  /** Two objects, `b` without its required answer. */
  tools: () => unknown[];
}

const box = (objectId: string, x: number, extra: Record<string, unknown> = {}) => ({ objectId, schemaId: 't-car', 'bounding-box': { x, y: 20, width: 60, height: 50 }, ...extra });
const planeBoxes = (extra: Record<string, unknown>) => () => [box('a', 10, extra), box('b', 80, extra)];

const kinds: Kind[] = [
  { tag: 'lk-image', src: IMAGE_URL, ontology: () => ontology, tools: planeBoxes({}) },
  { tag: 'lk-video', src: FRAME_NUMBERS_URL, ontology: () => ontology, tools: planeBoxes({ page: 0, keyframe: true }) },
  { tag: 'lk-dicom', src: '/test/fixtures/dicom/CT_small.dcm', ontology: () => ontology, tools: planeBoxes({ page: 0 }) },
  { tag: 'lk-pdf', src: '/test/fixtures/pdf/pdflatex-4-pages.pdf', ontology: () => ontology, tools: planeBoxes({ page: 0 }) },
  {
    tag: 'lk-text',
    ontology: () => TEXT_ONTOLOGY,
    tools: () => [
      { objectId: 'a', schemaId: 't-car', ner: codePointSpan(STORY, 'Darcy') },
      { objectId: 'b', schemaId: 't-car', ner: codePointSpan(STORY, 'Elizabeth') },
    ],
  },
];

async function mount(kind: Kind, theme: string): Promise<Element> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const element = document.createElement(kind.tag) as Element;
  element.setAttribute('theme', theme);
  element.setAttribute('style', 'width: 1000px; --lk-height: 600px');
  element.ontology = kind.ontology() as AnnotatorElement['ontology'];
  wrapper.append(element);
  element.annotations = { task: { tools: kind.tools() } } as AnnotatorElement['annotations'];
  const ready = nextEvent(element, 'lk-ready');
  if (kind.src) element.src = kind.src;
  else element.text = STORY;
  await ready;
  await element.settled();
  element.focus();
  return element;
}

/** The problem list of a blocked Submit, rendered. */
async function problemsShown(element: AnnotatorElement): Promise<number> {
  const actions = element.shadowRoot!.querySelector('lk-task-actions') as HTMLElement & { updateComplete: Promise<unknown> };
  await actions.updateComplete;
  return actions.shadowRoot!.querySelectorAll('[part~="problems"] button').length;
}

describe('dark theme: every element stays axe clean in use', () => {
  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
  });
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const kind of kinds) {
    for (const theme of ['dark', 'auto'] as const) {
      it(`<${kind.tag} theme="${theme}">${theme === 'auto' ? ' under prefers-color-scheme: dark' : ''}: selected object, problem list, help`, async () => {
        if (theme === 'auto') await emulateMedia({ colorScheme: 'dark' });
        const element = await mount(kind, theme);
        expect(getComputedStyle(element).backgroundColor).to.equal('rgb(22, 27, 34)');

        element.session.select(['b']);
        await element.settled();
        await expect(element).to.be.accessible();

        element.focus();
        await sendKeys({ press: 'Control+Enter' });
        await element.settled();
        expect(await problemsShown(element), 'Submit is blocked and says why').to.be.greaterThan(0);
        await expect(element).to.be.accessible();

        element.focus();
        await sendKeys({ press: '?' });
        await element.settled();
        const help = element.shadowRoot!.querySelector('lk-shortcut-help')!;
        expect(help.shadowRoot!.querySelector('dialog')!.open, 'the help is open').to.equal(true);
        await expect(element).to.be.accessible();
      });
    }
  }
});

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb.match(/\d+/g)!.slice(0, 3).map((value) => {
      const c = Number(value) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('dark theme: the text page', () => {
  it('is dark with light letters, readable (it was white under light letters)', async () => {
    const element = await mount(kinds.find((kind) => kind.tag === 'lk-text')!, 'dark');
    const stage = element.shadowRoot!.querySelector<HTMLElement>('.stage')!;
    const paragraphs = element.shadowRoot!.querySelector<HTMLElement>('.paragraphs')!;
    const background = getComputedStyle(stage).backgroundColor;
    expect(contrast(getComputedStyle(paragraphs).color, background)).to.be.at.least(4.5);
    // What is painted: a line of the text is mostly dark.
    const line = paragraphs.querySelector('p')!.getBoundingClientRect();
    const image = await pixels({ left: line.left, top: line.top, width: 200, height: line.height });
    let dark = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 200) dark++;
    expect(dark / (image.data.length / 4)).to.be.greaterThan(0.6);
  });
});
