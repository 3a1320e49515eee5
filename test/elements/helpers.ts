/** Shared helpers for element tests: real input through the test runner, coordinates, events. */
import { fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import type { SurfaceElement } from '../../src/elements/base/surface-element.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { nextEvent } from './waits.js';

export { frames, nextEvent } from './waits.js';

export const ONTOLOGY_URL = '/test/fixtures/format/ontology.all-types.json';
export const IMPORT_URL = '/test/fixtures/format/import.ango-image.json';
export const IMAGE_URL = '/test/fixtures/image/bottles-frame.jpg';

export async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  return response.json();
}

/** Collects every event of the given types for later assertions. */
export function recordEvents(target: EventTarget, types: string[]): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const type of types) target.addEventListener(type, (event) => events.push(event as CustomEvent));
  return events;
}

export function canvasOf(element: SurfaceElement): HTMLCanvasElement {
  const canvas = element.shadowRoot?.querySelector('canvas');
  if (!canvas) throw new Error('no canvas rendered');
  return canvas;
}

/** The stage area the canvas fills (the canvas itself may be moved for a moment by a composed frame). */
function stageRect(element: SurfaceElement): DOMRect {
  return canvasOf(element).parentElement!.getBoundingClientRect();
}

/** Page (viewport) coordinates of an asset point on the element's surface. */
export function pagePoint(element: SurfaceElement, x: number, y: number): [number, number] {
  const view = element.view;
  if (!view) throw new Error('surface not ready');
  const rect = stageRect(element);
  return [Math.round(rect.left + x * view.scale + view.offsetX), Math.round(rect.top + y * view.scale + view.offsetY)];
}

/** Asset coordinates of a page point, the way the element computes them. */
export function assetPoint(element: SurfaceElement, page: [number, number]): [number, number] {
  const view = element.view!;
  const rect = stageRect(element);
  return [(page[0] - rect.left - view.offsetX) / view.scale, (page[1] - rect.top - view.offsetY) / view.scale];
}

export async function drag(element: SurfaceElement, from: [number, number], to: [number, number], steps = 4): Promise<void> {
  const a = pagePoint(element, ...from);
  const b = pagePoint(element, ...to);
  await sendMouse({ type: 'move', position: a });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= steps; i++) {
    await sendMouse({ type: 'move', position: [Math.round(a[0] + ((b[0] - a[0]) * i) / steps), Math.round(a[1] + ((b[1] - a[1]) * i) / steps)] });
  }
  await sendMouse({ type: 'up' });
}

export async function click(element: SurfaceElement, at: [number, number], button: 'left' | 'right' = 'left'): Promise<void> {
  const p = pagePoint(element, ...at);
  await sendMouse({ type: 'click', position: p, button });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

export { resetMouse, sendKeys, sendMouse };

/**
 * The RGBA of the canvas at a CSS-pixel position inside it, with the canvases shown over it in
 * the stage (the live overlay of the Canvas2D renderer: selected and new shapes) composited on top.
 */
export function pixelAt(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const box = canvas.getBoundingClientRect();
  const ratio = canvas.width / box.width;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  for (const over of canvas.parentElement?.querySelectorAll('canvas') ?? []) {
    // Only the canvases stacked above this one (later siblings), as the user sees them.
    const above = canvas.compareDocumentPosition(over) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (!above || getComputedStyle(over).display === 'none') continue;
    const at = over.getBoundingClientRect();
    context.drawImage(over, (at.left - box.left) * ratio, (at.top - box.top) * ratio, at.width * ratio, at.height * ratio);
  }
  return [...context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data];
}

/** The pixels of an image URL (e.g. an exported brush PNG data URL), decoded at natural size. */
export async function decodedPixels(url: string): Promise<ImageData> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** A blob URL of a PNG `width` × `height` painted by `paint` (revoke it when done). */
export async function pictureUrl(width: number, height: number, paint: (context: CanvasRenderingContext2D) => void): Promise<string> {
  const picture = document.createElement('canvas');
  picture.width = width;
  picture.height = height;
  paint(picture.getContext('2d')!);
  return URL.createObjectURL(await new Promise<Blob>((resolve) => picture.toBlob((blob) => resolve(blob!), 'image/png')));
}

/**
 * A plain grey picture for a test file that looks at shapes only: made in a `before` hook and
 * revoked in an `after` hook of the file; read `.src` inside tests.
 */
export function greyPicture(width = 400, height = 300): { readonly src: string } {
  const picture = { src: '' };
  before(async () => {
    picture.src = await pictureUrl(width, height, (context) => {
      context.fillStyle = '#808080';
      context.fillRect(0, 0, width, height);
    });
  });
  after(() => URL.revokeObjectURL(picture.src));
  return picture;
}

/** Sets `src` on a mounted element and waits for its `lk-ready`, then until its view has settled. */
export async function showSource(element: HTMLElement & { src: string; settled(): Promise<void> }, src: string): Promise<void> {
  const ready = nextEvent(element, 'lk-ready');
  element.src = src;
  await ready;
  await element.settled();
}

/** `<lk-image>` 1000 px wide on `src` with the ontology and annotations given, drawn, settled and focused. */
export async function mountImageOn(src: string, ontology: unknown, annotations: unknown): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image style="--lk-height: 640px; width: 1000px" .ontology=${ontology} .annotations=${annotations} .user=${{ id: 'u-1', email: 'ann@example.com' }}></lk-image>
  `);
  await showSource(element, src);
  element.focus();
  return element;
}
