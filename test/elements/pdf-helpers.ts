/** Shared by the <lk-pdf> test files: mounting on the real fixtures, spans, real drags, ink under a box. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-pdf/define.js';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { PdfRect } from '../../src/core/model.js';
import type { ExportTool } from '../../src/format/types.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { nextEvent, sendMouse } from './helpers.js';

export const PDF = '/test/fixtures/pdf';
export const PAPER = `${PDF}/pdflatex-4-pages.pdf`;
export const ROTATED = `${PDF}/habibi-rotated.pdf`;
export const PASSWORD = `${PDF}/libreoffice-writer-password.pdf`;
/** One page set in two columns with an 18 pt gap at the widest lines (scripts/make-two-column-pdf.mjs). */
export const TWO_COLUMN = `${PDF}/two-column.pdf`;
/** A two-column article set by pdflatex (source beside it: pdflatex-two-column.tex). */
export const LATEX_TWO_COLUMN = `${PDF}/pdflatex-two-column.pdf`;

export const ontology = {
  tools: [
    { schemaId: 't-claim', tool: 'pdf', title: 'Claim', color: '#e53935', shortcutKey: '1' },
    { schemaId: 't-figure', tool: 'bounding-box', title: 'Figure', color: '#1e88e5', shortcutKey: '2' },
    { schemaId: 't-region', tool: 'polygon', title: 'Region', color: '#43a047', shortcutKey: '3' },
    { schemaId: 't-stamp', tool: 'rotated-bounding-box', title: 'Stamp', color: '#8e24aa', shortcutKey: '4' },
    { schemaId: 't-mark', tool: 'point', title: 'Mark', color: '#fb8c00', shortcutKey: '5' },
    { schemaId: 't-rule', tool: 'polyline', title: 'Rule', color: '#00897b', shortcutKey: '6' },
    { schemaId: 't-curve', tool: 'spline', title: 'Curve', color: '#6d4c41', shortcutKey: '7' },
    { schemaId: 't-zone', tool: 'segmentation', title: 'Zone', color: '#3949ab', shortcutKey: '8' },
  ],
  classifications: [
    {
      schemaId: 'c-page-kind',
      tool: 'radio',
      title: 'Page kind',
      frameSpecific: true,
      options: [
        { value: 'Body', schemaId: 'o-body' },
        { value: 'References', schemaId: 'o-refs' },
      ],
    },
    {
      schemaId: 'c-language',
      tool: 'radio',
      title: 'Document language',
      required: true,
      options: [
        { value: 'English', schemaId: 'o-en' },
        { value: 'Arabic', schemaId: 'o-ar' },
      ],
    },
  ],
  relations: [{ schemaId: 'r-cites', tool: 'one-to-one', title: 'Cites' }],
};

export interface MountOptions {
  zoom?: string;
  mode?: string;
  height?: number;
  annotations?: unknown;
  password?: LkPdf['password'];
}

export async function place(options: MountOptions = {}): Promise<LkPdf> {
  return fixture<LkPdf>(html`
    <lk-pdf
      style=${`--lk-height: ${options.height ?? 640}px; width: 1000px`}
      zoom=${options.zoom ?? 'fit-width'}
      mode=${options.mode ?? 'annotate'}
      asset-id="paper-1"
      .ontology=${ontology}
      .annotations=${options.annotations}
      .password=${options.password}
      .user=${{ id: 'u-1', email: 'ann@example.com' }}
    ></lk-pdf>
  `);
}

export async function mount(src = PAPER, options: MountOptions = {}): Promise<LkPdf> {
  const element = await place(options);
  const ready = nextEvent(element, 'lk-ready');
  element.src = src;
  await ready;
  await element.settled();
  element.focus();
  return element;
}

export function toolsOf(element: LkPdf): ExportTool[] {
  return element.export().task.tools;
}

/** The figure box `mountFigureAndClaim` puts on page 1 (PDF points). */
export const FIGURE_BOX = { x: 300, y: 400, width: 100, height: 60 };

/**
 * The paper at 100 % (700 px high) with a figure box (`FIGURE_BOX`, id `figure`) on page 1 and a
 * claim selected with the mouse on its first line of text; no class active afterwards.
 */
export async function mountFigureAndClaim(): Promise<{ element: LkPdf; claim: string }> {
  const element = await mount(PAPER, {
    zoom: '100',
    height: 700,
    annotations: { tools: [{ objectId: 'figure', schemaId: 't-figure', page: 0, 'bounding-box': FIGURE_BOX, classifications: [] }] },
  });
  element.session.setActiveSchema('t-claim');
  await selectSpan(span(element, 0, /^Hello, here is some text/).rect);
  const claim = toolsOf(element).find((tool) => tool.schemaId === 't-claim')!.objectId;
  element.session.setActiveSchema(undefined);
  return { element, claim };
}

export function textLayer(element: LkPdf, page: number): HTMLElement {
  return element.shadowRoot!.querySelector<HTMLElement>(`.page[data-page="${page}"] .textLayer`)!;
}

export function pageBox(element: LkPdf, page: number): DOMRect {
  return element.shadowRoot!.querySelector<HTMLElement>(`.page[data-page="${page}"]`)!.getBoundingClientRect();
}

/** The first text-layer span on `page` whose text matches, with its on-screen box. */
export function span(element: LkPdf, page: number, match: RegExp): { element: HTMLElement; rect: DOMRect; text: string } {
  for (const candidate of textLayer(element, page).querySelectorAll<HTMLElement>('span')) {
    const text = candidate.textContent ?? '';
    if (candidate.childElementCount === 0 && match.test(text)) return { element: candidate, rect: candidate.getBoundingClientRect(), text };
  }
  throw new Error(`no span matching ${match} on page ${page + 1}`);
}

/** A real mouse drag between two viewport points. */
export async function mouseDrag(from: [number, number], to: [number, number], steps = 6): Promise<void> {
  await sendMouse({ type: 'move', position: [Math.round(from[0]), Math.round(from[1])] });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= steps; i++) {
    await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / steps), Math.round(from[1] + ((to[1] - from[1]) * i) / steps)] });
  }
  await sendMouse({ type: 'up' });
}

/** Drags across the whole of a span's text, from just inside its left edge to just inside its right. */
export async function selectSpan(rect: DOMRect): Promise<void> {
  const y = rect.top + rect.height / 2;
  await mouseDrag([rect.left + 1, y], [rect.right - 1, y]);
}

/** Fraction of dark pixels of the page bitmap inside a CSS-pixel box given in viewport coordinates. */
export function inkIn(element: LkPdf, page: number, box: { left: number; top: number; right: number; bottom: number }): number {
  const canvas = element.pageCanvas(page)!;
  const origin = canvas.getBoundingClientRect();
  const ratio = canvas.width / origin.width;
  const x = Math.max(0, Math.floor((box.left - origin.left) * ratio));
  const y = Math.max(0, Math.floor((box.top - origin.top) * ratio));
  const width = Math.max(1, Math.floor((box.right - box.left) * ratio));
  const height = Math.max(1, Math.floor((box.bottom - box.top) * ratio));
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  const data = context.getImageData(x, y, width, height).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128) dark++;
  return dark / (data.length / 4);
}

/** Where a stored rect (PDF points on `page`) is on screen now. */
export function screenRect(element: LkPdf, page: number, rect: PdfRect): { left: number; top: number; right: number; bottom: number } {
  const origin = pageBox(element, page);
  const scale = element.pageScale;
  return { left: origin.left + rect.x1 * scale, top: origin.top + rect.y1 * scale, right: origin.left + rect.x2 * scale, bottom: origin.top + rect.y2 * scale };
}

export function expectClose(actual: number, expected: number, tolerance: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).to.be.at.most(tolerance);
}


/** Emulates a screen with this device pixel ratio (CDP, test/server/device-plugin.mjs); 1 restores it. */
export async function setDeviceScaleFactor(deviceScaleFactor: number): Promise<void> {
  await executeServerCommand('device:scale-factor', { deviceScaleFactor });
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function charBox(span: HTMLElement, offset: number): DOMRect {
  const range = document.createRange();
  range.setStart(span.firstChild!, offset);
  range.setEnd(span.firstChild!, offset + 1);
  return range.getBoundingClientRect();
}

/**
 * A real drag over characters `[first, last]` of a span: from just inside the outer edge of the
 * first to just inside the outer edge of the last, along the line whichever way the page turns
 * it (and in mixed Latin and Arabic, where a span's ends are not its visual ends).
 */
export async function dragOver(span: HTMLElement, first: number, last: number): Promise<void> {
  const a = charBox(span, first);
  const b = charBox(span, last);
  const centre = (r: DOMRect) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as const;
  const [ax, ay] = centre(a);
  const [bx, by] = centre(b);
  const vertical = Math.abs(by - ay) > Math.abs(bx - ax);
  const sign = vertical ? Math.sign(by - ay) : Math.sign(bx - ax);
  const inset = 1;
  if (vertical) await mouseDrag([ax, ay - sign * (a.height / 2 - inset)], [bx, by + sign * (b.height / 2 - inset)], 8);
  else await mouseDrag([ax - sign * (a.width / 2 - inset), ay], [bx + sign * (b.width / 2 - inset), by], 8);
}
