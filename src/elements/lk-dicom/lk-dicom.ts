import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Texture } from 'pixi.js';
import { LabelkitError } from '../../core/errors.js';
import type { Point } from '../../core/model.js';
import { geometryOnPlane } from '../../core/plane-geometry.js';
import type { PlaneModel } from '../../core/session.js';
import type { Surface } from '../../canvas/surface.js';
import type { ViewportState } from '../../canvas/viewport.js';
import type { AssetMetadata, DicomMetadata } from '../../format/types.js';
import { createAssetLoader, type AssetLoader } from '../../host/asset-loader.js';
import type { SliceRenderer } from '../../media/dicom/slice-renderer.js';
import type { SliceStack } from '../../media/dicom/slice-stack.js';
import { formatAngle, formatLength, polylineAngle, polylineLength } from '../../media/dicom/measure.js';
import { dragWindow, presetsFor, windowForRange, type VoiWindow } from '../../media/dicom/windowing.js';
import { annotatorLayoutStyles } from '../base/layout.styles.js';
import { isTypingTarget, type KeyAction } from '../base/keymap.js';
import { styleProperties } from '../base/style-properties.js';
import { SurfaceElement } from '../base/surface-element.js';
import { elementShortcutsContext } from '../panels/shared/element-shortcuts.js';
import { DICOM_SHORTCUTS } from './dicom-shortcuts.js';

const FETCH_CONCURRENCY = 6;
const WHEEL_STEP_PX = 50;
const MAX_MEASURE_LABELS = 200;

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

const dicomStyles = css`
  /* The bar gets its own strip under the image so it never covers pixels you draw on. */
  .surface {
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
  .dicom-bar input[type='range'] {
    width: min(240px, 30vw);
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
    position: absolute;
    inset: 0 0 var(--lk-dicom-bar-height, 40px) 0;
    pointer-events: none;
    overflow: hidden;
  }
  .measure {
    position: absolute;
    transform: translate(6px, -50%);
    padding: 0 4px;
    border-radius: 3px;
    background: rgba(0, 0, 0, 0.7);
    color: #ffeb3b;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
`;

/**
 * Label DICOM images: single-frame and multi-frame files or a series of files, with window/level,
 * slice navigation and the 2D tools on each slice (`page` = 0-based slice). Polylines show their
 * length in mm when the file has PixelSpacing (px otherwise).
 *
 * @tagname lk-dicom
 * @summary DICOM labeling element.
 *
 * @csspart dicom-controls - The bar under the image with the slice slider and window/level controls.
 * @cssproperty [--lk-dicom-bar-height=40px] - Height of that bar.
 */
export class LkDicom extends SurfaceElement {
  static override styles = [annotatorLayoutStyles, dicomStyles];
  protected static override planeModel: PlaneModel = 'paged';

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

  /** @internal */
  protected override onSurfaceReady(surface: Surface): void {
    this.observeView(surface);
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

  /**
   * Measurement labels follow the view. SurfaceElement gives subclasses no view-change hook, so
   * this wraps the surface's own `setView` (every pan, zoom and fit goes through it).
   */
  private observeView(surface: Surface): void {
    const setView = surface.setView.bind(surface);
    surface.setView = (view: ViewportState) => {
      setView(view);
      this.viewTick++;
    };
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
    if (event.key === 'PageUp') handled = this.stepSlice(-1);
    else if (event.key === 'PageDown') handled = this.stepSlice(1);
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
        ${stack.count > 1
          ? html`<label
              >Slice <output aria-live="polite">${slice + 1} / ${stack.count}</output>
              <input
                type="range"
                aria-label="Slice"
                min="0"
                max=${stack.count - 1}
                step="1"
                .value=${String(slice)}
                @input=${(event: Event) => this.session.setPlane(Number((event.target as HTMLInputElement).value))}
              />
            </label>`
          : nothing}
        ${window ? this.renderWindowControls(stack, window) : nothing} ${this.renderOverlayToggle(stack, slice)}
        ${this.renderSpacing(stack.pixelSpacingOf(slice))}
      </div>
      ${this.renderMeasurements(stack)}
    `;
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

  /** Length labels for the polylines on this slice, in mm with PixelSpacing. */
  private renderMeasurements(stack: SliceStack): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    const labels: TemplateResult[] = [];
    for (const object of this.session.store.state.objects.values()) {
      if (labels.length >= MAX_MEASURE_LABELS) break;
      if (this.session.hidden.has(object.objectId)) continue;
      const geometry = geometryOnPlane(object, this.slice, 'paged');
      if (!geometry || geometry.type !== 'polyline' || geometry.value.length < 2) continue;
      const spacing = stack.pixelSpacingOf(this.slice);
      const angle = polylineAngle(geometry.value, spacing);
      const text = `${formatLength(polylineLength(geometry.value, spacing))}${angle === undefined ? '' : ` · ${formatAngle(angle)}`}`;
      const anchor: Point = geometry.value.at(-1)!;
      const x = anchor[0] * view.scale + view.offsetX;
      const y = anchor[1] * view.scale + view.offsetY;
      labels.push(html`<span class="measure" data-object-id=${object.objectId} style=${styleProperties({ left: `${x}px`, top: `${y}px` })}>${text}</span>`);
    }
    return labels.length ? html`<div class="measures" aria-hidden="true">${labels}</div>` : nothing;
  }

  /**
   * Measured length of a polyline object on its slice (mm with its slice's PixelSpacing, else px)
   * and, for a three-point polyline, `angle`: degrees at its middle point.
   */
  measure(objectId: string): { value: number; unit: 'mm' | 'px'; angle?: number } | undefined {
    const object = this.session.store.state.objects.get(objectId);
    const keyframe = object?.keyframes[0];
    if (!keyframe || keyframe.geometry.type !== 'polyline') return undefined;
    const stack = this.stack;
    // Each slice's own spacing: a series may mix them.
    const spacing = stack && keyframe.frame < stack.count ? stack.pixelSpacingOf(keyframe.frame) : undefined;
    const angle = polylineAngle(keyframe.geometry.value, spacing);
    return { ...polylineLength(keyframe.geometry.value, spacing), ...(angle === undefined ? {} : { angle }) };
  }
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
