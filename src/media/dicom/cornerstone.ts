/**
 * The part of cornerstone-core (2.6.1) that labelkit renders DICOM slices with: the image object
 * a loader gives it and its grey and colour render functions, which draw an image synchronously
 * into a plain canvas through a small stand-in for an enabled element (no DOM). This is the only
 * module that imports cornerstone-core; it loads with `import()` on first use, so pages without
 * <lk-dicom> never download it.
 *
 * The minified build is imported on purpose: the package's main build is webpack's development
 * output, whose hot-reload runtime sets `window.webpackHotUpdate` and can inject script tags.
 */

/** A cornerstone image object, as an image loader builds it (see cornerstone-image.ts). */
export interface CornerstoneImage {
  imageId: string;
  rows: number;
  columns: number;
  width: number;
  height: number;
  /** The smallest and largest value `getPixelData()` holds: cornerstone's LUT is an array over them (and 0). */
  minPixelValue: number;
  maxPixelValue: number;
  /** The modality LUT: modality value = stored value × slope + intercept. */
  slope: number;
  intercept: number;
  windowCenter: number;
  windowWidth: number;
  invert: boolean;
  /** Colour images hold RGBA pixel data (4 values a pixel). */
  color: boolean;
  sizeInBytes: number;
  getPixelData(): Int32Array | Uint32Array | Uint16Array | Uint8Array;
  /** The LUT cornerstone keeps on the image after its first render. */
  cachedLut?: { lutArray?: Uint8ClampedArray };
}

/** The viewport labelkit renders with: 1:1 (the canvas has the image's size), nearest neighbour. */
export interface CornerstoneViewport {
  scale: number;
  translation: { x: number; y: number };
  voi: { windowWidth: number; windowCenter: number };
  invert: boolean;
  pixelReplication: boolean;
}

export interface Cornerstone {
  /**
   * A renderer for `canvas`: draws an image into it with a viewport, synchronously. It keeps
   * cornerstone's render canvas and its pixel buffer from one call to the next, as an enabled
   * element does (its `renderToCanvas` makes both anew on every call: a canvas and a 4-bytes-a-pixel
   * ImageData per window/level move or slice change, garbage that came back as long collections).
   */
  canvasRenderer(canvas: HTMLCanvasElement): (image: CornerstoneImage, viewport: CornerstoneViewport) => void;
}

/** The part of an enabled element that cornerstone's render functions read and write. */
interface EnabledElementStub {
  element: HTMLCanvasElement;
  canvas: HTMLCanvasElement;
  image: CornerstoneImage | undefined;
  viewport: object;
  options: null;
  layers: [];
  data: object;
  /** Cornerstone's render canvas, its context and pixel buffer, and what it last drew. */
  renderingTools: { renderCanvas?: HTMLCanvasElement; lastRenderedIsColor?: boolean };
}

type RenderImage = (enabledElement: EnabledElementStub, invalidated: boolean) => void;
type DefaultViewport = (canvas: HTMLCanvasElement, image: CornerstoneImage) => object;

interface RenderFunctions {
  renderGrayscaleImage: RenderImage;
  renderColorImage: RenderImage;
  getDefaultViewport: DefaultViewport;
}

function renderFunctionsOf(value: unknown): RenderFunctions | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { renderGrayscaleImage, renderColorImage, getDefaultViewport } = value as Record<string, unknown>;
  if (typeof renderGrayscaleImage !== 'function' || typeof renderColorImage !== 'function' || typeof getDefaultViewport !== 'function') return undefined;
  return { renderGrayscaleImage, renderColorImage, getDefaultViewport } as RenderFunctions;
}

/** Loads cornerstone-core. The UMD build arrives through the CommonJS bundler plugins on `default`, as named exports, or both. */
export async function loadCornerstone(): Promise<Cornerstone> {
  const module: unknown = await import('cornerstone-core/dist/cornerstone.min.js');
  const fallback = typeof module === 'object' && module !== null ? (module as { default?: unknown }).default : undefined;
  const render = renderFunctionsOf(fallback) ?? renderFunctionsOf(module);
  if (!render) throw new Error('cornerstone-core did not load.');
  return {
    canvasRenderer(canvas) {
      // The canvas is read back (pixi, tests) and never shown itself: a plain context, made before
      // cornerstone asks for its low-latency one (which would hand each render to the compositor).
      canvas.getContext('2d');
      const stub: EnabledElementStub = { element: canvas, canvas, image: undefined, viewport: {}, options: null, layers: [], data: {}, renderingTools: {} };
      return (image, viewport) => {
        // What renderToCanvas does, minus its fresh stub and its two events: the viewport on top of
        // the image's defaults, and the pixels always redrawn (`invalidated`: the LUT is remade too).
        if (image.color && stub.renderingTools.lastRenderedIsColor !== true) {
          // cornerstone's colour path makes its render canvas with createElement's 300 × 150 and
          // sizes it (and makes its pixel buffer) only when the image's size differs: a 300 × 150
          // colour image found no buffer. A 0 × 0 canvas handed over instead is always sized.
          const renderCanvas = document.createElement('canvas');
          renderCanvas.width = renderCanvas.height = 0;
          stub.renderingTools = { ...stub.renderingTools, renderCanvas, lastRenderedIsColor: true };
        }
        stub.image = image;
        stub.viewport = Object.assign(render.getDefaultViewport(canvas, image), viewport);
        (image.color ? render.renderColorImage : render.renderGrayscaleImage)(stub, true);
      };
    },
  };
}
