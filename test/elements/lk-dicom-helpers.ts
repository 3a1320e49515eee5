/** Helpers shared by the <lk-dicom> element tests: mounting on the real fixtures, reading pixels, real input on its controls. */
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/lk-dicom/define.js';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import type { ExportTool } from '../../src/format/types.js';
import { canvasOf, frames, nextEvent, pagePoint, pixelAt, sendMouse } from './helpers.js';

export const DICOM = '/test/fixtures/dicom';

export interface MountOptions {
  ontology: unknown;
  src?: string;
  srcs?: string[];
  mode?: string;
  annotations?: unknown;
  renderer?: string;
}

/** An <lk-dicom> (960 × 480) that has shown `src` (default CT_small) or `srcs`, focused. */
export async function mount(options: MountOptions): Promise<LkDicom> {
  const element = await fixture<LkDicom>(html`
    <lk-dicom
      style="--lk-height: 480px; width: 960px"
      asset-id="study-1"
      mode=${options.mode ?? 'annotate'}
      renderer=${options.renderer ?? 'auto'}
      .ontology=${options.ontology}
      .annotations=${options.annotations}
      .user=${{ id: 'u-1', email: 'rad@example.com' }}
    ></lk-dicom>
  `);
  const ready = nextEvent(element, 'lk-ready');
  if (options.srcs) element.srcs = options.srcs;
  else element.src = options.src ?? `${DICOM}/CT_small.dcm`;
  await ready;
  await element.settled();
  element.focus();
  return element;
}

/** Object URLs for generated files; `revokeAll()` after the tests. */
export function blobUrls(): { url(bytes: Uint8Array): string; revokeAll(): void } {
  const made: string[] = [];
  return {
    url(bytes) {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/dicom' }));
      made.push(url);
      return url;
    },
    revokeAll() {
      made.splice(0).forEach((url) => URL.revokeObjectURL(url));
    },
  };
}

/** The displayed (windowed) grey value of asset pixel (x, y) on the slice texture. */
export function greyAt(element: LkDicom, x: number, y: number): number {
  const data = element.displayedImageData()!;
  return data.data[(y * data.width + x) * 4]!;
}

/** The on-screen (pixi) canvas colour at the centre of asset pixel (x, y): the screen pixel that centre falls in. */
export function screenGreyAt(element: LkDicom, x: number, y: number): number {
  const view = element.view!;
  return pixelAt(canvasOf(element), Math.floor(view.offsetX + (x + 0.5) * view.scale), Math.floor(view.offsetY + (y + 0.5) * view.scale))[0]!;
}

/** One real wheel event over asset point `at`, with modifier keys held. */
export async function wheel(element: LkDicom, at: [number, number], deltaY: number, modifiers: string[] = []): Promise<void> {
  const [x, y] = pagePoint(element, ...at);
  await executeServerCommand('input:wheel', { x, y, deltaY, modifiers });
  await frames(1);
}

/** A real click on a control (scrolled into view first): its centre, or just inside its start or end. */
export async function clickControl(control: Element, where: 'centre' | 'start' | 'end' = 'centre'): Promise<void> {
  control.scrollIntoView({ block: 'nearest' });
  const box = control.getBoundingClientRect();
  const x = where === 'start' ? box.left + 3 : where === 'end' ? box.right - 3 : box.left + box.width / 2;
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(box.top + box.height / 2)] });
}

export function barButton(element: LkDicom, text: string): HTMLButtonElement {
  const button = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.dicom-bar button')].find((b) => b.textContent?.includes(text));
  if (!button) throw new Error(`no "${text}" button`);
  return button;
}

export function toolsOf(element: LkDicom): ExportTool[] {
  return element.export().task.tools;
}
