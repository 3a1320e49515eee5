/**
 * <lk-dicom> labeling with real input (sendMouse/sendKeys) on the real fixtures: the 2D tools on
 * a slice, measurements, per-slice and global classifications, validation and submit, lock,
 * undo/redo, modes, events, export/import, and patient data kept out of everything it emits.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import type { ExportClassification, ExportRecord, ExportTool } from '../../src/format/types.js';
import { imageElements, words16, writeDicom } from '../media/dicom/dicom-writer.js';
import { fetchBytes } from '../media/dicom/raw-reader.js';
import { ONTOLOGY_URL, click, decodedPixels, drag, fetchJson, frames, nextEvent, pagePoint, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { DICOM, blobUrls, clickControl, mount as mountDicom, toolsOf, type MountOptions } from './lk-dicom-helpers.js';

let ontology: Ontology;
const blobs = blobUrls();
const mount = (options: Omit<MountOptions, 'ontology'> & { ontology?: unknown } = {}) => mountDicom({ ontology, ...options });

interface Category {
  schemaId: string;
  frameSpecific?: boolean;
  [key: string]: unknown;
}
interface Ontology {
  tools: Category[];
  classifications: Category[];
  relations: unknown[];
}

/** The ontology with the global `schemaId` classification answered per slice. */
function withFrameSpecific(schemaId: string): Ontology {
  const copy = structuredClone(ontology);
  copy.classifications = copy.classifications.map((c) => (c.schemaId === schemaId ? { ...c, frameSpecific: true } : c));
  return copy;
}

function geometryOf(tool: ExportTool | undefined): unknown {
  if (!tool) return undefined;
  for (const key of ['bounding-box', 'polygon', 'polyline', 'point'] as const) {
    if (key in tool) return (tool as unknown as Record<string, unknown>)[key];
  }
  return undefined;
}

function close(actual: number, expected: number, tolerance = 0.1): void {
  expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).to.be.at.most(tolerance);
}

/** Moves `count` slices with PageDown (positive) or PageUp (negative), keyboard focus on the element. */
async function page(element: LkDicom, count: number): Promise<void> {
  element.focus();
  for (let i = 0; i < Math.abs(count); i++) await press(count > 0 ? 'PageDown' : 'PageUp');
  await element.settled();
}

/** The choice (radio or checkbox) labelled `value` of classification `schemaId` in one of the element's forms. */
function choice(element: LkDicom, form: 'task' | 'selection', schemaId: string, value: string): HTMLInputElement {
  const selector = form === 'task' ? 'lk-classification-form[heading="Task"]' : 'lk-classification-form[follow-selection]';
  const host = element.shadowRoot!.querySelector(selector)!;
  const field = host.shadowRoot!.querySelector(`[data-schema-id="${schemaId}"]`);
  const input = [...(field?.querySelectorAll<HTMLInputElement>('input') ?? [])].find((i) => i.closest('label')?.textContent?.trim() === value);
  if (!input) throw new Error(`no "${value}" for ${schemaId} in the ${form} form`);
  return input;
}

async function formsUpdated(element: LkDicom): Promise<void> {
  await element.updateComplete;
  for (const form of element.shadowRoot!.querySelectorAll('lk-classification-form')) await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

function taskButton(element: LkDicom, className: string): HTMLButtonElement {
  const button = element.shadowRoot!.querySelector('lk-task-actions')?.shadowRoot?.querySelector<HTMLButtonElement>(`button.${className}`);
  if (!button) throw new Error(`no ${className} button`);
  return button;
}

function answers(record: ExportRecord, schemaId: string): Pick<ExportClassification, 'answer' | 'page'>[] {
  return record.task.classifications.filter((c) => c.schemaId === schemaId).map((c) => ({ answer: c.answer, ...(c.page !== undefined ? { page: c.page } : {}) }));
}

/** The RGBA at asset pixel (x, y) of a brush PNG data URL. */
async function brushPixel(url: string, x: number, y: number): Promise<number[]> {
  const { data, width } = await decodedPixels(url);
  return [...data.slice((y * width + x) * 4, (y * width + x) * 4 + 4)];
}

describe('<lk-dicom> labeling', () => {
  before(async () => {
    ontology = (await fetchJson(ONTOLOGY_URL)) as Ontology;
  });

  afterEach(async () => {
    await resetMouse();
  });

  after(() => blobs.revokeAll());

  it('draws a box, a polygon, a polyline, a point and a brush stroke on slice 3 of the RT Dose frames; each lives on that slice', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm` });
    await page(element, 3);
    expect(element.slice).to.equal(3);
    await press('1');
    await drag(element, [1, 1], [4, 4]);
    await press('3');
    await click(element, [5.5, 1]);
    await click(element, [8.5, 1]);
    await click(element, [7, 4]);
    await press('Enter');
    await press('4');
    await click(element, [1, 6]);
    await click(element, [4, 8]);
    await press('Enter');
    await press('5');
    await click(element, [8, 8]);
    await press('7');
    await drag(element, [0.5, 9.5], [5.5, 9.5], 8);
    await frames();
    const record = element.export();
    const tools = record.task.tools;
    expect(tools.map((t) => [t.schemaId, t.page])).to.deep.equal([
      ['t-car', 3],
      ['t-road', 3],
      ['t-lane', 3],
      ['t-head', 3],
    ]);
    const box = geometryOf(tools[0]) as { x: number; y: number; width: number; height: number };
    [box.x, box.y, box.width, box.height].forEach((v, i) => close(v, [1, 1, 3, 3][i]!));
    expect(geometryOf(tools[1]) as number[][]).to.have.length(3);
    close((geometryOf(tools[2]) as number[][])[1]![1]!, 8);
    close((geometryOf(tools[3]) as number[])[0]!, 8);
    // The brush: one 10 × 10 PNG for slice 3, painted where the stroke went.
    expect(record.task.brushDataUrl).to.equal('');
    expect(Object.keys(record.task.brushDataUrls ?? {})).to.deep.equal(['3']);
    const grass = ontology.tools.find((t) => t.schemaId === 't-grass')!.color as string;
    const rgb = [1, 3, 5].map((i) => Number.parseInt(grass.slice(i, i + 2), 16));
    expect(await brushPixel(record.task.brushDataUrls!['3']!, 3, 9)).to.deep.equal([...rgb, 255]);
    const ids = tools.map((t) => t.objectId);
    expect(element.renderedIds()).to.include.members(ids);
    await page(element, 1);
    expect(element.renderedIds().filter((id) => ids.includes(id)), 'nothing of slice 3 on slice 4').to.deep.equal([]);
    await page(element, -1);
    expect(element.renderedIds()).to.include.members(ids);
  });

  it('shows a polyline’s length in mm from PixelSpacing (10 mm here) and undoes it with Ctrl+Z', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm` });
    await page(element, 2);
    await press('4');
    await click(element, [1, 1]);
    await click(element, [7, 5]);
    await press('Enter');
    await frames();
    const tools = toolsOf(element);
    expect(tools).to.have.length(1);
    const line = tools[0]! as ExportTool & { polyline: [number, number][] };
    expect(line.page).to.equal(2);
    const [[x0, y0], [x1, y1]] = line.polyline as [[number, number], [number, number]];
    const mm = Math.hypot((x1 - x0) * 10, (y1 - y0) * 10);
    expect(element.measure(line.objectId)!.value).to.be.closeTo(mm, 1e-9);
    await element.updateComplete;
    const label = element.shadowRoot!.querySelector(`.measure[data-object-id="${line.objectId}"]`);
    expect(label?.textContent).to.equal(`${mm >= 100 ? mm.toFixed(0) : mm.toFixed(1)} mm`);
    await page(element, 1);
    expect(element.shadowRoot!.querySelector('.measure'), 'no label on another slice').to.equal(null);
    await page(element, -1);
    await sendKeys({ press: 'Control+z' });
    expect(toolsOf(element)).to.have.length(0);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.measure')).to.equal(null);
    await sendKeys({ press: 'Control+Shift+z' });
    expect(toolsOf(element).map((t) => t.page)).to.deep.equal([2]);
  });

  it('measures in px when the file has no PixelSpacing', async () => {
    const bytes = writeDicom(imageElements({ rows: 8, columns: 8, pixelData: words16(new Array(64).fill(100)) }), 'explicit-le');
    const element = await mount({ src: blobs.url(bytes) });
    expect(element.export().metadata).not.to.have.property('pixelSpacing');
    await press('4');
    await click(element, [1, 1]);
    await click(element, [4, 5]);
    await press('Enter');
    const [line] = toolsOf(element) as (ExportTool & { polyline: [number, number][] })[];
    const [[x0, y0], [x1, y1]] = line!.polyline as [[number, number], [number, number]];
    const px = Math.hypot(x1 - x0, y1 - y0);
    close(px, 5);
    expect(element.measure(line!.objectId)).to.deep.equal({ value: px, unit: 'px' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.measure')?.textContent).to.equal(`${px.toFixed(1)} px`);
  });

  it('answers a frame-specific classification per slice and a global one once, by clicks, and keeps both through export and import', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm`, ontology: withFrameSpecific('c-occluded') });
    await page(element, 4);
    await formsUpdated(element);
    await clickControl(choice(element, 'task', 'c-occluded', 'No'));
    await page(element, 1);
    await formsUpdated(element);
    expect(choice(element, 'task', 'c-occluded', 'No').checked, 'slice 5 has no answer yet').to.equal(false);
    await clickControl(choice(element, 'task', 'c-occluded', 'Yes'));
    await formsUpdated(element);
    await clickControl(choice(element, 'task', 'c-weather', 'Fog'));
    await page(element, -1);
    await formsUpdated(element);
    expect(choice(element, 'task', 'c-occluded', 'No').checked, 'slice 4 keeps its answer').to.equal(true);
    expect(choice(element, 'task', 'c-weather', 'Fog').checked, 'the global answer shows on every slice').to.equal(true);
    const record = element.export();
    expect(answers(record, 'c-occluded')).to.deep.equal([
      { answer: 'No', page: 4 },
      { answer: 'Yes', page: 5 },
    ]);
    expect(answers(record, 'c-weather')).to.deep.equal([{ answer: ['Fog'] }]);
    // Round trip into a fresh element on the same file.
    const copy = await mount({ src: `${DICOM}/rtdose.dcm`, ontology: withFrameSpecific('c-occluded'), annotations: record });
    expect(answers(copy.export(), 'c-occluded')).to.deep.equal(answers(record, 'c-occluded'));
    expect(answers(copy.export(), 'c-weather')).to.deep.equal([{ answer: ['Fog'] }]);
  });

  it('validates on Submit (lk-invalid), reports each edit (lk-change with page, lk-select), then submits (lk-submit)', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm` });
    const events = recordEvents(element, ['lk-invalid', 'lk-submit', 'lk-change', 'lk-select']);
    await clickControl(taskButton(element, 'submit'));
    expect(events.map((e) => e.type)).to.deep.equal(['lk-invalid']);
    const problems = (events[0]!.detail.problems as { schemaId?: string }[]).map((p) => p.schemaId);
    expect(problems).to.include.members(['t-car', 'c-weather']);

    await page(element, 2);
    await press('1');
    await drag(element, [2, 2], [6, 5]);
    const create = events.find((e) => e.type === 'lk-change')!;
    expect(create.detail.reason).to.equal('create');
    expect(create.detail.tools.map((t: ExportTool) => [t.schemaId, t.page])).to.deep.equal([['t-car', 2]]);
    const carId = create.detail.tools[0].objectId as string;
    // The new car is selected: its required Kind is answered in the selection form.
    expect(element.session.selection).to.deep.equal([carId]);
    await formsUpdated(element);
    await clickControl(choice(element, 'selection', 'c-car-kind', 'Sedan'));
    await formsUpdated(element);
    await clickControl(choice(element, 'task', 'c-weather', 'Clear'));
    // Clicking away and back on the car: lk-select both times.
    element.focus();
    await press('Escape');
    await click(element, [4, 3.5]);
    expect(events.filter((e) => e.type === 'lk-select').at(-1)!.detail.objectIds).to.deep.equal([carId]);

    await clickControl(taskButton(element, 'submit'));
    const submitted = events.at(-1)!;
    expect(submitted.type).to.equal('lk-submit');
    const record = submitted.detail.record as ExportRecord;
    expect(record.task.tools.map((t) => [t.objectId, t.page])).to.deep.equal([[carId, 2]]);
    expect(record.task.tools[0]!.classifications.map((c) => c.answer)).to.deep.equal(['Sedan']);
    expect(answers(record, 'c-weather')).to.deep.equal([{ answer: ['Clear'] }]);
    expect(record.metadata).to.deep.include({ frameTotal: 15, pixelSpacing: [10, 10] });
  });

  it('keeps a locked pre-label on its slice: a click selects it, Delete and a drag change nothing', async () => {
    const element = await mount({
      src: `${DICOM}/rtdose.dcm`,
      annotations: { objects: [{ objectId: 'locked', schemaId: 't-car', page: 4, lock: true, 'bounding-box': { x: 1, y: 1, width: 3, height: 3 } }] },
    });
    const before = JSON.stringify(toolsOf(element));
    await page(element, 4);
    expect(element.renderedIds()).to.include('locked');
    await click(element, [2.5, 2.5]);
    expect(element.session.selection).to.deep.equal(['locked']);
    await press('Delete');
    await drag(element, [2.5, 2.5], [6, 6]);
    expect(JSON.stringify(toolsOf(element))).to.equal(before);
    expect(toolsOf(element)[0]).to.include({ page: 4, lock: true });
    await page(element, 1);
    expect(element.renderedIds()).not.to.include('locked');
  });

  it('undoes and redoes across slices with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm` });
    await page(element, 1);
    await press('1');
    await drag(element, [1, 1], [3, 3]);
    await page(element, 3);
    await press('5');
    await click(element, [6, 6]);
    const pages = () => toolsOf(element).map((t) => [t.schemaId, t.page]);
    expect(pages()).to.deep.equal([
      ['t-car', 1],
      ['t-head', 4],
    ]);
    await sendKeys({ press: 'Control+z' });
    expect(pages()).to.deep.equal([['t-car', 1]]);
    await sendKeys({ press: 'Control+z' });
    expect(pages()).to.deep.equal([]);
    await sendKeys({ press: 'Control+Shift+z' });
    await sendKeys({ press: 'Control+Shift+z' });
    expect(pages()).to.deep.equal([
      ['t-car', 1],
      ['t-head', 4],
    ]);
  });

  it('view mode: no drawing; slices and a right-drag window/level still work', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm`, mode: 'view' });
    await press('4');
    await click(element, [2, 2]);
    await click(element, [6, 6]);
    await press('Enter');
    await press('1');
    await drag(element, [1, 1], [5, 5]);
    expect(toolsOf(element)).to.have.length(0);
    await page(element, 1);
    expect(element.slice).to.equal(1);
    const window = element.voiWindow!;
    const start = pagePoint(element, 5, 5);
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down', button: 'right' });
    await sendMouse({ type: 'move', position: [start[0] + 50, start[1]] });
    await sendMouse({ type: 'up', button: 'right' });
    expect(element.voiWindow!.width).to.be.greaterThan(window.width);
    expect(toolsOf(element)).to.have.length(0);
  });

  it('review mode: Accept and Reject selected fire lk-review for an object on its slice', async () => {
    const element = await mount({
      src: `${DICOM}/rtdose.dcm`,
      mode: 'review',
      annotations: { objects: [{ objectId: 'r1', schemaId: 't-car', page: 2, 'bounding-box': { x: 1, y: 1, width: 4, height: 4 } }] },
    });
    const reviews = recordEvents(element, ['lk-review']);
    await page(element, 2);
    await click(element, [3, 3]);
    expect(element.session.selection).to.deep.equal(['r1']);
    await element.updateComplete;
    await (element.shadowRoot!.querySelector('lk-task-actions') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await clickControl(taskButton(element, 'reject-selected'));
    await clickControl(taskButton(element, 'accept'));
    expect(reviews.map((e) => e.detail)).to.deep.equal([{ verdict: 'reject', objectIds: ['r1'] }, { verdict: 'accept' }]);
  });

  describe('patient data', () => {
    // Patient and study attributes each fixture holds (PatientName, PatientID, Institution, Referring physician, StudyInstanceUID).
    const PATIENT_DATA: Record<string, string[]> = {
      'CT_small.dcm': ['CompressedSamples', '1CT1', 'JFK IMAGING', '1.3.6.1.4.1.5962.1.2.1.20040119072730.12322'],
      'MR_small.dcm': ['CompressedSamples', '4MR1', 'TOSHIBA', '1.3.6.1.4.1.5962.1.2.4.20040826185059.5457'],
      'MR_small_RLE.dcm': ['CompressedSamples', '4MR1', 'TOSHIBA', '1.3.6.1.4.1.5962.1.2.4.20040826185059.5457'],
      'rtdose.dcm': ['Lastname', 'Firstname', 'id11111', '1.2.999.999.99.9.9999.8888'],
      'SC_rgb_rle_2frame.dcm': ['Lestrade', 'Moriarty', '1.2.826.0.1.3680043.8.498.12406831542731051035295345080039845114'],
    };

    it('keeps every fixture’s patient data out of exports, events and the console, and persists nothing', async () => {
      const logged: unknown[][] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
      const originals = methods.map((name) => console[name]);
      methods.forEach((name) => {
        console[name] = (...args: unknown[]) => logged.push(args);
      });
      const storageBefore = [localStorage.length, sessionStorage.length];
      const emitted: unknown[] = [];
      try {
        for (const [file, secrets] of Object.entries(PATIENT_DATA)) {
          const element = await fixture<LkDicom>(html`<lk-dicom style="--lk-height: 400px; width: 800px" .ontology=${ontology}></lk-dicom>`);
          const events = recordEvents(element, ['lk-ready', 'lk-change', 'lk-input', 'lk-select', 'lk-error', 'lk-submit', 'lk-invalid']);
          const ready = nextEvent(element, 'lk-ready');
          element.src = `${DICOM}/${file}`;
          await ready;
          await element.settled();
          element.focus();
          await press('1');
          await drag(element, [1, 1], [5, 5]);
          await press('End');
          await press('5');
          await click(element, [3, 3]);
          await clickControl(taskButton(element, 'submit'));
          // The same file cut short: lk-error.
          const bytes = await fetchBytes(`${DICOM}/${file}`);
          const error = nextEvent(element, 'lk-error');
          element.src = blobs.url(bytes.slice(0, Math.floor(bytes.length / 2)));
          await error;
          expect(toolsOf(element), `${file}: the annotations survive the error`).to.have.length(2);
          emitted.push(element.export(), ...events.map((event) => [event.type, event.detail]));
          const text = JSON.stringify([element.export(), events.map((event) => event.detail), logged.map((args) => args.map(String))]);
          for (const secret of secrets) expect(text, `${file}: ${secret}`).not.to.contain(secret);
          expect(events.some((event) => event.type === 'lk-invalid' || event.type === 'lk-submit'), `${file}: submit was tried`).to.equal(true);
        }
      } finally {
        methods.forEach((name, i) => {
          console[name] = originals[i]!;
        });
      }
      expect(emitted.length).to.be.greaterThan(20);
      expect([localStorage.length, sessionStorage.length]).to.deep.equal(storageBefore);
      expect(document.cookie).to.equal('');
      expect(await indexedDB.databases()).to.deep.equal([]);
    });
  });
});
