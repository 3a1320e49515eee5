/**
 * Starting the pdf.js worker so that it can never leave a load waiting. pdf.js, handed a worker
 * port, trusts it blindly: a script that 404s, fails to parse or is not pdf.js would leave
 * `getDocument` pending forever. The worker is accepted only once it has said `ready` (what the
 * pdf.js worker posts when its script has run); an `error` event or silence past the deadline
 * ends in a `resource-load` error instead.
 */
import { LabelkitError } from '../../core/errors.js';
import { RESOURCE_HINT } from './pdf-assets.js';
import { workerScriptUrl } from '../worker-script-url.js';

export interface StartWorkerOptions {
  signal: AbortSignal;
  /** How long the script may take to load and answer. */
  timeoutMs: number;
}


function workerError(reason: string): LabelkitError {
  return new LabelkitError({ code: 'resource-load', message: `The PDF reader could not start: ${reason}. ${RESOURCE_HINT} (\`worker-src\` names the worker alone.)`, cause: { name: 'WorkerError' } });
}

/** The pdf.js worker's first message (MessageHandler format: `{ sourceName, targetName, action, data }`). */
function isReady(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { action?: unknown }).action === 'ready' && (data as { sourceName?: unknown }).sourceName === 'worker';
}

export function startPdfWorker(url: string, options: StartWorkerOptions): Promise<Worker> {
  let worker: Worker;
  try {
    // Under Trusted Types a plain string is refused: the URL goes through labelkit's policy.
    worker = new Worker(workerScriptUrl(url), { type: 'module', name: 'labelkit-pdf' });
  } catch (error) {
    // A malformed URL, or one the page's CSP (worker-src) forbids.
    return Promise.reject(workerError(error instanceof Error && error.name === 'SecurityError' ? 'the page does not allow this worker script' : 'the worker script URL is not valid'));
  }
  return new Promise<Worker>((resolve, reject) => {
    const finish = (error?: unknown) => {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      options.signal.removeEventListener('abort', onAbort);
      if (error === undefined) {
        resolve(worker);
      } else {
        worker.terminate();
        reject(error);
      }
    };
    const onMessage = (event: MessageEvent) => {
      if (isReady(event.data)) finish();
    };
    // Fired for a script that fails to load (HTTP error, wrong MIME type) or to run.
    const onError = (event: Event) => {
      event.preventDefault();
      finish(workerError('its script failed to load or to run'));
    };
    const onAbort = () => finish(new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => finish(workerError(`its script did not answer within ${Math.round(options.timeoutMs / 1000)} s`)), options.timeoutMs);
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();
  });
}
