/**
 * Byte ranges of an asset through the host contract (`AssetLoader.fetch`: signed-URL refresh on
 * expiry and 403 included), for readers that need parts of a file before all of it: the video
 * container probe and pdf.js's range requests.
 */
import { LabelkitError } from '../core/errors.js';
import { downloadInterrupted, type AssetLoader } from './asset-loader.js';

export function concatBytes(parts: readonly Uint8Array[], length = parts.reduce((sum, part) => sum + part.length, 0)): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === length) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part.subarray(0, length - at), at);
    at += Math.min(part.length, length - at);
  }
  return out;
}

/** `bytes 0-65535/1234567` → its first byte and the file's size (NaN where the header does not say). */
function contentRange(header: string | null): { start: number; total: number } | undefined {
  const match = header ? /^bytes\s+(\d+)-\d+\/(\d+|\*)$/i.exec(header.trim()) : null;
  return match ? { start: Number(match[1]), total: match[2] === '*' ? NaN : Number(match[2]) } : undefined;
}

/**
 * Bytes `[start, end)` of the asset (fewer only where the file ends first). A server may answer a
 * range with fewer bytes than asked (a 206 with a shorter Content-Range): the rest is asked for.
 * A server that ignores Range (200) is read only as far as needed, then the download is stopped.
 */
export async function readAssetRange(loader: AssetLoader, signal: AbortSignal, start: number, end: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let at = start;
  while (at < end) {
    const { bytes, more } = await readRangeOnce(loader, signal, at, end);
    if (bytes.length > 0) parts.push(bytes);
    at += bytes.length;
    if (!more || bytes.length === 0) break;
  }
  return concatBytes(parts);
}

/** One request: what the server sent of `[start, end)`, and whether the file goes on after it. */
async function readRangeOnce(loader: AssetLoader, signal: AbortSignal, start: number, end: number): Promise<{ bytes: Uint8Array; more: boolean }> {
  const response = await loader.fetch({ signal, headers: { Range: `bytes=${start}-${end - 1}` } });
  if (response.status === 206) {
    const range = contentRange(response.headers.get('Content-Range'));
    if (range && range.start !== start) throw new LabelkitError({ code: 'asset-load', message: 'The server answered a different part of the file than was asked for.' });
    const bytes = await wholeBody(response, signal);
    const taken = bytes.subarray(0, end - start);
    return { bytes: taken, more: range !== undefined && Number.isFinite(range.total) && start + taken.length < range.total };
  }
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(0), more: false };
  try {
    const head = await readAtLeast(reader, end, signal);
    return { bytes: head.subarray(Math.min(start, end, head.length), end), more: false };
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/**
 * The first `bytes` bytes of a body or more (all of it when it is shorter), read from `reader`,
 * which stays open for the rest; a broken-off download is an `asset-load` error.
 */
export async function readAtLeast(reader: ReadableStreamDefaultReader<Uint8Array>, bytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < bytes) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      length += value.length;
    }
  } catch (error) {
    throw downloadInterrupted(error, signal);
  }
  return concatBytes(parts, length);
}

/** The whole body of a response; a broken-off download is an `asset-load` error. */
export async function wholeBody(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw downloadInterrupted(error, signal);
  }
}
