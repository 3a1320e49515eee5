import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Texture } from 'pixi.js';
import { LabelkitError } from '../../core/errors.js';
import { interpolateMask, maskEnd } from '../../core/mask-interpolation.js';
import { brushMaskKey, type BrushMask } from '../../core/model.js';
import type { PlaneModel } from '../../core/session.js';
import type { Surface } from '../../canvas/surface.js';
import type { AssetMetadata, DicomMetadata } from '../../format/types.js';
import { createAssetLoader, type AssetLoader } from '../../host/asset-loader.js';
import type { SliceRenderer } from '../../media/dicom/slice-renderer.js';
import type { SliceStack } from '../../media/dicom/slice-stack.js';
import { cobbAngle, polylineAngle, polylineLength } from '../../core/measure.js';
import { findCategory } from '../../core/ontology.js';
import type { MeasurementContext } from '../../format/geometry/codec.js';
import { dragWindow, presetsFor, windowForRange, type VoiWindow } from '../../media/dicom/windowing.js';
import { annotatorLayoutStyles } from '../base/layout.styles.js';
import { isTypingTarget, type KeyAction } from '../base/keymap.js';
import { styleProperties } from '../base/style-properties.js';
import { SurfaceElement } from '../base/surface-element.js';
import { measureLabelStyles, observeViewChanges, renderMeasureLabels } from '../measure/measure-labels.js';
import { elementShortcutsContext } from '../panels/shared/element-shortcuts.js';
import { DICOM_SHORTCUTS } from './dicom-shortcuts.js';
import { hasPaint, labelledSlices, nextLabelled } from './labelled-slices.js';

const FETCH_CONCURRENCY = 6;
const WHEEL_STEP_PX = 50;

interface WindowDrag {
  pointerId: number;
  x: number;
  y: number;
  start: VoiWindow;
  sensitivity: number;
}

/** What `resolveUrl` receives for a slice of a series (`srcs`): the index in `srcs` as given. */
export interface SeriesUrlRequest {
  assetId?: string;
  reason: 'expired' | 'forbidden' | 'not-found';
  sliceIndex: number;
}

/** `decodedCache`: decoded slices held, their bytes, and the bound those bytes never exceed. */
export interface DecodedCacheUsage {
  slices: number;
  bytes: number;
  limitBytes: number;
}

const dicomStyles = css`
  /* The bar gets its own strip under the image so it never covers pixels you draw on. */
  .surface {
    bottom: var(--lk-dicom-bar-height, 40px);
  }
  /* Review issue pins cover the picture, as the surface does. */
  lk-issue-pins {
    bottom: var(--lk-dicom-bar-height, 40px);
  }
  .status {
    bottom: calc(var(--lk-dicom-bar-height, 40px) + 8px);
  }
  .dicom-bar {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: var(--lk-dicom-bar-height, 40px);
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 0 8px;
    overflow-x: auto;
    background: #111;
    color: #fff;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .dicom-bar label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  /* The slider's thumb has a known width so the ticks of labelled slices line up with it. */
  .slice-track {
    position: relative;
    display: inline-flex;
    align-items: center;
  }
  .slice-track input[type='range'] {
    -webkit-appearance: none;
    appearance: none;
    width: min(240px, 30vw);
    height: 22px;
    margin: 0;
    background: transparent;
  }
  .slice-track input[type='range']::-webkit-slider-runnable-track {
    height: 4px;
    border-radius: 2px;
    background: #666;
  }
  .slice-track input[type='range']::-webkit-slider-thumb {
    -webkit-appearance: none;
    appearance: none;
    width: 12px;
    height: 18px;
    margin-top: -7px;
    border-radius: 3px;
    background: #fff;
  }
  .slice-track input[type='range']::-moz-range-track {
    height: 4px;
    background: #666;
  }
  .slice-track input[type='range']::-moz-range-thumb {
    width: 12px;
    height: 18px;
    border: 0;
    border-radius: 3px;
    background: #fff;
  }
  .slice-track input[type='range']:focus-visible {
    outline: 2px solid var(--lk-focus-color, #0969da);
    outline-offset: 2px;
  }
  .ticks {
    position: absolute;
    inset: 0 6px;
    pointer-events: none;
  }
  .tick {
    position: absolute;
    top: 3px;
    bottom: 3px;
    width: 2px;
    margin-left: -1px;
    background: var(--lk-dicom-tick-color, #ffb300);
  }
  .dicom-bar button,
  .dicom-bar select {
    font: inherit;
    padding: 1px 6px;
  }
  .dicom-bar button[aria-pressed='true'] {
    outline: 2px solid var(--lk-focus-color, #0969da);
  }
  .measures {
    bottom: var(--lk-dicom-bar-height, 40px);
  }
`;

/**
 * Label DICOM images: single-frame and multi-frame files or a series of files, with window/level,
 * slice navigation and the 2D tools on each slice (`page` = 0-based slice). Polylines show their
 * length in mm when the file has PixelSpacing (px otherwise); polyline classes with `measure` are a
 * ruler, an angle or a Cobb angle. Brush strokes can be limited to a modality-value range
 * (`brushThreshold`) and filled in between slices (`fillBetweenSlices`); the slice slider marks
 * the slices that have labels.
 *
 * @tagname lk-dicom
 * @summary DICOM labeling element.
 *
 * @csspart dicom-controls - The bar under the image with the slice slider and window/level controls.
 * @cssproperty [--lk-dicom-bar-height=40px] - Height of that bar.
 * @cssproperty [--lk-dicom-tick-color=#ffb300] - Colour of the ticks that mark labelled slices on the slice slider.
 */
export class LkDicom extends SurfaceElement {
  static override styles = [annotatorLayoutStyles, measureLabelStyles, dicomStyles];
  protected static override planeModel: PlaneModel = 'paged';
  protected static override planeNoun = 'slice';

  /**
   * A series: one URL per DICOM file (signed URLs are used byte for byte). Slices are ordered by
   * InstanceNumber, then ImagePositionPatient. When set and not empty, `src` is ignored.
   * `resolveUrl` then also receives `sliceIndex`, the position in `srcs` of the URL to refresh.
   */
  @property({ attribute: false }) srcs: string[] | undefined;

  /**
   * A folder laid out like the package's dist/dicom-codecs/ (the decode worker and the codecs'
   * .wasm files) that the host serves itself: another origin, its own CDN, or the esbuild recipe
   * of docs/bundlers.md. Compressed files (JPEG, JPEG-LS, JPEG 2000, HTJ2K) then decode with the
   * files under it; the trailing slash is optional. Empty: the package's own files.
   */
  @property({ type: String, attribute: 'codecs-base' }) codecsBase = '';

  /** The window/level the user chose; undefined = each slice's own (file or data range). */
  @state() private userWindow: VoiWindow | undefined;
  /**
   * Whether overlay planes (DICOM groups 6000–601E: graphics and text the modality stored beside
   * the image) are drawn, in white, over the slices that have them. The bar's **Overlays** button
   * toggles it.
   */
  @property({ attribute: false }) overlaysVisible = true;

  /**
   * Shows grey slices inverted (white ↔ black, on top of MONOCHROME1's own inversion), for every
   * slice. The bar's **Invert** button toggles it; colour slices are never inverted.
   */
  @property({ attribute: false }) inverted = false;

  /**
   * Threshold painting: while set, brush strokes paint only pixels whose modality value (stored ×
   * RescaleSlope + RescaleIntercept: Hounsfield units for CT) lies within `[min, max]`; erasing is
   * unaffected. The bar's **Threshold** button sets it (to the current window's range) and its two
   * fields edit it. Grey slices only.
   */
  @property({ attribute: false }) brushThreshold: { min: number; max: number } | undefined;

  /** W/L mode: primary-button drags change window/level instead of drawing. */
  @state() private windowLevelMode = false;
  /** Bumped on every view change so measurement labels follow pan and zoom. */
  @state() private viewTick = 0;

  private stack: SliceStack | undefined;
  /** The compressed slice being decoded for display (paint shows it when it arrives). */
  private decodingSlice: number | undefined;
  /** Settles when that slice is shown (or failed). */
  private sliceDecoded: Promise<void> | undefined;
  /** Draws slices through cornerstone-core into the canvas the background texture shows. */
  private sliceRenderer: SliceRenderer | undefined;
  private texture: Texture | undefined;
  private seriesAbort: AbortController | undefined;
  private windowDrag: WindowDrag | undefined;
  private wheelRemainder = 0;
  private stageListenersOn: HTMLElement | undefined;
  /** The last threshold mask: painting a stroke reads it on every pointer down. */
  private paintableCache: { stack: SliceStack; slice: number; min: number; max: number; mask: Uint8Array | undefined } | undefined;

  constructor() {
    super();
    // The shortcut help inside this element lists these keys too.
    new ContextProvider(this, { context: elementShortcutsContext, initialValue: DICOM_SHORTCUTS });
    this.session.subscribe((topic) => {
      if (topic === 'plane') this.paint();
    });
    this.addEventListener('keydown', this.onKeyDown);
  }

  /** The 0-based slice (or frame) shown. */
  get slice(): number {
    return this.session.plane;
  }

  set slice(value: number) {
    this.session.setPlane(value);
  }

  /** Number of slices (frames of a multi-frame file, or files × frames of a series); 0 before load. */
  get sliceCount(): number {
    return this.stack?.count ?? 0;
  }

  /** The window in effect on the current slice (modality units), undefined for colour images. */
  get voiWindow(): VoiWindow | undefined {
    const stack = this.stack;
    if (!stack || !stack.isGrey(this.slice)) return undefined;
    return this.userWindow ?? stack.defaultWindow(this.slice);
  }

  /** Sets the window (centre/width in modality units, e.g. Hounsfield units for CT) for every slice. */
  setWindow(center: number, width: number): void {
    if (!Number.isFinite(center) || !Number.isFinite(width)) return;
    this.userWindow = { center, width: Math.max(1, width) };
    this.paint();
  }

  /** Back to each slice's own window (from the file, else its value range). */
  resetWindow(): void {
    this.userWindow = undefined;
    this.paint();
  }

  /**
   * Resolves when the view is drawn, including the slice shown: a slice of a compressed file is
   * decoded in a worker first (the previous slice stays on screen meanwhile).
   */
  override async settled(): Promise<void> {
    while (this.sliceDecoded) {
      const pending = this.sliceDecoded;
      await pending;
      if (this.sliceDecoded === pending) this.sliceDecoded = undefined;
    }
    await super.settled();
  }

  /** A copy of the displayed slice after windowing (natural size, RGBA), for tests and screenshots. */
  displayedImageData(): ImageData | undefined {
    return this.sliceRenderer?.imageData();
  }

  /**
   * What the element holds of decoded slices: `slices` decoded slices kept for paging back, and
   * `bytes` of decoded samples, display copies and LUTs (each array counted once), never more
   * than `limitBytes` (see "Memory" in docs/elements/lk-dicom.md) however long the series.
   * Undefined before a file is shown. For tests, benchmarks and memory dashboards.
   */
  get decodedCache(): DecodedCacheUsage | undefined {
    const stack = this.stack;
    const renderer = this.sliceRenderer;
    if (!stack || !renderer) return undefined;
    const frames = stack.cached();
    const images = renderer.cached();
    const seen = new Set<ArrayBufferLike>();
    let bytes = 0;
    for (const array of [...frames.arrays, ...images.arrays]) {
      if (seen.has(array.buffer)) continue;
      seen.add(array.buffer);
      bytes += array.byteLength;
    }
    return { slices: frames.slices, bytes, limitBytes: frames.limitBytes + images.limitBytes };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detachStageListeners();
  }

  protected override releaseAsset(): void {
    super.releaseAsset();
    this.seriesAbort?.abort();
    this.texture = undefined;
  }

  protected override restoreAsset(): void {
    const series = this.seriesUrls();
    if (series.length === 0) {
      super.restoreAsset();
      return;
    }
    if (this.hasUpdated && !this.surface) this.ensureSurface().catch(() => undefined);
    void this.startSeriesLoad(series);
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.attachStageListeners();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.attachStageListeners();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const redraw = (key: 'overlaysVisible' | 'inverted') => changed.has(key) && changed.get(key) !== undefined;
    if (redraw('overlaysVisible') || redraw('inverted')) this.paint();
    const series = this.seriesUrls();
    if (series.length === 0) {
      // Going back from a series to `src`: the base loads `src` only when it changed, so say it did.
      if (changed.has('srcs') && this.src && !changed.has('src')) {
        const forced = new Map(changed) as PropertyValues<this>;
        forced.set('src', this.src);
        super.updated(forced);
        return;
      }
      if (changed.has('srcs')) this.seriesAbort?.abort();
      super.updated(changed);
      return;
    }
    if (changed.has('srcs')) void this.startSeriesLoad(series);
    const rest = new Map(changed) as PropertyValues<this>;
    rest.delete('src');
    super.updated(rest);
  }

  // ---- loading ----------------------------------------------------------------------------------

  protected async loadAsset(loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata> {
    if (this.seriesUrls().length > 0) {
      // A series is set: it loads (and reports) through startSeriesLoad; this `src` load stays
      // pending until the base aborts it.
      return new Promise<AssetMetadata>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    }
    return this.loadFiles([loader], signal);
  }

  private seriesUrls(): string[] {
    return Array.isArray(this.srcs) ? this.srcs.filter((url): url is string => typeof url === 'string' && url.length > 0) : [];
  }

  /** The base's load flow for a series: abort the previous load, states, `lk-ready` or `lk-error`. */
  private async startSeriesLoad(urls: string[]): Promise<void> {
    this.seriesAbort?.abort();
    const abort = new AbortController();
    this.seriesAbort = abort;
    this.metadata = undefined;
    const loaders = urls.map((src, sliceIndex) =>
      createAssetLoader({
        src,
        ...(this.assetId ? { assetId: this.assetId } : {}),
        ...(this.fetchAsset ? { fetchAsset: (url: string, init: RequestInit) => this.fetchAsset!(url, init) } : {}),
        ...(this.resolveUrl
          ? {
              resolveUrl: (request: { assetId?: string; reason: SeriesUrlRequest['reason'] }) => {
                const withSlice: SeriesUrlRequest = { ...request, sliceIndex };
                return this.resolveUrl!(withSlice);
              },
            }
          : {}),
        now: () => this.clock(),
      }),
    );
    await this.runAssetLoad(abort.signal, (signal) => this.loadFiles(loaders, signal), 'The DICOM series could not be loaded.');
  }

  private async loadFiles(loaders: AssetLoader[], signal: AbortSignal): Promise<AssetMetadata> {
    this.setStatus(loaders.length > 1 ? `Loading ${loaders.length} DICOM files…` : 'Loading DICOM…');
    try {
      const dicom = await import('../../media/dicom/index.js');
      const [buffers, cornerstone] = await Promise.all([
        mapLimited(loaders, FETCH_CONCURRENCY, (loader) => loader.fetchArrayBuffer({ signal })),
        dicom.loadCornerstone(),
      ]);
      throwIfAborted(signal);
      const files = [];
      const codec = dicom.workerFrameCodec(this.codecsBase || undefined);
      for (const buffer of buffers) {
        try {
          files.push(await dicom.parseDicomFile(buffer, codec));
        } catch (error) {
          throw toLabelkitError(error, dicom.DicomDecodeError);
        }
      }
      let stack: SliceStack;
      try {
        stack = dicom.createSliceStack(files);
        // Decode the first slice now: a broken frame should fail the load, not the first paint.
        await stack.load(0);
      } catch (error) {
        throw toLabelkitError(error, dicom.DicomDecodeError);
      }
      throwIfAborted(signal);
      this.useStack(stack, dicom.createSliceRenderer(stack, cornerstone));
      const surface = await this.ensureSurface();
      throwIfAborted(signal);
      await this.showStack(surface);
      this.setStatus('');
      return this.metadataOf(stack);
    } catch (error) {
      if (!signal.aborted) this.setStatus(error instanceof LabelkitError ? error.message : 'The DICOM file could not be loaded.', true);
      throw error;
    }
  }

  private metadataOf(stack: SliceStack): DicomMetadata {
    return {
      width: stack.width,
      height: stack.height,
      frameTotal: stack.count,
      ...(stack.pixelSpacing ? { pixelSpacing: [stack.pixelSpacing[0], stack.pixelSpacing[1]] } : {}),
      ...(stack.sopInstanceUIDs.length > 0 ? { sopInstanceUIDs: [...stack.sopInstanceUIDs] } : {}),
    };
  }

  private useStack(stack: SliceStack, renderer: SliceRenderer): void {
    this.stack = stack;
    this.decodingSlice = undefined;
    this.sliceRenderer = renderer;
    this.userWindow = undefined;
    this.session.setPlaneCount(stack.count);
    if (this.session.plane !== 0) this.session.setPlane(0);
    else this.paint();
  }

  /** The slice shown (windowed as on screen), for the host model. @internal */
  protected override assistPicture(): CanvasImageSource | undefined {
    return this.sliceRenderer?.canvas;
  }

  /** @internal */
  protected override onSurfaceReady(surface: Surface): void {
    observeViewChanges(surface, () => this.viewTick++);
    surface.paintablePixels = () => this.paintablePixels();
    if (this.stack) void this.showStack(surface);
  }

  private async showStack(surface: Surface): Promise<void> {
    const canvas = this.sliceRenderer?.canvas;
    const stack = this.stack;
    if (!canvas || !stack) return;
    const { Texture } = await import('pixi.js');
    if (canvas !== this.sliceRenderer?.canvas) return;
    const previous = this.texture;
    if (previous?.source.resource !== canvas) {
      // skipCache: pixi's global cache would otherwise keep every loaded slice canvas alive.
      const texture = Texture.from(canvas, true);
      // Show each DICOM pixel as a square: interpolation would invent values between pixels.
      texture.source.scaleMode = 'nearest';
      this.texture = texture;
    }
    this.paint();
    surface.setBackground(this.texture, { width: stack.width, height: stack.height });
    if (previous && previous !== this.texture) previous.destroy(true);
  }

  // ---- display ----------------------------------------------------------------------------------

  /** Renders the current slice with the current window into the texture's canvas (through cornerstone-core). */
  private paint(): void {
    const stack = this.stack;
    const renderer = this.sliceRenderer;
    if (!stack || !renderer) return;
    const slice = Math.min(this.session.plane, stack.count - 1);
    if (!stack.ready(slice)) {
      // Compressed: the previous slice stays on screen until the worker has decoded this one.
      this.decodeSlice(stack, slice);
      this.requestUpdate();
      return;
    }
    const canvas = renderer.canvas;
    try {
      const grey = stack.isGrey(slice);
      renderer.render(slice, grey ? this.userWindow : undefined, this.overlaysVisible ? stack.overlay(slice) : undefined, grey && this.inverted);
    } catch (error) {
      this.showSliceError(slice, error);
    }
    if (this.texture?.source.resource === canvas) this.surface?.refreshBackground();
    this.requestUpdate();
  }

  /**
   * One compressed slice in the worker at a time: paging fast through a series queues nothing.
   * When a decode lands, paint() shows the slice current by then, or starts decoding it.
   */
  private decodeSlice(stack: SliceStack, slice: number): void {
    if (this.decodingSlice !== undefined) return;
    this.decodingSlice = slice;
    const current = () => this.stack === stack && Math.min(this.session.plane, stack.count - 1) === slice;
    this.sliceDecoded = stack.load(slice).then(
      () => {
        if (this.stack !== stack) return;
        this.decodingSlice = undefined;
        this.paint();
      },
      (error: unknown) => {
        if (this.stack !== stack) return;
        this.decodingSlice = undefined;
        if (!current()) {
          this.paint();
          return;
        }
        this.showSliceError(slice, error);
        if (this.texture?.source.resource === this.sliceRenderer?.canvas) this.surface?.refreshBackground();
      },
    );
  }

  private showSliceError(slice: number, error: unknown): void {
    this.sliceRenderer?.clear();
    const decodeError = error instanceof Error && error.name === 'DicomDecodeError' ? (error as Error & { kind?: string }) : undefined;
    this.reportError({
      code: decodeError?.kind === 'resource' ? 'resource-load' : 'asset-load',
      message: `Slice ${slice + 1} could not be decoded${decodeError ? `: ${decodeError.message}` : '.'}`,
    });
  }

  private stepSlice(delta: number): boolean {
    const count = this.stack?.count ?? 0;
    if (count <= 1) return false;
    this.session.setPlane(Math.max(0, Math.min(count - 1, this.session.plane + delta)));
    return true;
  }

  // ---- input ------------------------------------------------------------------------------------

  override handleKeyAction(action: KeyAction, event: KeyboardEvent): boolean {
    if (super.handleKeyAction(action, event)) return true;
    // Arrows nudge a selection; with nothing to nudge, Up/Down page through slices.
    switch (action) {
      case 'nudgeUp':
        return this.stepSlice(-1);
      case 'nudgeDown':
        return this.stepSlice(1);
      case 'nudgeUpFar':
        return this.stepSlice(-10);
      case 'nudgeDownFar':
        return this.stepSlice(10);
      default:
        return false;
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || isTypingTarget(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    const count = this.stack?.count ?? 0;
    let handled = false;
    if (event.key === 'PageUp') handled = event.shiftKey ? this.stepLabelled(-1) : this.stepSlice(-1);
    else if (event.key === 'PageDown') handled = event.shiftKey ? this.stepLabelled(1) : this.stepSlice(1);
    else if (event.key === 'Home') handled = this.stepSlice(-count);
    else if (event.key === 'End') handled = this.stepSlice(count);
    if (handled) event.preventDefault();
  };

  private attachStageListeners(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.surface') ?? undefined;
    if (!target || target === this.stageListenersOn) return;
    this.detachStageListeners();
    // Capture phase on the canvas's container: these gestures never reach the drawing tools.
    target.addEventListener('pointerdown', this.onPointerDown, { capture: true });
    target.addEventListener('pointermove', this.onPointerMove, { capture: true });
    target.addEventListener('pointerup', this.onPointerUp, { capture: true });
    target.addEventListener('pointercancel', this.onPointerUp, { capture: true });
    target.addEventListener('wheel', this.onWheel, { capture: true, passive: false });
    this.stageListenersOn = target;
  }

  private detachStageListeners(): void {
    const target = this.stageListenersOn;
    if (!target) return;
    target.removeEventListener('pointerdown', this.onPointerDown, { capture: true });
    target.removeEventListener('pointermove', this.onPointerMove, { capture: true });
    target.removeEventListener('pointerup', this.onPointerUp, { capture: true });
    target.removeEventListener('pointercancel', this.onPointerUp, { capture: true });
    target.removeEventListener('wheel', this.onWheel, { capture: true });
    this.stageListenersOn = undefined;
  }

  /** Right-drag (with the select tool) or any primary drag in W/L mode changes window/level. */
  private readonly onPointerDown = (event: PointerEvent) => {
    const stack = this.stack;
    const window = this.voiWindow;
    if (!stack || !window) return;
    const rightDrag = event.button === 2 && this.session.activeSchemaId === undefined;
    const modeDrag = event.button === 0 && this.windowLevelMode;
    if (!rightDrag && !modeDrag) return;
    event.stopPropagation();
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    if (!stack.ready(this.slice)) return;
    const range = stack.range(this.slice);
    const span = Math.max(range.max - range.min, window.width, 1e-6);
    this.windowDrag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, start: window, sensitivity: span / 512 };
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    const drag = this.windowDrag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    event.stopPropagation();
    this.userWindow = dragWindow(drag.start, event.clientX - drag.x, event.clientY - drag.y, drag.sensitivity);
    this.paint();
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    const drag = this.windowDrag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    event.stopPropagation();
    this.windowDrag = undefined;
  };

  /** Alt+wheel pages through slices (plain wheel keeps zooming). */
  private readonly onWheel = (event: WheelEvent) => {
    if (!event.altKey || (this.stack?.count ?? 0) <= 1) return;
    event.preventDefault();
    event.stopPropagation();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaMode === 2 ? event.deltaY * 400 : event.deltaY;
    if (Math.abs(delta) >= WHEEL_STEP_PX) {
      this.wheelRemainder = 0;
      this.stepSlice(Math.sign(delta));
      return;
    }
    this.wheelRemainder += delta;
    if (Math.abs(this.wheelRemainder) >= WHEEL_STEP_PX) {
      this.stepSlice(Math.sign(this.wheelRemainder));
      this.wheelRemainder = 0;
    }
  };

  // ---- rendering --------------------------------------------------------------------------------

  protected override renderBelowStage(): TemplateResult | typeof nothing {
    const stack = this.stack;
    if (!stack) return html`<div class="dicom-bar" part="dicom-controls"></div>`;
    const slice = Math.min(this.slice, stack.count - 1);
    const window = this.voiWindow;
    return html`
      <div class="dicom-bar" part="dicom-controls">
        ${stack.count > 1 ? this.renderStackBar(stack, slice) : nothing}
        ${window ? this.renderWindowControls(stack, window) : nothing} ${this.renderOverlayToggle(stack, slice)} ${this.renderBrushControls(stack, slice)}
        ${this.renderSpacing(stack.pixelSpacingOf(slice))}
      </div>
      ${renderMeasureLabels(this.session, this.view, this.measurements)}
    `;
  }

  /**
   * The stack scroll bar: the slider (mouse, arrows, Page keys, Home/End), a tick over it at each
   * slice that has objects or brush paint, and buttons to the previous and next labelled slice.
   */
  private renderStackBar(stack: SliceStack, slice: number): TemplateResult {
    const labelled = labelledSlices(this.session.store.state, stack.count);
    const objects = labelled.get(slice);
    const valueText = `Slice ${slice + 1} of ${stack.count}${objects === undefined ? '' : objects === 0 ? ', painted' : `, ${objects} object${objects === 1 ? '' : 's'}`}`;
    const previous = nextLabelled(labelled, slice, -1);
    const next = nextLabelled(labelled, slice, 1);
    const last = stack.count - 1;
    return html`<label
        >Slice <output aria-live="polite">${slice + 1} / ${stack.count}</output>
        <span class="slice-track">
          <input
            type="range"
            aria-label="Slice"
            aria-valuetext=${valueText}
            min="0"
            max=${last}
            step="1"
            .value=${String(slice)}
            @input=${(event: Event) => this.session.setPlane(Number((event.target as HTMLInputElement).value))}
            @keydown=${keepSliderKeys}
          />
          <span class="ticks" aria-hidden="true">
            ${[...labelled.keys()].map((index) => html`<span class="tick" data-slice=${index} style=${styleProperties({ left: `${(index / last) * 100}%` })}></span>`)}
          </span>
        </span>
      </label>
      <button type="button" class="labelled-previous" title="Previous labelled slice (Shift+PageUp)" ?disabled=${previous === undefined} @click=${() => this.stepLabelled(-1)}>
        ◂ Labelled
      </button>
      <button type="button" class="labelled-next" title="Next labelled slice (Shift+PageDown)" ?disabled=${next === undefined} @click=${() => this.stepLabelled(1)}>
        Labelled ▸
      </button>`;
  }

  /** To the nearest slice before or after this one with objects or brush paint; false when none. */
  private stepLabelled(direction: 1 | -1): boolean {
    const count = this.stack?.count ?? 0;
    const target = nextLabelled(labelledSlices(this.session.store.state, count), this.session.plane, direction);
    if (target === undefined) return false;
    this.session.setPlane(target);
    return true;
  }

  private renderWindowControls(stack: SliceStack, window: VoiWindow): TemplateResult {
    const fileWindows = stack.info(this.slice).windows;
    const presets = [
      ...fileWindows.map((w, i) => ({ id: `file-${i}`, label: `File ${fileWindows.length > 1 ? i + 1 : ''}`.trim(), ...w })),
      ...presetsFor(stack.info(this.slice).modality),
      ...(stack.ready(this.slice) ? [{ id: 'range', label: 'Full range', ...windowForRange(stack.range(this.slice)) }] : []),
    ];
    const onPreset = (event: Event) => {
      const select = event.target as HTMLSelectElement;
      const preset = presets.find((p) => p.id === select.value);
      if (preset) this.setWindow(preset.center, preset.width);
      select.value = '';
    };
    return html`
      <span class="wl" title="Window width / level (centre)">W ${formatWindowValue(window.width)} L ${formatWindowValue(window.center)}</span>
      <select aria-label="Window preset" @change=${onPreset}>
        <option value="">Preset…</option>
        ${presets.map((p) => html`<option value=${p.id}>${p.label} (${formatWindowValue(p.width)}/${formatWindowValue(p.center)})</option>`)}
      </select>
      <button type="button" @click=${() => this.resetWindow()} ?disabled=${this.userWindow === undefined}>Reset W/L</button>
      <button type="button" aria-pressed=${this.inverted ? 'true' : 'false'} title="Show grey slices inverted" @click=${() => (this.inverted = !this.inverted)}>
        Invert
      </button>
      <button
        type="button"
        aria-pressed=${this.windowLevelMode ? 'true' : 'false'}
        title="Drag to change window/level (right-drag works without this mode)"
        @click=${() => (this.windowLevelMode = !this.windowLevelMode)}
      >
        W/L mode
      </button>
    `;
  }

  /** Threshold painting and Fill between, when the ontology has brush classes. */
  private renderBrushControls(stack: SliceStack, slice: number): TemplateResult | typeof nothing {
    if (!this.session.ontology?.tools.some((tool) => tool.tool === 'brush')) return nothing;
    const threshold = this.brushThreshold;
    const unit = stack.info(slice).modality === 'CT' ? ' HU' : '';
    const toggle = () => {
      if (this.brushThreshold) {
        this.brushThreshold = undefined;
        return;
      }
      const window = this.voiWindow;
      this.brushThreshold = window ? { min: Math.round(window.center - window.width / 2), max: Math.round(window.center + window.width / 2) } : { min: 0, max: 0 };
    };
    const edit = (end: 'min' | 'max') => (event: Event) => {
      const value = (event.target as HTMLInputElement).valueAsNumber;
      if (!Number.isFinite(value) || !this.brushThreshold) return;
      this.brushThreshold = { ...this.brushThreshold, [end]: value };
    };
    return html`${stack.isGrey(slice)
        ? html`<button
              type="button"
              class="threshold"
              aria-pressed=${threshold ? 'true' : 'false'}
              title="Brush paints only pixels whose value lies in the range"
              @click=${toggle}
            >
              Threshold
            </button>
            ${threshold
              ? html`<input class="threshold-min" type="number" aria-label=${`Paint from (lowest value${unit})`} .value=${String(threshold.min)} @change=${edit('min')} />
                  <input class="threshold-max" type="number" aria-label=${`Paint to (highest value${unit})`} .value=${String(threshold.max)} @change=${edit('max')} />${unit}`
              : nothing}`
        : nothing}
      <button
        type="button"
        class="fill-between"
        title="Interpolate brush masks on the unpainted slices between painted ones"
        ?disabled=${!this.session.canEdit}
        @click=${() => this.fillBetweenSlices(this.activeBrushClass())}
      >
        Fill between
      </button>`;
  }

  /** The brush class being painted with, if the active class is one (Fill between then fills only it). */
  private activeBrushClass(): string | undefined {
    const active = this.session.activeSchemaId;
    return active !== undefined && this.session.ontology?.tools.some((tool) => tool.schemaId === active && tool.tool === 'brush') ? active : undefined;
  }

  private renderOverlayToggle(stack: SliceStack, slice: number): TemplateResult | typeof nothing {
    const planes = stack.info(slice).overlays;
    if (!planes?.length) return nothing;
    const labels = planes.map((plane) => plane.label).filter((label): label is string => Boolean(label));
    return html`<button
      type="button"
      class="overlays"
      aria-pressed=${this.overlaysVisible ? 'true' : 'false'}
      title=${`Show the file's overlay planes${labels.length ? ` (${labels.join(', ')})` : ''}`}
      @click=${() => (this.overlaysVisible = !this.overlaysVisible)}
    >
      Overlays
    </button>`;
  }

  /** The slice's own PixelSpacing (a series may mix them), which its lengths are measured with. */
  private renderSpacing(spacing: [number, number] | undefined): TemplateResult | typeof nothing {
    if (!spacing) return nothing;
    const [rows, columns] = spacing.map((mm) => String(Number(mm.toPrecision(4))));
    return html`<span class="spacing" title="Pixel spacing of this slice (row × column), used for lengths">${rows === columns ? rows : `${rows} × ${columns}`} mm/px</span>`;
  }

  /** The pixels of the current slice within `brushThreshold` (undefined: no threshold, or a colour slice). */
  private paintablePixels(): Uint8Array | undefined {
    const stack = this.stack;
    const threshold = this.brushThreshold;
    if (!stack || !threshold) return undefined;
    const slice = Math.min(this.slice, stack.count - 1);
    // A compressed slice still decoding has no values to compare yet: nothing is paintable.
    if (!stack.ready(slice)) return new Uint8Array(stack.width * stack.height);
    const cached = this.paintableCache;
    if (cached && cached.stack === stack && cached.slice === slice && cached.min === threshold.min && cached.max === threshold.max) return cached.mask;
    const mask = stack.withinRange(slice, Math.min(threshold.min, threshold.max), Math.max(threshold.min, threshold.max));
    this.paintableCache = { stack, slice, min: threshold.min, max: threshold.max, mask };
    return mask;
  }

  /**
   * Fill between slices: for each brush class (or only `schemaId`), every run of unpainted slices
   * between two painted ones gets masks interpolated from those two (shape-based: centroid-aligned
   * signed distances, see docs/elements/lk-dicom.md). One undo step; `lk-change` as for strokes.
   * Returns how many slice masks were written.
   */
  fillBetweenSlices(schemaId?: string): number {
    const stack = this.stack;
    const ontology = this.session.ontology;
    if (!stack || !ontology || !this.session.canEdit) return 0;
    const { width, height } = stack;
    const classes = schemaId !== undefined ? [schemaId] : ontology.tools.filter((tool) => tool.tool === 'brush').map((tool) => tool.schemaId);
    const masks = [...this.session.store.state.masks.values()];
    const writes: BrushMask[] = [];
    for (const brushClass of classes) {
      const painted = masks.filter((mask) => mask.schemaId === brushClass && mask.width === width && mask.height === height && hasPaint(mask)).sort((a, b) => a.page - b.page);
      for (let k = 1; k < painted.length; k++) {
        const from = painted[k - 1]!;
        const to = painted[k]!;
        if (to.page - from.page < 2) continue;
        const a = maskEnd(from.data, width, height);
        const b = maskEnd(to.data, width, height);
        if (!a || !b) continue;
        for (let page = from.page + 1; page < to.page; page++) {
          const data = interpolateMask(a, b, width, height, (page - from.page) / (to.page - from.page));
          writes.push({ key: brushMaskKey(page, brushClass), page, schemaId: brushClass, width, height, data });
        }
      }
    }
    if (writes.length === 0) return 0;
    this.session.store.transact({ origin: 'user', reason: 'create' }, (tx) => {
      for (const mask of writes) tx.putMask(mask);
    });
    return writes.length;
  }

  /** Every polyline is measured, each with its own slice's PixelSpacing (a series may mix them). */
  private readonly measurements: MeasurementContext = {
    spacingOf: (page) => {
      const stack = this.stack;
      return stack && page !== undefined && page < stack.count ? stack.pixelSpacingOf(page) : undefined;
    },
    everyPolyline: true,
  };

  protected override exportContext(): { measurements: MeasurementContext } {
    return { measurements: this.measurements };
  }

  /**
   * Measured length of a polyline object on its slice (mm with its slice's PixelSpacing, else px)
   * and `angle` in degrees: at the middle point of a three-point polyline, or the Cobb angle of a
   * class with `measure: 'cobb'` (none for `measure: 'length'`). Unrounded; the export's
   * `measurement` has the same numbers to 0.001.
   */
  measure(objectId: string): { value: number; unit: 'mm' | 'px'; angle?: number } | undefined {
    const object = this.session.store.state.objects.get(objectId);
    const keyframe = object?.keyframes[0];
    if (!object || !keyframe || keyframe.geometry.type !== 'polyline') return undefined;
    const points = keyframe.geometry.value;
    const spacing = this.measurements.spacingOf(keyframe.frame);
    const ontology = this.session.ontology;
    const category = ontology ? findCategory(ontology, object.schemaId) : undefined;
    const kind = category?.kind === 'tool' ? category.measure : undefined;
    const angle = kind === 'cobb' ? cobbAngle(points, spacing) : kind === 'length' ? undefined : polylineAngle(points, spacing);
    return { ...polylineLength(points, spacing), ...(angle === undefined ? {} : { angle }) };
  }
}

const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

/**
 * The focused slider keeps its own keys (the element would nudge a selection with the arrows);
 * Shift+PageUp/PageDown still go on to the element (previous / next labelled slice).
 */
function keepSliderKeys(event: KeyboardEvent): void {
  if (!SLIDER_KEYS.has(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.shiftKey && (event.key === 'PageUp' || event.key === 'PageDown')) return;
  event.stopPropagation();
}

function formatWindowValue(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
}

const DECODE_ERROR_CODES = { unsupported: 'asset-unsupported', resource: 'resource-load', corrupt: 'asset-load' } as const;

function toLabelkitError(error: unknown, decodeError: abstract new (...args: never[]) => Error & { kind: keyof typeof DECODE_ERROR_CODES }): unknown {
  if (error instanceof decodeError) return new LabelkitError({ code: DECODE_ERROR_CODES[error.kind], message: error.message });
  return error;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
