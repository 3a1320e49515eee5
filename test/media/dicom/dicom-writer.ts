/**
 * A tiny DICOM Part 10 writer for synthetic test files (Explicit VR Little/Big Endian, Implicit
 * VR Little Endian), independent of the code under test. Elements must be given in tag order.
 */
export interface WriteElement {
  tag: [number, number];
  vr: string;
  /** Strings are padded to even length; numbers are written per the VR; bytes are written as is. */
  value: string | number[] | Uint8Array;
}

export type Syntax = 'explicit-le' | 'explicit-be' | 'implicit-le';

const SYNTAX_UID: Record<Syntax, string> = {
  'explicit-le': '1.2.840.10008.1.2.1',
  'explicit-be': '1.2.840.10008.1.2.2',
  'implicit-le': '1.2.840.10008.1.2',
};

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN', 'OD', 'OL', 'UC', 'UR']);

export function writeDicom(elements: WriteElement[], syntax: Syntax, transferSyntaxUid = SYNTAX_UID[syntax]): Uint8Array {
  const meta = encodeElements([{ tag: [0x0002, 0x0010], vr: 'UI', value: transferSyntaxUid }], true, true);
  const groupLength = encodeElements([{ tag: [0x0002, 0x0000], vr: 'UL', value: [meta.length] }], true, true);
  const body = encodeElements(elements, syntax !== 'implicit-le', syntax !== 'explicit-be');
  const out = new Uint8Array(132 + groupLength.length + meta.length + body.length);
  out.set([0x44, 0x49, 0x43, 0x4d], 128);
  out.set(groupLength, 132);
  out.set(meta, 132 + groupLength.length);
  out.set(body, 132 + groupLength.length + meta.length);
  return out;
}

function encodeValue(element: WriteElement, little: boolean): Uint8Array {
  const { vr, value } = element;
  if (value instanceof Uint8Array) return value.length % 2 ? concat([value, new Uint8Array([0])]) : value;
  if (typeof value === 'string') {
    const padded = value.length % 2 ? value + (vr === 'UI' ? '\0' : ' ') : value;
    return new TextEncoder().encode(padded);
  }
  const size = vr === 'US' || vr === 'SS' || vr === 'OW' ? 2 : 4;
  const bytes = new Uint8Array(value.length * size);
  const view = new DataView(bytes.buffer);
  value.forEach((v, i) => {
    if (vr === 'US' || vr === 'OW') view.setUint16(i * 2, v, little);
    else if (vr === 'SS') view.setInt16(i * 2, v, little);
    else if (vr === 'SL') view.setInt32(i * 4, v, little);
    else view.setUint32(i * 4, v, little);
  });
  return bytes;
}

function encodeElements(elements: WriteElement[], explicit: boolean, little: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const element of elements) {
    const value = encodeValue(element, little);
    const longForm = LONG_VRS.has(element.vr);
    const header = new Uint8Array(explicit ? (longForm ? 12 : 8) : 8);
    const view = new DataView(header.buffer);
    view.setUint16(0, element.tag[0], little);
    view.setUint16(2, element.tag[1], little);
    if (!explicit) view.setUint32(4, value.length, little);
    else {
      header[4] = element.vr.charCodeAt(0);
      header[5] = element.vr.charCodeAt(1);
      if (longForm) view.setUint32(8, value.length, little);
      else view.setUint16(6, value.length, little);
    }
    parts.push(header, value);
  }
  return concat(parts);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The image attributes every synthetic file needs, in tag order around the caller's extras. */
export function imageElements(options: {
  rows: number;
  columns: number;
  samplesPerPixel?: number;
  photometric?: string;
  planar?: number;
  frames?: number;
  bitsAllocated?: number;
  bitsStored?: number;
  highBit?: number;
  signed?: boolean;
  extra28?: WriteElement[];
  pixelData: Uint8Array;
  pixelVr?: string;
  before?: WriteElement[];
}): WriteElement[] {
  const bitsAllocated = options.bitsAllocated ?? 16;
  const bitsStored = options.bitsStored ?? bitsAllocated;
  const elements: WriteElement[] = [
    { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.3.4.5' },
    { tag: [0x0010, 0x0010], vr: 'PN', value: 'Doe^Jane' },
    ...(options.before ?? []),
    { tag: [0x0028, 0x0002], vr: 'US', value: [options.samplesPerPixel ?? 1] },
    { tag: [0x0028, 0x0004], vr: 'CS', value: options.photometric ?? 'MONOCHROME2' },
  ];
  if (options.planar !== undefined) elements.push({ tag: [0x0028, 0x0006], vr: 'US', value: [options.planar] });
  if (options.frames !== undefined) elements.push({ tag: [0x0028, 0x0008], vr: 'IS', value: String(options.frames) });
  elements.push(
    { tag: [0x0028, 0x0010], vr: 'US', value: [options.rows] },
    { tag: [0x0028, 0x0011], vr: 'US', value: [options.columns] },
    { tag: [0x0028, 0x0100], vr: 'US', value: [bitsAllocated] },
    { tag: [0x0028, 0x0101], vr: 'US', value: [bitsStored] },
    { tag: [0x0028, 0x0102], vr: 'US', value: [options.highBit ?? bitsStored - 1] },
    { tag: [0x0028, 0x0103], vr: 'US', value: [options.signed ? 1 : 0] },
    ...(options.extra28 ?? []),
    { tag: [0x7fe0, 0x0010], vr: options.pixelVr ?? (bitsAllocated === 8 ? 'OB' : 'OW'), value: options.pixelData },
  );
  return elements;
}

/** Little- or big-endian 16-bit words. */
export function words16(values: number[], little = true): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setUint16(i * 2, v & 0xffff, little));
  return bytes;
}

/**
 * A flat `size`² (default 64) MONOCHROME2 slice of `value` for series: Instance Number `instance`,
 * SOP Instance UID `sop` (default `1.2.3.<instance>`), and a square PixelSpacing when `spacing` is given.
 */
export function flatSlice(options: { value: number; instance: number; size?: number; sop?: string; spacing?: number }): Uint8Array {
  const { value, instance, size = 64, sop = `1.2.3.${instance}`, spacing } = options;
  const elements = imageElements({
    before: [{ tag: [0x0020, 0x0013], vr: 'IS', value: String(instance) }],
    rows: size,
    columns: size,
    pixelData: words16(new Array<number>(size * size).fill(value)),
    ...(spacing === undefined ? {} : { extra28: [{ tag: [0x0028, 0x0030], vr: 'DS', value: `${spacing}\\${spacing}` }] }),
  });
  elements[0] = { tag: [0x0008, 0x0018], vr: 'UI', value: sop };
  return writeDicom(elements, 'explicit-le');
}
