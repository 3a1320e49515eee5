import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-dicom/define.js';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import type { ExportTool } from '../../src/format/types.js';
import { expectedGrey, fetchBytes, fullRangeWindow, int16le, rawPixelData, uint32le } from '../media/dicom/raw-reader.js';
import { imageElements, words16, writeDicom, type WriteElement } from '../media/dicom/dicom-writer.js';
import { signedUrl } from '../server/signed-assets-client.js';
import { ONTOLOGY_URL, canvasOf, click, fetchJson, frames, nextEvent, pagePoint, pixelAt, press, recordEvents, resetMouse, sendMouse } from './helpers.js';

const DICOM = '/test/fixtures/dicom';
let ontology: unknown;
const blobUrls: string[] = [];

function blobUrl(bytes: Uint8Array): string {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/dicom' }));
  blobUrls.push(url);
  return url;
}

async function mount(options: { src?: string; srcs?: string[]; mode?: string; annotations?: unknown; renderer?: string } = {}): Promise<LkDicom> {
  const element = await fixture<LkDicom>(html`
    <lk-dicom
      style="--lk-height: 480px; width: 960px"
      asset-id="study-1"
      mode=${options.mode ?? 'annotate'}
      renderer=${options.renderer ?? 'auto'}
      .ontology=${ontology}
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

function greyAt(element: LkDicom, x: number, y: number): number {
  const data = element.displayedImageData()!;
  return data.data[(y * data.width + x) * 4]!;
}

/** The on-screen (pixi) canvas colour at the centre of asset pixel (x, y). */
function screenGreyAt(element: LkDicom, x: number, y: number): number {
  const view = element.view!;
  return pixelAt(canvasOf(element), view.offsetX + (x + 0.5) * view.scale, view.offsetY + (y + 0.5) * view.scale)[0]!;
}

function toolsOf(element: LkDicom): ExportTool[] {
  return element.export().task.tools;
}

function slice(instance: number, value: number, sop: string): Uint8Array {
  const before: WriteElement[] = [{ tag: [0x0020, 0x0013], vr: 'IS', value: String(instance) }];
  const elements = imageElements({ rows: 4, columns: 4, pixelData: words16(new Array(16).fill(value)), before });
  elements[0] = { tag: [0x0008, 0x0018], vr: 'UI', value: sop };
  return writeDicom(elements, 'explicit-le');
}

describe('<lk-dicom>', () => {
  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
  });

  afterEach(async () => {
    await resetMouse();
  });

  after(() => blobUrls.forEach((url) => URL.revokeObjectURL(url)));

  it('shows CT_small with its rescale and a window derived from the data, on the texture and on screen', async () => {
    const element = await mount();
    expect(element.export().metadata).to.deep.equal({
      width: 128,
      height: 128,
      frameTotal: 1,
      pixelSpacing: [0.661468, 0.661468],
      sopInstanceUIDs: ['1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322'],
    });
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/CT_small.dcm`), true));
    const hu = raw.map((v) => v - 1024);
    const { center, width } = fullRangeWindow(hu);
    expect(element.voiWindow).to.deep.equal({ center, width });
    for (const [x, y] of [[0, 0], [64, 64], [30, 90], [100, 20], [127, 127]] as const) {
      const expected = expectedGrey(hu[y * 128 + x]!, center, width);
      expect(greyAt(element, x, y), `texture ${x},${y}`).to.equal(expected);
      expect(Math.abs(screenGreyAt(element, x, y) - expected), `screen ${x},${y}`).to.be.at.most(2);
    }
  });

  it('shows MR_small with the file window and MR_small_RLE identically', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    expect(element.voiWindow).to.deep.equal({ center: 600, width: 1600 });
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
    const plain = element.displayedImageData()!;
    for (let i = 0; i < raw.length; i += 7) expect(plain.data[4 * i]).to.equal(expectedGrey(raw[i]!, 600, 1600));
    const ready = nextEvent(element, 'lk-ready');
    element.src = `${DICOM}/MR_small_RLE.dcm`;
    await ready;
    await element.settled();
    expect([...element.displayedImageData()!.data]).to.deep.equal([...plain.data]);
  });

  it('pages through the 15 frames of rtdose with keys, Alt+wheel and the slider', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm` });
    expect(element.export().metadata).to.include({ frameTotal: 15 });
    expect(element.sliceCount).to.equal(15);
    const raw = uint32le(rawPixelData(await fetchBytes(`${DICOM}/rtdose.dcm`), false));
    const expectFrame = (frame: number) => {
      const values = raw.slice(frame * 100, frame * 100 + 100);
      const { center, width } = fullRangeWindow(values);
      for (let i = 0; i < 100; i++) expect(greyAt(element, i % 10, Math.floor(i / 10)), `frame ${frame} pixel ${i}`).to.equal(expectedGrey(values[i]!, center, width));
    };
    expectFrame(0);
    await press('PageDown');
    expect(element.slice).to.equal(1);
    await press('ArrowDown');
    expect(element.slice).to.equal(2);
    await press('ArrowUp');
    expect(element.slice).to.equal(1);
    await press('End');
    expect(element.slice).to.equal(14);
    expectFrame(14);
    await press('Home');
    expect(element.slice).to.equal(0);
    const canvas = canvasOf(element);
    canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, altKey: true, bubbles: true, cancelable: true, composed: true }));
    expect(element.slice).to.equal(1);
    const zoom = element.view!.scale;
    canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, altKey: true, bubbles: true, cancelable: true, composed: true }));
    expect(element.slice).to.equal(0);
    expect(element.view!.scale, 'Alt+wheel does not zoom').to.equal(zoom);
    const slider = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
    slider.value = '7';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    expect(element.slice).to.equal(7);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.dicom-bar output')!.textContent).to.contain('8 / 15');
    expectFrame(7);
  });

  it('shows its slice and window/level input in the shortcut help (?)', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm` });
    await press('?');
    const help = element.shadowRoot!.querySelector('lk-shortcut-help')!;
    await help.updateComplete;
    const dialog = help.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const keysOf = (id: string) => help.shadowRoot!.querySelector(`table.element tr[data-shortcut="${id}"] td.keys`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(help.shadowRoot!.querySelector('table.element caption')!.textContent!.trim()).to.equal('Slices and window');
    expect(keysOf('next-slice')).to.equal('PageDown or ↓ or Alt+wheel');
    expect(keysOf('previous-slice')).to.equal('PageUp or ↑ or Alt+wheel');
    expect(keysOf('forward-ten')).to.equal('Shift+↓');
    expect(keysOf('first-slice')).to.equal('Home');
    expect(keysOf('window-level')).to.equal('right-drag (select tool), or drag in W/L mode');
    await press('Escape');
    expect(dialog.open).to.equal(false);
    // The keys the help names do what it says.
    await press('PageDown');
    await press('End');
    expect(element.slice).to.equal(14);
  });

  it('changes window/level with a right-drag, presets and reset', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
    const start = pagePoint(element, 32, 32);
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down', button: 'right' });
    await sendMouse({ type: 'move', position: [start[0] + 60, start[1] + 30] });
    await sendMouse({ type: 'up', button: 'right' });
    const window = element.voiWindow!;
    expect(window.width).to.be.greaterThan(1600);
    expect(window.center).to.be.lessThan(600);
    expect(toolsOf(element), 'a W/L drag draws nothing').to.have.length(0);
    for (let i = 0; i < raw.length; i += 11) expect(greyAt(element, i % 64, Math.floor(i / 64))).to.equal(expectedGrey(raw[i]!, window.center, window.width));
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="Window preset"]')!;
    select.value = 'bone';
    select.dispatchEvent(new Event('change'));
    expect(element.voiWindow).to.deep.equal({ center: 400, width: 1800 });
    expect(greyAt(element, 10, 10)).to.equal(expectedGrey(raw[10 * 64 + 10]!, 400, 1800));
    element.resetWindow();
    expect(element.voiWindow).to.deep.equal({ center: 600, width: 1600 });
  });

  it('W/L mode turns primary drags into window/level', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    await element.updateComplete;
    const toggle = [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('W/L mode'))!;
    toggle.click();
    await element.updateComplete;
    await press('4');
    const start = pagePoint(element, 20, 20);
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [start[0] - 40, start[1]] });
    await sendMouse({ type: 'up' });
    expect(element.voiWindow!.width).to.be.lessThan(1600);
    expect(toolsOf(element)).to.have.length(0);
  });

  it('shows RGB RLE frames as colour', async () => {
    const element = await mount({ src: `${DICOM}/SC_rgb_rle_2frame.dcm` });
    const data = element.displayedImageData()!;
    const at = (row: number) => [...data.data.slice((row * 100 + 50) * 4, (row * 100 + 50) * 4 + 3)];
    expect(at(5)).to.deep.equal([255, 0, 0]);
    expect(at(25)).to.deep.equal([0, 255, 0]);
    expect(at(45)).to.deep.equal([0, 0, 255]);
    expect(element.voiWindow, 'no window on colour').to.equal(undefined);
    await press('PageDown');
    expect([...element.displayedImageData()!.data.slice((5 * 100 + 50) * 4, (5 * 100 + 50) * 4 + 3)]).to.deep.equal([0, 255, 255]);
  });

  it('draws a polyline on a slice: page in the export, length in mm from PixelSpacing', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm` });
    await press('PageDown');
    await press('PageDown');
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
    expect(element.renderedIds()).to.include(line.objectId);
    await press('PageDown');
    await element.settled();
    expect(element.renderedIds(), 'not on slice 3').not.to.include(line.objectId);
    expect(element.shadowRoot!.querySelector('.measure')).to.equal(null);
    element.undo();
    expect(toolsOf(element)).to.have.length(0);
    element.redo();
    expect(toolsOf(element)).to.have.length(1);
  });

  it('measures in px when the file has no PixelSpacing', async () => {
    const bytes = writeDicom(imageElements({ rows: 8, columns: 8, pixelData: words16(new Array(64).fill(100)) }), 'explicit-le');
    const element = await mount({ src: blobUrl(bytes) });
    expect(element.export().metadata).not.to.have.property('pixelSpacing');
    element.import({ objects: [{ objectId: 'm1', schemaId: 't-lane', polyline: [[0, 0], [3, 4]] }] });
    await element.updateComplete;
    expect(element.measure('m1')).to.deep.equal({ value: 5, unit: 'px' });
    expect(element.shadowRoot!.querySelector('.measure')?.textContent).to.equal('5.0 px');
  });

  it('loads a series from srcs in InstanceNumber order, refreshing a slice URL through resolveUrl', async () => {
    const urls = [blobUrl(slice(3, 300, '1.2.3')), blobUrl(slice(1, 100, '1.2.1')), blobUrl(slice(2, 200, '1.2.2'))];
    const element = await fixture<LkDicom>(html`<lk-dicom style="--lk-height: 400px; width: 800px" asset-id="series-9" .ontology=${ontology}></lk-dicom>`);
    const requests: unknown[] = [];
    const refused = new Set([urls[2]]);
    element.fetchAsset = (url, init) => (refused.has(url) ? Promise.resolve(new Response('', { status: 403 })) : fetch(url, init));
    element.resolveUrl = (request) => {
      requests.push(request);
      refused.clear();
      return `${urls[2]!}#fresh`;
    };
      const ready = nextEvent(element, 'lk-ready');
    element.srcs = urls;
    await ready;
    await element.settled();
    expect(requests).to.deep.equal([{ assetId: 'series-9', reason: 'forbidden', sliceIndex: 2 }]);
    expect(element.export().metadata).to.deep.equal({ width: 4, height: 4, frameTotal: 3, sopInstanceUIDs: ['1.2.1', '1.2.2', '1.2.3'] });
    // Each slice has its own data range (a flat image): compare the slices by their export order instead.
    element.setWindow(200, 400);
    const grey = () => element.displayedImageData()!.data[0];
    const shown = [grey()];
    element.slice = 1;
    shown.push(grey());
    element.slice = 2;
    shown.push(grey());
    expect(shown).to.deep.equal([expectedGrey(100, 200, 400), expectedGrey(200, 200, 400), expectedGrey(300, 200, 400)]);
  });

  it('names a compressed transfer syntax in asset-unsupported and keeps the annotations', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    element.import({ objects: [{ objectId: 'keep', schemaId: 't-car', 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }] });
    const jpeg2000 = writeDicom(imageElements({ rows: 2, columns: 2, pixelData: words16([0, 0, 0, 0]) }), 'explicit-le', '1.2.840.10008.1.2.4.91');
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.src = blobUrl(jpeg2000);
    const detail = (await error).detail as { code: string; message: string };
    expect(detail.code).to.equal('asset-unsupported');
    expect(detail.message).to.contain('JPEG 2000');
    expect(toolsOf(element).map((t) => t.objectId)).to.deep.equal(['keep']);
  });

  it('reports a corrupt file with lk-error and stays usable', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    element.import({ objects: [{ objectId: 'keep', schemaId: 't-car', 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }] });
    const mr = await fetchBytes(`${DICOM}/MR_small.dcm`);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.src = blobUrl(mr.slice(0, 3000));
    const detail = (await error).detail as { code: string; message: string };
    expect(detail.code).to.equal('asset-load');
    expect(detail.message).not.to.contain('blob:');
    expect(toolsOf(element)).to.have.length(1);
    const ready = nextEvent(element, 'lk-ready');
    element.src = `${DICOM}/MR_small.dcm`;
    await ready;
    expect(element.export().metadata).to.include({ width: 64, height: 64 });
  });

  it('never puts patient data into the export or event details', async () => {
    const element = await fixture<LkDicom>(html`<lk-dicom style="--lk-height: 400px; width: 800px" .ontology=${ontology}></lk-dicom>`);
    const seen = recordEvents(element, ['lk-ready', 'lk-change', 'lk-select', 'lk-error', 'lk-submit', 'lk-invalid']);
    const ready = nextEvent(element, 'lk-ready');
    element.src = `${DICOM}/CT_small.dcm`;
    await ready;
    await element.settled();
    element.focus();
    await press('1');
    await click(element, [10, 10]);
    const from = pagePoint(element, 10, 10);
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [from[0] + 50, from[1] + 50] });
    await sendMouse({ type: 'up' });
    element.submit();
    const text = JSON.stringify([element.export(), ...seen.map((event) => event.detail)]);
    expect(seen.length).to.be.greaterThan(1);
    for (const secret of ['CompressedSamples', 'CT1', 'PatientName']) expect(text).not.to.contain(secret);
  });

  it('view mode: no drawing, slices and window/level still work', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm`, mode: 'view' });
    await press('4');
    await click(element, [2, 2]);
    await click(element, [6, 6]);
    await press('Enter');
    expect(toolsOf(element)).to.have.length(0);
    await press('PageDown');
    expect(element.slice).to.equal(1);
    element.setWindow(500, 0.5);
    expect(element.voiWindow).to.deep.equal({ center: 500, width: 1 });
  });

  it('loads signed URLs and refreshes an expired slice of a series through resolveUrl', async () => {
    const paths = ['dicom/MR_small.dcm', 'dicom/MR_small_RLE.dcm'];
    const urls = [await signedUrl(paths[0]!), await signedUrl(paths[1]!, { ttlSeconds: -30 })];
    const element = await fixture<LkDicom>(html`<lk-dicom style="--lk-height: 400px; width: 800px" asset-id="mr-series" asset="mr/series-1" .ontology=${ontology}></lk-dicom>`);
    const requests: { sliceIndex: number; reason: string }[] = [];
    element.resolveUrl = async (request) => {
      const { sliceIndex, reason } = request as { sliceIndex: number; reason: string };
      requests.push({ sliceIndex, reason });
      return signedUrl(paths[sliceIndex]!);
    };
    const ready = nextEvent(element, 'lk-ready');
    element.srcs = urls;
    await ready;
    await element.settled();
    expect(requests).to.deep.equal([{ sliceIndex: 1, reason: 'expired' }]);
    expect(element.sliceCount).to.equal(2);
    const record = element.export();
    expect(record.asset).to.equal('mr/series-1');
    expect(JSON.stringify(record)).not.to.contain('sig=');
    // Both slices are the same MR image (plain and RLE): they display identically.
    const first = [...element.displayedImageData()!.data];
    element.slice = 1;
    expect([...element.displayedImageData()!.data]).to.deep.equal(first);
  });

  it('loads a signed single file and exports the asset without its signature', async () => {
    const element = await mount({ src: await signedUrl('dicom/CT_small.dcm') });
    const record = element.export();
    expect(record.metadata).to.include({ width: 128, frameTotal: 1 });
    expect(JSON.stringify(record)).not.to.contain('sig=');
  });

  it('keeps locked objects on their slice and answers frame-specific classifications per slice', async () => {
    const base = ontology as { tools: unknown[]; classifications: { schemaId: string }[]; relations: unknown[] };
    const perSlice = {
      ...base,
      classifications: base.classifications.map((c) => (c.schemaId === 'c-time' ? { ...c, frameSpecific: true } : c)),
    };
    const element = await fixture<LkDicom>(html`<lk-dicom style="--lk-height: 400px; width: 800px" .ontology=${perSlice}></lk-dicom>`);
    const ready = nextEvent(element, 'lk-ready');
    element.src = `${DICOM}/rtdose.dcm`;
    await ready;
    await element.settled();
    const problems = element.import({
      objects: [{ objectId: 'locked', schemaId: 't-car', page: 4, lock: true, 'bounding-box': { x: 1, y: 1, width: 3, height: 3 } }],
      classifications: [
        { schemaId: 'c-time', answer: 'Night', page: 4 },
        { schemaId: 'c-tags', answer: ['Urban'] },
      ],
    });
    expect(problems).to.deep.equal([]);
    element.slice = 4;
    await element.settled();
    expect(element.renderedIds()).to.include('locked');
    element.session.select(['locked']);
    element.deleteSelection();
    const record = element.export();
    const locked = record.task.tools.find((t) => t.objectId === 'locked')!;
    expect(locked).to.include({ page: 4, lock: true });
    const time = record.task.classifications.find((c) => c.schemaId === 'c-time')!;
    const tags = record.task.classifications.find((c) => c.schemaId === 'c-tags')!;
    expect(time.page).to.equal(4);
    expect(tags).not.to.have.property('page');
    element.slice = 5;
    await element.settled();
    expect(element.renderedIds()).not.to.include('locked');
  });

  for (const renderer of ['webgl', 'canvas']) {
    it(`re-uploads the windowed slice to the screen (${renderer} renderer)`, async () => {
      const element = await mount({ src: `${DICOM}/MR_small.dcm`, renderer });
      expect((element as unknown as { surface: { rendererKind: string } }).surface.rendererKind).to.equal(renderer);
      const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
      const check = async (center: number, width: number) => {
        await element.settled();
        for (const [x, y] of [[10, 10], [32, 32], [50, 20], [20, 50]] as const) {
          const expected = expectedGrey(raw[y * 64 + x]!, center, width);
          expect(Math.abs(screenGreyAt(element, x, y) - expected), `${renderer} ${x},${y} at ${center}/${width}`).to.be.at.most(2);
        }
      };
      await check(600, 1600);
      element.setWindow(300, 500);
      await check(300, 500);
      element.resetWindow();
      await check(600, 1600);
    });
  }
});
