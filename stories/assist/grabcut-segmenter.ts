/**
 * A host's `assist.segment` that runs a real algorithm in the page: OpenCV's GrabCut
 * (@techstark/opencv-js, a devDependency used only by this example) in a worker. The element
 * hands over the picture it already decoded; nothing leaves the page. A request aborted by a
 * newer prompt is answered with an AbortError at once; the worker's late answer is dropped.
 */
import type { AssistSegmentRequest, AssistSegmentResult, LabelkitAssist } from '../../src/index.js';

export interface GrabCutSegmenter extends Required<Pick<LabelkitAssist, 'name' | 'segment'>> {
  /** Stops the worker. */
  dispose(): void;
}

/** `opencvUrl`: where the page serves @techstark/opencv-js's `dist/opencv.js`. */
export function createGrabCutSegmenter(opencvUrl: string): GrabCutSegmenter {
  const worker = new Worker(new URL('./grabcut.worker.js', import.meta.url));
  const waiting = new Map<number, { resolve(result: AssistSegmentResult): void; reject(error: unknown): void }>();
  let nextId = 0;
  worker.onmessage = ({ data }: MessageEvent<{ id: number; polygon?: [number, number][]; error?: string }>) => {
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    if (!call) return;
    if (data.error !== undefined) call.reject(new Error(data.error));
    else if (!data.polygon) call.reject(new Error('GrabCut found no region.'));
    else call.resolve({ polygon: data.polygon });
  };
  // A worker that cannot start (its script or OpenCV's failed to load) fails every waiting call.
  worker.onerror = (event) => {
    event.preventDefault();
    for (const call of waiting.values()) call.reject(new Error('The GrabCut worker failed.'));
    waiting.clear();
  };
  return {
    name: 'GrabCut (OpenCV.js)',
    segment({ image, points, box, signal }: AssistSegmentRequest): Promise<AssistSegmentResult> {
      return new Promise((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        signal.addEventListener('abort', () => {
          waiting.delete(id);
          reject(new DOMException('Superseded by a newer prompt.', 'AbortError'));
        });
        worker.postMessage({ id, opencvUrl, image, points, box }, [image]);
      });
    },
    dispose() {
      worker.terminate();
      for (const call of waiting.values()) call.reject(new DOMException('Stopped.', 'AbortError'));
      waiting.clear();
    },
  };
}
