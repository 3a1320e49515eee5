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

export function lumaOf(picture: PicturePixels): Uint8Array {
  let luma = lumaCache.get(picture);
  if (luma) return luma;
  const { rgba } = picture;
  luma = new Uint8Array(picture.width * picture.height);
  for (let i = 0, j = 0; i < luma.length; i++, j += 4) luma[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  lumaCache.set(picture, luma);
  return luma;
}
