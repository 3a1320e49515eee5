/**
 * Counts what the page holds that outlives an element if nobody frees it: WebGL contexts not lost,
 * workers not terminated, object URLs not revoked, listeners on window/document (and the other
 * page-wide targets), intervals not cleared, animation-frame loops still running, FontFaces in
 * `document.fonts` and entries in `CSS.highlights`. It wraps the browser APIs for the probe's
 * lifetime and restores them on `restore()`.
 */
export interface ResourceCounts {
  webglContexts: number;
  workers: number;
  objectUrls: number;
  pageListeners: string[];
  intervals: number;
  fonts: number;
  highlights: number;
}

export interface ResourceProbe {
  counts(): ResourceCounts;
  /** Animation frames requested while `frames` frames pass (a running loop requests one each frame). */
  framesRequestedOver(frames: number): Promise<number>;
  restore(): void;
}

type Listener = EventListenerOrEventListenerObject;

export function installResourceProbe(): ResourceProbe {
  const restorers: (() => void)[] = [];
  const patch = <T extends object, K extends keyof T>(target: T, name: K, value: T[K]) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, name)!;
    Object.defineProperty(target, name, { ...descriptor, value });
    restorers.push(() => Object.defineProperty(target, name, descriptor));
  };

  const contexts = new Set<WebGLRenderingContext | WebGL2RenderingContext>();
  const getContext = HTMLCanvasElement.prototype.getContext;
  patch(HTMLCanvasElement.prototype, 'getContext', function (this: HTMLCanvasElement, type: string, options?: unknown) {
    const context = (getContext as (this: HTMLCanvasElement, type: string, options?: unknown) => RenderingContext | null).call(this, type, options);
    if (context && (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl')) contexts.add(context as WebGLRenderingContext);
    return context;
  } as typeof getContext);

  const workers = new Set<Worker>();
  const OriginalWorker = window.Worker;
  const terminate = OriginalWorker.prototype.terminate;
  window.Worker = class extends OriginalWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.add(this);
    }
  } as typeof Worker;
  restorers.push(() => (window.Worker = OriginalWorker));
  patch(OriginalWorker.prototype, 'terminate', function (this: Worker) {
    workers.delete(this);
    terminate.call(this);
  });

  const objectUrls = new Set<string>();
  const createObjectURL = URL.createObjectURL;
  const revokeObjectURL = URL.revokeObjectURL;
  patch(URL, 'createObjectURL', (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    objectUrls.add(url);
    return url;
  });
  patch(URL, 'revokeObjectURL', (url: string) => {
    objectUrls.delete(url);
    revokeObjectURL(url);
  });

  // Page-wide targets: a listener left on one keeps its element (and its pixi app, its worker…) alive.
  const pageTargets = new Map<EventTarget, string>([
    [window, 'window'],
    [document, 'document'],
    [document.documentElement, 'html'],
    [document.body, 'body'],
    [document.fonts, 'document.fonts'],
    ...(window.visualViewport ? [[window.visualViewport, 'visualViewport'] as [EventTarget, string]] : []),
  ]);
  const listeners = new Map<string, number>();
  const keyOf = (target: EventTarget, type: string, listener: Listener | null, options?: boolean | EventListenerOptions) => {
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    return `${pageTargets.get(target)} ${type}${capture ? ' (capture)' : ''} ${listenerIds.get(listener as object) ?? nameListener(listener)}`;
  };
  const listenerIds = new WeakMap<object, string>();
  let listenerCount = 0;
  const nameListener = (listener: Listener | null) => {
    if (!listener) return 'null';
    const id = `#${++listenerCount}${typeof listener === 'function' && listener.name ? ` ${listener.name}` : ''}`;
    listenerIds.set(listener, id);
    return id;
  };
  const addEventListener = EventTarget.prototype.addEventListener;
  const removeEventListener = EventTarget.prototype.removeEventListener;
  patch(EventTarget.prototype, 'addEventListener', function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | AddEventListenerOptions) {
    if (pageTargets.has(this) && listener && !(typeof options === 'object' && options.signal)) {
      const key = keyOf(this, type, listener, options);
      listeners.set(key, 1);
    }
    addEventListener.call(this, type, listener, options);
  });
  patch(EventTarget.prototype, 'removeEventListener', function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | EventListenerOptions) {
    if (pageTargets.has(this) && listener) listeners.delete(keyOf(this, type, listener, options));
    removeEventListener.call(this, type, listener, options);
  });

  const intervals = new Set<number>();
  const setInterval = window.setInterval;
  const clearInterval = window.clearInterval;
  patch(window, 'setInterval', ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const id = setInterval(handler, timeout, ...args);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval);
  patch(window, 'clearInterval', ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clearInterval(id);
  }) as typeof window.clearInterval);

  let framesRequested = 0;
  const requestAnimationFrame = window.requestAnimationFrame;
  patch(window, 'requestAnimationFrame', ((callback: FrameRequestCallback) => {
    framesRequested++;
    return requestAnimationFrame(callback);
  }) as typeof window.requestAnimationFrame);

  return {
    counts: () => ({
      webglContexts: [...contexts].filter((context) => !context.isContextLost()).length,
      workers: workers.size,
      objectUrls: objectUrls.size,
      pageListeners: [...listeners.keys()].sort(),
      intervals: intervals.size,
      fonts: document.fonts.size,
      highlights: CSS.highlights.size,
    }),
    async framesRequestedOver(frames) {
      const start = framesRequested;
      for (let i = 0; i < frames; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      return framesRequested - start;
    },
    restore() {
      for (const restore of restorers.reverse()) restore();
    },
  };
}
