// One labeling task per element, driven by the harness with real mouse and keyboard input
// (bench/run.mjs, `inputs` group). The page mounts the element with its side panel, tells the
// harness where things are on screen, and summarises the export so the harness can check that
// the task was really done with the inputs it counted.
import '../../src/define.js';
import type { AnnotatorElement } from '../../src/elements/base/annotator-element.js';
import type { ExportRecord, ExportTool } from '../../src/format/types.js';
import type { AnnotationsInput, Ontology, ToolCategoryInput } from '../../src/index.js';
import { centerOf, nextFrame, NOVEL_URL } from './common.js';

type Kind = 'image' | 'text' | 'video' | 'pdf' | 'dicom';

interface View {
  scale: number;
  offsetX: number;
  offsetY: number;
}

const CAR: ToolCategoryInput = {
  schemaId: 't-car',
  tool: 'bounding-box',
  title: 'Car',
  color: '#e53935',
  shortcutKey: '1',
  classifications: [
    {
      schemaId: 'c-kind',
      tool: 'radio',
      title: 'Kind',
      options: [
        { value: 'Sedan', schemaId: 'o-sedan' },
        { value: 'Truck', schemaId: 'o-truck' },
      ],
      classifications: [
        {
          schemaId: 'c-axles',
          tool: 'radio',
          title: 'Axles',
          parentOptionId: 'o-truck',
          options: [
            { value: '2', schemaId: 'o-ax2' },
            { value: '3+', schemaId: 'o-ax3' },
          ],
        },
      ],
    },
  ],
};

const ONTOLOGIES: Record<Kind, Ontology> = {
  image: {
    tools: [CAR, { schemaId: 't-person', tool: 'bounding-box', title: 'Person', color: '#1e88e5', shortcutKey: '2' }],
    classifications: [],
    relations: [{ schemaId: 'r-drives', tool: 'one-to-one', title: 'Drives' }],
  },
  text: {
    tools: [
      { schemaId: 'e-person', tool: 'ner', title: 'Person', color: '#e53935', shortcutKey: '1' },
      { schemaId: 'e-family', tool: 'ner', title: 'Family', color: '#1e88e5', shortcutKey: '2' },
    ],
    classifications: [],
    relations: [{ schemaId: 'r-member', tool: 'one-to-one', title: 'Member of' }],
  },
  video: { tools: [{ ...CAR, classifications: [] }], classifications: [], relations: [] },
  pdf: { tools: [{ schemaId: 't-clause', tool: 'pdf', title: 'Clause', color: '#43a047', shortcutKey: '1' }], classifications: [], relations: [] },
  dicom: { tools: [{ schemaId: 't-lesion', tool: 'brush', title: 'Lesion', color: '#e53935', shortcutKey: '1' }], classifications: [], relations: [] },
};

/** The person the image task relates its new car to: already there, as a pre-label would be. */
const IMAGE_PRELABELS: AnnotationsInput = { objects: [{ objectId: 'person-1', schemaId: 't-person', 'bounding-box': { x: 420, y: 60, width: 120, height: 200 } }] };

let element: AnnotatorElement & { view?: View; settled(): Promise<void> };
let kind: Kind;

/**
 * `selectors` one per shadow root, from the element down; the last one's match whose text is
 * `text`, when given (a radio's label, a button's caption).
 */
function find(selectors: string[], text?: string): Element {
  let root: ParentNode = element.shadowRoot ?? element;
  let found: Element | undefined;
  selectors.forEach((selector, index) => {
    const matches = [...root.querySelectorAll(selector)];
    found = index === selectors.length - 1 && text !== undefined ? matches.find((match) => match.textContent?.trim() === text) : matches[0];
    if (!found) throw new Error(`no ${selectors.join(' › ')}${text === undefined ? '' : ` "${text}"`}`);
    root = found.shadowRoot ?? found;
  });
  return found!;
}

/** Every text node under `root`, through shadow roots. */
function* textNodes(root: Node): Generator<Text> {
  for (const child of root.childNodes) {
    if (child instanceof Text) yield child;
    else {
      yield* textNodes(child);
      if (child instanceof Element && child.shadowRoot) yield* textNodes(child.shadowRoot);
    }
  }
}

function textRect(needle: string, occurrence: number): DOMRect {
  let seen = 0;
  for (const node of textNodes(element.shadowRoot!)) {
    for (let at = node.data.indexOf(needle); at >= 0; at = node.data.indexOf(needle, at + 1)) {
      if (seen++ !== occurrence) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const rect = range.getBoundingClientRect();
      if (rect.width > 0) return rect;
    }
  }
  throw new Error(`"${needle}" is not on screen`);
}

function objectIds(tools: ExportTool[], schemaId: string): string[] {
  return [...new Set(tools.filter((tool) => tool.schemaId === schemaId).map((tool) => tool.objectId))];
}

window.bench = {
  /** The element of `kind` on its fixture, with its side panel, loaded, settled and focused. */
  async mount(params) {
    kind = params.kind as Kind;
    const tag = `lk-${kind}`;
    element = document.createElement(tag) as typeof element;
    element.style.cssText = '--lk-height: 860px; width: 1380px; display: block';
    element.ontology = ONTOLOGIES[kind];
    if (kind === 'pdf') element.setAttribute('pdfjs-base', '/pdfjs/');
    if (kind === 'video') element.setAttribute('frame-rate', '30');
    const ready = new Promise((resolve, reject) => {
      element.addEventListener('lk-ready', resolve, { once: true });
      element.addEventListener('lk-error', (e) => reject(new Error(`lk-error ${JSON.stringify((e as CustomEvent).detail)}`)), { once: true });
    });
    document.body.append(element);
    if (kind === 'image') element.annotations = IMAGE_PRELABELS;
    if (kind === 'text') (element as unknown as { text: string }).text = (await (await fetch(NOVEL_URL)).text()).slice(0, 4000);
    else if (kind === 'dicom') (element as unknown as { srcs: string[] }).srcs = (params.files as string[]).map((file) => `/assets/${file}`);
    else (element as unknown as { src: string }).src = String(params.src);
    await ready;
    await element.settled();
    await nextFrame();
    element.focus();
    return {};
  },

  /** Page position of an asset point on a 2D element's stage (image, video, DICOM). */
  async point(params) {
    const view = element.view!;
    const stage = element.shadowRoot!.querySelector('canvas')!.parentElement!.getBoundingClientRect();
    return { x: Math.round(stage.left + Number(params.x) * view.scale + view.offsetX), y: Math.round(stage.top + Number(params.y) * view.scale + view.offsetY) };
  },

  /** The centre of a control: `path` is one selector per shadow root from the element down. */
  async target(params) {
    const found = find(params.path as string[], params.text === undefined ? undefined : String(params.text));
    found.scrollIntoView({ block: 'nearest' });
    const box = centerOf(found);
    return { x: Math.round(box.x), y: Math.round(box.y) };
  },

  /** Where the n-th occurrence of `needle` is on screen: its first and last character's middles. */
  async text(params) {
    const rect = textRect(String(params.needle), Number(params.occurrence ?? 0));
    const y = Math.round(rect.top + rect.height / 2);
    return { left: Math.round(rect.left + 2), right: Math.round(rect.right - 2), middle: Math.round(rect.left + rect.width / 2), y };
  },

  async settle() {
    await element.settled();
    await nextFrame();
    return {};
  },

  /** What the export holds, for the harness to check the task against. */
  async state() {
    await element.settled();
    const record = element.export() as ExportRecord;
    const { tools, relations } = record.task;
    switch (kind) {
      case 'image': {
        const cars = objectIds(tools, 't-car');
        const car = tools.find((tool) => tool.schemaId === 't-car');
        const kindAnswer = car?.classifications.find((c) => c.schemaId === 'c-kind');
        const axles = kindAnswer?.classifications?.find((c) => c.schemaId === 'c-axles');
        return { cars: cars.length, kind: String(kindAnswer?.answer ?? ''), axles: String(axles?.answer ?? ''), relations: relations.length };
      }
      case 'text':
        return { persons: objectIds(tools, 'e-person').length, families: objectIds(tools, 'e-family').length, relations: relations.length };
      case 'video': {
        const keyframes = tools.filter((tool) => tool.schemaId === 't-car' && tool.keyframe).map((tool) => tool.page);
        return { tracks: objectIds(tools, 't-car').length, keyframes: keyframes.join(',') };
      }
      case 'pdf': {
        const clauses = tools.filter((tool) => tool.schemaId === 't-clause') as Array<ExportTool & { pdf?: { content: { text?: string } } }>;
        return { entries: clauses.length, texts: clauses.map((clause) => (clause.pdf?.content.text ?? '').slice(0, 40)).join(' | ') };
      }
      case 'dicom':
        return { paintedSlices: Object.keys(record.task.brushDataUrls ?? {}).filter((page) => record.task.brushDataUrls![page]).length };
    }
  },
};
