/**
 * A host's `fetchAsset` hook that answers a PDF's bytes from memory the way an object store does
 * (`Accept-Ranges`, `Content-Length`, 206 with `Content-Range`), so a test decides what the
 * network does: the plain download stops after its first chunk (pdf.js must then ask for ranges),
 * and ranges touching chosen parts of the file wait until released, or fail.
 */
import { PDF_CHUNK_BYTES } from '../../../src/media/pdf/pdf-source.js';

type Span = readonly [begin: number, end: number];

function overlaps([begin, end]: Span, spans: readonly Span[]): boolean {
  return spans.some(([b, e]) => begin < e && b < end);
}

export interface RangeHost {
  fetchAsset(url: string, init: RequestInit): Promise<Response>;
  /** The ranges asked for, as `[begin, end)`. */
  readonly asked: Span[];
  /** Ranges touching `spans` wait until `release()`. */
  hold(spans: readonly Span[]): void;
  /** Ranges touching `spans` fail with HTTP `status` until `heal()`. */
  fail(spans: readonly Span[], status: number): void;
  heal(): void;
  /** Lets the plain download finish; held ranges keep waiting. */
  finishDownload(): void;
  /** Answers every held range and lets the plain download finish. */
  release(): void;
  /** Resolves once the plain download's last byte has been read. */
  readonly downloaded: Promise<void>;
}

export interface RangeHostOptions {
  /** How long every range takes to answer (a slow network); 0 by default. */
  delayMs?: number;
}

export function rangeHost(bytes: Uint8Array, { delayMs = 0 }: RangeHostOptions = {}): RangeHost {
  let held: readonly Span[] = [];
  let failing: { spans: readonly Span[]; status: number } | undefined;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let finishDownload = () => {};
  const downloadFinishing = new Promise<void>((resolve) => (finishDownload = resolve));
  let readToEnd = () => {};
  const downloaded = new Promise<void>((resolve) => (readToEnd = resolve));
  const asked: Span[] = [];
  const headers = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/pdf' };
  return {
    asked,
    downloaded,
    hold(spans) {
      held = spans;
    },
    fail(spans, status) {
      failing = { spans, status };
    },
    heal() {
      failing = undefined;
    },
    finishDownload: () => finishDownload(),
    release() {
      held = [];
      release();
      finishDownload();
    },
    async fetchAsset(_url, init) {
      const range = /^bytes=(\d+)-(\d+)$/.exec(new Headers(init.headers).get('range') ?? '');
      if (!range) {
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (sent >= PDF_CHUNK_BYTES) await downloadFinishing;
            if (sent >= bytes.length) {
              readToEnd();
              return controller.close();
            }
            controller.enqueue(bytes.slice(sent, sent + 16_384));
            sent += 16_384;
          },
        });
        return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(bytes.length) } });
      }
      const span: Span = [Number(range[1]), Math.min(bytes.length, Number(range[2]) + 1)];
      asked.push(span);
      if (failing && overlaps(span, failing.spans)) return new Response('unavailable', { status: failing.status });
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (overlaps(span, held)) await released;
      return new Response(bytes.slice(...span), {
        status: 206,
        headers: { ...headers, 'Content-Length': String(span[1] - span[0]), 'Content-Range': `bytes ${span[0]}-${span[1] - 1}/${bytes.length}` },
      });
    },
  };
}
