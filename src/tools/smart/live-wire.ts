/**
 * Live-wire ("intelligent scissors"): the cheapest 8-connected pixel path from an anchor to the
 * pointer, where stepping onto a pixel costs little on a strong edge (Sobel gradient magnitude of
 * the picture's luma) and much on flat ground.
 *
 * Speed: Dijkstra runs once per anchor over a square window around it (`radius` pixels each way,
 * the gradient computed for that window only) and keeps the shortest-path tree; each pointer move
 * then only walks the tree back from the pointer, which costs the path's length, not the window's
 * area. Outside the window the wire is a straight line.
 */
import FlatQueue from 'flatqueue';
import type { Box, Point } from '../../core/model.js';
import { lumaOf, type PicturePixels } from './picture.js';

/** Cost of a step onto the flattest pixel; a step along the strongest edge in the window costs 1. */
const FLAT_COST = 40;

export interface LiveWireTree {
  anchor: Point;
  /** The window the tree covers, in plane pixels. */
  window: Box;
  /** For each window pixel, the index of the previous pixel on its path (-1: the anchor, -2: unreached). */
  parent: Int32Array;
}

/** Sobel gradient magnitude of `luma` over `box` (one pixel border clamped to the picture). */
function gradientMagnitude(luma: Uint8Array, width: number, height: number, box: Box): Float32Array {
  const out = new Float32Array(box.width * box.height);
  const at = (x: number, y: number) => luma[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
  for (let j = 0; j < box.height; j++) {
    const y = box.y + j;
    for (let i = 0; i < box.width; i++) {
      const x = box.x + i;
      const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      out[j * box.width + i] = Math.hypot(gx, gy);
    }
  }
  return out;
}

/** The pixel with the strongest edge within `radius` of `point` (where a clicked anchor lands). */
export function snapToEdge(picture: PicturePixels, point: Point, radius: number): Point {
  const r = Math.max(0, Math.round(radius));
  const cx = Math.floor(point[0]);
  const cy = Math.floor(point[1]);
  const box = clampBox({ x: cx - r, y: cy - r, width: 2 * r + 1, height: 2 * r + 1 }, picture);
  if (box.width <= 0 || box.height <= 0) return point;
  const magnitude = gradientMagnitude(lumaOf(picture), picture.width, picture.height, box);
  let best = -1;
  let bestValue = 0;
  for (let i = 0; i < magnitude.length; i++) {
    const dx = box.x + (i % box.width) - cx;
    const dy = box.y + Math.floor(i / box.width) - cy;
    // Nearer pixels win ties, so a flat neighbourhood keeps the click where it was.
    const value = magnitude[i]! - 1e-3 * Math.hypot(dx, dy);
    if (magnitude[i]! > 0 && value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  if (best < 0) return point;
  return [box.x + (best % box.width) + 0.5, box.y + Math.floor(best / box.width) + 0.5];
}

function clampBox(box: Box, size: { width: number; height: number }): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, width: Math.min(size.width, box.x + box.width) - x, height: Math.min(size.height, box.y + box.height) - y };
}

/** The shortest-path tree from `anchor` over the window of `radius` pixels around it. */
export function liveWireTree(picture: PicturePixels, anchor: Point, radius: number): LiveWireTree {
  const ax = Math.min(picture.width - 1, Math.max(0, Math.floor(anchor[0])));
  const ay = Math.min(picture.height - 1, Math.max(0, Math.floor(anchor[1])));
  const window = clampBox({ x: ax - radius, y: ay - radius, width: 2 * radius + 1, height: 2 * radius + 1 }, picture);
  const { width: w, height: h } = window;
  const magnitude = gradientMagnitude(lumaOf(picture), picture.width, picture.height, window);
  let strongest = 0;
  for (let i = 0; i < magnitude.length; i++) if (magnitude[i]! > strongest) strongest = magnitude[i]!;
  const cost = new Float32Array(magnitude.length);
  for (let i = 0; i < cost.length; i++) cost[i] = 1 + (FLAT_COST - 1) * (strongest > 0 ? 1 - magnitude[i]! / strongest : 1);
  const parent = new Int32Array(w * h).fill(-2);
  const distance = new Float64Array(w * h).fill(Infinity);
  const done = new Uint8Array(w * h);
  const queue = new FlatQueue<number>();
  const start = (ay - window.y) * w + (ax - window.x);
  distance[start] = 0;
  parent[start] = -1;
  queue.push(start, 0);
  while (queue.length > 0) {
    const here = queue.pop()!;
    if (done[here]) continue;
    done[here] = 1;
    const x = here % w;
    const y = (here - x) / w;
    const base = distance[here]!;
    for (let dy = -1; dy <= 1; dy++) {
      const ny = y + dy;
      if (ny < 0 || ny >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        if ((dx === 0 && dy === 0) || nx < 0 || nx >= w) continue;
        const there = ny * w + nx;
        if (done[there]) continue;
        const step = base + cost[there]! * (dx !== 0 && dy !== 0 ? Math.SQRT2 : 1);
        if (step < distance[there]!) {
          distance[there] = step;
          parent[there] = here;
          queue.push(there, step);
        }
      }
    }
  }
  return { anchor: [ax + 0.5, ay + 0.5], window, parent };
}

/**
 * The wire from the tree's anchor to `target` (pixel centres, anchor first, `target`'s pixel last),
 * or a straight segment when `target` lies outside the window.
 */
export function wireTo(tree: LiveWireTree, target: Point): Point[] {
  const { window: box, parent } = tree;
  const tx = Math.floor(target[0]) - box.x;
  const ty = Math.floor(target[1]) - box.y;
  if (tx < 0 || ty < 0 || tx >= box.width || ty >= box.height || parent[ty * box.width + tx] === -2) return [tree.anchor, target];
  const path: Point[] = [];
  for (let i = ty * box.width + tx; i >= 0; i = parent[i]!) path.push([box.x + (i % box.width) + 0.5, box.y + Math.floor(i / box.width) + 0.5]);
  return path.reverse();
}
