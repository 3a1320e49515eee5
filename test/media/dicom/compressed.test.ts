/**
 * Compressed fixtures against arrays decoded by independent decoders (dcmtk, gdcm: see
 * test/fixtures/dicom/expected/generate.mjs and each fixture's .json for which decoder and why).
 * Frames go through the real decode worker and the real codecs, as on a page.
 */
import { expect } from '@open-wc/testing';
import { parseDicomFile, type DecodedFrame, type DicomFile } from '../../../src/media/dicom/dicom-file.js';
import { DicomDecodeError } from '../../../src/media/dicom/decode-error.js';
import { CodecError } from '../../../src/media/dicom/decode-protocol.js';
import { rejectionOf } from '../../rejection.js';
import { fetchBytes } from './raw-reader.js';

const FIXTURES = '/test/fixtures/dicom';

interface Expected {
  fixture: string;
  rows: number;
  columns: number;
  frames: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  photometric: string;
  planarConfiguration: number;
  byteLength: number;
  sha256: string;
}

async function expectedOf(stem: string): Promise<{ manifest: Expected; bytes: Uint8Array }> {
  const manifest = (await (await fetch(`${FIXTURES}/expected/${stem}.json`)).json()) as Expected;
  const response = await fetch(`${FIXTURES}/expected/${stem}.raw.gz`);
  const stream = response.body!.pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''), `${stem}: the expected array is the one generated`).to.equal(manifest.sha256);
  return { manifest, bytes };
}

/** The reference's samples of one frame, read with the file's bit layout (mask, sign). */
function referenceSamples(bytes: Uint8Array, manifest: Expected, file: DicomFile, frame: number): number[] {
  const perFrame = manifest.rows * manifest.columns * manifest.samplesPerPixel;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { bitsStored, highBit, signed } = file.info;
  const out: number[] = [];
  for (let i = frame * perFrame; i < (frame + 1) * perFrame; i++) {
    const raw = manifest.bitsAllocated === 8 ? bytes[i]! : view.getUint16(2 * i, true);
    let value = (raw >> (highBit + 1 - bitsStored)) & (2 ** bitsStored - 1);
    if (signed && value >= 2 ** (bitsStored - 1)) value -= 2 ** bitsStored;
    out.push(value);
  }
  return out;
}

function shown(decoded: DecodedFrame): number[] {
  return decoded.kind === 'grey' ? [...decoded.values] : [...decoded.rgb];
}

/** What the reference frame looks like as labelkit shows it: grey values, or 8-bit interleaved RGB. */
function referenceShown(bytes: Uint8Array, manifest: Expected, file: DicomFile, frame: number): number[] {
  const samples = referenceSamples(bytes, manifest, file, frame);
  if (manifest.samplesPerPixel === 1) return samples;
  expect(manifest.photometric, 'the reference is RGB').to.equal('RGB');
  const eightBit = file.info.bitsStored > 8 ? samples.map((v) => v >>> (file.info.bitsStored - 8)) : samples;
  if (manifest.planarConfiguration === 0) return eightBit;
  const pixels = manifest.rows * manifest.columns;
  return Array.from({ length: pixels * 3 }, (_, i) => eightBit[(i % 3) * pixels + Math.floor(i / 3)]!);
}

const CASES: [stem: string, syntax: string][] = [
  ['SC_rgb_jpeg_lossy_gdcm', 'JPEG Baseline (Process 1)'],
  ['SC_rgb_jpeg_422_2frame', 'JPEG Baseline (Process 1)'],
  ['JPGExtended', 'JPEG Extended (Process 2 & 4)'],
  ['SC_rgb_jpeg_gdcm', 'JPEG Lossless (Process 14, SV1)'],
  ['JPEGLSNearLossless_16', 'JPEG-LS Near-Lossless'],
  ['SC_rgb_jls_lossy_line', 'JPEG-LS Near-Lossless'],
  ['MR_small_jp2klossless', 'JPEG 2000 Lossless'],
  ['GDCMJ2K_TextGBR', 'JPEG 2000 Lossless'],
  ['MR_small_htj2k', 'High-Throughput JPEG 2000 Lossless'],
  ['SC_rgb_rle_16bit_2frame', 'RLE Lossless'],
  ['MR_small_deflate', 'Deflated Explicit VR Little Endian'],
];

describe('compressed DICOM fixtures, pixel for pixel against independent decoders', function () {
  this.timeout(120000);

  for (const [stem, syntax] of CASES) {
    it(`${stem}: ${syntax}`, async () => {
      const { manifest, bytes } = await expectedOf(stem);
      const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/${manifest.fixture}`));
      expect(file.info.transferSyntax.name).to.equal(syntax);
      expect(file.info).to.include({ width: manifest.columns, height: manifest.rows, frameCount: manifest.frames });
      for (let frame = 0; frame < manifest.frames; frame++) {
        const decoded = await file.loadFrame(frame);
        expect(decoded.kind).to.equal(manifest.samplesPerPixel === 1 ? 'grey' : 'rgb');
        const actual = shown(decoded);
        const expected = referenceShown(bytes, manifest, file, frame);
        expect(actual.length, `${stem} frame ${frame}`).to.equal(expected.length);
        const differing = actual.reduce((count, value, i) => count + (value === expected[i] ? 0 : 1), 0);
        expect(differing, `${stem} frame ${frame}: samples that differ from the reference`).to.equal(0);
        expect(new Set(actual).size, `${stem}: the frame is not flat`).to.be.greaterThan(1);
      }
    });
  }

  it('MR_small, MR_small_RLE, MR_small_jp2klossless, MR_small_htj2k and MR_small_deflate decode to the same values', async () => {
    const values = [];
    for (const name of ['MR_small', 'MR_small_RLE', 'MR_small_jp2klossless', 'MR_small_htj2k', 'MR_small_deflate']) {
      const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/${name}.dcm`));
      values.push(shown(await file.loadFrame(0)));
    }
    for (const other of values.slice(1)) expect(other).to.deep.equal(values[0]);
  });

  it('a codec the page refuses or cannot load is a resource error that names the syntax', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/MR_small_jp2klossless.dcm`);
    const refused = await parseDicomFile(bytes, () => Promise.reject(new CodecError('refused', 'csp')));
    const csp = await rejectionOf(refused.loadFrame(0), DicomDecodeError);
    expect(csp.kind).to.equal('resource');
    expect(csp.message).to.contain('JPEG 2000 Lossless (1.2.840.10008.1.2.4.90)');
    expect(csp.message).to.contain("'wasm-unsafe-eval'");
    const missing = await parseDicomFile(bytes, () => Promise.reject(new CodecError('The DICOM codec file openjpegwasm_decode.wasm could not be fetched (HTTP 404).', 'unavailable')));
    const unavailable = await rejectionOf(missing.loadFrame(0), DicomDecodeError);
    expect(unavailable.kind).to.equal('resource');
    expect(unavailable.message).to.contain('JPEG 2000 Lossless (1.2.840.10008.1.2.4.90)');
    expect(unavailable.message).to.contain('HTTP 404');
  });
});
