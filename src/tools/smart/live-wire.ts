/**
 * Live-wire ("intelligent scissors"): the cheapest 8-connected pixel path from an anchor to the
 * pointer, where stepping onto a pixel costs little on a strong edge (Sobel gradient magnitude of
 * the picture's luma) and much on flat ground.
 *
 * Speed: the shortest-path tree grows from the anchor only as far as the pointer has been
 * (Dijkstra kept between pointer moves, "live-wire on the fly"), over a square window around the
 * anchor, with integer step costs in a bucket queue (Dial's algorithm: O(1) per push and pop).
 * Costs are computed per pixel when the tree first reaches it. A move to a pixel the tree already
 * holds only walks the tree back: the path's length, not the window's area. Outside the window
 * the wire is a straight line.
 */
import type { Box, Point } from '../../core/model.js';
import { lumaOf, type PicturePixels } from './picture.js';

/** Step costs: 1 on an edge at least EDGE_STRENGTH strong, up to FLAT_COST on flat ground (× 10 straight, × 14 diagonal). */
const FLAT_COST = 40;
/** Sobel magnitude of a step of ~100 grey levels: edges this strong or stronger cost the least. */
const EDGE_STRENGTH = 400;
const STRAIGHT = 10;
const DIAGONAL = 14;
const BUCKETS = FLAT_COST * DIAGONAL + 1;
const UNREACHED = -2;

function clampBox(box: Box, size: { width: number; height: number }): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, width: Math.min(size.width, box.x + box.width) - x, height: Math.min(size.height, box.y + box.height) - y };
}

/** Sobel gradient magnitude of `luma` at (x, y), the border clamped to the picture. */
function sobel(luma: Uint8Array, width: number, height: number, x: number, y: number): number {
  const x0 = x > 0 ? x - 1 : 0;
  const x1 = x + 1 < width ? x + 1 : x;
  const r0 = (y > 0 ? y - 1 : 0) * width;
  const r1 = y * width;
  const r2 = (y + 1 < height ? y + 1 : y) * width;
  const gx = luma[r0 + x1]! + 2 * luma[r1 + x1]! + luma[r2 + x1]! - luma[r0 + x0]! - 2 * luma[r1 + x0]! - luma[r2 + x0]!;
  const gy = luma[r2 + x0]! + 2 * luma[r2 + x]! + luma[r2 + x1]! - luma[r0 + x0]! - 2 * luma[r0 + x]! - luma[r0 + x1]!;
  return Math.sqrt(gx * gx + gy * gy);
}

/** The pixel with the strongest edge within `radius` of `point` (where a clicked anchor lands). */
export function snapToEdge(picture: PicturePixels, point: Point, radius: number): Point {
  const r = Math.max(0, Math.round(radius));
  const cx = Math.floor(point[0]);
  const cy = Math.floor(point[1]);
  const box = clampBox({ x: cx - r, y: cy - r, width: 2 * r + 1, height: 2 * r + 1 }, picture);
  const luma = lumaOf(picture);
  let best: Point | undefined;
  let bestValue = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const magnitude = sobel(luma, picture.width, picture.height, x, y);
      // Nearer pixels win ties, so a flat neighbourhood keeps the click where it was.
      const value = magnitude - 1e-3 * Math.hypot(x - cx, y - cy);
      if (magnitude > 0 && value > bestValue) {
        bestValue = value;
        best = [x + 0.5, y + 0.5];
      }
    }
  }
  return best ?? point;
}

export interface LiveWire {
  /** The anchor's pixel centre. */
  readonly anchor: Point;
  /** The wire from the anchor to `target` (pixel centres, anchor first), or a straight segment outside the window. */
  wireTo(target: Point): Point[];
}

/** A live wire from `anchor` over the window of `radius` pixels around it. */
export function liveWire(picture: PicturePixels, anchor: Point, radius: number): LiveWire {
  const luma = lumaOf(picture);
  const ax = Math.min(picture.width - 1, Math.max(0, Math.floor(anchor[0])));
  const ay = Math.min(picture.height - 1, Math.max(0, Math.floor(anchor[1])));
  const box = clampBox({ x: ax - radius, y: ay - radius, width: 2 * radius + 1, height: 2 * radius + 1 }, picture);
  const w = box.width;
  const h = box.height;
  const size = w * h;
  const parent = new Int32Array(size).fill(UNREACHED);
  const distance = new Int32Array(size).fill(0x7fffffff);
  const done = new Uint8Array(size);
  /** Cost of stepping onto each pixel (1…FLAT_COST), 0 until first needed. */
  const cost = new Uint8Array(size);
  const buckets: number[][] = Array.from({ length: BUCKETS }, () => []);
  let current = 0;
  let queued = 1;
  const start = (ay - box.y) * w + (ax - box.x);
  distance[start] = 0;
  parent[start] = -1;
  buckets[0]!.push(start);

  const costOf = (i: number): number => {
    let c = cost[i]!;
    if (c === 0) {
      const x = i % w;
      const magnitude = sobel(luma, picture.width, picture.height, box.x + x, box.y + (i - x) / w);
      c = 1 + Math.round((FLAT_COST - 1) * (1 - Math.min(magnitude, EDGE_STRENGTH) / EDGE_STRENGTH));
      cost[i] = c;
    }
    return c;
  };

  /** Grows the tree until `target` is settled (or the window is exhausted). */
  function growUntil(target: number): void {
    while (!done[target] && queued > 0) {
      let bucket = buckets[current % BUCKETS]!;
      while (bucket.length === 0) bucket = buckets[++current % BUCKETS]!;
      const here = bucket.pop()!;
      queued--;
      if (done[here] || distance[here] !== current) continue;
      done[here] = 1;
      const x = here % w;
      const y = (here - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if ((dx === 0 && dy === 0) || nx < 0 || nx >= w) continue;
          const there = ny * w + nx;
          if (done[there]) continue;
          const step = current + costOf(there) * (dx !== 0 && dy !== 0 ? DIAGONAL : STRAIGHT);
          if (step < distance[there]!) {
            distance[there] = step;
            parent[there] = here;
            buckets[step % BUCKETS]!.push(there);
            queued++;
          }
        }
      }
    }
  }

  const anchorPoint: Point = [ax + 0.5, ay + 0.5];
  return {
    anchor: anchorPoint,
    wireTo(target: Point): Point[] {
      const tx = Math.floor(target[0]) - box.x;
      const ty = Math.floor(target[1]) - box.y;
      if (tx < 0 || ty < 0 || tx >= w || ty >= h) return [anchorPoint, target];
      const goal = ty * w + tx;
      growUntil(goal);
      if (parent[goal] === UNREACHED) return [anchorPoint, target];
      const path: Point[] = [];
      for (let i = goal; i >= 0; i = parent[i]!) path.push([box.x + (i % w) + 0.5, box.y + Math.floor(i / w) + 0.5]);
      return path.reverse();
    },
  };
}
