/**
 * The DICOM decode worker: decodes encapsulated frames off the main thread (codecs.ts) and posts
 * the samples back. One message in, one message out, matched by `id`. The library build makes it
 * one self-contained file (dist/dicom-codecs/decode-worker.js): it imports nothing at run time.
 */
import { decodeFrame } from './codecs.js';
import { CodecError, type DecodeReply, type DecodeRequest } from './decode-protocol.js';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<DecodeRequest>) => void): void;
  postMessage(message: DecodeReply, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, request, wasmUrl } = event.data;
  decodeFrame(request, wasmUrl).then(
    (result) => scope.postMessage({ id, ok: true, bytes: result.bytes, planar: result.planar }, [result.bytes.buffer]),
    (error: unknown) => {
      const failure = error instanceof CodecError ? error.failure : 'corrupt';
      const message = error instanceof CodecError ? error.message : 'The compressed frame could not be decoded (the file may be corrupt).';
      scope.postMessage({ id, ok: false, failure, message });
    },
  );
});
