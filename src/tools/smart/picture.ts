/**
 * The picture under the shapes, as the smart tools read it: RGBA bytes of the current plane at
 * asset resolution (one asset pixel per picture pixel). The surface reads it from its background
 * (`ToolContext.picturePixels`); the tools never touch the DOM.
 */
export interface PicturePixels {
  width: number;
  height: number;
  /** Row-major RGBA, 4 bytes per pixel. */
  rgba: Uint8ClampedArray;
}

/** Luma (Rec. 601, integer) of every pixel, computed once per picture and kept beside it. */
const lumaCache = new WeakMap<PicturePixels, Uint8Array>();

function lumaRange(rgba: Uint8ClampedArray, luma: Uint8Array, from: number, to: number): void {
  for (let i = from, j = from * 4; i < to; i++, j += 4) luma[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
}

export function lumaOf(picture: PicturePixels): Uint8Array {
  let luma = lumaCache.get(picture);
  if (luma) return luma;
  luma = new Uint8Array(picture.width * picture.height);
  lumaRange(picture.rgba, luma, 0, luma.length);
  lumaCache.set(picture, luma);
  return luma;
}

/** Pixels converted per step by `lumaInSteps`. */
const LUMA_STEP = 1_000_000;

/**
 * Like `lumaOf`, a million pixels per step, awaiting `nextStep()` between steps (the surface
 * yields a task there), so a 12-megapixel picture never blocks the page for long.
 */
export async function lumaInSteps(picture: PicturePixels, nextStep: () => Promise<void>): Promise<Uint8Array> {
  const cached = lumaCache.get(picture);
  if (cached) return cached;
  const luma = new Uint8Array(picture.width * picture.height);
  for (let from = 0; from < luma.length; from += LUMA_STEP) {
    lumaRange(picture.rgba, luma, from, Math.min(luma.length, from + LUMA_STEP));
    await nextStep();
    // lumaOf ran meanwhile (a click could not wait): keep its copy.
    const done = lumaCache.get(picture);
    if (done) return done;
  }
  lumaCache.set(picture, luma);
  return luma;
}
