/**
 * The 2D annotation surface shared by image, video, PDF areas and DICOM: one pixi scene per
 * element instance, the plane as background, shapes from the store, the active tool's draft.
 *
 * Performance by construction (ARCHITECTURE.md): render on demand; settled shapes are drawn once
 * into a viewport-sized texture (plus a margin) that is moved and scaled while the view changes and
 * re-rendered when it settles; only selected shapes, drafts and handles stay live; hit tests go
 * through an R-tree.
 */
import { Application, Container, Graphics, Sprite, Text, Texture, type SCALE_MODE, type TextureSource } from 'pixi.js';
// Eval-free shader and uniform sync: without it pixi calls `new Function` at init, which a page
// with a strict CSP (no 'unsafe-eval', Trusted Types) refuses, and the surface never starts.
import 'pixi.js/unsafe-eval';
import type { Box, Geometry, Point } from '../core/model.js';
import { geometryBounds, hitTestGeometry } from '../core/geometry.js';
import { geometryOnPlane } from '../core/plane-geometry.js';
import type { DisplaySettings, LabelingSession } from '../core/session.js';
import type { ChangeSet } from '../core/store.js';
import type { BrushDraft, Draft, Handle, Tool, ToolContext, ToolFactory } from '../tools/tool.js';
import type { ToolCategory, ToolType } from '../core/ontology.js';
import { createSelectTool, toolFactories, createBrushTool } from '../tools/index.js';
import { BrushLayer } from './brush-layer.js';
import { handlesFor } from './handles.js';
import { PointerInput } from './pointer-input.js';
import { SettledLayer, type SettledFrame, type SettledShape } from './settled-layer.js';
import { LiveOverlay } from './live-overlay.js';
import { BackgroundLevels } from './background-levels.js';
import { chooseRenderer, type RendererPreference } from './renderer-choice.js';
import { colorNumber, drawGeometry, POINT_RADIUS } from './shape-drawing.js';
import { createSpatialIndex } from './spatial-index.js';
import { buildIndexInSlices, SYNC_LIMIT } from './sliced-index-build.js';
import { MAX_SLICE_ITEMS, runInSlices, type SlicedRun } from './sliced-work.js';
import { ViewComposer } from './view-composer.js';
import { paintInTiles } from './tiled-paint.js';
import { isNeutral, PictureFilter } from './picture-filter.js';
import { RelationLabels, type RelationLabel } from './relation-labels.js';
import { inkOn } from '../core/ink.js';
import { PictureReader } from './picture-reader.js';
import { yieldToMain } from '../scheduling/yield-to-main.js';
import type { DraftOverlay } from './draft-overlay.js';
import { drawsWithSmartTools, type ShapeEdit, type SmartToolKind } from '../tools/smart/smart-kinds.js';
import { clampTolerance, DEFAULT_TOLERANCE, type SmartToolSettings } from '../tools/smart/smart-settings.js';
import type { TileLayer } from './tile-layer.js';
import {
  actualSize,
  fitView,
  screenToAsset,
  visibleAssetBox,
  zoomAbout,
  type Size,
  type ViewportState,
} from './viewport.js';

export interface SurfaceOptions {
  container: HTMLElement;
  session: LabelingSession;
  renderer?: RendererPreference;
  newObjectId(): string;
  /** Called after every view change (zoom display, tests). */
  onViewChange?(view: ViewportState): void;
  /** Called when the surface lost its GPU context and rebuilt itself. */
  onRebuilt?(renderer: 'webgl' | 'canvas'): void;
  /** What the active tool asks of the user next (keypoints: the next point), or undefined. */
  onToolHint?(hint: string | undefined): void;
}

/**
 * A geometry kind loaded on demand (keypoints, elements/base/keypoints-kit.ts): its tool and its
 * painter. Its objects are drawn live, every frame, over the settled bitmap (which leaves them out).
 */
export interface SurfaceExtension {
  readonly tool: ToolType;
  readonly createTool: ToolFactory;
  paint(g: Graphics, geometry: Geometry, category: ToolCategory | undefined, style: { scale: number; emphasis: boolean; draft: boolean }): void;
}

const SETTLE_MS = 120;
/** How long `built()` waits for a due render of the settled bitmap before its caller renders it at once. */
const MAX_BUILD_WAIT_MS = 5000;
const CACHE_MARGIN = 0.5;
const MAX_CACHE_SIDE = 4096;
const STROKE_WIDTH = 2;
const SELECTED_STROKE_WIDTH = 3;
/**
 * While the settled bitmap is painted in slices, the stage shows the progress at most this often:
 * each such frame draws the whole stage again, which costs more than a slice of shapes.
 */
const PROGRESS_FRAME_MS = 100;
/** At most this many just-added objects wait on the live overlay for the settled bitmap's next render. */
const FRESH_LIMIT = 64;

/** Fill opacities from the session's display settings: selected shapes are filled twice as strongly. */
function fillAlphas(display: DisplaySettings): { settled: number; selected: number; selectedOverSettled: number } {
  const settled = display.outlineOnly ? 0 : display.fillOpacity;
  const selected = display.outlineOnly ? 0 : Math.min(1, Math.max(2 * settled, settled));
  // Painted over the settled fill, it gives `selected` in all.
  const selectedOverSettled = settled >= 1 ? 0 : 1 - (1 - selected) / (1 - settled);
  return { settled, selected, selectedOverSettled };
}
/** Past this zoom (800 %: screen pixels per asset pixel) the picture is sampled nearest-neighbour and a pixel grid is drawn. */
const PIXEL_GRID_SCALE = 8;
const PIXEL_GRID_ALPHA = 0.25;
const HANDLE_SIZE_MOUSE = 8;
const HANDLE_SIZE_TOUCH = 18;

export class Surface {
  readonly ready: Promise<void>;
  readonly session: LabelingSession;
  view: ViewportState = { scale: 1, offsetX: 0, offsetY: 0 };
  planeSize: Size = { width: 0, height: 0 };
  brushSize = 20;
  /** Threshold painting: the pixels of the current plane a brush may paint (see ToolContext). */
  paintablePixels: (() => Uint8Array | undefined) | undefined;
  /** The labeler's drawing mode for polygon and segmentation classes; `undefined`: each class's ontology `drawWith` (else click). */
  smartTool: SmartToolKind | 'click' | undefined;
  readonly smartSettings: SmartToolSettings = { tolerance: DEFAULT_TOLERANCE };
  /** Which renderer draws now (`canvas` where WebGL is software). */
  rendererKind: 'webgl' | 'canvas' = 'canvas';

  private app: Application | undefined;
  private readonly options: SurfaceOptions;
  private readonly world = new Container();
  private readonly background = new Sprite();
  private readonly cacheSprite = new Sprite();
  private readonly pixelGrid = new Graphics();
  /** Made on the first adjustment: its shader program asks pixi for a WebGL test context (tens of ms in software GL). */
  private pictureFilter: PictureFilter | undefined;
  private readonly pictureReader = new PictureReader();
  /** Bumped when the background's pixels change in place, so smart tools read them again. */
  private pictureVersion = 0;
  /** Bumped on every tool switch: a smart tool still loading for an older one is dropped. */
  private toolGeneration = 0;
  /** The sampling each background texture came with, restored below 800 %. */
  private readonly ownScaleModes = new WeakMap<TextureSource, SCALE_MODE>();
  private readonly brushLayer: BrushLayer;
  private readonly liveLayer = new Graphics();
  /** Objects of extension kinds (keypoints), all of them, live. */
  private readonly extensionLayer = new Graphics();
  private extensions: SurfaceExtension[] = [];
  private readonly draftLayer = new Graphics();
  private readonly handleLayer = new Graphics();
  private readonly labels = new Container();
  /**
   * What changes without the settled picture (selected, hovered, draft, handles, titles,
   * relations, just-added objects): in the stage on WebGL, on its own small canvas on Canvas2D.
   */
  private readonly liveRoot = new Container();
  /** Objects just added, painted as the settled bitmap would (and folded into it at its next render). */
  private readonly freshSprite = new Sprite();
  private readonly freshLayer = new SettledLayer();
  /** `pendingAppend` when the fresh bitmap was painted, and the ids it shows. */
  private freshIds: string[] = [];
  private freshDrawn: string[] = [];
  private overlay: LiveOverlay | undefined;
  /** Something besides the live layers (or the view) changed: the next frame renders the stage canvas. */
  private stageDue = true;
  private cacheFrame: SettledFrame | undefined;
  private readonly relationLabels = new RelationLabels();
  private readonly labelCache = new Map<string, { holder: Container; height: number }>();
  private readonly index = createSpatialIndex();
  private readonly settledLayer = new SettledLayer();
  private stillBackground: Texture | undefined;
  private backgroundLevels: BackgroundLevels | undefined;
  /** A tiled picture in place of the background texture (tile-layer.ts). */
  private tileLayer: TileLayer | undefined;
  private cacheDirty = true;
  /** Objects left out of the settled bitmap when it was last rendered (they were selected then). */
  private cacheExcluded = new Set<string>();
  /** New unselected objects to paint onto the settled bitmap without re-rendering it. */
  private pendingAppend: string[] = [];
  private readonly colors = new Map<string | undefined, number>();
  private cacheScale = 0;
  private cacheRect: Box | undefined;
  private settleTimer = 0;
  /** The container's size from a ResizeObserver: rendering must not force a layout to read it. */
  private containerSize: Size | undefined;
  private readonly resizeObserver: ResizeObserver;
  /** The plane changed since the shapes were drawn (video playback, scrubbing, stepping). */
  private planeChanged = false;
  private planeSettleTimer = 0;
  private frame = 0;
  private viewMoving = false;
  /** Something besides the view changed since the last render: the next frame must render. */
  private contentChanged = true;
  private readonly composer = new ViewComposer();
  /** The active tool's cursor (a pan shows `grabbing` over it). */
  private toolCursor = '';
  private draft: Draft | undefined;
  /** Drafts marked `overlay` (the smart tools') are drawn here, without a render of the stage; loaded with them. */
  private draftOverlay: DraftOverlay | undefined;
  /** The view and stage size the overlay's draft was last drawn for. */
  private overlayDraftDrawnFor: { view: ViewportState; size: Size } | undefined;
  private brushDraft: BrushDraft | undefined;
  private tool: Tool;
  private hovered: string | undefined;
  private destroyed = false;
  private readonly input: PointerInput;
  private readonly unsubscribers: (() => void)[] = [];
  private renderedSettled: string[] = [];
  /** The plane's objects going into the index a slice at a time (many objects), and the settled bitmap painted so. */
  private indexBuild: SlicedRun | undefined;
  private paintRun: SlicedRun | undefined;
  /** New objects (many: a sliced index build's) painted onto the bitmap a slice at a time. */
  private appendRun: SlicedRun | undefined;
  private coarsePointer = false;
  /** When the stage was last rendered (not composed). */
  private renderedAt = 0;
  readonly toolContext: ToolContext;

  constructor(options: SurfaceOptions) {
    this.options = options;
    this.session = options.session;
    this.brushLayer = new BrushLayer();
    this.world.addChild(this.background, this.pixelGrid, this.cacheSprite, this.brushLayer.container, this.extensionLayer, this.liveRoot);
    this.liveRoot.addChild(this.freshSprite, this.liveLayer, this.draftLayer, this.handleLayer, this.labels);
    this.freshSprite.visible = false;
    this.liveRoot.addChild(this.relationLabels.container);
    this.toolContext = this.createToolContext();
    this.tool = createSelectTool(this.toolContext);
    this.input = new PointerInput(this);
    this.ready = this.init(chooseRenderer(options.renderer ?? 'auto'));
    this.unsubscribers.push(
      this.session.store.subscribe((change) => this.onStoreChange(change)),
      this.session.subscribe((topic) => {
        if (topic === 'tool' || topic === 'ontology' || topic === 'mode') this.switchTool();
        if (topic === 'plane') {
          this.reindexPlane();
          this.planeChanged = true;
        }
        if (topic === 'ontology') this.colors.clear();
        if (topic === 'selection') {
          if (this.bitmapMissesUnselected()) this.invalidate(true);
          else this.invalidateLive();
        }
        if (topic === 'visibility') this.adjustPicture();
        if (topic === 'visibility' || topic === 'ontology' || topic === 'plane') this.invalidate(true);
      }),
    );
    this.reindexPlane();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.containerSize = { width: entry.contentRect.width, height: entry.contentRect.height };
      // pixi's `resizeTo` listens to the window only: a host box or `--lk-height` that changes
      // alone would leave the canvas at its first size.
      this.app?.resize();
    });
    this.resizeObserver.observe(options.container);
  }

  private async init(kind: 'webgl' | 'canvas'): Promise<void> {
    const app = new Application();
    const { container } = this.options;
    await app.init({
      preference: kind === 'canvas' ? 'canvas' : 'webgl',
      resizeTo: container,
      autoDensity: true,
      resolution: window.devicePixelRatio || 1,
      antialias: true,
      backgroundAlpha: 0,
      autoStart: false,
      sharedTicker: false,
      preserveDrawingBuffer: true,
    });
    if (this.destroyed) {
      // Destroyed while pixi started: free the GPU context now, as destroy() does.
      const gl = (app.renderer as { gl?: WebGLRenderingContext }).gl;
      app.destroy(true, { children: true, texture: true, textureSource: true });
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
      return;
    }
    app.ticker.stop();
    this.app = app;
    this.rendererKind = app.renderer.name === 'webgl' || app.renderer.name === 'webgpu' ? 'webgl' : 'canvas';
    app.stage.addChild(this.world);
    const canvas = app.canvas;
    canvas.setAttribute('part', 'canvas');
    canvas.style.display = 'block';
    canvas.style.touchAction = 'none';
    container.appendChild(canvas);
    if (this.rendererKind === 'canvas') {
      this.overlay ??= new LiveOverlay(container, app.renderer.resolution);
      container.appendChild(this.overlay.canvas);
      this.world.removeChild(this.liveRoot);
    }
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    // Input is read on the container: a composed frame may move the canvas away from an edge.
    this.input.attach(container);
    app.renderer.on('resize', () => this.invalidate(true));
    this.invalidate(true);
  }

  /** Chromium keeps 16 WebGL contexts per page: an evicted surface rebuilds on the canvas renderer. */
  private readonly onContextLost = (event: Event) => {
    event.preventDefault();
    const old = this.app;
    if (!old || this.destroyed) return;
    old.stage.removeChild(this.world);
    old.canvas.remove();
    old.destroy(false, { children: false });
    this.app = undefined;
    this.cacheRect = undefined;
    this.composer.reset();
    void this.init('canvas').then(() => this.options.onRebuilt?.('canvas'));
  };

  get canvas(): HTMLCanvasElement | undefined {
    return this.app?.canvas;
  }

  get viewSize(): Size {
    const rect = this.options.container.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  }

  /** The view size for rendering: observed, so a frame never forces a layout (falls back to measuring). */
  private get renderSize(): Size {
    return this.containerSize ?? this.viewSize;
  }

  /** Where the mouse or pen is over the stage (stage pixels), undefined once it left. */
  pointerOnStage: Point | undefined;

  /** Asset coordinates of the mouse or pen over the stage, in the current view (paste goes there). */
  get pointer(): Point | undefined {
    return this.pointerOnStage && screenToAsset(this.view, this.pointerOnStage[0], this.pointerOnStage[1]);
  }

  /** Space held: primary-button drags pan instead of drawing. */
  set spaceHeld(held: boolean) {
    this.input.spaceHeld = held;
  }

  get activeTool(): Tool {
    return this.tool;
  }

  get isCoarsePointer(): boolean {
    return this.coarsePointer;
  }

  set isCoarsePointer(value: boolean) {
    if (value === this.coarsePointer) return;
    this.coarsePointer = value;
    this.invalidate(false);
  }

  // ---- background and view --------------------------------------------------------------------

  /**
   * The plane's picture. `still` (a photo, not a video frame or a re-windowed slice): the Canvas2D
   * renderer then draws it from a copy near the screen's size (BackgroundLevels).
   */
  setBackground(source: Texture | undefined, size: Size, options: { still?: boolean } = {}): void {
    // An element that left the page mid-load may still hand over its picture: nothing to draw on.
    if (this.destroyed) return;
    this.tileLayer?.destroy();
    this.tileLayer = undefined;
    const sizeChanged = size.width !== this.planeSize.width || size.height !== this.planeSize.height;
    this.planeSize = size;
    this.backgroundLevels?.destroy();
    this.backgroundLevels = undefined;
    this.stillBackground = options.still ? source : undefined;
    this.pictureVersion++;
    this.background.texture = source ?? Texture.EMPTY;
    this.background.width = size.width;
    this.background.height = size.height;
    if (sizeChanged) {
      this.fit();
      this.endViewMove();
    }
    this.invalidate(false);
  }

  /** A tiled picture of `size` asset pixels as the plane's picture; the surface owns `tiles` from now on. */
  setTiles(tiles: TileLayer, size: Size): void {
    this.setBackground(undefined, size);
    if (this.destroyed) return tiles.destroy();
    this.tileLayer = tiles;
    this.world.addChildAt(tiles.container, this.world.getChildIndex(this.background) + 1);
    this.adjustPicture();
  }

  /** Brightness, contrast, gamma and invert of the picture from the session (a filter on the background sprite only). */
  private adjustPicture(): void {
    const display = this.session.display;
    if (isNeutral(display)) {
      this.background.filters = null;
      if (this.tileLayer) this.tileLayer.container.filters = null;
      return;
    }
    const filter = (this.pictureFilter ??= new PictureFilter());
    filter.set(display);
    this.background.filters = [filter];
    if (this.tileLayer) this.tileLayer.container.filters = [filter];
  }

  /** Re-uploads a background whose pixels changed in place (video frame, DICOM window/level). */
  refreshBackground(): void {
    if (this.destroyed) return;
    this.background.texture.source.update();
    this.pictureVersion++;
    this.invalidate(false);
  }

  fit(): void {
    this.setView(fitView(this.planeSize, this.viewSize));
  }

  actualSize(): void {
    this.setView(actualSize(this.view, this.viewSize));
  }

  zoomBy(factor: number, at?: Point): void {
    const size = this.viewSize;
    const [x, y] = at ?? [size.width / 2, size.height / 2];
    this.setView(zoomAbout(this.view, factor, x, y));
  }

  /** True once the view has stopped moving and the stage shows it rendered, not composed (tests wait on it). */
  get viewSettled(): boolean {
    return !this.viewMoving && !this.composer.composing;
  }

  setView(view: ViewportState): void {
    if (this.destroyed) return;
    this.view = view;
    this.world.scale.set(view.scale);
    this.world.position.set(view.offsetX, view.offsetY);
    this.viewMoving = true;
    this.stageDue = true;
    window.clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => {
      this.viewMoving = false;
      if (this.needsCacheRender()) this.invalidate(true);
      // A settled-bitmap render put off while the view moved (an edit then) is due now.
      else if (this.composer.composing || this.cacheDirty) this.invalidate(false);
    }, SETTLE_MS);
    this.options.onViewChange?.(view);
    this.requestFrame();
  }

  /**
   * The view stops counting as moving now, not SETTLE_MS after its last change: a new plane fitted
   * is one jump, not a gesture that goes on, so its shapes are painted at the next frame.
   */
  private endViewMove(): void {
    window.clearTimeout(this.settleTimer);
    this.viewMoving = false;
  }

  /** Asset coordinates of a pointer's client position. */
  clientToAsset(clientX: number, clientY: number): Point {
    const rect = this.options.container.getBoundingClientRect();
    return screenToAsset(this.view, clientX - rect.left, clientY - rect.top);
  }

  // ---- tools --------------------------------------------------------------------------------

  /** Adds a geometry kind loaded on demand (its tool and painter); the active tool is chosen again. */
  addExtension(extension: SurfaceExtension): void {
    if (this.extensions.some((e) => e.tool === extension.tool)) return;
    this.extensions.push(extension);
    this.extensionClassCache = undefined;
    this.switchTool();
    this.invalidate(true);
  }

  private switchTool(): void {
    this.toolGeneration++;
    this.tool.dispose();
    this.draft = undefined;
    this.brushDraft = undefined;
    const schemaId = this.session.activeSchemaId;
    const category = schemaId ? this.session.ontology?.tools.find((t) => t.schemaId === schemaId) : undefined;
    const override = category && this.session.canEdit ? this.toolOverride?.(this.toolContext, category.schemaId, category.tool) : undefined;
    if (override) this.tool = override;
    else if (!category || !this.session.canEdit) this.tool = createSelectTool(this.toolContext);
    else if (category.tool === 'brush') this.tool = createBrushTool(this.toolContext, category.schemaId, { erase: false });
    else if (drawsWithSmartTools(category.tool) && this.drawModeOf(category) !== 'click') this.loadSmartTool(this.drawModeOf(category) as SmartToolKind, category.schemaId, category.tool);
    else {
      const factory = toolFactories[category.tool as keyof typeof toolFactories] ?? this.extensions.find((e) => e.tool === category.tool)?.createTool;
      this.tool = factory ? factory(this.toolContext, category.schemaId) : createSelectTool(this.toolContext);
    }
    this.setCursor(category && this.session.canEdit ? 'crosshair' : 'default');
    this.invalidate(false);
  }

  /** How a class draws now: the labeler's choice, else the ontology's `drawWith`, else click. */
  drawModeOf(category: { drawWith?: SmartToolKind } | undefined): SmartToolKind | 'click' {
    return this.smartTool ?? category?.drawWith ?? 'click';
  }

  /** Draws polygon and segmentation classes with a smart tool, or by `click` (vertex by vertex), whatever their `drawWith`. */
  useSmartTool(kind: SmartToolKind | 'click' | undefined): void {
    if (kind === this.smartTool) return;
    this.smartTool = kind;
    this.switchTool();
  }

  /** Sets the magic wand's tolerance; a draft in progress is filled again with it. */
  setTolerance(value: number): void {
    this.smartSettings.tolerance = clampTolerance(value);
    (this.tool as { refill?(): void }).refill?.();
  }

  /** Runs a shape edit on the selection (loads the edits on first use). Resolves to why it could not apply, if it could not. */
  runShapeEdit(edit: ShapeEdit): Promise<string | undefined> {
    const run = import('../tools/smart/index.js').then(({ runShapeEdit }) => {
      const outcome = runShapeEdit(this.toolContext, edit);
      return outcome.ok ? undefined : outcome.message;
    });
    // `settled()` waits for the edit, but its failure is the caller's to report.
    this.pending = run.catch(() => undefined);
    return run;
  }

  /** The smart tools load on first use; until then the class's tool does nothing (no stray vertex). */
  private loadSmartTool(kind: SmartToolKind, schemaId: string, output: 'polygon' | 'segmentation'): void {
    const generation = this.toolGeneration;
    this.tool = idleTool;
    this.pending = Promise.all([import('../tools/smart/index.js'), import('./draft-overlay.js')]).then(([smart, overlay]) => {
      this.draftOverlay ??= new overlay.DraftOverlay(this.options.container);
      if (generation !== this.toolGeneration || this.destroyed) return;
      this.tool =
        kind === 'magic-wand'
          ? smart.createMagicWandTool(this.toolContext, schemaId, output, this.smartSettings)
          : smart.createMagneticLassoTool(this.toolContext, schemaId, output);
      // Read the picture's pixels (and the lasso's luma) while the labeler aims, not on the first
      // click: a band of rows per task, so the page stays responsive; `settled()` waits for it.
      return new Promise<void>((resolve) => {
        const warm = () => {
          const read = this.destroyed ? undefined : this.toolContext.picturePixelsInSteps?.();
          void Promise.resolve(read)
            .then((pixels) => (pixels && kind === 'magnetic-lasso' && !this.destroyed ? smart.lumaInSteps(pixels, yieldToMain) : undefined))
            .then(() => resolve());
        };
        if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 300 });
        else setTimeout(warm, 0);
      });
    }, () => {
      // The smart tools' chunk did not load (offline, a deploy that dropped it): draw vertex by vertex.
      if (generation !== this.toolGeneration || this.destroyed) return;
      this.tool = toolFactories[output](this.toolContext, schemaId);
    });
  }

  /** Resolves once the active tool has loaded and the last shape edit ran (both `import()` first); `settled()` waits on it. */
  pending: Promise<unknown> = Promise.resolve();

  /**
   * A tool that replaces the class's own drawing tool while it is set (assisted labeling's smart
   * segment tool); undefined keeps the class's tool. `reloadTool()` applies a change.
   */
  toolOverride: ((context: ToolContext, schemaId: string, tool: string) => Tool | undefined) | undefined;

  /** Builds the active class's tool again (after `toolOverride` changed). */
  reloadTool(): void {
    if (!this.destroyed) this.switchTool();
  }

  /** Switches to the eraser for a brush class (`*` erases every class). */
  useEraser(schemaId: string): void {
    this.tool.dispose();
    this.tool = createBrushTool(this.toolContext, schemaId, { erase: true });
    this.setCursor('crosshair');
  }

  private setCursor(cursor: string): void {
    this.toolCursor = cursor;
    this.options.container.style.cursor = cursor;
  }

  /** `grabbing` while a pan drags the view, the tool's cursor after. */
  showPanning(panning: boolean): void {
    this.options.container.style.cursor = panning ? 'grabbing' : this.toolCursor;
  }

  /** What the smart tools read the picture from: the still image as decoded, else the background's current source. */
  private pictureResource(): unknown {
    const source = this.background.texture === Texture.EMPTY ? undefined : this.background.texture.source;
    return this.stillBackground?.source.resource ?? source?.resource;
  }

  private createToolContext(): ToolContext {
    const surface = this;
    return {
      get session() {
        return surface.session;
      },
      get plane() {
        return surface.session.plane;
      },
      get planeSize() {
        return surface.planeSize;
      },
      get scale() {
        return surface.view.scale;
      },
      get brushSize() {
        return surface.brushSize;
      },
      set brushSize(value: number) {
        surface.brushSize = Math.max(1, Math.min(500, Math.round(value)));
      },
      paintablePixels: () => this.paintablePixels?.(),
      picturePixels: () => this.pictureReader.read(this.pictureResource(), this.planeSize.width, this.planeSize.height, this.pictureVersion),
      picturePixelsInSteps: () => {
        const resource = this.pictureResource();
        const { width, height } = this.planeSize;
        const version = this.pictureVersion;
        const current = () => this.pictureVersion === version && this.pictureResource() === resource;
        return this.pictureReader.readAlready(resource, width, height, version) ?? this.pictureReader.readInSteps(resource, width, height, version, current);
      },
      newObjectId: () => this.options.newObjectId(),
      hitTest: (point, tolerance) => this.hitTest(point, tolerance),
      query: (box) => this.index.search(box).filter((id) => !this.session.hidden.has(id)),
      handleAt: (point, tolerance) => this.handleAt(point, tolerance),
      geometryOf: (id) => this.geometryOf(id),
      setDraft: (draft) => {
        const previous = this.draft;
        this.draft = draft;
        if (draft?.overlay || previous?.overlay) this.drawOverlayDraft();
        // Only a draft drawn by pixi (shown now or before) needs a live frame.
        if ((draft && !draft.overlay) || (previous && !previous.overlay)) this.invalidateLive();
      },
      setBrushDraft: (draft) => {
        this.brushDraft = draft;
        this.brushLayer.showDraft(draft, this.colorOf(draft?.schemaId));
        this.invalidate(false);
      },
      setCursor: (cursor) => this.setCursor(cursor),
      setHint: (hint) => this.options.onToolHint?.(hint),
    };
  }

  // ---- queries --------------------------------------------------------------------------------

  geometryOf(objectId: string): Geometry | undefined {
    const object = this.session.store.state.objects.get(objectId);
    return object && geometryOnPlane(object, this.session.plane, this.session.planeModel);
  }

  /** The topmost visible object at `point` (asset coordinates) within `tolerance` screen pixels. */
  hitTest(point: Point, tolerance: number): string | undefined {
    const t = tolerance / this.view.scale;
    const candidates = this.index.search({ x: point[0] - t, y: point[1] - t, width: 2 * t, height: 2 * t });
    let best: { id: string; score: number; area: number; order: number } | undefined;
    for (const id of candidates) {
      if (this.session.hidden.has(id)) continue;
      const geometry = this.geometryOf(id);
      if (!geometry) continue;
      const score = hitTestGeometry(geometry, point, t);
      if (score === undefined) continue;
      const b = this.index.bounds(id);
      const area = b ? b.width * b.height : 0;
      const order = this.index.order(id);
      // Nearest first; among shapes the point is inside, the smallest, then the topmost.
      if (!best || score < best.score || (score === best.score && (area < best.area || (area === best.area && order > best.order)))) {
        best = { id, score, area, order };
      }
    }
    return best?.id;
  }

  handleAt(point: Point, tolerance: number): Handle | undefined {
    const t = tolerance / this.view.scale;
    let best: { handle: Handle; distance: number } | undefined;
    for (const handle of this.selectedHandles()) {
      const distance = Math.hypot(handle.position[0] - point[0], handle.position[1] - point[1]);
      if (distance <= t && (!best || distance < best.distance)) best = { handle, distance };
    }
    return best?.handle;
  }

  private selectedHandles(): Handle[] {
    if (!this.session.canEdit) return [];
    const handles: Handle[] = [];
    for (const id of this.session.selection) {
      const object = this.session.store.state.objects.get(id);
      if (!object || object.lock || this.session.hidden.has(id)) continue;
      const geometry = this.geometryOf(id);
      if (geometry) handles.push(...handlesFor(id, geometry, this.view.scale));
    }
    return handles;
  }

  /** Ids drawn in the last frame: settled (cached) and live. For tests and the object list. */
  renderedIds(): string[] {
    const live = this.session.selection.filter((id) => !this.session.hidden.has(id) && this.geometryOf(id));
    return [...new Set([...this.renderedSettled, ...this.freshDrawn, ...live])];
  }

  colorOf(schemaId: string | undefined): number {
    let color = this.colors.get(schemaId);
    if (color === undefined) {
      const ontology = this.session.ontology;
      const category = schemaId ? (ontology?.tools.find((t) => t.schemaId === schemaId) ?? ontology?.relations.find((r) => r.schemaId === schemaId)) : undefined;
      color = colorNumber(category?.color);
      this.colors.set(schemaId, color);
    }
    return color;
  }

  // ---- store → scene ----------------------------------------------------------------------------

  private reindexPlane(): void {
    this.indexBuild?.cancel();
    const ids = [...this.session.store.state.objects.keys()];
    this.indexBuild = buildIndexInSlices(this.index, ids, (id) => this.geometryOf(id), (added) => this.onIndexed(added));
    const build = this.indexBuild;
    // What a sliced build added was painted on top as it came; once all is in, the bitmap is painted as one render paints it.
    if (!build.finished) void build.done.then((finished) => finished && build === this.indexBuild && this.invalidate(true));
    this.brushLayer.showMasks(this.session.store.state.masks, this.session.plane, (id) => this.colorOf(id));
  }

  /** Objects a sliced index build just added: painted over the settled bitmap, as new objects are. */
  private onIndexed(ids: string[]): void {
    for (const id of ids) if (!this.cacheExcluded.has(id)) this.pendingAppend.push(id);
    this.invalidate(false);
  }

  private onStoreChange(change: ChangeSet): void {
    if (change.objects.length > SYNC_LIMIT) {
      // A bulk write (an import): indexed again in slices rather than one object at a time.
      this.reindexPlane();
      this.invalidate(true);
      return;
    }
    let repaint = false;
    for (const { id, before, after } of change.objects) {
      const geometry = after && geometryOnPlane(after, this.session.plane, this.session.planeModel);
      this.index.set(id, geometry);
      // Objects left out of the bitmap are drawn live; a new one is painted on top of the bitmap;
      // any other change means the bitmap shows something that is no longer there.
      if (this.cacheExcluded.has(id)) continue;
      if (!before && geometry && !this.session.selection.includes(id)) this.pendingAppend.push(id);
      else if (before || geometry) repaint = true;
    }
    if (change.masks.length) this.brushLayer.showMasks(this.session.store.state.masks, this.session.plane, (id) => this.colorOf(id));
    // Selected objects moved and objects added: the live overlay shows them (added ones until the bitmap's next render).
    if (!repaint && !change.masks.length) this.invalidateLive();
    else this.invalidate(repaint);
  }

  /**
   * A newly selected object may stay in the bitmap (its live highlight covers it) until it is
   * edited; an object that was left out of the bitmap and is no longer selected must come back.
   */
  private bitmapMissesUnselected(): boolean {
    const selected = new Set(this.session.selection);
    for (const id of this.cacheExcluded) if (!selected.has(id)) return true;
    return false;
  }

  // ---- rendering ------------------------------------------------------------------------------

  /** Schedules one render on the next animation frame; `settled` also re-renders the shape cache. */
  invalidate(settled: boolean): void {
    if (settled) this.cacheDirty = true;
    this.contentChanged = true;
    this.stageDue = true;
    this.requestFrame();
  }

  /** Schedules a render of what is drawn live only (a selection, a hover, a draft, a moved selected shape, an added shape). */
  private invalidateLive(): void {
    // Objects of an extension kind (keypoints) are drawn, emphasised when selected, on the stage.
    if (this.extensions.length > 0) this.stageDue = true;
    this.contentChanged = true;
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.frame || this.destroyed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render(false);
    });
  }

  /** Renders synchronously as if the view had settled (tests, screenshots); normally frames are on demand. */
  renderNow(): void {
    this.render(true);
  }

  private render(settle: boolean): void {
    const app = this.app;
    if (!app || this.destroyed) return;
    this.followOverlayDraft();
    const composable = !settle && !this.contentChanged && this.viewMoving && this.rendererKind === 'canvas';
    const companions = this.overlay ? [this.overlay.canvas] : [];
    if (composable && this.composer.compose(app.canvas, this.view, performance.now(), companions)) return;
    this.contentChanged = false;
    const overlay = this.overlay;
    if (overlay && !settle && !this.stageDue && !this.cacheDirty && !this.viewMoving && !this.composer.composing && this.pendingAppend.length <= FRESH_LIMIT) {
      // Only live content changed: the stage canvas keeps its pixels and is not committed again.
      this.renderLive();
      overlay.render(app.renderer, this.liveRoot, this.view, this.renderSize);
      return;
    }
    this.stageDue = false;
    if ((this.cacheDirty || this.needsCacheRender()) && (settle || !this.viewMoving)) this.renderCache(settle);
    else if (this.pendingAppend.length && !this.cacheDirty) this.appendToCache(settle);
    this.renderLive();
    this.chooseBackgroundLevel();
    this.tileLayer?.update(visibleAssetBox(this.view, this.renderSize), this.view.scale * (app.renderer.resolution ?? 1));
    this.showPixels();
    this.cacheSprite.visible = !this.settledLayer.blank;
    app.render();
    this.overlay?.render(app.renderer, this.liveRoot, this.view, this.renderSize);
    this.renderedAt = performance.now();
    this.composer.rendered(this.view, this.renderedAt);
  }

  /**
   * Past 800 % the picture's pixels are shown as they are (nearest-neighbour, not blurred between
   * them) with a grid on their edges, so segmentation vertices and brush strokes can be placed on
   * exact pixels. Below, the picture is sampled as its element chose and there is no grid.
   */
  private showPixels(): void {
    const scale = this.view.scale;
    const exact = scale > PIXEL_GRID_SCALE;
    const source = this.background.texture === Texture.EMPTY ? undefined : this.background.texture.source;
    if (source) {
      // Below 800 % the picture keeps the sampling its element chose (DICOM slices: always nearest).
      if (!this.ownScaleModes.has(source)) this.ownScaleModes.set(source, source.scaleMode);
      const mode = exact ? 'nearest' : this.ownScaleModes.get(source)!;
      if (source.scaleMode !== mode) source.scaleMode = mode;
    }
    const grid = this.pixelGrid.clear();
    if (!exact || (!source && !this.tileLayer)) return;
    const visible = visibleAssetBox(this.view, this.renderSize);
    const left = Math.max(0, Math.ceil(visible.x));
    const top = Math.max(0, Math.ceil(visible.y));
    const right = Math.min(this.planeSize.width, Math.floor(visible.x + visible.width));
    const bottom = Math.min(this.planeSize.height, Math.floor(visible.y + visible.height));
    const y0 = Math.max(0, visible.y);
    const y1 = Math.min(this.planeSize.height, visible.y + visible.height);
    const x0 = Math.max(0, visible.x);
    const x1 = Math.min(this.planeSize.width, visible.x + visible.width);
    for (let x = left; x <= right; x++) grid.moveTo(x, y0).lineTo(x, y1);
    for (let y = top; y <= bottom; y++) grid.moveTo(x0, y).lineTo(x1, y);
    grid.stroke({ width: 1 / scale, color: 0xffffff, alpha: PIXEL_GRID_ALPHA });
  }

  private chooseBackgroundLevel(): void {
    if (!this.stillBackground || this.rendererKind !== 'canvas') return;
    this.backgroundLevels ??= new BackgroundLevels(this.stillBackground, () => this.invalidate(false));
    const texture = this.backgroundLevels.textureFor(this.view.scale * (this.app?.renderer.resolution ?? 1));
    if (texture === this.background.texture) return;
    this.background.texture = texture;
    this.background.width = this.planeSize.width;
    this.background.height = this.planeSize.height;
  }

  private needsCacheRender(): boolean {
    if (!this.cacheRect) return true;
    if (Math.abs(this.cacheScale - this.view.scale) > 1e-9) return true;
    const visible = visibleAssetBox(this.view, this.renderSize);
    const c = this.cacheRect;
    return visible.x < c.x || visible.y < c.y || visible.x + visible.width > c.x + c.width || visible.y + visible.height > c.y + c.height;
  }

  private renderCache(sync: boolean): void {
    this.cacheDirty = false;
    // While the plane changes frame after frame (playback, scrubbing) every bitmap lives one frame:
    // it covers only the view, and the margin for panning comes back once the plane stays put.
    const margin = this.planeChanged ? 0 : CACHE_MARGIN;
    if (this.planeChanged) {
      this.planeChanged = false;
      window.clearTimeout(this.planeSettleTimer);
      this.planeSettleTimer = window.setTimeout(() => this.invalidate(true), SETTLE_MS);
    }
    const visible = visibleAssetBox(this.view, this.renderSize);
    const rect: Box = {
      x: visible.x - visible.width * margin,
      y: visible.y - visible.height * margin,
      width: visible.width * (1 + 2 * margin),
      height: visible.height * (1 + 2 * margin),
    };
    let pixelScale = this.view.scale * (this.app?.renderer.resolution ?? 1);
    const longest = Math.max(rect.width, rect.height) * pixelScale;
    if (longest > MAX_CACHE_SIDE) pixelScale *= MAX_CACHE_SIDE / longest;
    const selected = new Set(this.session.selection);
    this.cacheExcluded = selected;
    this.pendingAppend = [];
    const fillAlpha = fillAlphas(this.session.display).settled;
    this.cacheFrame = { rect, pixelScale, viewScale: this.view.scale, strokeWidth: STROKE_WIDTH, fillAlpha };
    if (!sync && this.index.size > SYNC_LIMIT) this.paintTiles(this.cacheFrame, selected);
    else {
      this.settledLayer.render([], this.cacheFrame);
      this.paintSettled(this.index.search(rect), selected, sync);
    }
    this.cacheSprite.texture = this.settledLayer.texture;
    this.cacheSprite.position.set(rect.x, rect.y);
    this.cacheSprite.scale.set(1 / pixelScale);
    this.cacheRect = rect;
    this.cacheScale = this.view.scale;
  }

  /**
   * New objects go on top of the settled bitmap: painting them costs what they cost, not what the
   * bitmap holds. Many (those a sliced index build adds) are painted a slice at a time, a frame
   * after each, unless `sync`; objects added while a sliced append runs wait for it to end.
   */
  private appendToCache(sync = false): void {
    if (this.appendRun && !this.appendRun.finished) {
      if (!sync) return;
      // A settled render while a sliced append runs: the bitmap is painted again, all at once.
      this.renderCache(true);
      return;
    }
    const inView = this.inCacheRect(this.pendingAppend);
    this.pendingAppend = [];
    this.appendRun = this.paintInSlices(inView, this.cacheExcluded, sync, (last) => this.showPaintProgress(last));
  }

  /** Those of `ids` whose bounds meet the settled bitmap's rectangle. */
  private inCacheRect(ids: readonly string[]): string[] {
    const rect = this.cacheRect;
    return ids.filter((id) => {
      const b = this.index.bounds(id);
      return rect && b && b.x <= rect.x + rect.width && b.y <= rect.y + rect.height && b.x + b.width >= rect.x && b.y + b.height >= rect.y;
    });
  }

  /**
   * Objects added since the settled bitmap was painted (`pendingAppend`), painted as the bitmap
   * would paint them onto a small bitmap of their own, on its pixel grid, under the live layers.
   * A frame that renders the stage paints them onto the settled bitmap instead (`appendToCache`).
   */
  private showFresh(): void {
    const frame = this.cacheFrame;
    const pending = this.pendingAppend;
    if (pending.length === this.freshIds.length && pending.every((id, k) => id === this.freshIds[k])) return;
    this.freshIds = [...pending];
    const { shapes, ids } = frame ? this.settledShapes(this.inCacheRect(pending), this.cacheExcluded) : { shapes: [], ids: [] };
    this.freshSprite.visible = false;
    this.freshDrawn = [];
    if (!frame || ids.length === 0) return;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of ids) {
      const b = this.index.bounds(id)!;
      [minX, minY, maxX, maxY] = [Math.min(minX, b.x), Math.min(minY, b.y), Math.max(maxX, b.x + b.width), Math.max(maxY, b.y + b.height)];
    }
    // Outlines and point markers reach past the bounds.
    const pad = (POINT_RADIUS + 2 * STROKE_WIDTH) / frame.viewScale;
    const { rect, pixelScale } = frame;
    const snap = (value: number, origin: number, round: (n: number) => number) => origin + round((value - origin) * pixelScale) / pixelScale;
    const x0 = Math.max(rect.x, snap(minX - pad, rect.x, Math.floor));
    const y0 = Math.max(rect.y, snap(minY - pad, rect.y, Math.floor));
    const x1 = Math.min(rect.x + rect.width, snap(maxX + pad, rect.x, Math.ceil));
    const y1 = Math.min(rect.y + rect.height, snap(maxY + pad, rect.y, Math.ceil));
    if (!(x1 > x0 && y1 > y0)) return;
    this.freshLayer.render(shapes, { ...frame, rect: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
    this.freshSprite.texture = this.freshLayer.texture;
    this.freshSprite.position.set(x0, y0);
    this.freshSprite.scale.set(1 / pixelScale);
    this.freshSprite.visible = true;
    this.freshDrawn = ids;
  }

  private settledShapes(candidates: Iterable<string>, excluded: ReadonlySet<string>): { shapes: SettledShape[]; ids: string[] } {
    const shapes: SettledShape[] = [];
    const ids: string[] = [];
    for (const id of candidates) {
      const shape = this.settledShape(id, excluded);
      if (!shape) continue;
      shapes.push(shape);
      ids.push(id);
    }
    return { shapes, ids };
  }

  private settledShape(id: string, excluded: ReadonlySet<string>): SettledShape | undefined {
    if (excluded.has(id) || this.session.hidden.has(id)) return undefined;
    const object = this.session.store.state.objects.get(id);
    const geometry = this.geometryOf(id);
    if (!object || !geometry) return undefined;
    return { geometry, color: this.colorOf(object.schemaId), bounds: this.index.bounds(id) };
  }

  /**
   * Paints the settled shapes onto the cleared bitmap a slice at a time (sliced-work.ts), a frame
   * after each, unless `sync` (a settled render for tests and screenshots paints them all now).
   */
  private paintSettled(candidates: readonly string[], excluded: ReadonlySet<string>, sync: boolean): void {
    this.paintRun?.cancel();
    this.appendRun?.cancel();
    this.appendRun = undefined;
    this.renderedSettled = [];
    this.paintRun = this.paintInSlices(candidates, excluded, sync || candidates.length <= SYNC_LIMIT, (last) => this.showPaintProgress(last));
  }

  /** Paints `candidates` over the bitmap in slices (at once if `sync`); `onLater` after each slice but the first. */
  private paintInSlices(candidates: readonly string[], excluded: ReadonlySet<string>, sync: boolean, onLater: (last: boolean) => void): SlicedRun {
    let shapes: SettledShape[] = [];
    let first = true;
    let handled = 0;
    const work = {
      each: (id: string) => {
        handled++;
        const shape = this.settledShape(id, excluded);
        if (!shape) return;
        shapes.push(shape);
        this.renderedSettled.push(id);
      },
      endSlice: () => {
        this.settledLayer.append(shapes);
        shapes = [];
        if (!first) onLater(handled === candidates.length);
        first = false;
      },
    };
    return runInSlices(candidates, work, sync ? Infinity : undefined);
  }

  /** A later slice of a sliced paint is done: the stage shows it if it is the last, or was last rendered PROGRESS_FRAME_MS ago. */
  private showPaintProgress(last: boolean): void {
    if (last || performance.now() - this.renderedAt >= PROGRESS_FRAME_MS) this.invalidate(false);
  }

  /**
   * Paints the settled bitmap tile by tile (tiled-paint.ts), a frame after each task: the finished
   * bitmap has a full render's pixels and no task paints all the objects.
   */
  private paintTiles(frame: SettledFrame, excluded: ReadonlySet<string>): void {
    this.paintRun?.cancel();
    this.appendRun?.cancel();
    this.appendRun = undefined;
    this.renderedSettled = [];
    this.settledLayer.beginRegions(frame);
    const { rect, pixelScale, viewScale } = frame;
    // Outlines, point markers and their anti-aliasing reach past a shape's box: a tile looks that far round it.
    const reach = (POINT_RADIUS + STROKE_WIDTH + 2) / viewScale + 2 / pixelScale;
    const painted = new Set<string>();
    const width = Math.max(1, Math.ceil(rect.width * pixelScale));
    const height = Math.max(1, Math.ceil(rect.height * pixelScale));
    this.paintRun = paintInTiles(width, height, this.index.size, {
      // Clamped to the bitmap's rectangle: the tile finds only shapes a full render paints.
      find: (tile) => {
        const x0 = Math.max(rect.x, rect.x + tile.x / pixelScale - reach);
        const y0 = Math.max(rect.y, rect.y + tile.y / pixelScale - reach);
        const x1 = Math.min(rect.x + rect.width, rect.x + (tile.x + tile.width) / pixelScale + reach);
        const y1 = Math.min(rect.y + rect.height, rect.y + (tile.y + tile.height) / pixelScale + reach);
        return x1 < x0 || y1 < y0 ? [] : this.index.search({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
      },
      paint: (tile, ids) => {
        const { shapes, ids: drawn } = this.settledShapes(ids, excluded);
        this.settledLayer.paintRegion(shapes, tile);
        for (const id of drawn) {
          if (painted.has(id)) continue;
          painted.add(id);
          this.renderedSettled.push(id);
        }
      },
      onLater: (last) => this.showPaintProgress(last),
    });
  }

  /** How many of the plane's objects the index holds now (a sliced build adds them after `lk-ready`). */
  get indexedCount(): number {
    return this.index.size;
  }

  /**
   * Resolves once the plane's objects are all indexed and the settled bitmap all painted. With many
   * objects it also waits (up to MAX_BUILD_WAIT_MS) for a bitmap render that is due (the view
   * still settling), so the caller's `renderNow()` does not paint them all in one task.
   */
  async built(): Promise<void> {
    const waitUntil = performance.now() + MAX_BUILD_WAIT_MS;
    while (!this.destroyed) {
      const run = [this.indexBuild, this.paintRun, this.appendRun].find((r) => r && !r.finished);
      if (run) {
        // A cancelled run was replaced by a new one: look again (one cancelled and kept: give up).
        if (!(await run.done) && (run === this.indexBuild || run === this.paintRun || run === this.appendRun)) return;
        continue;
      }
      // What the build's last slices added is painted now, in slices, not by the caller's render.
      if (this.pendingAppend.length > MAX_SLICE_ITEMS && this.cacheRect && !this.cacheDirty) {
        this.appendToCache();
        continue;
      }
      const renderDue = this.index.size > SYNC_LIMIT && (this.viewMoving || this.cacheDirty || this.needsCacheRender());
      if (!renderDue || performance.now() > waitUntil) return;
      if (this.viewMoving) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      else {
        // The render is due at the next frame (it starts the sliced paint); a page in the background
        // has no frames, and waits for the timer.
        this.requestFrame();
        await new Promise((resolve) => {
          requestAnimationFrame(resolve);
          setTimeout(resolve, SETTLE_MS);
        });
      }
    }
  }

  private drawOverlayDraft(): void {
    const draft = this.draft?.overlay ? this.draft : undefined;
    const size = this.renderSize;
    this.draftOverlay?.draw(draft && { geometry: draft.geometry, color: this.colorOf(draft.schemaId) }, this.view, size);
    this.overlayDraftDrawnFor = { view: this.view, size };
  }

  /** A frame redraws the overlay's draft only when the view or the stage size changed since (a new draft draws itself). */
  private followOverlayDraft(): void {
    const drawn = this.overlayDraftDrawnFor;
    if (!drawn || drawn.view !== this.view || drawn.size !== this.renderSize) this.drawOverlayDraft();
  }

  private renderLive(): void {
    this.showFresh();
    const scale = this.view.scale;
    const live = this.liveLayer.clear();
    const alphas = fillAlphas(this.session.display);
    for (const id of this.session.selection) {
      if (this.session.hidden.has(id)) continue;
      const object = this.session.store.state.objects.get(id);
      const geometry = this.geometryOf(id);
      if (!object || !geometry) continue;
      // A selected object still in the bitmap already has its settled fill under the live one.
      const fillAlpha = this.cacheExcluded.has(id) ? alphas.selected : alphas.selectedOverSettled;
      drawGeometry(live, geometry, { color: this.colorOf(object.schemaId), strokeWidth: SELECTED_STROKE_WIDTH, scale, fillAlpha });
    }
    if (this.hovered && !this.session.selection.includes(this.hovered)) {
      const geometry = this.geometryOf(this.hovered);
      const object = this.session.store.state.objects.get(this.hovered);
      if (geometry && object) drawGeometry(live, geometry, { color: this.colorOf(object.schemaId), strokeWidth: SELECTED_STROKE_WIDTH, scale, fillAlpha: 0 });
    }
    this.paintExtensions();
    this.drawRelations(live);
    this.renderLabels();

    const draftLayer = this.draftLayer.clear();
    const draft = this.draft;
    if (draft && !draft.overlay) {
      const color = this.colorOf(draft.schemaId);
      const extension = this.extensions.find((e) => e.tool === draft.geometry.type);
      if (extension) extension.paint(draftLayer, draft.geometry, this.categoryOf(draft.schemaId), { scale, emphasis: false, draft: true });
      else if (draft.geometry) drawGeometry(draftLayer, draft.geometry, { color, strokeWidth: STROKE_WIDTH, scale, fillAlpha: 0.1, draft: true });
      if (draft.preview) {
        const last = lastPoint(draft.geometry);
        if (last) draftLayer.moveTo(last[0], last[1]).lineTo(draft.preview[0], draft.preview[1]).stroke({ width: 1 / scale, color, alpha: 0.7 });
      }
      if (draft.marquee) {
        const m = draft.marquee;
        draftLayer.rect(m.x, m.y, m.width, m.height).fill({ color: 0x2196f3, alpha: 0.08 }).stroke({ width: 1 / scale, color: 0x2196f3 });
      }
    }

    const handles = this.handleLayer.clear();
    const size = (this.coarsePointer ? HANDLE_SIZE_TOUCH : HANDLE_SIZE_MOUSE) / scale;
    // A keypoint is its own handle: a ring round it keeps the point's colour in sight.
    const ringed = this.extensions.length > 0 ? new Set(this.session.selection.filter((id) => this.geometryOf(id)?.type === 'keypoints')) : undefined;
    for (const { objectId, position: [x, y], handle } of this.selectedHandles()) {
      if (ringed?.has(objectId)) handles.circle(x, y, (POINT_RADIUS + 2.5) / scale).stroke({ width: 1.5 / scale, color: 0xffffff });
      else if (handle.kind === 'midpoint') handles.circle(x, y, size / 3).fill({ color: 0xffffff, alpha: 0.8 });
      else if (handle.kind === 'rotate') handles.circle(x, y, size / 2).fill({ color: 0xffffff }).stroke({ width: 1 / scale, color: 0x333333 });
      else handles.rect(x - size / 2, y - size / 2, size, size).fill({ color: 0xffffff }).stroke({ width: 1 / scale, color: 0x333333 });
    }
  }

  private extensionClassCache: { ontology: unknown; ids: Set<string> } | undefined;

  /** The schemaIds of the classes an extension draws, worked out once per ontology. */
  private extensionClasses(): Set<string> {
    const ontology = this.session.ontology;
    let cache = this.extensionClassCache;
    if (!cache || cache.ontology !== ontology) {
      const tools = new Set(this.extensions.map((e) => e.tool));
      cache = { ontology, ids: new Set((ontology?.tools ?? []).filter((t) => tools.has(t.tool)).map((t) => t.schemaId)) };
      this.extensionClassCache = cache;
    }
    return cache.ids;
  }

  private categoryOf(schemaId: string): ToolCategory | undefined {
    return this.session.ontology?.tools.find((t) => t.schemaId === schemaId);
  }

  /** Every visible object of an extension kind in view, drawn by its painter (selected and hovered ones emphasised). */
  private paintExtensions(): void {
    const g = this.extensionLayer.clear();
    if (this.extensions.length === 0) return;
    const scale = this.view.scale;
    const visible = visibleAssetBox(this.view, this.renderSize);
    const classes = this.extensionClasses();
    for (const id of this.index.search(visible)) {
      if (this.session.hidden.has(id)) continue;
      const object = this.session.store.state.objects.get(id);
      // Other classes are skipped before their geometry is looked up (a track interpolates it).
      if (!object || !classes.has(object.schemaId)) continue;
      const geometry = this.geometryOf(id);
      const extension = geometry && this.extensions.find((e) => e.tool === geometry.type);
      if (!object || !geometry || !extension) continue;
      const emphasis = id === this.hovered || this.session.selection.includes(id);
      extension.paint(g, geometry, this.categoryOf(object.schemaId), { scale, emphasis, draft: false });
    }
  }

  /** Relations as lines between object centres in their relation's colour (thicker when selected); groups as a star from their centroid. */
  private drawRelations(g: Graphics): void {
    const scale = this.view.scale;
    const centre = (id: string): Point | undefined => {
      const geometry = this.geometryOf(id);
      if (!geometry || this.session.hidden.has(id)) return undefined;
      const b = geometryBounds(geometry);
      return [b.x + b.width / 2, b.y + b.height / 2];
    };
    const titled: RelationLabel[] = [];
    const titleOf = (schemaId: string) => this.session.ontology?.relations.find((r) => r.schemaId === schemaId)?.title ?? schemaId;
    for (const relation of this.session.store.state.relations.values()) {
      const selected = this.session.selection.includes(relation.objectId);
      const stroke = { width: (selected ? 3 : 1.5) / scale, color: this.colorOf(relation.schemaId), alpha: selected ? 1 : 0.9 };
      if (relation.kind === 'single') {
        const a = centre(relation.from);
        const b = centre(relation.to);
        if (!a || !b) continue;
        g.moveTo(a[0], a[1]).lineTo(b[0], b[1]).stroke(stroke);
        titled.push({ id: relation.objectId, title: titleOf(relation.schemaId), color: stroke.color, at: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] });
        const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
        const head = 10 / scale;
        const tip = (p: Point, dir: number) =>
          g
            .moveTo(p[0], p[1])
            .lineTo(p[0] - head * Math.cos(dir - 0.4), p[1] - head * Math.sin(dir - 0.4))
            .moveTo(p[0], p[1])
            .lineTo(p[0] - head * Math.cos(dir + 0.4), p[1] - head * Math.sin(dir + 0.4))
            .stroke(stroke);
        // `reverse` points from `to` back to `from` (FORMAT.md §2.3).
        if (relation.direction !== 'reverse') tip(b, angle);
        if (relation.direction !== 'straight') tip(a, angle + Math.PI);
      } else {
        const points = relation.group.map(centre).filter((p): p is Point => p !== undefined);
        if (points.length < 2) continue;
        const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
        const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
        for (const p of points) g.moveTo(cx, cy).lineTo(p[0], p[1]);
        g.stroke(stroke);
        g.circle(cx, cy, 4 / scale).fill({ color: stroke.color });
        titled.push({ id: relation.objectId, title: titleOf(relation.schemaId), color: stroke.color, at: [cx, cy - 14 / scale] });
      }
    }
    this.relationLabels.show(this.session.display.labels ? titled : [], scale);
  }

  /**
   * Class titles beside selected objects: pixi Text, so host strings are never parsed as markup.
   * A label is built once per object and title and only moved afterwards (this runs every live frame).
   */
  private renderLabels(): void {
    const scale = this.view.scale;
    const wanted = new Set<string>();
    const shown = this.session.display.labels ? this.session.selection.slice(0, 20) : [];
    for (const id of shown) {
      const object = this.session.store.state.objects.get(id);
      const geometry = this.geometryOf(id);
      if (!object || !geometry || this.session.hidden.has(id)) continue;
      const title = this.session.ontology?.tools.find((t) => t.schemaId === object.schemaId)?.title ?? object.schemaId;
      const color = this.colorOf(object.schemaId);
      const key = `${id}\u0000${title}\u0000${color}`;
      wanted.add(key);
      let label = this.labelCache.get(key);
      if (!label) {
        const text = new Text({ text: title, style: { fontSize: 12, fill: inkOn(color), fontFamily: 'sans-serif' } });
        const holder = new Container();
        holder.addChild(new Graphics().rect(-3, -2, text.width + 6, text.height + 4).fill({ color, alpha: 0.9 }), text);
        label = { holder, height: text.height };
        this.labelCache.set(key, label);
        this.labels.addChild(holder);
      }
      const b = geometryBounds(geometry);
      label.holder.scale.set(1 / scale);
      label.holder.position.set(b.x, b.y - (label.height + 6) / scale);
    }
    for (const [key, label] of this.labelCache) {
      if (wanted.has(key)) continue;
      label.holder.destroy({ children: true });
      this.labelCache.delete(key);
    }
  }

  // ---- pointer entry points (PointerInput calls these) ----------------------------------------

  setHovered(id: string | undefined): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.invalidateLive();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    this.indexBuild?.cancel();
    this.paintRun?.cancel();
    this.appendRun?.cancel();
    window.clearTimeout(this.settleTimer);
    window.clearTimeout(this.planeSettleTimer);
    this.resizeObserver.disconnect();
    this.draftOverlay?.destroy();
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.tool.dispose();
    // Before the textures go: a filter still holding them warns and keeps them bound.
    this.background.filters = null;
    this.tileLayer?.destroy();
    this.tileLayer = undefined;
    this.pictureFilter?.destroy();
    const app = this.app;
    this.input.detach(this.options.container);
    if (app) {
      app.canvas.removeEventListener('webglcontextlost', this.onContextLost);
      // Free the GPU context now: waiting for garbage collection keeps it counted against the page's 16.
      const gl = (app.renderer as { gl?: WebGLRenderingContext }).gl;
      app.destroy(true, { children: true, texture: true, textureSource: true });
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    }
    this.settledLayer.destroy();
    this.freshLayer.destroy();
    // On the Canvas2D renderer the live layers are not in the stage that app.destroy() took down.
    if (!this.liveRoot.destroyed) this.liveRoot.destroy({ children: true });
    this.overlay?.destroy();
    this.pictureReader.clear();
    this.backgroundLevels?.destroy();
    this.brushLayer.destroy();
    this.app = undefined;
  }
}

/** Stands in while a smart tool loads: presses do nothing. */
const idleTool: Tool = {
  state: 'loading',
  pointerDown() {},
  pointerMove() {},
  pointerUp() {},
  finish: () => false,
  cancel: () => false,
  dispose() {},
};

function lastPoint(geometry: Geometry | undefined): Point | undefined {
  if (!geometry) return undefined;
  switch (geometry.type) {
    case 'polygon':
    case 'polyline':
    case 'spline':
      return geometry.value.at(-1);
    case 'segmentation':
      return geometry.value.zones.at(-1)?.region.at(-1);
    default:
      return undefined;
  }
}
