/**
 * <lk-dicom> with compressed files: the same pixels on screen whatever the transfer syntax, codecs
 * loaded only when a file needs them, compressed slices of a series decoded as you page to them,
 * each slice measured with its own PixelSpacing, and overlay planes as a layer you can hide.
 */
import { expect } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import type { ExportTool } from '../../src/format/types.js';
import { flatSlice, imageElements, words16, writeDicom, type WriteElement } from '../media/dicom/dicom-writer.js';
import { expectedGrey, fetchBytes, int16le, rawPixelData } from '../media/dicom/raw-reader.js';
import { clearRequestLog, servedRequests } from '../server/signed-assets-client.js';
import { ONTOLOGY_URL, click, fetchJson, press, resetMouse } from './helpers.js';
import { DICOM, barButton, blobUrls, clickControl, greyAt, mount as mountDicom, toolsOf, type MountOptions } from './lk-dicom-helpers.js';

let ontology: unknown;
const blobs = blobUrls();
const mount = (options: Omit<MountOptions, 'ontology'> = {}) => mountDicom({ ontology, ...options });

const pixelsOf = (element: LkDicom) => [...element.displayedImageData()!.data];

describe('<lk-dicom> with compressed files', function () {
  this.timeout(120000);

  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
    // The dev server transforms pixi.js on first request (seconds on a loaded machine): before the first test's load.
    await import('pixi.js');
  });

  afterEach(async () => {
    await resetMouse();
  });

  after(() => blobs.revokeAll());

  // First in this file: the decode worker is one per page, and it keeps the codecs it loaded.
  it('loads a codec only when a file needs it, and only that codec', async () => {
    await clearRequestLog();
    const plain = await mount({ src: `${DICOM}/MR_small.dcm` });
    const codecFiles = async () => (await servedRequests()).map((request) => request.path).filter((path) => /codec-|decode-worker|jpeg-lossless-decoder/.test(path));
    expect(await codecFiles(), 'an uncompressed file starts no worker and loads no codec').to.deep.equal([]);
    plain.remove();
    const jp2k = await mount({ src: `${DICOM}/MR_small_jp2klossless.dcm` });
    const loaded = await codecFiles();
    expect(loaded.some((path) => path.endsWith('/decode-worker.ts')), loaded.join(', ')).to.equal(true);
    expect(loaded.some((path) => path.endsWith('/openjpegwasm_decode.wasm')), loaded.join(', ')).to.equal(true);
    expect(loaded.filter((path) => /charls|libjpeg|openjph|jpeg-lossless/.test(path)), 'no other codec').to.deep.equal([]);
    jp2k.remove();
  });

  it('shows 12-bit JPEG Extended (JPGExtended) pixel for pixel as dcmtk decodes it, loading only the 12-bit codec', async () => {
    await clearRequestLog();
    const element = await mount({ src: `${DICOM}/JPGExtended.dcm` });
    const loaded = (await servedRequests()).map((request) => request.path).filter((path) => path.endsWith('.wasm'));
    expect(loaded.some((path) => path.endsWith('/dcmjs-native-codecs.wasm')), loaded.join(', ')).to.equal(true);
    expect(loaded.filter((path) => !path.endsWith('/dcmjs-native-codecs.wasm')), 'no other codec').to.deep.equal([]);
    const response = await fetch(`${DICOM}/expected/JPGExtended.raw.gz`);
    const raw = new Uint8Array(await new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    const reference = new Uint16Array(raw.buffer, 0, raw.byteLength / 2);
    // No window in the file: the range of the decoded values (0…264 in dcmtk's decode).
    expect(element.voiWindow).to.deep.equal({ center: 132, width: 264 });
    const data = element.displayedImageData()!.data;
    let differing = 0;
    for (let p = 0; p < reference.length; p++) if (data[4 * p] !== expectedGrey(reference[p]! & 0xfff, 132, 264)) differing++;
    expect(differing).to.equal(0);
    element.remove();
  });

  it('shows MR_small, MR_small_RLE, MR_small_jp2klossless, MR_small_htj2k and MR_small_deflate identically, with the same metadata', async () => {
    const reference = await mount({ src: `${DICOM}/MR_small.dcm` });
    const shown = pixelsOf(reference);
    const metadata = reference.export().metadata;
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
    expect(greyAt(reference, 32, 32)).to.equal(expectedGrey(raw[32 * 64 + 32]!, 600, 1600));
    reference.remove();
    for (const name of ['MR_small_RLE', 'MR_small_jp2klossless', 'MR_small_htj2k', 'MR_small_deflate']) {
      const element = await mount({ src: `${DICOM}/${name}.dcm` });
      expect(pixelsOf(element), name).to.deep.equal(shown);
      expect(element.voiWindow, name).to.deep.equal({ center: 600, width: 1600 });
      expect(element.export().metadata, name).to.deep.equal(metadata);
      element.remove();
    }
  });

  it('shows colour JPEG (YBR_FULL) and JPEG 2000 (YBR_RCT, JP2 header) as RGB, exactly as decoded', async () => {
    for (const [name, photometric] of [
      ['SC_rgb_jpeg_lossy_gdcm', 'YBR_FULL'],
      ['GDCMJ2K_TextGBR', 'YBR_RCT'],
    ]) {
      const element = await mount({ src: `${DICOM}/${name}.dcm` });
      expect(element.voiWindow, `${name} (${photometric}) is colour`).to.equal(undefined);
      const response = await fetch(`${DICOM}/expected/${name}.raw.gz`);
      const expected = new Uint8Array(await new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
      const data = element.displayedImageData()!.data;
      let differing = 0;
      for (let p = 0; p < expected.length / 3; p++) {
        for (let c = 0; c < 3; c++) if (data[4 * p + c] !== expected[3 * p + c]) differing++;
      }
      expect(differing, name).to.equal(0);
      element.remove();
    }
  });

  it('pages to a compressed slice of a series: decoded off the main thread, then shown', async () => {
    const flat = blobs.url(flatSlice({ value: 0, spacing: 0.3125, sop: '1.2.3.1', instance: 0 }));
    const element = await mount({ srcs: [flat, `${DICOM}/MR_small_jp2klossless.dcm`, `${DICOM}/MR_small_htj2k.dcm`] });
    expect(element.sliceCount).to.equal(3);
    element.setWindow(600, 1600);
    const raw = int16le(rawPixelData(await fetchBytes(`${DICOM}/MR_small.dcm`), true));
    const showsMr = () => [[10, 10], [32, 32], [50, 20]].every(([x, y]) => greyAt(element, x!, y!) === expectedGrey(raw[y! * 64 + x!]!, 600, 1600));
    const flatGrey = expectedGrey(0, 600, 1600);
    const showsFlat = () => [[10, 10], [32, 32], [50, 20]].every(([x, y]) => greyAt(element, x!, y!) === flatGrey);
    await press('PageDown');
    await element.settled();
    expect(element.slice).to.equal(1);
    expect(showsMr(), 'slice 1, decoded in the worker').to.equal(true);
    // Away to a compressed slice and straight back: the late decode must not replace slice 0.
    element.slice = 2;
    element.slice = 0;
    await element.settled();
    expect(showsFlat(), 'slice 0 stays on screen').to.equal(true);
    element.slice = 2;
    await element.settled();
    expect(showsMr(), 'slice 2').to.equal(true);
  });

  it('measures each slice of a series with its own PixelSpacing and shows it', async () => {
    const element = await mount({ srcs: [blobs.url(flatSlice({ value: 100, spacing: 1, instance: 1 })), blobs.url(flatSlice({ value: 100, spacing: 2, instance: 2 }))] });
    expect(element.export().metadata).to.deep.include({ pixelSpacing: [1, 1] });
    const spacingShown = () => element.shadowRoot!.querySelector('.dicom-bar .spacing')?.textContent?.trim();
    await element.updateComplete;
    expect(spacingShown()).to.equal('1 mm/px');
    await press('PageDown');
    await element.settled();
    expect(spacingShown()).to.equal('2 mm/px');
    await press('4');
    await click(element, [10, 10]);
    await click(element, [40, 50]);
    await press('Enter');
    const [line] = toolsOf(element) as (ExportTool & { polyline: [number, number][] })[];
    expect(line!.page).to.equal(1);
    const [[x0, y0], [x1, y1]] = line!.polyline as [[number, number], [number, number]];
    const mm = Math.hypot(x1 - x0, y1 - y0) * 2;
    expect(element.measure(line!.objectId)).to.deep.equal({ value: mm, unit: 'mm' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector(`.measure[data-object-id="${line!.objectId}"]`)?.textContent).to.equal(`${mm.toFixed(1)} mm`);
  });

  it('a three-point polyline shows its angle in degrees at the middle point, next to its length', async () => {
    // Columns and rows 1 mm apart here; drawn with real clicks: an L, then a straight line.
    const element = await mount({ srcs: [blobs.url(flatSlice({ value: 100, spacing: 1, instance: 1 }))] });
    await press('4');
    await click(element, [10, 40]);
    await click(element, [10, 10]);
    await click(element, [50, 10]);
    await press('Enter');
    const [angle] = toolsOf(element) as (ExportTool & { polyline: [number, number][] })[];
    const [a, vertex, b] = angle!.polyline as [[number, number], [number, number], [number, number]];
    const expected = (Math.abs(Math.atan2((a[0] - vertex[0]) * (b[1] - vertex[1]) - (a[1] - vertex[1]) * (b[0] - vertex[0]), (a[0] - vertex[0]) * (b[0] - vertex[0]) + (a[1] - vertex[1]) * (b[1] - vertex[1]))) * 180) / Math.PI;
    expect(expected, 'an L is about a right angle').to.be.closeTo(90, 3);
    const measured = element.measure(angle!.objectId)!;
    expect(measured.angle).to.be.closeTo(expected, 1e-9);
    await element.updateComplete;
    const label = element.shadowRoot!.querySelector(`.measure[data-object-id="${angle!.objectId}"]`)?.textContent;
    expect(label).to.equal(`${measured.value.toFixed(1)} mm · ${expected.toFixed(1)}°`);
  });

  it('draws overlay planes (60xx) in white over the slice, and the Overlays button hides and shows them', async () => {
    // An 8×8 black image; overlay 6000 is a 4×4 diagonal placed at row 3, column 2 (1-based).
    const diagonal = [0, 1, 2, 3].map((i) => i * 4 + i);
    const bits = new Uint8Array(2);
    for (const bit of diagonal) bits[bit >> 3]! |= 1 << (bit & 7);
    const overlay: WriteElement[] = [
      { tag: [0x6000, 0x0010], vr: 'US', value: [4] },
      { tag: [0x6000, 0x0011], vr: 'US', value: [4] },
      { tag: [0x6000, 0x0022], vr: 'LO', value: 'Marker' },
      { tag: [0x6000, 0x0040], vr: 'CS', value: 'G' },
      { tag: [0x6000, 0x0050], vr: 'SS', value: [3, 2] },
      { tag: [0x6000, 0x0100], vr: 'US', value: [1] },
      { tag: [0x6000, 0x0102], vr: 'US', value: [0] },
      { tag: [0x6000, 0x3000], vr: 'OW', value: bits },
    ];
    const bytes = writeDicom(
      imageElements({
        rows: 8,
        columns: 8,
        pixelData: words16(new Array(64).fill(0)),
        extra28: [
          { tag: [0x0028, 0x1050], vr: 'DS', value: '100' },
          { tag: [0x0028, 0x1051], vr: 'DS', value: '50' },
          ...overlay,
        ],
      }),
      'explicit-le',
    );
    const element = await mount({ src: blobs.url(bytes) });
    const white = () => {
      const found: number[] = [];
      for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (greyAt(element, x, y) === 255) found.push(y * 8 + x);
      return found;
    };
    const expected = [0, 1, 2, 3].map((i) => (2 + i) * 8 + (1 + i));
    expect(white(), 'the diagonal, moved to its origin').to.deep.equal(expected);
    const button = barButton(element, 'Overlays');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.title).to.contain('Marker');
    await clickControl(button);
    await element.settled();
    expect(element.overlaysVisible).to.equal(false);
    expect(white(), 'hidden').to.deep.equal([]);
    await clickControl(barButton(element, 'Overlays'));
    await element.settled();
    expect(white(), 'shown again').to.deep.equal(expected);
  });
});
