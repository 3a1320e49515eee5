/**
 * Masks ↔ labelkit segmentation zones, exactly: a pixel belongs to a zone when its centre lies
 * inside the region and outside its holes (even-odd), and a traced mask's zones follow pixel
 * edges, so rasterising what `traceMask` gives reproduces the mask pixel for pixel.
 */
import type { Point, Zone } from '../../core/model.js';

/** Row-major mask `width × height` of the union of the zones (pixel centres inside a region, outside its holes). */
export function rasterizeZones(zones: readonly Zone[], width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const crossings: number[] = [];
  for (const zone of zones) {
    const rings = [zone.region, ...zone.holes];
    let minY = Infinity;
    let maxY = -Infinity;
    for (const [, y] of zone.region) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const fromRow = Math.max(0, Math.ceil(minY - 0.5));
    const toRow = Math.min(height - 1, Math.floor(maxY - 0.5));
    for (let row = fromRow; row <= toRow; row++) {
      const cy = row + 0.5;
      crossings.length = 0;
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!;
          const [xj, yj] = ring[j]!;
          if (yi > cy !== yj > cy) crossings.push(xi + ((cy - yi) * (xj - xi)) / (yj - yi));
        }
      }
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        // Pixel centres x + 0.5 within [left, right).
        const from = Math.max(0, Math.ceil(crossings[k]! - 0.5));
        const to = Math.min(width - 1, Math.ceil(crossings[k + 1]! - 0.5) - 1);
        for (let x = from; x <= to; x++) mask[row * width + x] = 1;
      }
    }
  }
  return mask;
}

/** Twice the signed area of a ring (positive: clockwise on a y-down screen). */
function signedArea2(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum;
}

function inside([px, py]: Point, ring: readonly Point[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > py !== yj > py && px < xi + ((py - yi) * (xj - xi)) / (yj - yi)) hit = !hit;
  }
  return hit;
}

/** Four mask bytes of 1 read as one 32-bit word (either byte order). */
const ALL_FOUR_SET = 0x01010101;

/**
 * A mask's set pixels as runs, row by row: row `y`'s runs are `spans[2k]` to `spans[2k + 1]`
 * (first and last pixel, inclusive) for `start[y] <= k < start[y + 1]`, in increasing x, none
 * overlapping. The fill that made the mask knows them; with them the tracer skips the insides.
 */
export interface MaskRows {
  start: Int32Array;
  spans: Int32Array;
}

/**
 * The set pixels of a row-major mask as zones whose rings run along pixel edges: one zone per
 * outer boundary, with the holes inside it. Diagonal neighbours are separate boundaries (the
 * walk turns right at a corner both ways could take), which keeps every ring simple.
 * With `rows` (the mask's runs, exactly its set pixels) only the pixels that can lie on a
 * boundary are looked at: the ends of each run and the pixels whose row above or below differs.
 */
export function traceMask(mask: Uint8Array, width: number, height: number, rows?: MaskRows): Zone[] {
  const W = width + 1;
  // Directed edges with the set pixel on their right (clockwise round a pixel, y down), keyed by start corner.
  const next = new Map<number, number[]>();
  const add = (from: number, to: number) => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  // The edges of one pixel. Pixels must be visited in row-major order (the order of the edges
  // decides where each ring starts); skipping pixels that add none changes nothing.
  const edgesOf = (x: number, y: number, row: number) => {
    if (mask[row + x] === 0) return;
    const up = y > 0 && mask[row - width + x] !== 0;
    const down = y + 1 < height && mask[row + width + x] !== 0;
    const left = x > 0 && mask[row + x - 1] !== 0;
    const right = x + 1 < width && mask[row + x + 1] !== 0;
    if (up && down && left && right) return;
    const topLeft = y * W + x;
    const bottomLeft = topLeft + W;
    if (!up) add(topLeft, topLeft + 1);
    if (!right) add(topLeft + 1, bottomLeft + 1);
    if (!down) add(bottomLeft + 1, bottomLeft);
    if (!left) add(bottomLeft, topLeft);
  };
  if (rows) edgesOfRuns(rows, height, width, edgesOf);
  else {
    // Neighbours read by index (no per-pixel bounds closure): a mask of a million pixels is scanned in milliseconds.
    // Where rows are whole 32-bit words, four pixels are skipped at once when none is set, or when all
    // four and their neighbours are set (a large region's inside): only boundary pixels add edges.
    const words = width % 4 === 0 && mask.byteOffset % 4 === 0 ? new Uint32Array(mask.buffer, mask.byteOffset, (width * height) / 4) : undefined;
    const wordsPerRow = width / 4;
    for (let y = 0; y < height; y++) {
      const row = y * width;
      const middleRow = y > 0 && y + 1 < height;
      for (let x = 0; x < width; x++) {
        if (words && (x & 3) === 0) {
          const k = (row + x) / 4;
          const four = words[k]!;
          if (four === 0) {
            x += 3;
            continue;
          }
          if (
            four === ALL_FOUR_SET &&
            middleRow &&
            words[k - wordsPerRow] === ALL_FOUR_SET &&
            words[k + wordsPerRow] === ALL_FOUR_SET &&
            x > 0 &&
            mask[row + x - 1] !== 0 &&
            x + 4 < width &&
            mask[row + x + 4] !== 0
          ) {
            x += 3;
            continue;
          }
        }
        edgesOf(x, y, row);
      }
    }
  }
  const rings: Point[][] = [];
  for (const [start, targets] of next) {
    while (targets.length > 0) {
      const ring: Point[] = [];
      let from = start;
      let to = targets.pop()!;
      for (;;) {
        ring.push([from % W, Math.floor(from / W)]);
        if (to === start) break;
        const options = next.get(to)!;
        let pick = 0;
        if (options.length > 1) {
          // At a corner two boundaries touch: take the right turn, relative to the way we came.
          const dx = (to % W) - (from % W);
          const dy = Math.floor(to / W) - Math.floor(from / W);
          pick = options.findIndex((t) => {
            const ex = (t % W) - (to % W);
            const ey = Math.floor(t / W) - Math.floor(to / W);
            return dx * ey - dy * ex > 0;
          });
          if (pick < 0) pick = 0;
        }
        from = to;
        to = options.splice(pick, 1)[0]!;
      }
      rings.push(withoutStraightCorners(ring));
    }
  }
  const outers: { region: Point[]; holes: Point[][]; area: number }[] = [];
  const holes: Point[][] = [];
  for (const ring of rings) {
    const area = signedArea2(ring);
    if (area > 0) outers.push({ region: ring, holes: [], area });
    else holes.push(ring);
  }
  for (const hole of holes) {
    // A set pixel beside the hole's first edge lies in the one zone this hole belongs to (the smallest around it).
    const [ax, ay] = hole[0]!;
    const [bx, by] = hole[1]!;
    const ux = Math.sign(bx - ax);
    const uy = Math.sign(by - ay);
    // The centre of the first pixel along the edge, on its right (the set side).
    const probe: Point = [ax + 0.5 * ux - 0.5 * uy, ay + 0.5 * uy + 0.5 * ux];
    let owner: (typeof outers)[number] | undefined;
    for (const outer of outers) if (inside(probe, outer.region) && (!owner || outer.area < owner.area)) owner = outer;
    owner?.holes.push(hole);
  }
  return outers.map(({ region, holes: h }) => ({ region, holes: h }));
}

/** Drops corners where the ring goes straight on. */
function withoutStraightCorners(ring: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const prev = ring[(i + ring.length - 1) % ring.length]!;
    const cur = ring[i]!;
    const nxt = ring[(i + 1) % ring.length]!;
    const cross = (cur[0] - prev[0]) * (nxt[1] - cur[1]) - (cur[1] - prev[1]) * (nxt[0] - cur[0]);
    if (cross !== 0) out.push(cur);
  }
  return out;
}

/**
 * Calls `edgesOf` for every pixel of the runs that can lie on a boundary, row by row in increasing
 * x: a run's first and last pixel, and those inside it not covered by a run of both the row above
 * and the row below (a pixel inside a run has both side neighbours set).
 */
function edgesOfRuns({ start, spans }: MaskRows, height: number, width: number, edgesOf: (x: number, y: number, row: number) => void): void {
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // Cursors into the runs of the rows above and below (both move right only).
    let above = y > 0 ? start[y - 1]! : 0;
    const aboveEnd = y > 0 ? start[y]! : 0;
    let below = y + 1 < height ? start[y + 1]! : 0;
    const belowEnd = y + 1 < height ? start[y + 2]! : 0;
    for (let k = start[y]!; k < start[y + 1]!; k++) {
      const left = spans[2 * k]!;
      const right = spans[2 * k + 1]!;
      edgesOf(left, y, row);
      let x = left + 1;
      while (x < right) {
        while (above < aboveEnd && spans[2 * above + 1]! < x) above++;
        while (below < belowEnd && spans[2 * below + 1]! < x) below++;
        const coveredAbove = above < aboveEnd && spans[2 * above]! <= x;
        const coveredBelow = below < belowEnd && spans[2 * below]! <= x;
        if (coveredAbove && coveredBelow) {
          // Inside: skip to where the row above or below stops covering (or the run ends).
          x = Math.min(spans[2 * above + 1]!, spans[2 * below + 1]!, right - 1) + 1;
          continue;
        }
        // Up to where the row above or below starts covering again, every pixel may be on the boundary.
        let until = right;
        if (!coveredAbove && above < aboveEnd) until = Math.min(until, spans[2 * above]!);
        if (!coveredBelow && below < belowEnd) until = Math.min(until, spans[2 * below]!);
        if (coveredAbove) until = Math.min(until, spans[2 * above + 1]! + 1);
        if (coveredBelow) until = Math.min(until, spans[2 * below + 1]! + 1);
        for (; x < until; x++) edgesOf(x, y, row);
      }
      if (right > left) edgesOf(right, y, row);
    }
  }
}
