import { expect, fixture, html } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import { expectedGrey, fetchBytes, fullRangeWindow, int16le, ps33Grey, rawPixelData, uint32le } from '../media/dicom/raw-reader.js';
import { imageElements, words16, writeDicom, type WriteElement } from '../media/dicom/dicom-writer.js';
import { signedUrl } from '../server/signed-assets-client.js';
import { ONTOLOGY_URL, drag, fetchJson, nextEvent, pagePoint, press, resetMouse, sendMouse } from './helpers.js';
import { DICOM, barButton, blobUrls, clickControl, greyAt, mount as mountDicom, screenGreyAt, toolsOf, wheel, type MountOptions } from './lk-dicom-helpers.js';

let ontology: unknown;
const blobs = blobUrls();
const blobUrl = (bytes: Uint8Array) => blobs.url(bytes);
const mount = (options: Omit<MountOptions, 'ontology'> = {}) => mountDicom({ ontology, ...options });

/** A flat 4×4 slice of a series; `instance` and `z` (ImagePositionPatient along an axial normal) are optional. */
function slice(instance: number | undefined, value: number, sop: string, z?: number): Uint8Array {
  const before: WriteElement[] = [];
  if (instance !== undefined) before.push({ tag: [0x0020, 0x0013], vr: 'IS', value: String(instance) });
  if (z !== undefined) {
    before.push({ tag: [0x0020, 0x0032], vr: 'DS', value: `0\\0\\${z}` });
    before.push({ tag: [0x0020, 0x0037], vr: 'DS', value: '1\\0\\0\\0\\1\\0' });
  }
  const elements = imageElements({ rows: 4, columns: 4, pixelData: words16(new Array(16).fill(value)), before });
  elements[0] = { tag: [0x0008, 0x0018], vr: 'UI', value: sop };
  return writeDicom(elements, 'explicit-le');
}

/** The cornerstone-core module files this page has fetched so far. */
function cornerstoneRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/node_modules/cornerstone-core/'));
}

describe('<lk-dicom>', () => {
  before(async () => {
    // Room for every module file of the page (the default buffer keeps 250): cornerstoneRequests() reads them.
    performance.setResourceTimingBufferSize(10000);
    ontology = await fetchJson(ONTOLOGY_URL);
    // The dev server transforms pixi.js on first request (seconds on a loaded machine); do it before
    // the first test, which times the first load. pixi is not cornerstone: the first test still sees none.
    await import('pixi.js');
  });

  afterEach(async () => {
    await resetMouse();
  });

  after(() => blobs.revokeAll());

  it('loads cornerstone-core only when it shows a file, and its pixels follow cornerstone’s VOI, not PS3.3’s', async () => {
    // This is the first test of the page: lk-dicom is defined, but nothing was shown yet.
    expect(cornerstoneRequests(), 'not before a file is shown').to.deep.equal([]);
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    expect(cornerstoneRequests().some((name) => name.includes('/cornerstone-core/dist/cornerstone.min.js'))).to.equal(true);
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
    const disagreeing = raw.map((v, i) => i).filter((i) => expectedGrey(raw[i]!, 600, 1600) !== ps33Grey(raw[i]!, 600, 1600));
    expect(disagreeing.length, 'pixels where the formulas disagree').to.be.greaterThan(50);
    for (const i of disagreeing) {
      const shown = greyAt(element, i % 64, Math.floor(i / 64));
      expect(shown, `pixel ${i}`).to.equal(expectedGrey(raw[i]!, 600, 1600));
      expect(shown, `pixel ${i}`).not.to.equal(ps33Grey(raw[i]!, 600, 1600));
    }
  });

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
    await press('Shift+ArrowDown');
    expect(element.slice).to.equal(10);
    await press('PageUp');
    expect(element.slice).to.equal(9);
    await press('Home');
    const zoom = element.view!.scale;
    await wheel(element, [5, 5], 100, ['Alt']);
    expect(element.slice).to.equal(1);
    expectFrame(1);
    await wheel(element, [5, 5], -100, ['Alt']);
    expect(element.slice).to.equal(0);
    expect(element.view!.scale, 'Alt+wheel does not zoom').to.equal(zoom);
    await wheel(element, [5, 5], -100);
    expect(element.slice, 'a plain wheel zooms instead').to.equal(0);
    expect(element.view!.scale).to.be.greaterThan(zoom);
    // The slider, clicked near its ends and in the middle.
    const slider = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
    await clickControl(slider, 'end');
    expect(element.slice).to.equal(14);
    await clickControl(slider, 'start');
    expect(element.slice).to.equal(0);
    await clickControl(slider, 'centre');
    expect(element.slice).to.be.within(6, 8);
    expect(element.slice).to.equal(Number(slider.value));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.dicom-bar output')!.textContent).to.contain(`${element.slice + 1} / 15`);
    expectFrame(element.slice);
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
    // A preset chosen from the keyboard: focus the list, End picks the last one (full range).
    await element.updateComplete;
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="Window preset"]')!;
    select.focus();
    await press('End');
    const full = fullRangeWindow(raw);
    expect(element.voiWindow).to.deep.equal(full);
    await element.settled();
    for (let i = 0; i < raw.length; i += 5) expect(greyAt(element, i % 64, Math.floor(i / 64))).to.equal(expectedGrey(raw[i]!, full.center, full.width));
    expect(Math.abs(screenGreyAt(element, 10, 10) - expectedGrey(raw[10 * 64 + 10]!, full.center, full.width))).to.be.at.most(2);
    await element.updateComplete;
    await clickControl(barButton(element, 'Reset W/L'));
    expect(element.voiWindow).to.deep.equal({ center: 600, width: 1600 });
    expect(greyAt(element, 10, 10)).to.equal(expectedGrey(raw[10 * 64 + 10]!, 600, 1600));
    await element.updateComplete;
    expect(barButton(element, 'Reset W/L').disabled, 'nothing left to reset').to.equal(true);
  });

  it('offers the Hounsfield presets for CT only, and Invert shows grey slices the other way round', async () => {
    const presetLabels = (element: LkDicom) =>
      [...element.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[aria-label="Window preset"] option')].map((o) => o.textContent!.split(' (')[0]!.trim());
    const mr = await mount({ src: `${DICOM}/MR_small.dcm` });
    await mr.updateComplete;
    expect(presetLabels(mr), 'MR: its own window and the full range, no HU windows').to.deep.equal(['Preset…', 'File', 'Full range']);
    mr.remove();
    const ct = await mount({ src: `${DICOM}/CT_small.dcm` });
    await ct.updateComplete;
    expect(presetLabels(ct)).to.include.members(['Soft tissue', 'Lung', 'Bone', 'Brain', 'Liver', 'Mediastinum', 'Full range']);
    const select = ct.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="Window preset"]')!;
    select.focus();
    await press('l');
    expect(ct.voiWindow).to.deep.equal({ center: -600, width: 1500 });
    await ct.settled();
    const hu = int16le(rawPixelData(await fetchBytes(`${DICOM}/CT_small.dcm`), true)).map((v) => v - 1024);
    const at = (x: number, y: number, invert = false) => expectedGrey(hu[y * 128 + x]!, -600, 1500, invert);
    expect(greyAt(ct, 64, 64)).to.equal(at(64, 64));
    await clickControl(barButton(ct, 'Invert'));
    await ct.settled();
    expect(ct.inverted).to.equal(true);
    expect(barButton(ct, 'Invert').getAttribute('aria-pressed')).to.equal('true');
    for (let y = 0; y < 128; y += 7) for (let x = 0; x < 128; x += 5) expect(greyAt(ct, x, y), `${x},${y}`).to.equal(at(x, y, true));
    await clickControl(barButton(ct, 'Invert'));
    await ct.settled();
    expect(greyAt(ct, 10, 10)).to.equal(at(10, 10));
  });

  it('W/L mode turns primary drags into window/level', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    await element.updateComplete;
    await clickControl(barButton(element, 'W/L mode'));
    await element.updateComplete;
    expect(barButton(element, 'W/L mode').getAttribute('aria-pressed')).to.equal('true');
    element.focus();
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
    // Each slice has its own data range (a flat image): compare the slices under one window.
    element.setWindow(200, 400);
    element.focus();
    const grey = () => element.displayedImageData()!.data[0];
    const shown = [grey()];
    await press('PageDown');
    shown.push(grey());
    await press('PageDown');
    shown.push(grey());
    expect(shown).to.deep.equal([expectedGrey(100, 200, 400), expectedGrey(200, 200, 400), expectedGrey(300, 200, 400)]);
  });

  it('orders a series by ImagePositionPatient along the slice normal when InstanceNumbers tie or are missing', async () => {
    // Instance numbers first (1, 2); the two without one follow, by position (z = −5 before z = 10).
    const urls = [blobUrl(slice(undefined, 400, '1.4', 10)), blobUrl(slice(2, 200, '1.2', 50)), blobUrl(slice(undefined, 300, '1.3', -5)), blobUrl(slice(1, 100, '1.1', 90))];
    const element = await mount({ srcs: urls });
    expect(element.export().metadata).to.deep.include({ frameTotal: 4, sopInstanceUIDs: ['1.1', '1.2', '1.3', '1.4'] });
    element.setWindow(250, 500);
    const shown = [greyAt(element, 0, 0)];
    for (let i = 0; i < 3; i++) {
      await press('ArrowDown');
      shown.push(greyAt(element, 0, 0));
    }
    expect(shown).to.deep.equal([100, 200, 300, 400].map((v) => expectedGrey(v, 250, 500)));
    // Equal instance numbers: the position decides.
    const tied = [blobUrl(slice(7, 20, '2.2', 3)), blobUrl(slice(7, 10, '2.1', -3))];
    const ready = nextEvent(element, 'lk-ready');
    element.srcs = tied;
    await ready;
    expect(element.export().metadata).to.deep.include({ sopInstanceUIDs: ['2.1', '2.2'] });
  });

  it('shows MR_small written as Explicit VR Big Endian exactly like the little-endian file', async () => {
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
    const windowed: WriteElement[] = [
      { tag: [0x0028, 0x1050], vr: 'DS', value: '600' },
      { tag: [0x0028, 0x1051], vr: 'DS', value: '1600' },
    ];
    const bigEndian = writeDicom(imageElements({ rows: 64, columns: 64, signed: true, pixelData: words16(raw, false), extra28: windowed }), 'explicit-be');
    const element = await mount({ src: blobUrl(bigEndian) });
    expect(element.voiWindow).to.deep.equal({ center: 600, width: 1600 });
    for (let i = 0; i < raw.length; i++) expect(greyAt(element, i % 64, Math.floor(i / 64)), `pixel ${i}`).to.equal(expectedGrey(raw[i]!, 600, 1600));
  });

  it('shows MONOCHROME1 inverted, PALETTE COLOR and YBR_FULL as RGB', async () => {
    const windowed: WriteElement[] = [
      { tag: [0x0028, 0x1050], vr: 'DS', value: '100' },
      { tag: [0x0028, 0x1051], vr: 'DS', value: '200' },
    ];
    const mono1Values = Array.from({ length: 16 }, (_, i) => i * 13);
    const element = await mount({ src: blobUrl(writeDicom(imageElements({ rows: 4, columns: 4, photometric: 'MONOCHROME1', pixelData: words16(mono1Values), extra28: windowed }), 'explicit-le')) });
    for (let i = 0; i < 16; i++) expect(greyAt(element, i % 4, Math.floor(i / 4)), `MONOCHROME1 pixel ${i}`).to.equal(expectedGrey(mono1Values[i]!, 100, 200, true));
    expect(greyAt(element, 0, 0), 'the lowest value is white').to.equal(255);
    expect(Math.abs(screenGreyAt(element, 0, 0) - 255)).to.be.at.most(2);

    const palette: WriteElement[] = [
      { tag: [0x0028, 0x1101], vr: 'US', value: [4, 10, 16] },
      { tag: [0x0028, 0x1102], vr: 'US', value: [4, 10, 16] },
      { tag: [0x0028, 0x1103], vr: 'US', value: [4, 10, 16] },
      { tag: [0x0028, 0x1201], vr: 'OW', value: words16([0x0000, 0xff00, 0x8000, 0x1000]) },
      { tag: [0x0028, 0x1202], vr: 'OW', value: words16([0x1100, 0x2200, 0x3300, 0x4400]) },
      { tag: [0x0028, 0x1203], vr: 'OW', value: words16([0xffff, 0x0000, 0x0100, 0x0200]) },
    ];
    let ready = nextEvent(element, 'lk-ready');
    element.src = blobUrl(
      writeDicom(imageElements({ rows: 1, columns: 4, photometric: 'PALETTE COLOR', bitsAllocated: 8, pixelData: new Uint8Array([10, 11, 12, 13]), extra28: palette }), 'explicit-le'),
    );
    await ready;
    const rgbAt = (x: number) => [...element.displayedImageData()!.data.slice(4 * x, 4 * x + 4)];
    // Entry n of each 16-bit table, scaled to 8 bits by its high byte.
    expect([0, 1, 2, 3].map(rgbAt)).to.deep.equal([
      [0x00, 0x11, 0xff, 255],
      [0xff, 0x22, 0x00, 255],
      [0x80, 0x33, 0x01, 255],
      [0x10, 0x44, 0x02, 255],
    ]);
    expect(element.voiWindow, 'colour has no window').to.equal(undefined);

    ready = nextEvent(element, 'lk-ready');
    element.src = blobUrl(
      writeDicom(
        imageElements({ rows: 1, columns: 2, samplesPerPixel: 3, photometric: 'YBR_FULL', planar: 0, bitsAllocated: 8, pixelData: new Uint8Array([76, 85, 255, 128, 128, 128]) }),
        'explicit-le',
      ),
    );
    await ready;
    // BT.601 full range by hand: Y 76, Cb 85, Cr 255 is red; Y 128 with neutral chroma is mid grey.
    const ybr = (y: number, cb: number, cr: number) =>
      [y + 1.402 * (cr - 128), y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128), y + 1.772 * (cb - 128)].map((v) => Math.max(0, Math.min(255, Math.round(v))));
    expect([rgbAt(0), rgbAt(1)]).to.deep.equal([
      [...ybr(76, 85, 255), 255],
      [128, 128, 128, 255],
    ]);
  });

  it('keeps two elements’ windows and pixels apart on one page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <lk-dicom id="ct" style="--lk-height: 300px; width: 600px; display: block" .ontology=${ontology}></lk-dicom>
        <lk-dicom id="mr" style="--lk-height: 300px; width: 600px; display: block" .ontology=${ontology}></lk-dicom>
      </div>
    `);
    const [ct, mr] = [wrapper.querySelector<LkDicom>('#ct')!, wrapper.querySelector<LkDicom>('#mr')!];
    const ready = Promise.all([nextEvent(ct, 'lk-ready'), nextEvent(mr, 'lk-ready')]);
    ct.src = `${DICOM}/CT_small.dcm`;
    mr.src = `${DICOM}/MR_small.dcm`;
    await ready;
    await Promise.all([ct.settled(), mr.settled()]);
    const ctBefore = [...ct.displayedImageData()!.data];
    const ctWindow = ct.voiWindow;
    const start = pagePoint(mr, 32, 32);
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down', button: 'right' });
    await sendMouse({ type: 'move', position: [start[0] - 80, start[1] + 40] });
    await sendMouse({ type: 'up', button: 'right' });
    const mrWindow = mr.voiWindow!;
    expect(mrWindow.width).to.be.lessThan(1600);
    expect(ct.voiWindow, 'the other element keeps its window').to.deep.equal(ctWindow);
    expect([...ct.displayedImageData()!.data], 'and its pixels').to.deep.equal(ctBefore);
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
    for (let i = 0; i < raw.length; i += 3) expect(greyAt(mr, i % 64, Math.floor(i / 64))).to.equal(expectedGrey(raw[i]!, mrWindow.center, mrWindow.width));
    await Promise.all([ct.settled(), mr.settled()]);
    const hu = int16le(rawPixelData(await fetchBytes(`${DICOM}/CT_small.dcm`), true)).map((v) => v - 1024);
    expect(Math.abs(screenGreyAt(ct, 64, 64) - expectedGrey(hu[64 * 128 + 64]!, ctWindow!.center, ctWindow!.width))).to.be.at.most(2);
    expect(Math.abs(screenGreyAt(mr, 32, 32) - expectedGrey(raw[32 * 64 + 32]!, mrWindow.center, mrWindow.width))).to.be.at.most(2);
  });

  it('names each transfer syntax it does not decode in asset-unsupported and keeps the annotations', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    element.import({ objects: [{ objectId: 'keep', schemaId: 't-car', 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }] });
    const syntaxes: [string, string][] = [
      ['1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Lossless'],
      ['1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component'],
      ['1.2.840.10008.1.2.4.100', 'MPEG2 Main Profile'],
      ['1.2.840.10008.1.2.4.102', 'MPEG-4 AVC/H.264'],
      ['1.2.999.1', '1.2.999.1'],
    ];
    for (const [uid, name] of syntaxes) {
      const file = writeDicom(imageElements({ rows: 2, columns: 2, pixelData: words16([0, 0, 0, 0]) }), 'explicit-le', uid);
      const error = nextEvent<CustomEvent>(element, 'lk-error');
      element.src = blobUrl(file);
      const detail = (await error).detail as { code: string; message: string };
      expect(detail.code, uid).to.equal('asset-unsupported');
      expect(detail.message, uid).to.contain(name);
      expect(detail.message, uid).to.contain(uid);
      expect(toolsOf(element).map((t) => t.objectId)).to.deep.equal(['keep']);
    }
  });

  it('reports a corrupt file, a corrupt slice and a missing slice of a series with lk-error, keeps every annotation and stays usable', async () => {
    const element = await mount({ src: `${DICOM}/MR_small.dcm` });
    await press('1');
    await drag(element, [5, 5], [20, 20]);
    expect(toolsOf(element)).to.have.length(1);
    const mr = await fetchBytes(`${DICOM}/MR_small.dcm`);
    const failures: [() => void, string][] = [
      [() => (element.src = blobUrl(mr.slice(0, 3000))), 'asset-load'],
      [() => (element.srcs = [`${DICOM}/MR_small.dcm`, blobUrl(mr.slice(0, mr.length - 100))]), 'asset-load'],
      [() => (element.srcs = [`${DICOM}/MR_small.dcm`, `${DICOM}/missing.dcm?X-Amz-Signature=secret`]), 'asset-not-found'],
    ];
    for (const [fail, code] of failures) {
      const error = nextEvent<CustomEvent>(element, 'lk-error');
      fail();
      const detail = (await error).detail as { code: string; message: string };
      expect(detail.code).to.equal(code);
      expect(detail.message).not.to.match(/blob:|secret|missing\.dcm/);
      expect(toolsOf(element), code).to.have.length(1);
    }
    const ready = nextEvent(element, 'lk-ready');
    element.srcs = undefined;
    element.src = `${DICOM}/MR_small_RLE.dcm`;
    await ready;
    await element.settled();
    expect(element.export().metadata).to.include({ width: 64, height: 64 });
    element.focus();
    if (element.session.activeSchemaId !== 't-car') await press('1');
    await drag(element, [30, 30], [40, 40]);
    expect(toolsOf(element), 'it still draws').to.have.length(2);
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
