/**
 * One kit per element for the security suites: its asset, an ontology, pre-labels with a free and
 * a locked object, how to mount it, how to label with real input, and where an object is on
 * screen. The suites run the same checks over all five through these kits, using only the public
 * API (properties, methods, events, parts), so the elements can change inside without breaking them.
 *
 * Nothing here imports the test runner: the strict-CSP page loads this module in its own realm.
 */
import '../../../src/define.js';
import type { AnnotatorElement } from '../../../src/elements/base/annotator-element.js';
import type { ExportRecord, ExportTool } from '../../../src/format/types.js';
import { nextEvent } from '../../elements/waits.js';
import { dragBetween, press, type InputDriver, type ScreenPoint } from './input.js';

export { frames, nextEvent } from '../../elements/waits.js';

export type ElementKind = 'image' | 'video' | 'pdf' | 'dicom' | 'text';

export const ELEMENT_KINDS: readonly ElementKind[] = ['image', 'video', 'pdf', 'dicom', 'text'];

/** What every kit's element offers beyond the base class (all five have these). */
export type KitElement = AnnotatorElement & {
  settled(): Promise<void>;
};

interface SurfaceView {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export interface MountOptions {
  /** The asset URL (default: the fixture, unsigned). */
  src?: string;
  mode?: 'annotate' | 'review' | 'view';
  reviewReadonly?: boolean;
  annotations?: unknown;
  ontology?: unknown;
  user?: { id: string; email?: string };
  clock?: () => number;
  resolveUrl?: AnnotatorElement['resolveUrl'];
  /** Where to put it (default: document.body of this realm). */
  container?: HTMLElement;
  /** CSS width and height (default 780 × 560: inside the test runner's 800 × 600 viewport, where real clicks land). */
  width?: number;
  height?: number;
  /** Extra attributes, e.g. `{ 'no-sidebar': '' }`. */
  attributes?: Record<string, string>;
  /** Wait for lk-ready (default true). */
  waitReady?: boolean;
}

export interface ElementKit {
  readonly kind: ElementKind;
  readonly tag: string;
  /** The asset, relative to test/fixtures (what `sign-url` takes). */
  readonly fixture: string;
  /** Pre-labels: `free` and `locked` (lock: true) objects of the class with shortcut 1, and a task answer. */
  readonly prelabels: unknown;
  readonly ontology: Ontology;
  /** The real-input gesture that creates one object of the class with shortcut 1 (where allowed). */
  draw(element: KitElement, input: InputDriver): Promise<void>;
  /** `draw`, checked: returns the new objectId. */
  label(element: KitElement, input: InputDriver): Promise<string>;
  /** Creates an object that `editKeys` change (a box on a PDF page; elsewhere as `label`). */
  labelEditable(element: KitElement, input: InputDriver): Promise<string>;
  /** Keys that change the selected object (nudges; moving an entity's ends in text). */
  readonly editKeys: readonly string[];
  /** Where an object is on screen (its centre, viewport coordinates of the element's window). */
  objectPoint(element: KitElement, objectId: string): ScreenPoint;
  /** A point on the asset with no object on it. */
  emptyPoint(element: KitElement): ScreenPoint;
}

interface Ontology {
  tools: { schemaId: string; tool: string; title: string; color: string; shortcutKey: string }[];
  classifications: unknown[];
  relations: unknown[];
}

export const fixtureUrl = (kit: ElementKit): string => `/test/fixtures/${kit.fixture}`;

// ---- shared parts --------------------------------------------------------------------------------

const TASK_CLASSIFICATIONS = [
  {
    schemaId: 'c-quality',
    tool: 'radio',
    title: 'Quality',
    options: [
      { value: 'Good', schemaId: 'o-good' },
      { value: 'Poor', schemaId: 'o-poor' },
    ],
  },
];

const RELATIONS = [{ schemaId: 'r-link', tool: 'one-to-one', title: 'Link', color: '#8e24aa' }];

const BOX_CLASS = { schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#e53935', shortcutKey: '1' };
const LINE_CLASS = { schemaId: 't-line', tool: 'polyline', title: 'Line', color: '#43a047', shortcutKey: '2' };

const TASK_ANSWER = { schemaId: 'c-quality', answer: 'Good' };

/** Every element under `root` (its own shadow root included), inside nested shadow roots too. */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

/**
 * Loads the heaviest modules the elements import on first use (pixi.js with the 2D surface, and
 * pdf.js), so the first mount in a test file does not pay for serving them cold.
 */
export async function warmUp(): Promise<void> {
  await Promise.all([import('../../../src/canvas/surface.js'), import('pdfjs-dist')]);
}

/**
 * A blob URL of the novel's first 20,000 characters (the text kit's pre-labels lie in its first
 * lines): for tests that load many text elements, where twenty whole novels would measure layout.
 * The caller revokes it.
 */
export async function novelOpeningUrl(): Promise<string> {
  const text = await (await fetch('/test/fixtures/text/pride_and_prejudice.txt')).text();
  return URL.createObjectURL(new Blob([text.slice(0, 20_000)], { type: 'text/plain' }));
}

/** Removes every kit element this realm's page still holds (after a failed test, too). */
export function removeKitElements(root: ParentNode = document): void {
  for (const element of root.querySelectorAll(Object.values(KITS).map((kit) => kit.tag).join(', '))) element.remove();
}

/** Mounts the kit's element, sets its asset and (by default) waits until it is ready and drawn. */
export async function mountKit(kit: ElementKit, options: MountOptions = {}): Promise<KitElement> {
  const view = (options.container?.ownerDocument ?? document).defaultView ?? window;
  const element = (options.container?.ownerDocument ?? document).createElement(kit.tag) as KitElement;
  element.style.width = `${options.width ?? 780}px`;
  element.style.setProperty('--lk-height', `${options.height ?? 560}px`);
  element.setAttribute('asset-id', `${kit.kind}-asset`);
  element.setAttribute('external-id', kit.fixture.split('/').pop()!);
  element.setAttribute('task-id', `${kit.kind}-task`);
  if (options.mode) element.setAttribute('mode', options.mode);
  if (options.reviewReadonly) element.setAttribute('review-readonly', '');
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  if (options.clock) element.clock = options.clock;
  // On the page before the data arrives, as in most hosts: its events reach document listeners.
  (options.container ?? view.document.body).append(element);
  element.user = options.user ?? { id: 'u-ann', email: 'ann@example.com' };
  if (options.resolveUrl) element.resolveUrl = options.resolveUrl;
  element.ontology = options.ontology ?? kit.ontology;
  if (options.annotations !== undefined) element.annotations = options.annotations as never;
  const ready = options.waitReady === false ? undefined : nextEvent(element, 'lk-ready');
  element.src = options.src ?? fixtureUrl(kit);
  if (ready) {
    await ready;
    await element.settled();
  }
  return element;
}

export function toolsOf(element: KitElement): ExportTool[] {
  return element.export().task.tools;
}

/** The export without what moves on its own (durations, the latest-update stamp). */
export function stableRecord(element: KitElement): unknown {
  const record: ExportRecord = element.export();
  const { totalDuration: _t, idleDuration: _i, blurDuration: _b, updatedAt: _u, updatedBy: _ub, ...task } = record.task;
  return { ...record, task };
}

/** The object ids that `run` added to the export. */
async function newObjectId(element: KitElement, run: () => Promise<void>): Promise<string> {
  const before = new Set(toolsOf(element).map((tool) => tool.objectId));
  await run();
  await element.settled();
  const added = [...new Set(toolsOf(element).map((tool) => tool.objectId))].filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new object, got ${added.length}`);
  return added[0]!;
}

type Gesture = (element: KitElement, input: InputDriver) => Promise<void>;

/** `draw`, `label` (checked) and `labelEditable` from one gesture. */
function withLabel(draw: Gesture): Pick<ElementKit, 'draw' | 'label' | 'labelEditable'> {
  const label = (element: KitElement, input: InputDriver) => newObjectId(element, () => draw(element, input));
  return { draw, label, labelEditable: label };
}

const NUDGES = ['ArrowRight', 'ArrowDown'];

// ---- 2D surfaces (image, video, DICOM) -------------------------------------------------------------

type UnitBox = [number, number, number, number];

/** Boxes as fractions of the asset, so the same layout fits 640×360 video and 128×128 CT. */
const FREE_BOX: UnitBox = [0.06, 0.1, 0.19, 0.28];
const LOCKED_BOX: UnitBox = [0.56, 0.55, 0.19, 0.28];
const DRAWN_BOX: UnitBox = [0.34, 0.12, 0.16, 0.3];
const EMPTY_SPOT: [number, number] = [0.9, 0.1];

function surfaceCanvas(element: KitElement): HTMLCanvasElement {
  const canvas = element.shadowRoot?.querySelector<HTMLCanvasElement>('canvas[part~="canvas"]');
  if (!canvas) throw new Error('no drawing canvas');
  return canvas;
}

function surfacePoint(element: KitElement, x: number, y: number): ScreenPoint {
  const view = (element as unknown as { view?: SurfaceView }).view;
  if (!view) throw new Error('surface not ready');
  const rect = surfaceCanvas(element).getBoundingClientRect();
  return [rect.left + x * view.scale + view.offsetX, rect.top + y * view.scale + view.offsetY];
}

function boxCentre(tool: ExportTool | undefined): [number, number] {
  const box = tool?.['bounding-box'];
  if (!box) throw new Error('no bounding box');
  return [box.x + box.width / 2, box.y + box.height / 2];
}

function objectById(element: KitElement, objectId: string): ExportTool | undefined {
  return toolsOf(element).find((tool) => tool.objectId === objectId);
}

function surfaceKit(options: { kind: 'image' | 'video' | 'dicom'; tag: string; fixture: string; size: [number, number] }): ElementKit {
  const [width, height] = options.size;
  const box = ([x, y, w, h]: UnitBox) => ({ x: x * width, y: y * height, width: w * width, height: h * height });
  const onPlane = options.kind === 'image' ? {} : { page: 0, ...(options.kind === 'video' ? { keyframe: true } : {}) };
  return {
    kind: options.kind,
    tag: options.tag,
    fixture: options.fixture,
    ontology: { tools: [BOX_CLASS, LINE_CLASS], classifications: TASK_CLASSIFICATIONS, relations: RELATIONS },
    prelabels: {
      objects: [
        { objectId: 'free', schemaId: 't-box', 'bounding-box': box(FREE_BOX), ...onPlane },
        { objectId: 'locked', schemaId: 't-box', 'bounding-box': box(LOCKED_BOX), lock: true, ...onPlane },
      ],
      classifications: [TASK_ANSWER],
    },
    ...withLabel(async (element, input) => {
      element.focus();
      await press(input, '1');
      const [x, y, w, h] = DRAWN_BOX;
      await dragBetween(input, surfacePoint(element, x * width, y * height), surfacePoint(element, (x + w) * width, (y + h) * height));
      await press(input, 'Escape');
    }),
    editKeys: NUDGES,
    objectPoint: (element, objectId) => surfacePoint(element, ...boxCentre(objectById(element, objectId))),
    emptyPoint: (element) => surfacePoint(element, EMPTY_SPOT[0] * width, EMPTY_SPOT[1] * height),
  };
}

// ---- PDF ----------------------------------------------------------------------------------------------

function pdfPage(element: KitElement, index: number): HTMLElement {
  const page = element.shadowRoot?.querySelector<HTMLElement>(`[part~="page"][data-page="${index}"]`);
  if (!page) throw new Error(`page ${index + 1} is not rendered`);
  return page;
}

function pdfPoint(element: KitElement, index: number, x: number, y: number): ScreenPoint {
  const scale = (element as unknown as { pageScale: number }).pageScale;
  const rect = pdfPage(element, index).getBoundingClientRect();
  return [rect.left + x * scale, rect.top + y * scale];
}

/** The first text-layer span on page 1 holding a word of at least six letters. */
function pdfWord(element: KitElement): DOMRect {
  for (const span of pdfPage(element, 0).querySelectorAll<HTMLElement>('span')) {
    if (span.childElementCount === 0 && /^[A-Za-z]{6,}$/.test((span.textContent ?? '').trim())) return span.getBoundingClientRect();
  }
  for (const span of pdfPage(element, 0).querySelectorAll<HTMLElement>('span')) {
    if (span.childElementCount === 0 && /[A-Za-z]{6,}/.test(span.textContent ?? '')) return span.getBoundingClientRect();
  }
  throw new Error('no word in the text layer of page 1');
}

const pdfKit: ElementKit = {
  kind: 'pdf',
  tag: 'lk-pdf',
  fixture: 'pdf/pdflatex-4-pages.pdf',
  ontology: {
    tools: [
      { schemaId: 't-passage', tool: 'pdf', title: 'Passage', color: '#e53935', shortcutKey: '1' },
      { schemaId: 't-area', tool: 'bounding-box', title: 'Area', color: '#1e88e5', shortcutKey: '2' },
    ],
    classifications: TASK_CLASSIFICATIONS,
    relations: RELATIONS,
  },
  prelabels: {
    objects: [
      { objectId: 'free', schemaId: 't-area', 'bounding-box': { x: 30, y: 20, width: 120, height: 50 }, page: 0 },
      { objectId: 'locked', schemaId: 't-area', 'bounding-box': { x: 420, y: 20, width: 120, height: 50 }, page: 0, lock: true },
    ],
    classifications: [TASK_ANSWER],
  },
  ...withLabel(async (element, input) => {
    element.focus();
    await press(input, '1');
    const word = pdfWord(element);
    const y = word.top + word.height / 2;
    await dragBetween(input, [word.left + 1, y], [word.right - 1, y], 6);
    await press(input, 'Escape');
  }),
  labelEditable: (element, input) =>
    newObjectId(element, async () => {
      element.focus();
      await press(input, '2');
      await dragBetween(input, pdfPoint(element, 0, 200, 80), pdfPoint(element, 0, 320, 140));
      await press(input, 'Escape');
    }),
  editKeys: NUDGES,
  objectPoint(element, objectId) {
    const tool = objectById(element, objectId);
    if (tool?.pdf) {
      const { x1, y1, x2, y2 } = tool.pdf.position.boundingRect;
      return pdfPoint(element, tool.page ?? 0, (x1 + x2) / 2, (y1 + y2) / 2);
    }
    return pdfPoint(element, tool?.page ?? 0, ...boxCentre(tool));
  },
  emptyPoint: (element) => pdfPoint(element, 0, 297, 60),
};

// ---- text ---------------------------------------------------------------------------------------------

/** The novel's first lines (the fixture starts with them): offsets below are computed from this. */
const OPENING = 'Chapter 1\n\n\nIt is a truth universally acknowledged, that a single man in possession\n';

function span(needle: string): { start: number; end: number } {
  const start = OPENING.indexOf(needle);
  return { start, end: start + needle.length };
}

/** The on-screen box of the `occurrence`-th `needle` in the element's document, in text order. */
function textRect(element: KitElement, needle: string, occurrence = 0): DOMRect {
  const documentPart = element.shadowRoot?.querySelector('[part~="document"]');
  if (!documentPart) throw new Error('no document part');
  const walker = documentPart.ownerDocument.createTreeWalker(documentPart, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let at = node.data.indexOf(needle); at >= 0; at = node.data.indexOf(needle, at + 1)) {
      if (seen++ !== occurrence) continue;
      const range = documentPart.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      return range.getBoundingClientRect();
    }
  }
  throw new Error(`"${needle}" is not rendered`);
}

const centre = (rect: DOMRect): ScreenPoint => [rect.left + rect.width / 2, rect.top + rect.height / 2];

const textKit: ElementKit = {
  kind: 'text',
  tag: 'lk-text',
  fixture: 'text/pride_and_prejudice.txt',
  ontology: {
    tools: [{ schemaId: 't-box', tool: 'ner', title: 'Phrase', color: '#e53935', shortcutKey: '1' }],
    classifications: TASK_CLASSIFICATIONS,
    relations: RELATIONS,
  },
  prelabels: {
    objects: [
      { objectId: 'free', schemaId: 't-box', ner: { ...span('truth'), selection: 'truth' } },
      { objectId: 'locked', schemaId: 't-box', ner: { ...span('single'), selection: 'single' }, lock: true },
    ],
    classifications: [TASK_ANSWER],
  },
  ...withLabel(async (element, input) => {
    element.focus();
    await press(input, '1');
    const rect = textRect(element, 'universally');
    const y = rect.top + rect.height / 2;
    await dragBetween(input, [rect.left + 1, y], [rect.right - 1, y], 3);
    await press(input, 'Escape');
  }),
  // Shift+Alt+→ moves an entity's end, ] its start.
  editKeys: ['Shift+Alt+ArrowRight', ']'],
  objectPoint(element, objectId) {
    const ner = objectById(element, objectId)?.ner;
    const text = (element as unknown as { documentText?: string }).documentText;
    if (!ner || text === undefined) throw new Error(`no entity ${objectId}`);
    // The entity is the n-th occurrence of its text (code points equal UTF-16 units in the opening).
    const occurrence = text.slice(0, ner.start).split(ner.selection).length - 1;
    return centre(textRect(element, ner.selection, occurrence));
  },
  emptyPoint: (element) => centre(textRect(element, 'Chapter')),
};

export const KITS: Record<ElementKind, ElementKit> = {
  image: surfaceKit({ kind: 'image', tag: 'lk-image', fixture: 'image/bottles-frame.jpg', size: [640, 360] }),
  video: surfaceKit({ kind: 'video', tag: 'lk-video', fixture: 'video/frame-numbers.webm', size: [640, 360] }),
  pdf: pdfKit,
  dicom: surfaceKit({ kind: 'dicom', tag: 'lk-dicom', fixture: 'dicom/CT_small.dcm', size: [128, 128] }),
  text: textKit,
};
