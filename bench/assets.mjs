// Bench assets that are too large to commit, generated at bench time into bench/out/assets/
// (git-ignored) and reused while their parameters stay the same:
//   - a long low-resolution video (ffmpeg, when installed),
//   - a CT-like DICOM series (a small Explicit VR Little Endian writer, no dependency), and the
//     same series compressed (JPEG Lossless with dcmtk's dcmcjpeg, JPEG 2000 with gdcm's
//     gdcmconv, when installed),
//   - a many-page text PDF (a small PDF writer with a correct xref table, no dependency),
//   - the annotations for the video: tracks of keyframes in the flat per-frame import format.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32): the same assets and annotations on every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hasFfmpeg() {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// ---- video ----------------------------------------------------------------------------------------

/**
 * A `frames`-frame VP9 WebM (H.264 MP4 with `container: 'mp4'`) at `fps` (ffmpeg's testsrc2 pattern, a keyframe every
 * 2 s so a seek decodes at most 60 frames). Returns the file name inside `dir`, or undefined
 * without ffmpeg.
 */
export function makeVideo(dir, { frames, fps = 30, width = 320, height = 180, container = 'webm' }) {
  const name = `video-${frames}f-${fps}fps-${width}x${height}.${container}`;
  const path = join(dir, name);
  if (existsSync(path)) return name;
  if (!hasFfmpeg()) return undefined;
  mkdirSync(dir, { recursive: true });
  const partial = `${path}.partial.${container}`;
  // The same picture and keyframe interval in both: VP9 in WebM, H.264 (with B-frames) in MP4.
  const codec = container === 'mp4'
    ? ['-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '80k', '-movflags', '+faststart']
    : ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1', '-b:v', '40k'];
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}`,
    '-frames:v', String(frames),
    ...codec,
    '-g', String(fps * 2), '-pix_fmt', 'yuv420p',
    partial,
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  renameSync(partial, path);
  return name;
}

/**
 * `tracks` objects over `frames` frames in the import format (docs/format.md, tracks: flat per-frame
 * entries with `keyframe: true`). Each track enters somewhere in the first fifth, has a keyframe
 * every 50–200 frames, and leaves (`interpolationStopped`) somewhere in the last fifth; three in
 * four are boxes, one in four 8-point polygons (interpolated point by point).
 */
export function videoAnnotations({ tracks, frames, width, height, seed = 7 }) {
  const rand = random(seed);
  const objects = [];
  let keyframes = 0;
  for (let t = 0; t < tracks; t++) {
    const polygon = t % 4 === 3;
    const objectId = `track-${t}`;
    const start = Math.floor(rand() * frames * 0.2);
    const end = Math.min(frames - 1, Math.floor(frames * 0.8 + rand() * frames * 0.2));
    const w = width * (0.04 + rand() * 0.1);
    const h = height * (0.05 + rand() * 0.15);
    for (let frame = start; frame < end; frame += 50 + Math.floor(rand() * 151)) {
      const x = rand() * (width - w);
      const y = rand() * (height - h);
      const geometry = polygon
        ? { polygon: Array.from({ length: 8 }, (_, k) => [x + w / 2 + (Math.cos((k / 8) * Math.PI * 2) * w) / 2, y + h / 2 + (Math.sin((k / 8) * Math.PI * 2) * h) / 2]) }
        : { 'bounding-box': { x, y, width: w, height: h } };
      objects.push({ objectId, schemaId: polygon ? 't-poly' : 't-box', page: frame, keyframe: true, classifications: [], ...geometry });
      keyframes++;
    }
    const last = objects.at(-1);
    objects.push({ ...last, page: end, interpolationStopped: true });
  }
  return { objects, keyframes };
}

// ---- DICOM ----------------------------------------------------------------------------------------

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const UID_ROOT = '2.25.1907223344';

/** One data element in Explicit VR Little Endian, value padded to an even length. */
function element(group, elementNumber, vr, value) {
  let body;
  if (Buffer.isBuffer(value)) body = value;
  else if (typeof value === 'string') body = Buffer.from(value, 'latin1');
  else throw new TypeError('element value must be a string or a Buffer');
  if (body.length % 2) body = Buffer.concat([body, Buffer.from(vr === 'UI' || vr === 'OB' ? [0] : [0x20])]);
  const long = ['OB', 'OW', 'OF', 'SQ', 'UT', 'UN'].includes(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(elementNumber, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(body.length, 8);
  else head.writeUInt16LE(body.length, 6);
  return Buffer.concat([head, body]);
}

const us = (n) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};

/**
 * One CT-like slice: 16-bit signed Hounsfield units (air −1000, soft tissue ~40, lungs ~−800,
 * spine ~700, mild noise); the lungs and spine change size along the series so slices differ.
 */
function ctPixels(size, index, count, rand) {
  const pixels = Buffer.alloc(size * size * 2);
  const z = count > 1 ? index / (count - 1) : 0.5;
  const c = size / 2;
  const lung = size * (0.1 + 0.08 * Math.sin(z * Math.PI));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = (x - c) / (size * 0.42);
      const dy = (y - c) / (size * 0.32);
      let hu = -1000;
      if (dx * dx + dy * dy <= 1) {
        hu = 40;
        const lx = Math.abs(x - c) - size * 0.17;
        const ly = y - c + size * 0.02;
        if (lx * lx + ly * ly < lung * lung) hu = -800;
        const sx = x - c;
        const sy = y - (c + size * 0.2);
        if (sx * sx + sy * sy < (size * (0.04 + 0.02 * z)) ** 2) hu = 700;
      }
      pixels.writeInt16LE(Math.round(hu + (rand() - 0.5) * 30), (y * size + x) * 2);
    }
  }
  return pixels;
}

/** A complete Part 10 file (preamble, meta group, CT image) for slice `index` of `count`. */
function dicomFile({ size, index, count, series, rand }) {
  const sopInstanceUID = `${UID_ROOT}.${series}.${index + 1}`;
  const metaBody = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', CT_IMAGE_STORAGE),
    element(0x0002, 0x0003, 'UI', sopInstanceUID),
    element(0x0002, 0x0010, 'UI', EXPLICIT_VR_LITTLE_ENDIAN),
    element(0x0002, 0x0012, 'UI', `${UID_ROOT}.1`),
  ]);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaBody.length);
  const spacing = 0.7;
  const dataSet = Buffer.concat([
    element(0x0008, 0x0016, 'UI', CT_IMAGE_STORAGE),
    element(0x0008, 0x0018, 'UI', sopInstanceUID),
    element(0x0008, 0x0060, 'CS', 'CT'),
    element(0x0018, 0x0050, 'DS', '1.25'),
    element(0x0020, 0x000d, 'UI', `${UID_ROOT}.${series}`),
    element(0x0020, 0x000e, 'UI', `${UID_ROOT}.${series}.0`),
    element(0x0020, 0x0013, 'IS', String(index + 1)),
    element(0x0020, 0x0032, 'DS', `${(-size * spacing) / 2}\\${(-size * spacing) / 2}\\${(index * 1.25).toFixed(2)}`),
    element(0x0020, 0x0037, 'DS', '1\\0\\0\\0\\1\\0'),
    element(0x0028, 0x0002, 'US', us(1)),
    element(0x0028, 0x0004, 'CS', 'MONOCHROME2'),
    element(0x0028, 0x0010, 'US', us(size)),
    element(0x0028, 0x0011, 'US', us(size)),
    element(0x0028, 0x0030, 'DS', `${spacing}\\${spacing}`),
    element(0x0028, 0x0100, 'US', us(16)),
    element(0x0028, 0x0101, 'US', us(16)),
    element(0x0028, 0x0102, 'US', us(15)),
    element(0x0028, 0x0103, 'US', us(1)),
    element(0x0028, 0x1050, 'DS', '40'),
    element(0x0028, 0x1051, 'DS', '400'),
    element(0x0028, 0x1052, 'DS', '0'),
    element(0x0028, 0x1053, 'DS', '1'),
    element(0x7fe0, 0x0010, 'OW', ctPixels(size, index, count, rand)),
  ]);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), element(0x0002, 0x0000, 'UL', groupLength), metaBody, dataSet]);
}

/**
 * `count` slices of `size`×`size` in `dir/dicom-<count>x<size>/`, written in shuffled order
 * of file names (the element orders them by InstanceNumber). Returns the file names in the
 * order the series lists them.
 */
export function makeDicomSeries(dir, { count, size = 256 }) {
  const folder = `dicom-${count}x${size}`;
  const path = join(dir, folder);
  const names = Array.from({ length: count }, (_, i) => `${folder}/slice-${String(i).padStart(4, '0')}.dcm`);
  if (existsSync(path) && readdirSync(path).length === count) return names;
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  const rand = random(11);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, names[i]), dicomFile({ size, index: i, count, series: count * 1000 + size, rand }));
  return names;
}

// ---- PDF ------------------------------------------------------------------------------------------

const WORDS = 'labelkit annotation page document review entity region label class object frame slice window level export import keyframe track series text select draw'.split(' ');

function pdfString(text) {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/**
 * A `pages`-page US Letter PDF 1.4 of plain text (Helvetica, 46 lines a page) with a correct
 * cross-reference table: offsets are byte positions, each entry 20 bytes.
 */
export function pdfBytes(pages, seed = 3) {
  const rand = random(seed);
  const chunks = [];
  let length = 0;
  const offsets = [];
  const write = (text) => {
    const buffer = Buffer.from(text, 'latin1');
    chunks.push(buffer);
    length += buffer.length;
  };
  const object = (id, body) => {
    offsets[id] = length;
    write(`${id} 0 obj\n${body}\nendobj\n`);
  };
  // 1 catalog, 2 page tree, 3 font, then per page: page (4 + 2i) and its content (5 + 2i).
  const pageId = (i) => 4 + 2 * i;
  write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${pageId(i)} 0 R`).join(' ')}] >>`);
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (let i = 0; i < pages; i++) {
    const lines = [`BT /F1 18 Tf 72 730 Td ${pdfString(`Page ${i + 1} of ${pages}`)} Tj ET`, 'BT /F1 10 Tf 13 TL 72 700 Td'];
    for (let line = 0; line < 46; line++) {
      const words = Array.from({ length: 9 + Math.floor(rand() * 6) }, () => WORDS[Math.floor(rand() * WORDS.length)]);
      lines.push(`${pdfString(`${line + 1}. ${words.join(' ')}.`)} Tj T*`);
    }
    lines.push('ET');
    const content = lines.join('\n');
    object(pageId(i), `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`);
    object(pageId(i) + 1, `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  }
  const size = 4 + 2 * pages;
  const xref = length;
  write(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let id = 1; id < size; id++) write(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

export function makePdf(dir, { pages }) {
  const name = `text-${pages}p.pdf`;
  const path = join(dir, name);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, pdfBytes(pages));
  }
  return name;
}

/** The compressions `makeCompressedDicomSeries` makes, and the tool each needs. */
export const DICOM_COMPRESSIONS = {
  'jpeg-lossless': { name: 'JPEG Lossless SV1', tool: 'dcmcjpeg', args: (from, to) => ['+e1', from, to], package: 'dcmtk' },
  jpeg2000: { name: 'JPEG 2000 Lossless', tool: 'gdcmconv', args: (from, to) => ['--j2k', from, to], package: 'libgdcm-tools' },
};

export function hasTool(tool) {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The series of `makeDicomSeries`, every file compressed with `compression` (a key of
 * DICOM_COMPRESSIONS) into `dir/dicom-<count>x<size>-<compression>/`. Returns the file names,
 * or undefined when the tool is not installed.
 */
export function makeCompressedDicomSeries(dir, { count, size = 256 }, compression) {
  const { tool, args } = DICOM_COMPRESSIONS[compression];
  const plain = makeDicomSeries(dir, { count, size });
  const folder = `dicom-${count}x${size}-${compression}`;
  const path = join(dir, folder);
  const names = plain.map((name) => `${folder}/${name.split('/').pop()}`);
  if (existsSync(path) && readdirSync(path).length === count) return names;
  if (!hasTool(tool)) return undefined;
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  plain.forEach((name, i) => execFileSync(tool, args(join(dir, name), join(dir, names[i])), { stdio: 'ignore' }));
  return names;
}
