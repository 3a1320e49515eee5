/**
 * The part of cornerstone-core (2.6.1) that labelkit renders DICOM slices with: the image object
 * a loader gives it and `renderToCanvas`, which draws an image synchronously into a plain canvas
 * (no enabled element, no DOM). This is the only module that imports cornerstone-core; it loads
 * with `import()` on first use, so pages without <lk-dicom> never download it.
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
  /** Draws `image` into `canvas` with `viewport`, synchronously. */
  renderToCanvas(canvas: HTMLCanvasElement, image: CornerstoneImage, viewport: CornerstoneViewport): void;
}

type RenderToCanvas = Cornerstone['renderToCanvas'];

function renderToCanvasOf(value: unknown): RenderToCanvas | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const render = (value as { renderToCanvas?: unknown }).renderToCanvas;
  return typeof render === 'function' ? (render as RenderToCanvas) : undefined;
}

/** Loads cornerstone-core. The UMD build arrives through the CommonJS bundler plugins on `default`, as named exports, or both. */
export async function loadCornerstone(): Promise<Cornerstone> {
  const module: unknown = await import('cornerstone-core/dist/cornerstone.min.js');
  const fallback = typeof module === 'object' && module !== null ? (module as { default?: unknown }).default : undefined;
  const renderToCanvas = renderToCanvasOf(fallback) ?? renderToCanvasOf(module);
  if (!renderToCanvas) throw new Error('cornerstone-core did not load.');
  return { renderToCanvas: (canvas, image, viewport) => renderToCanvas(canvas, image, viewport) };
}
