/**
 * An image asset decoded into something a canvas renderer can texture. The bytes come through the
 * asset loader (signed URL byte for byte, hooks, error codes); decoding happens off the main
 * thread with `createImageBitmap`, with EXIF orientation applied as an `<img>` would.
 */
import { LabelkitError } from '../core/errors.js';
import type { AssetLoader } from './asset-loader.js';

const UNSUPPORTED = 'The file is not an image this browser can decode.';

/** SVG has no bitmap decoder: an `<img>` rasterises it (sandboxed: no scripts run in it). */
async function decodeSvg(blob: Blob): Promise<ImageBitmap> {
  const objectUrl = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = objectUrl;
    await img.decode();
    if (!img.naturalWidth || !img.naturalHeight) throw new Error('no intrinsic size');
    return await createImageBitmap(img);
  } finally {
    URL.revokeObjectURL(objectUrl);
  }
}

async function decode(blob: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (error) {
    if (blob.type.startsWith('image/svg')) return decodeSvg(blob);
    throw error;
  }
}

/**
 * Fetches and decodes the loader's image. The bitmap's `width`/`height` are the natural size
 * (after EXIF orientation); the caller owns it and should `close()` it when done.
 * Loader errors pass through; a body that is not a decodable image → `asset-unsupported`;
 * an abort rejects with the signal's reason and closes any bitmap already decoded.
 */
export async function loadImage(loader: AssetLoader, signal?: AbortSignal): Promise<ImageBitmap> {
  const blob = await loader.fetchBlob(signal ? { signal } : {});
  signal?.throwIfAborted();
  let bitmap: ImageBitmap;
  try {
    bitmap = await decode(blob);
  } catch {
    throw new LabelkitError({ code: 'asset-unsupported', message: UNSUPPORTED });
  }
  if (signal?.aborted) {
    bitmap.close();
    signal.throwIfAborted();
  }
  return bitmap;
}
