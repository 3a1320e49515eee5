import { expect } from '@open-wc/testing';
import { loadCornerstone, type Cornerstone } from '../../../src/media/dicom/cornerstone.js';
import { parseDicomFile } from '../../../src/media/dicom/dicom-file.js';
import { createSliceRenderer, type SliceRenderer } from '../../../src/media/dicom/slice-renderer.js';
import { createSliceStack } from '../../../src/media/dicom/slice-stack.js';
import type { VoiWindow } from '../../../src/media/dicom/windowing.js';
import { imageElements, words16, writeDicom, type WriteElement } from './dicom-writer.js';
import {
  encapsulatedFragments,
  expectedGrey,
  fetchBytes,
  fullRangeWindow,
  int16le,
  ps33Grey,
  rawPixelData,
  rleSegments,
  uint32le,
} from './raw-reader.js';

const FIXTURES = '/test/fixtures/dicom';
let cornerstone: Cornerstone;

async function rendererFor(bytes: Uint8Array): Promise<SliceRenderer> {
  return createSliceRenderer(createSliceStack([await parseDicomFile(bytes)]), cornerstone);
}

/** Every pixel of the rendered slice: grey, opaque, equal to `expected(i)` (i = pixel index). */
function expectGrey(renderer: SliceRenderer, expected: (i: number) => number, what: string): void {
  const { data } = renderer.imageData();
  let mismatches = 0;
  let first = '';
  for (let i = 0; i < data.length / 4; i++) {
    const [r, g, b, a] = [data[4 * i], data[4 * i + 1], data[4 * i + 2], data[4 * i + 3]];
    const want = expected(i);
    if (r !== want || g !== want || b !== want || a !== 255) {
      if (mismatches++ === 0) first = `pixel ${i}: ${r},${g},${b},${a} instead of ${want}`;
    }
  }
  expect(mismatches, `${what}: ${mismatches} pixels differ, first ${first}`).to.equal(0);
}

/** Stored 16-bit values of an RLE Lossless frame, decoded by the test's own naive decoder. */
function rle16(fragment: Uint8Array, pixels: number, signed: boolean): number[] {
  const [high, low] = rleSegments(fragment, pixels) as [Uint8Array, Uint8Array];
  return Array.from({ length: pixels }, (_, i) => {
    const word = (high[i]! << 8) | low[i]!;
    return signed && word >= 0x8000 ? word - 0x10000 : word;
  });
}

describe('DICOM display through cornerstone-core (real fixtures, every pixel)', () => {
  before(async () => {
    cornerstone = await loadCornerstone();
  });

  it('draws with cornerstone-core into the slice canvas (cornerstone’s LUT is kept on the image object)', async () => {
    const renderer = await rendererFor(await fetchBytes(`${FIXTURES}/MR_small.dcm`));
    expect(renderer.cached().arrays.some((array) => array instanceof Uint8ClampedArray)).to.equal(false);
    renderer.render(0, undefined);
    // cornerstone's getLut makes the LUT (one byte per stored value) on the image while it renders.
    expect(renderer.cached().arrays.filter((array) => array instanceof Uint8ClampedArray)).to.have.length(1);
    expect([renderer.canvas.width, renderer.canvas.height]).to.deep.equal([64, 64]);
  });

  it('CT_small: rescale −1024, the full-range window and soft tissue, every pixel', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/CT_small.dcm`);
    const renderer = await rendererFor(bytes);
    const hu = int16le(rawPixelData(bytes, true)).map((v) => v - 1024);
    const range = fullRangeWindow(hu);
    renderer.render(0, undefined);
    expectGrey(renderer, (i) => expectedGrey(hu[i]!, range.center, range.width), 'full range');
    const data = renderer.imageData().data;
    expect(data[4 * hu.indexOf(Math.min(...hu))], 'minimum is black').to.equal(0);
    expect(data[4 * hu.indexOf(Math.max(...hu))], 'maximum is white').to.equal(255);
    for (const window of [{ center: 40, width: 400 }, { center: -600, width: 1500 }, { center: 40.5, width: 1 }]) {
      renderer.render(0, window);
      expectGrey(renderer, (i) => expectedGrey(hu[i]!, window.center, window.width), `${window.center}/${window.width}`);
    }
  });

  it('MR_small: the file window 600/1600 by cornerstone’s formula, which differs from PS3.3’s on some pixels', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/MR_small.dcm`);
    const renderer = await rendererFor(bytes);
    const raw = int16le(rawPixelData(bytes, true));
    renderer.render(0, undefined);
    expectGrey(renderer, (i) => expectedGrey(raw[i]!, 600, 1600), 'file window');
    const differing = raw.filter((v) => expectedGrey(v, 600, 1600) !== ps33Grey(v, 600, 1600));
    expect(differing.length, 'pixels where the two formulas disagree').to.be.greaterThan(50);
    const data = renderer.imageData().data;
    const i = raw.indexOf(differing[0]!);
    expect(data[4 * i]).to.equal(expectedGrey(raw[i]!, 600, 1600));
    expect(data[4 * i]).not.to.equal(ps33Grey(raw[i]!, 600, 1600));
  });

  it('MR_small_RLE: stored values decoded by the test’s own RLE reader, every pixel', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/MR_small_RLE.dcm`);
    const [fragment] = encapsulatedFragments(bytes);
    const raw = rle16(fragment!, 64 * 64, true);
    expect(raw).to.deep.equal(int16le(rawPixelData(await fetchBytes(`${FIXTURES}/MR_small.dcm`), true)));
    const renderer = await rendererFor(bytes);
    for (const window of [undefined, { center: 300, width: 500 }]) {
      renderer.render(0, window);
      const { center, width } = window ?? { center: 600, width: 1600 };
      expectGrey(renderer, (i) => expectedGrey(raw[i]!, center, width), `${center}/${width}`);
    }
  });

  it('rtdose: all 15 frames of 32-bit values, each with its full-range window, exactly despite the requantization', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/rtdose.dcm`);
    const renderer = await rendererFor(bytes);
    const raw = uint32le(rawPixelData(bytes, false));
    // 795000…1254000 would need a 1.25-million-entry LUT: the loader divides by 2³ = 8, and every
    // value of this dose grid is a multiple of 1000, so no value moves.
    expect(raw.every((v) => v % 1000 === 0)).to.equal(true);
    for (let frame = 0; frame < 15; frame++) {
      const values = raw.slice(frame * 100, frame * 100 + 100);
      const window = fullRangeWindow(values);
      renderer.render(frame, undefined);
      expectGrey(renderer, (i) => expectedGrey(values[i]!, window.center, window.width), `frame ${frame}`);
    }
    const chosen = { center: 1_000_000, width: 200_000 };
    renderer.render(7, chosen);
    expectGrey(renderer, (i) => expectedGrey(raw[700 + i]!, chosen.center, chosen.width), 'frame 7 at 1e6/2e5');
  });

  it('SC_rgb_rle_2frame: both frames equal the RGB the test’s own RLE reader decodes, every pixel', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/SC_rgb_rle_2frame.dcm`);
    const renderer = await rendererFor(bytes);
    const fragments = encapsulatedFragments(bytes);
    expect(fragments).to.have.length(2);
    for (let frame = 0; frame < 2; frame++) {
      const [red, green, blue] = rleSegments(fragments[frame]!, 100 * 100) as [Uint8Array, Uint8Array, Uint8Array];
      renderer.render(frame, { center: 0, width: 1 }); // colour ignores any window
      const { data } = renderer.imageData();
      let mismatches = 0;
      for (let i = 0; i < 100 * 100; i++) {
        if (data[4 * i] !== red[i] || data[4 * i + 1] !== green[i] || data[4 * i + 2] !== blue[i] || data[4 * i + 3] !== 255) mismatches++;
      }
      expect(mismatches, `frame ${frame}`).to.equal(0);
    }
    expect([red0(fragments[0]!), red0(fragments[1]!)]).to.deep.equal([255, 0]);
  });
});

function red0(fragment: Uint8Array): number {
  return rleSegments(fragment, 100 * 100)[0]![5 * 100 + 50]!;
}

describe('DICOM display through cornerstone-core (synthetic)', () => {
  before(async () => {
    cornerstone = await loadCornerstone();
  });

  it('inverts MONOCHROME1 before rounding, as cornerstone’s LUT does', async () => {
    const values = Array.from({ length: 16 }, (_, i) => i * 17);
    const windowed: WriteElement[] = [
      { tag: [0x0028, 0x1050], vr: 'DS', value: '100' },
      { tag: [0x0028, 0x1051], vr: 'DS', value: '200' },
    ];
    const renderer = await rendererFor(
      writeDicom(imageElements({ rows: 4, columns: 4, photometric: 'MONOCHROME1', pixelData: words16(values), extra28: windowed }), 'explicit-le'),
    );
    renderer.render(0, undefined);
    expectGrey(renderer, (i) => expectedGrey(values[i]!, 100, 200, true), 'MONOCHROME1');
    expect(renderer.imageData().data[0], 'the lowest value is white').to.equal(255);
  });

  it('applies a fractional slope and intercept (modality LUT) before the window', async () => {
    const values = Array.from({ length: 16 }, (_, i) => i * 40);
    const rescale: WriteElement[] = [
      { tag: [0x0028, 0x1052], vr: 'DS', value: '10.25' },
      { tag: [0x0028, 0x1053], vr: 'DS', value: '0.5' },
    ];
    const renderer = await rendererFor(writeDicom(imageElements({ rows: 4, columns: 4, pixelData: words16(values), extra28: rescale }), 'explicit-le'));
    const window: VoiWindow = { center: 100, width: 200 };
    renderer.render(0, window);
    expectGrey(renderer, (i) => expectedGrey(values[i]! * 0.5 + 10.25, 100, 200), 'rescaled');
  });

  it('requantizes a 32-bit frame spanning 2³² levels: a pixel moves no further than half a step moves it (±1 level at full range)', async () => {
    // Values with no common factor across the whole unsigned 32-bit range.
    const values = [0, 1, 4294967295, 2147483647, 123456789, 987654321, 3000000001, 65537, 4000000007, 2, 3, 5, 7, 11, 13, 4294967294];
    const bytes = new Uint8Array(values.length * 4);
    values.forEach((v, i) => new DataView(bytes.buffer).setUint32(4 * i, v, true));
    const renderer = await rendererFor(
      writeDicom(imageElements({ rows: 4, columns: 4, bitsAllocated: 32, pixelData: bytes, pixelVr: 'OB' }), 'explicit-le'),
    );
    // A span of 2³² − 1 in levels 0…65535: 2¹⁶ would leave (2³² − 1) / 2¹⁶ ≈ 65535.99, which rounds
    // to 65536, so the step is 2¹⁷ and a value moves by at most 2¹⁶ stored units (= modality units).
    const halfStep = 2 ** 16;
    for (const window of [fullRangeWindow(values), { center: 2 ** 31, width: 2 ** 20 }, { center: 65536, width: 2 ** 19 }]) {
      renderer.render(0, window);
      const { data } = renderer.imageData();
      for (let i = 0; i < values.length; i++) {
        const low = expectedGrey(values[i]! - halfStep, window.center, window.width);
        const high = expectedGrey(values[i]! + halfStep, window.center, window.width);
        expect(data[4 * i], `value ${values[i]} at ${window.center}/${window.width}`).to.be.within(low, high);
        // Full range: half a step is 2¹⁶ / 2³² × 255 ≈ 0.004 levels, so only a rounding can differ.
        if (window.width > 2 ** 31) expect(Math.abs(data[4 * i]! - expectedGrey(values[i]!, window.center, window.width))).to.be.at.most(1);
      }
    }
  });

  it('one renderer drawing grey and colour slices in turn (cornerstone’s render canvas kept between renders): every pixel each time', async () => {
    const [rows, columns] = [4, 4];
    const values = Array.from({ length: rows * columns }, (_, i) => i * 50);
    const rgb = Uint8Array.from({ length: rows * columns * 3 }, (_, i) => (i * 37) % 256);
    const grey = await parseDicomFile(writeDicom(imageElements({ rows, columns, pixelData: words16(values) }), 'explicit-le'));
    const colour = await parseDicomFile(
      writeDicom(imageElements({ rows, columns, samplesPerPixel: 3, photometric: 'RGB', planar: 0, bitsAllocated: 8, pixelData: rgb }), 'explicit-le'),
    );
    const stack = createSliceStack([grey, colour]);
    const colourSlice = stack.isGrey(0) ? 1 : 0;
    const renderer = createSliceRenderer(stack, cornerstone);
    const window: VoiWindow = { center: 400, width: 600 };
    for (const round of [1, 2]) {
      renderer.render(1 - colourSlice, window);
      expectGrey(renderer, (i) => expectedGrey(values[i]!, window.center, window.width), `grey, round ${round}`);
      renderer.render(colourSlice, window);
      const { data } = renderer.imageData();
      const wrong = Array.from({ length: rows * columns }, (_, i) => i).filter(
        (i) => data[4 * i] !== rgb[3 * i] || data[4 * i + 1] !== rgb[3 * i + 1] || data[4 * i + 2] !== rgb[3 * i + 2] || data[4 * i + 3] !== 255,
      );
      expect(wrong, `colour, round ${round}: pixels that differ`).to.deep.equal([]);
    }
  });

  it('a colour image of 300 × 150, a new canvas’s own size, renders (cornerstone left its pixel buffer unmade)', async () => {
    const [rows, columns] = [150, 300];
    const rgb = Uint8Array.from({ length: rows * columns * 3 }, (_, i) => (i * 37) % 256);
    const renderer = await rendererFor(
      writeDicom(imageElements({ rows, columns, samplesPerPixel: 3, photometric: 'RGB', planar: 0, bitsAllocated: 8, pixelData: rgb }), 'explicit-le'),
    );
    renderer.render(0, undefined);
    const { data } = renderer.imageData();
    let wrong = 0;
    for (let i = 0; i < rows * columns; i++) {
      if (data[4 * i] !== rgb[3 * i] || data[4 * i + 1] !== rgb[3 * i + 1] || data[4 * i + 2] !== rgb[3 * i + 2] || data[4 * i + 3] !== 255) wrong++;
    }
    expect(wrong, 'pixels that differ').to.equal(0);
  });

  it('keeps each renderer’s window and LUT its own (two renderers of one file)', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/MR_small.dcm`);
    const raw = int16le(rawPixelData(bytes, true));
    const a = await rendererFor(bytes);
    const b = await rendererFor(bytes);
    a.render(0, { center: 600, width: 1600 });
    b.render(0, { center: 300, width: 500 });
    a.render(0, { center: 600, width: 1600 });
    expectGrey(a, (i) => expectedGrey(raw[i]!, 600, 1600), 'first renderer');
    expectGrey(b, (i) => expectedGrey(raw[i]!, 300, 500), 'second renderer');
    expect(a.canvas).not.to.equal(b.canvas);
  });
});
