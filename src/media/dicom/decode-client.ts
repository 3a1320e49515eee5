/**
 * The page's side of the DICOM decode worker: one worker per worker URL (the package's, or a
 * host's copy named by `codecs-base`), started the first time a compressed frame is decoded (pages
 * with only uncompressed DICOM never start it), shared by every <lk-dicom> using that URL. A worker
 * that cannot start (its file missing or not a script, refused by `worker-src`) fails the frames
 * waiting for it with `unavailable`; the next frame tries a fresh worker.
 */
import { workerScriptUrl } from '../worker-script-url.js';
import { CODECS_HINT, codecResources, type CodecResources } from './codec-assets.js';
import { CodecError, type CodecRequest, type CodecResult, type DecodeReply, type DecodeRequest } from './decode-protocol.js';
import type { FrameCodec } from './dicom-file.js';
import { jpegPrecision } from './jpeg-header.js';

interface Pending {
  resolve(result: CodecResult): void;
  reject(error: CodecError): void;
}

interface RunningWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

const workers = new Map<string, RunningWorker>();
let nextId = 1;

const cannotStart = (reason: string) => `the DICOM decode worker (decode-worker.js) could not start: ${reason}. ${CODECS_HINT}`;

function failAll(url: string, message: string): void {
  const running = workers.get(url);
  if (!running) return;
  running.worker.terminate();
  workers.delete(url);
  const waiting = [...running.pending.values()];
  running.pending.clear();
  for (const entry of waiting) entry.reject(new CodecError(message, 'unavailable'));
}

function decodeWorker(url: string): RunningWorker {
  const existing = workers.get(url);
  if (existing) return existing;
  let worker: Worker;
  try {
    // Under Trusted Types a plain string is refused: the URL goes through labelkit's policy.
    worker = new Worker(workerScriptUrl(url), { type: 'module', name: 'labelkit-dicom-codecs' });
  } catch (error) {
    const refused = error instanceof Error && (error.name === 'SecurityError' || error instanceof TypeError);
    throw new CodecError(cannotStart(refused ? "the page's Content Security Policy (worker-src, Trusted Types) does not allow this worker script" : 'the worker script URL is not valid'), 'unavailable');
  }
  const running: RunningWorker = { worker, pending: new Map() };
  worker.addEventListener('message', (event: MessageEvent<DecodeReply>) => {
    const reply = event.data;
    const entry = running.pending.get(reply.id);
    if (!entry) return;
    running.pending.delete(reply.id);
    if (reply.ok) entry.resolve({ bytes: reply.bytes, planar: reply.planar });
    else entry.reject(new CodecError(reply.failure === 'unavailable' ? `${reply.message} ${CODECS_HINT}` : reply.message, reply.failure));
  });
  // Fired for a script that fails to load (HTTP error, an HTML page, wrong MIME type) or to run.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(url, cannotStart("its script failed to load or to run, or the page's worker-src refuses it"));
  });
  worker.addEventListener('messageerror', () => failAll(url, 'The DICOM decode worker sent a message that could not be read.'));
  workers.set(url, running);
  return running;
}

/** JPEG Extended with 12-bit samples: another codec, so another WebAssembly file (the worker reads the same header). */
const twelveBit = (request: CodecRequest) => request.codec === 'jpeg' && (jpegPrecision(request.bytes) ?? 8) > 8;

/** Decodes one encapsulated frame in the worker of `resources`. Rejects with a CodecError. */
export function decodeInWorker(request: CodecRequest, resources: CodecResources = codecResources()): Promise<CodecResult> {
  return new Promise<CodecResult>((resolve, reject) => {
    let running: RunningWorker;
    try {
      running = decodeWorker(resources.worker);
    } catch (error) {
      reject(error);
      return;
    }
    const id = nextId++;
    running.pending.set(id, { resolve, reject });
    // A copy: the frame is often a view into the whole file, which must stay with the page.
    const bytes = request.bytes.slice();
    const wasmUrl = request.codec === 'jpeg-lossless' ? '' : resources.wasm[twelveBit(request) ? 'jpeg-12bit' : request.codec];
    const message: DecodeRequest = { id, request: { ...request, bytes }, wasmUrl };
    running.worker.postMessage(message, [bytes.buffer]);
  });
}

/** The frame codec for parseDicomFile: the decode worker and codec files under `codecsBase`, or the package's own. */
export function workerCodec(codecsBase?: string): FrameCodec {
  const resources = codecResources(codecsBase || undefined);
  return (request) => decodeInWorker(request, resources);
}
