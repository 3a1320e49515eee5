/**
 * The page's side of the DICOM decode worker: one worker per page, started the first time a
 * compressed frame is decoded (pages with only uncompressed DICOM never start it), shared by
 * every <lk-dicom>. A worker that cannot start (refused by `worker-src`, its file missing) fails
 * the frames waiting for it with `unavailable`; the next frame tries a fresh worker.
 */
import { workerScriptUrl } from '../worker-script-url.js';
import { startDecodeWorker } from './codec-assets.js';
import { CodecError, type CodecRequest, type CodecResult, type DecodeReply, type DecodeRequest } from './decode-protocol.js';

interface Pending {
  resolve(result: CodecResult): void;
  reject(error: CodecError): void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

const UNAVAILABLE = 'The DICOM decode worker could not start (its file is missing, or worker-src in the page\'s Content Security Policy refuses labelkit\'s origin).';

function failAll(message: string): void {
  worker?.terminate();
  worker = undefined;
  const waiting = [...pending.values()];
  pending.clear();
  for (const entry of waiting) entry.reject(new CodecError(message, 'unavailable'));
}

function decodeWorker(): Worker {
  if (worker) return worker;
  let started: Worker;
  try {
    started = startDecodeWorker(workerScriptUrl);
  } catch {
    throw new CodecError(UNAVAILABLE, 'unavailable');
  }
  started.addEventListener('message', (event: MessageEvent<DecodeReply>) => {
    const reply = event.data;
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    if (reply.ok) entry.resolve({ bytes: reply.bytes, planar: reply.planar });
    else entry.reject(new CodecError(reply.message, reply.failure));
  });
  started.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(UNAVAILABLE);
  });
  started.addEventListener('messageerror', () => failAll('The DICOM decode worker sent a message that could not be read.'));
  worker = started;
  return started;
}

/** Decodes one encapsulated frame in the worker. Rejects with a CodecError. */
export function decodeInWorker(request: CodecRequest): Promise<CodecResult> {
  return new Promise<CodecResult>((resolve, reject) => {
    let target: Worker;
    try {
      target = decodeWorker();
    } catch (error) {
      reject(error);
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    // A copy: the frame is often a view into the whole file, which must stay with the page.
    const bytes = request.bytes.slice();
    const message: DecodeRequest = { id, request: { ...request, bytes } };
    target.postMessage(message, [bytes.buffer]);
  });
}
