/**
 * "Fill between slices": the brush masks of the slices between two painted ones, by shape-based
 * interpolation. Each mask becomes a signed distance map (positive inside, in pixels, exact
 * Euclidean distances by Felzenszwalb & Huttenlocher's separable transform); the maps of the two
 * ends are blended linearly and a pixel is painted where the blend is positive. Plain blending
 * loses a shape that moves further than its own size between the ends (the two maps never agree on
 * "inside"), so the two shapes are first aligned on their centroids and the blended shape is put at
 * the linearly interpolated centroid: the shape morphs while it travels.
 */

const FAR = 1e20;

/** Squared distances along one line: f holds 0 at sites and FAR elsewhere (in place, via scratch arrays). */
function transform1d(f: Float64Array, n: number, out: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const d = q - v[k]!;
    out[q] = d * d + f[v[k]!]!;
  }
}

/** Euclidean distance from each pixel to the nearest pixel where `site(i)` holds (FAR² when none). */
function distanceTo(width: number, height: number, site: (i: number) => boolean): Float64Array {
  const grid = new Float64Array(width * height);
  for (let i = 0; i < grid.length; i++) grid[i] = site(i) ? 0 : FAR;
  const size = Math.max(width, height);
  const f = new Float64Array(size);
  const out = new Float64Array(size);
  const v = new Int32Array(size);
  const z = new Float64Array(size + 1);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = grid[y * width + x]!;
    transform1d(f, height, out, v, z);
    for (let y = 0; y < height; y++) grid[y * width + x] = out[y]!;
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) f[x] = grid[y * width + x]!;
    transform1d(f, width, out, v, z);
    for (let x = 0; x < width; x++) grid[y * width + x] = Math.sqrt(out[x]!);
  }
  return grid;
}

/** Signed distance: positive inside the mask (to the nearest outside pixel), negative outside. */
export function signedDistance(mask: Uint8Array, width: number, height: number): Float64Array {
  const toInside = distanceTo(width, height, (i) => mask[i] !== 0);
  const toOutside = distanceTo(width, height, (i) => mask[i] === 0);
  const out = new Float64Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = mask[i] ? toOutside[i]! : -toInside[i]!;
  return out;
}

/** Centre of the painted pixels, undefined for an empty mask. */
export function maskCentroid(mask: Uint8Array, width: number): [number, number] | undefined {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    sx += i % width;
    sy += Math.floor(i / width);
    n++;
  }
  return n ? [sx / n, sy / n] : undefined;
}

export interface MaskEnd {
  mask: Uint8Array;
  distance: Float64Array;
  centroid: [number, number];
}

/** What interpolation needs of a painted mask; undefined for an empty one. */
export function maskEnd(mask: Uint8Array, width: number, height: number): MaskEnd | undefined {
  const centroid = maskCentroid(mask, width);
  return centroid && { mask, distance: signedDistance(mask, width, height), centroid };
}

/**
 * The mask a fraction `t` (0 < t < 1) of the way from `a` to `b`, both `width` × `height`:
 * centroid-aligned signed distances blended `(1 − t)·a + t·b`, painted where positive.
 */
export function interpolateMask(a: MaskEnd, b: MaskEnd, width: number, height: number, t: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const cx = a.centroid[0] + (b.centroid[0] - a.centroid[0]) * t;
  const cy = a.centroid[1] + (b.centroid[1] - a.centroid[1]) * t;
  const sample = (end: MaskEnd, x: number, y: number) => {
    const sx = Math.round(x - cx + end.centroid[0]);
    const sy = Math.round(y - cy + end.centroid[1]);
    if (sx < 0 || sy < 0 || sx >= width || sy >= height) return -Math.max(width, height);
    return end.distance[sy * width + sx]!;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((1 - t) * sample(a, x, y) + t * sample(b, x, y) > 0) out[y * width + x] = 1;
    }
  }
  return out;
}
