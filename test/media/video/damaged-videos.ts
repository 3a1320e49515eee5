/**
 * Damaged copies of the real video fixtures, made at test time: the kinds of damage real files
 * arrive with (a download cut off, a range of bytes lost), never downloaded or committed.
 */

/** A copy with bytes `[start, end)` set to zero (a lost range: the file keeps its size and index). */
export function zeroedRange(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const copy = bytes.slice();
  copy.fill(0, start, end);
  return copy;
}

interface Box {
  type: string;
  start: number;
  size: number;
}

function boxesIn(bytes: Uint8Array, start: number, end: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  for (let at = start; at + 8 <= end; ) {
    const size = view.getUint32(at);
    if (size < 8) throw new Error(`mp4 box at ${at}: size ${size} (64-bit sizes are not handled here)`);
    boxes.push({ type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), start: at, size });
    at += size;
  }
  return boxes;
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);

/** Adds `delta` to every chunk offset (`stco`, `co64`) inside `moov` (in place). */
function shiftChunkOffsets(moov: Uint8Array, delta: number): void {
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  const visit = (start: number, end: number) => {
    for (const box of boxesIn(moov, start, end)) {
      if (CONTAINERS.has(box.type)) visit(box.start + 8, box.start + box.size);
      const count = box.type === 'stco' || box.type === 'co64' ? view.getUint32(box.start + 12) : 0;
      for (let i = 0; i < count; i++) {
        if (box.type === 'stco') view.setUint32(box.start + 16 + i * 4, view.getUint32(box.start + 16 + i * 4) + delta);
        else view.setBigUint64(box.start + 16 + i * 8, view.getBigUint64(box.start + 16 + i * 8) + BigInt(delta));
      }
    }
  };
  visit(8, moov.length);
}

/**
 * An MP4 with its index and no frame data: the file rewritten with `moov` first (as a streaming
 * "fast start" file is) and cut off right after the `mdat` header, as a download that stopped
 * there. The index still describes every frame.
 */
export function mp4IndexOnly(bytes: Uint8Array): Uint8Array {
  const boxes = boxesIn(bytes, 0, bytes.length);
  const moovBox = boxes.find((b) => b.type === 'moov');
  const mdatBox = boxes.find((b) => b.type === 'mdat');
  if (!moovBox || !mdatBox) throw new Error('no moov or mdat');
  const before = boxes.filter((b) => b !== moovBox && b.start < mdatBox.start);
  const headLength = before.reduce((sum, b) => sum + b.size, 0);
  const moov = bytes.slice(moovBox.start, moovBox.start + moovBox.size);
  shiftChunkOffsets(moov, headLength + moov.length - mdatBox.start);
  const out = new Uint8Array(headLength + moov.length + 8);
  let at = 0;
  for (const box of before) {
    out.set(bytes.subarray(box.start, box.start + box.size), at);
    at += box.size;
  }
  out.set(moov, at);
  out.set(bytes.subarray(mdatBox.start, mdatBox.start + 8), at + moov.length);
  return out;
}

/** Matroska's Cluster element id: where a WebM's frame data starts. */
const WEBM_CLUSTER_ID = [0x1f, 0x43, 0xb6, 0x75];

/**
 * A WebM with its header, tracks and cues and no frame data: cut off a little way into the first
 * cluster (before its first frame is complete), as a download that stopped there.
 */
export function webmIndexOnly(bytes: Uint8Array): Uint8Array {
  const cluster = bytes.findIndex((_, i) => WEBM_CLUSTER_ID.every((byte, k) => bytes[i + k] === byte));
  if (cluster < 0) throw new Error('no cluster');
  return bytes.slice(0, cluster + 64);
}
