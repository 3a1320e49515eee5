import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { styleProperties } from '../base/style-properties.js';
import { LabelkitError } from '../../core/errors.js';
import type { Geometry, ObjectAnnotation, PdfSelection, Point, RelationAnnotation } from '../../core/model.js';
import { geometryOnPlane, newObject } from '../../core/plane-geometry.js';
import type { DisplaySettings, PlaneModel } from '../../core/session.js';
import { geometryBounds, pdfPoints } from '../../core/geometry.js';
import { handlesFor } from '../../canvas/handles.js';
import type { AssetLoader } from '../../host/asset-loader.js';
import type { AssetMetadata, PdfMetadata } from '../../format/types.js';
import type { PdfDocumentHandle, PdfPageSize, PdfPageView } from '../../media/pdf/index.js';
import type { PdfPasswordHook } from '../../media/pdf/password.js';
import { packagedResources, resourcesUnder, type PdfjsResources } from '../../media/pdf/pdf-assets.js';
import { openPdfSource } from '../../media/pdf/pdf-source.js';
import { SpareWorker } from '../../media/pdf/spare-worker.js';
import { layoutPages, mostVisiblePage, pagesNear, type PageLayout } from '../../media/pdf/page-layout.js';
import { gatherPageSizes, withStandIns } from '../../media/pdf/page-sizes.js';
import { createPdfAreaTool } from '../../tools/box/pdf-area-tool.js';
import { createSelectTool, toolFactories } from '../../tools/index.js';
import type { Draft, Tool, ToolContext, ToolPointer } from '../../tools/tool.js';
import { AnnotatorElement } from '../base/annotator-element.js';
import { isTypingTarget, type KeyAction } from '../base/keymap.js';
import { classLabelStyles } from '../base/class-label.styles.js';
import { annotatorLayoutStyles } from '../base/layout.styles.js';
import { loadPackageModule } from '../base/package-module.js';
import { safeColor } from '../panels/shared/format.js';
import { allFormatCodecs } from '../../format/all-codecs.js';
import { isInPageFrame, scalePdfSelection } from '../../format/geometry/pdf.js';
import type { ImportContext } from '../../format/import.js';
import { lkPdfStyles } from './lk-pdf.styles.js';
import { renderPageLabels, type PageLabel } from './class-labels.js';
import { extendByLine } from './keyboard-lines.js';
import { createPageToolContext, geometryOnPage } from './page-tools.js';
import type { Issue, IssueAnchor } from '../../core/issues.js';
import { centreOf as issueCentreOf, draftPosition, pinsOnPlane } from '../base/issue-pins.js';
import { PageViews, type PageDrawing, type PageRange } from './page-views.js';
import { shapeKind, shapePath } from './shape-paths.js';
import { SelectionEdges } from './selection-edges.js';
import { placedSpans, selectedRange, textInside, textSelectionOf, type RenderedPage } from './text-selection.js';
import type { LabelkitAssist } from '../../assist/types.js';
import type { AssistBridge, AssistLayerElement } from '../../assist/assist-bridge.js';
import { loadAssistLayer } from '../base/assist-load.js';
import { ShapeClipboard } from '../base/shape-clipboard.js';
import { createPageAssistBridge, type PageAssistStage } from './page-assist.js';

export type { PdfPasswordHook, PdfPasswordRequest } from '../../media/pdf/password.js';

/** `fit-width`, `fit-page`, or a percentage of the page's size at 96 dpi (`100` = 1 CSS px per point). */
export type PdfZoom = 'fit-width' | 'fit-page' | `${number}`;

/** Where the reader is: a page, and how far down it (CSS pixels at `scale`, and as a share of its height). */
interface ScrollAnchor {
  page: number;
  offset: number;
  fraction: number;
  scale: number;
}

const PAGE_GAP = 12;
/** How long the pdf.js worker script may take to load and answer before the load fails. */
const WORKER_TIMEOUT_MS = 20_000;
/** Pages rendered above and below the visible ones, so scrolling meets drawn pages. */
const NEAR_MARGIN_PAGES = 1;
/** Page sizes asked of pdf.js at once while they are gathered in the background. */
const SIZES_IN_FLIGHT = 25;
/** How long the pages in view may take to draw before the other page sizes are asked for anyway. */
const SIZES_HEAD_START_MS = 1000;
const ZOOM_STEPS = [25, 50, 75, 100, 125, 150, 200, 300, 400];
const HIT_TOLERANCE = 4;
const HANDLE_SIZE = 8;

const NUDGE: Partial<Record<KeyAction, [number, number]>> = {
  nudgeLeft: [-1, 0],
  nudgeRight: [1, 0],
  nudgeUp: [0, -1],
  nudgeDown: [0, 1],
  nudgeLeftFar: [-10, 0],
  nudgeRightFar: [10, 0],
  nudgeUpFar: [0, -10],
  nudgeDownFar: [0, 10],
};

const EXTEND_KEYS: Record<string, [direction: 'forward' | 'backward', granularity: 'character' | 'line']> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
};

/**
 * Label PDF documents: select text on the pdf.js text layer (mouse or Shift+arrows, across lines and
 * pages) and pick a `pdf` class for a text entry, drag an area for an area entry, or draw any 2D
 * shape the ontology allows on a page. Pages scroll in one column; only pages near the viewport
 * are rendered. Coordinates are PDF points at scale 1 with the page's rotation applied.
 *
 * @tagname lk-pdf
 * @summary PDF labeling element.
 *
 * @csspart toolbar - The tool bar.
 * @csspart stage - The area around the pages.
 * @csspart document - The scrolling column of pages (a region named "Pages" that Tab reaches; the arrows and Page Up/Down scroll it).
 * @csspart page - One page (bitmap, text layer and annotations).
 * @csspart pdf-controls - The bar under the pages: page navigation, zoom, text/area selection.
 * @csspart sidebar - The side panel with objects, classifications, relations and task actions.
 * @csspart sidebar-resize - The side panel's left edge: drag it, or focus it and press ← / →, to resize the panel.
 * @csspart sidebar-task - The task questions at the foot of the side panel (they scroll on their own past 40 %).
 * @cssproperty [--lk-height=600px] - Height of the element.
 * @cssproperty [--lk-sidebar-width=280px] - Width of the side panel.
 * @cssproperty [--lk-stage-background=#525659] - Background around the pages.
 * @cssproperty [--lk-pdf-bar-height=36px] - Height of the bar under the pages.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring, selection and handle colour.
 */
export class LkPdf extends AnnotatorElement {
  static override styles = [annotatorLayoutStyles, classLabelStyles, lkPdfStyles];
  protected static override planeModel: PlaneModel = 'paged';
  protected static override formatCodecs = allFormatCodecs;
  protected static override picture = false;

  /** `fit-width` (default), `fit-page`, or a percentage such as `150`. */
  @property({ type: String, reflect: true }) zoom: PdfZoom = 'fit-width';

  /** Asked for the password of a protected PDF; without it such a file ends in `lk-error` `asset-password`. */
  @property({ attribute: false }) password: PdfPasswordHook | undefined;

  /**
   * A folder laid out like the package's `dist/pdfjs/` (the pdf.js worker, `standard_fonts/`,
   * `cmaps/`, `wasm/`) when the host serves its own copy (with esbuild, which does not copy the
   * package's files; see docs/bundlers.md); its trailing slash is optional. Defaults to the files
   * shipped next to the bundle, wherever the host's bundler put them.
   */
  @property({ type: String, attribute: 'pdfjs-base' }) pdfjsBase = '';

  /** The pdf.js worker script (a module worker URL) when the host serves its own copy; overrides the one under `pdfjs-base`. */
  @property({ type: String, attribute: 'worker-src' }) workerSrc = '';

  /** With a `pdf` class active, drags draw area selections instead of selecting text. */
  @property({ type: Boolean, attribute: 'area-mode', reflect: true }) areaMode = false;

  /**
   * The host's model hook (docs/assisted-labeling.md): `{ name, detect?, segment? }`. Setting it
   * loads the assist controls over the pages (Detect, Smart segment); unset, nothing loads. Requests
   * are for the page shown: `page` 0-based, `pageNumber` 1-based, `image` the page as drawn (an
   * ImageBitmap of `imageScale` pixels per PDF point); coordinates asked and answered are PDF points
   * on that page, as in the export. A `pdf` class's detection is a `bounding-box`, accepted as an
   * area selection.
   */
  @property({ attribute: false }) assist: LabelkitAssist | undefined;

  /** The assist layer's module has loaded (it loads the first time `assist` is set). */
  @state() private assistReady = false;

  @state() protected helpOpen = false;
  @state() private layout: PageLayout = { slots: [], width: 0, height: 0 };
  @state() private near: PageRange | undefined;
  @state() private draft: { page: number; draft: Draft } | undefined;
  /**
   * Counts the session's and the store's changes: a page's shapes are built again only when it moved
   * (or the scale did), not on a draft's update (a smart segment draft, a shape being drawn).
   */
  private sceneVersion = 0;
  /** The text selected with no class active, waiting for a class shortcut or button. */
  @state() private pendingText: PdfSelection | undefined;

  @query('.scroller') private scroller!: HTMLDivElement;
  @query('.pages') private pagesElement!: HTMLDivElement;

  private doc: PdfDocumentHandle | undefined;
  /** pdf.js's worker, started while the element waits for a file (the longest step of a load). */
  private readonly spareWorker = new SpareWorker(WORKER_TIMEOUT_MS);
  /** pdf.js's own module, imported early with the spare worker (once: the browser keeps it). */
  private readerImport: Promise<unknown> | undefined;
  /** The frame that lays out the sizes gathered since the last one (`gatheredSize`). */
  private sizesFrame = 0;
  /** Every page's size as laid out: its own once known, a stand-in before (`withStandIns`). */
  private sizes: PdfPageSize[] = [];
  /** The sizes pdf.js has given so far. */
  private knownSizes: (PdfPageSize | undefined)[] = [];
  /** The pages intersecting the view (`near` is this widened by NEAR_MARGIN_PAGES). */
  private inView: PageRange | undefined;
  /** Where a relayout put the scroll position, until the DOM has it. */
  private pendingScrollTop: number | undefined;
  /** False while a document loads: pages show and scroll, but labeling starts at `lk-ready`. */
  private labelingOpen = true;
  /** Loads started: only the latest one opens labeling when it ends. */
  private loads = 0;
  private scale = 1;
  private readonly views = new PageViews(
    (index) => this.drawPage(index),
    () => this.syncPageViews(),
  );
  private readonly toolContext: ToolContext;
  private tool: Tool;
  /** The assist layer's view of the page shown and its tools (built once; `page-assist.ts`). */
  private assistStage: PageAssistStage | undefined;
  private assistBridgeValue: AssistBridge | undefined;
  /** The assist layer's smart segment tool replaces the class's tool (and takes drags on a `pdf` class too). */
  private toolOverridden = false;
  private toolPointer: { pointerId: number; page: number } | undefined;
  private clickStart: { x: number; y: number; page: number; point: Point; additive: boolean } | undefined;
  private objectsByPage = new Map<number, string[]>();
  private indexedVersion = -1;
  private scrollFrame = 0;
  private resizeObserver: ResizeObserver | undefined;
  private reportedPageError: unknown;
  /** Matches while the device pixel ratio is the one the bitmaps were drawn for (a window moved to another screen, a browser zoom). */
  private pixelRatioQuery: MediaQueryList | undefined;
  /** Keeps a mouse selection on the glyphs between the drag's ends (made with the render root). */
  private selectionEdges: SelectionEdges | undefined;

  constructor() {
    super();
    this.toolContext = createPageToolContext({
      session: this.session,
      scale: () => this.scale,
      pageSize: (page) => this.sizes[page] ?? { width: 0, height: 0 },
      objectsOn: (page) => this.objectsOn(page),
      newObjectId: () => this.newObjectId(),
      setDraft: (draft) => (this.draft = draft ? { page: this.session.plane, draft } : undefined),
      setCursor: (cursor) => {
        if (this.pagesElement) this.pagesElement.style.cursor = cursor;
      },
    });
    this.tool = createSelectTool(this.toolContext);
    this.session.setActions({
      deleteSelection: () => this.deleteSelection(),
      zoomIn: () => this.stepZoom(1),
      zoomOut: () => this.stepZoom(-1),
      fit: () => (this.zoom = 'fit-width'),
      actualSize: () => (this.zoom = '100'),
      submit: () => this.submit(),
      skip: () => this.skip(),
      review: (detail) => this.review(detail),
      showHelp: () => (this.helpOpen = true),
    });
    this.session.store.subscribe(() => this.sceneVersion++);
    this.session.subscribe((topic) => {
      this.sceneVersion++;
      // A mode set while a document loads must not open labeling before lk-ready.
      if (topic === 'mode') this.session.store.userWritable = this.canLabel;
      if (topic === 'tool' || topic === 'mode' || topic === 'ontology') this.switchTool();
      if (topic === 'tool') this.classifyPendingText();
      if (topic === 'selection') this.followSelection();
    });
    // Before the keyboard controller's listener (added on connect): Shift+arrows extend a text
    // selection here instead of nudging shapes.
    this.addEventListener('keydown', this.onKeyDown);
  }

  // ---- public API -------------------------------------------------------------------------------

  /** Number of pages; 0 before load. */
  get pageCount(): number {
    return this.sizes.length;
  }

  /** The 0-based page most visible in the view. Setting it scrolls that page to the top. */
  get page(): number {
    return this.session.plane;
  }

  set page(value: number) {
    this.goToPage(value);
  }

  /** CSS pixels per PDF point at the current zoom. */
  get pageScale(): number {
    return this.scale;
  }

  /** Scrolls page `index` (0-based) to the top of the view. */
  goToPage(index: number): void {
    const slot = this.layout.slots[Math.max(0, Math.min(this.sizes.length - 1, Math.trunc(index)))];
    if (!slot || !this.scroller) return;
    this.pendingScrollTop = slot.top - PAGE_GAP;
    // A relayout not yet in the DOM would clamp the position: it is applied after that update.
    if (this.isUpdatePending) void this.updateComplete.then(() => this.applyPendingScroll());
    else this.applyPendingScroll();
  }

  /** The 0-based pages being drawn or drawn now (in view first, then the pages around them). */
  renderedPages(): number[] {
    return this.views.pages();
  }

  /** The bitmap of a rendered page (tests and screenshots read its pixels). */
  pageCanvas(index: number): HTMLCanvasElement | undefined {
    return this.views.bitmap(index);
  }

  /**
   * Resolves when the pages in view are drawn (bitmap and text layer) and the overlay reflects
   * the state; the pages around them are drawn after that, without being waited for.
   */
  async settled(): Promise<void> {
    for (let round = 0; round < 10; round++) {
      await this.updateComplete;
      await this.displayPanelLoad;
      this.syncPageViews();
      const awaited = this.views.drawingsIn(this.inView);
      await Promise.all(awaited.map((drawing) => drawing.rendered));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      // A scroll or a relayout handled meanwhile may have brought other pages into view: wait for those too.
      const changed = this.views.drawingsIn(this.inView).some((drawing) => !awaited.includes(drawing));
      if (!this.isUpdatePending && !this.scrollFrame && !changed) return;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pixelRatioQuery?.removeEventListener('change', this.onPixelRatioChange);
    this.pixelRatioQuery = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
    document.removeEventListener('selectionchange', this.onDocumentSelectionChange);
    document.removeEventListener('pointerup', this.onDocumentPointerUp);
    this.selectionEdges?.release();
  }

  /** The document and its worker go with the element; put back on the page, it opens the file again. */
  protected override releaseAsset(): void {
    super.releaseAsset();
    this.spareWorker.release();
    this.closeDocument();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchPixelRatio();
    this.selectionEdges ??= new SelectionEdges(this.renderRoot as ShadowRoot, () => this.textLayers());
    // selectionchange fires on the document only, and a drag may end outside the element.
    document.addEventListener('selectionchange', this.onDocumentSelectionChange);
    document.addEventListener('pointerup', this.onDocumentPointerUp);
    if (this.hasUpdated) {
      this.observeSize();
      this.prepareReader();
    }
  }

  /**
   * On the page without a file yet: pdf.js and its worker start loading now, so that a `src`
   * set later opens without waiting for them. Only the package's files (or the host's copy
   * named by `pdfjs-base`/`worker-src`) are fetched, as the load itself would.
   */
  private prepareReader(): void {
    if (this.src || !this.isConnected) return;
    let resources: PdfjsResources;
    try {
      resources = this.pdfjsResources();
    } catch {
      // A `pdfjs-base` or `worker-src` that is not a URL: the load reports it.
      this.spareWorker.release();
      return;
    }
    this.spareWorker.warm(resources.worker);
    this.readerImport ??= import('../../media/pdf/index.js').catch(() => undefined);
  }

  // ---- loading ----------------------------------------------------------------------------------

  protected async loadAsset(loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata> {
    this.setStatus('Loading PDF…');
    this.closeDocument();
    const load = ++this.loads;
    this.openLabeling(false);
    try {
      // The file, the worker and pdf.js itself load side by side.
      const resources = this.pdfjsResources();
      const source = openPdfSource(loader, signal);
      source.catch(() => undefined);
      const worker = this.spareWorker.take(resources.worker, signal);
      worker.catch(() => undefined);
      let pdf: typeof import('../../media/pdf/index.js');
      try {
        pdf = await loadPackageModule(() => import('../../media/pdf/index.js'), 'PDF reader (pdf.js)');
        throwIfAborted(signal);
      } catch (error) {
        void worker.then((started) => started.terminate(), () => undefined);
        throw error;
      }
      const doc = await pdf.openPdf(source, {
        signal,
        resources,
        worker,
        ...(this.password ? { password: (request) => this.password!(request) } : {}),
        onResourceError: (error) => this.reportError(error.info),
      });
      if (signal.aborted) {
        void doc.destroy();
        throwIfAborted(signal);
      }
      this.doc = doc;
      const count = doc.pageCount;
      // The first page shows as soon as its own size is known; the others are laid out like the
      // nearest known page before them until theirs arrive.
      this.knownSizes = Array.from({ length: count }, () => undefined);
      this.learnSizes(0, [await doc.pageSize(0)]);
      throwIfAborted(signal);
      this.fitSelectionsToPages();
      this.session.setPlaneCount(count);
      // The reader first: a long document's other sizes are asked for once the pages in view are
      // drawn (a short one's cost less than the wait).
      if (count > SIZES_IN_FLIGHT) await Promise.race([this.settled(), delay(SIZES_HEAD_START_MS)]);
      throwIfAborted(signal);
      await gatherPageSizes({ count, inFlight: SIZES_IN_FLIGHT, signal, sizeOf: (index) => doc.pageSize(index), onSize: (index, size) => this.gatheredSize(index, size) });
      this.applyKnownSizes();
      this.setStatus('');
      this.fitSelectionsToPages();
      // lk-ready waits for every size: the metadata it carries, and every export from then on, is exact.
      const metadata: PdfMetadata = { pageTotal: count, pages: this.knownSizes.map((size) => ({ width: size!.width, height: size!.height })) };
      return metadata;
    } catch (error) {
      if (!signal.aborted) this.setStatus(error instanceof LabelkitError ? error.message : 'The PDF could not be loaded.', true);
      throw error;
    } finally {
      // A failed or cancelled load leaves the element as usable as before it; a newer load keeps its own gate.
      if (load === this.loads) this.openLabeling(true);
    }
  }

  /** Imports read PDF rects against the page sizes known by then (FORMAT.md §2.1: scaled from the frame they carry). */
  protected override importContext(): Pick<ImportContext, 'text' | 'pages' | 'keepPaths'> {
    return { pages: this.knownSizes };
  }

  /**
   * Selections imported before their page's size was known are still measured in the frame they
   * came with (Ango: the viewer's page size): once the size is known they are scaled to the page
   * in points, as a host write, so they are drawn over the words they were made on.
   */
  private fitSelectionsToPages(): void {
    const fitted: ObjectAnnotation[] = [];
    const sizeOf = (pageNumber: number) => this.knownSizes[pageNumber - 1];
    for (const object of this.session.store.state.objects.values()) {
      const keyframe = object.keyframes[0];
      const geometry = keyframe?.geometry;
      if (!keyframe || geometry?.type !== 'pdf' || isInPageFrame(geometry.value, sizeOf)) continue;
      fitted.push({ ...object, keyframes: [{ ...keyframe, geometry: { type: 'pdf', value: scalePdfSelection(geometry.value, sizeOf) } }, ...object.keyframes.slice(1)] });
    }
    if (fitted.length > 0) this.session.store.transact({ origin: 'api', reason: 'import' }, (tx) => fitted.forEach((object) => tx.putObject(object)));
  }

  /** Whether the user may label now: the mode allows it and no document is loading. */
  private get canLabel(): boolean {
    return this.labelingOpen && this.session.canEdit;
  }

  /**
   * Labeling waits for lk-ready (every page size known): an entry made before it would reach the
   * host before the asset is ready, and an export then could not say every page's size. Store
   * writes from the panels are held back too.
   */
  private openLabeling(open: boolean): void {
    this.labelingOpen = open;
    this.session.store.userWritable = this.canLabel;
    this.switchTool();
  }

  /** The package's pdf.js files, or the host's copy (`pdfjs-base`), with `worker-src` over either. */
  private pdfjsResources(): PdfjsResources {
    const resources = this.pdfjsBase ? resourcesUnder(this.pdfjsBase, document.baseURI) : packagedResources();
    return this.workerSrc ? { ...resources, worker: new URL(this.workerSrc, document.baseURI).href } : resources;
  }

  private closeDocument(): void {
    this.views.release();
    void this.doc?.destroy();
    this.doc = undefined;
    this.knownSizes = [];
    this.sizes = [];
    this.relayout();
    this.pendingText = undefined;
  }

  /**
   * Sizes pdf.js gave for pages `first`…: the layout takes them (and new stand-ins after them)
   * without moving the page the reader is on. Drawn pages stay drawn unless the zoom changes
   * (fit-width meeting a wider page).
   */
  private learnSizes(first: number, sizes: readonly PdfPageSize[]): void {
    sizes.forEach(({ width, height }, offset) => (this.knownSizes[first + offset] = { width: pdfPoints(width), height: pdfPoints(height) }));
    this.applyKnownSizes();
  }

  /**
   * A size from the background gathering: known at once, laid out once a frame. Laying out every
   * page for each of them was quadratic: 500 pages cost ~200 ms of main thread (profiled), some
   * of it while the first page was still being drawn.
   */
  private gatheredSize(index: number, { width, height }: PdfPageSize): void {
    this.knownSizes[index] = { width: pdfPoints(width), height: pdfPoints(height) };
    this.sizesFrame ||= requestAnimationFrame(() => this.applyKnownSizes());
  }

  /** The layout takes the known sizes (and new stand-ins after them). */
  private applyKnownSizes(): void {
    cancelAnimationFrame(this.sizesFrame);
    this.sizesFrame = 0;
    const next = withStandIns(this.knownSizes);
    const changed = next.length !== this.sizes.length || next.some((size, i) => size.width !== this.sizes[i]!.width || size.height !== this.sizes[i]!.height);
    if (!changed) return;
    this.sizes = next;
    this.relayout();
  }

  // ---- layout and scrolling -----------------------------------------------------------------------

  private scaleFor(zoom: PdfZoom): number {
    const widest = this.sizes.reduce((max, size) => Math.max(max, size.width), 0);
    const tallest = this.sizes.reduce((max, size) => Math.max(max, size.height), 0);
    const width = (this.scroller?.clientWidth ?? 0) - 2 * PAGE_GAP;
    const height = (this.scroller?.clientHeight ?? 0) - 2 * PAGE_GAP;
    if (zoom === 'fit-width' || zoom === 'fit-page') {
      if (widest <= 0 || width <= 0) return 1;
      const fitWidth = width / widest;
      return zoom === 'fit-page' && tallest > 0 && height > 0 ? Math.min(fitWidth, height / tallest) : fitWidth;
    }
    const percent = Number.parseFloat(zoom);
    return Number.isFinite(percent) && percent > 0 ? Math.min(10, Math.max(0.1, percent / 100)) : 1;
  }

  /** Where the view is: the page most in view and how far down it, so a zoom or relayout keeps the reader's place. */
  private scrollAnchor(): ScrollAnchor | undefined {
    const scroller = this.scroller;
    if (!scroller || this.layout.slots.length === 0) return undefined;
    // The position a relayout asked for and the DOM does not have yet is where the reader is.
    const top = this.pendingScrollTop ?? scroller.scrollTop;
    const page = mostVisiblePage(this.layout, top, top + scroller.clientHeight);
    const slot = this.layout.slots[page]!;
    if (slot.height === 0) return undefined;
    const offset = top - slot.top;
    return { page, offset, fraction: offset / slot.height, scale: this.scale };
  }

  /**
   * Lays the pages out again (new sizes, zoom or width) and scrolls so that the current page
   * stays where the reader sees it: at the same offset when only sizes changed (pages above it
   * grew or shrank), at the same share of its height at a new zoom.
   */
  private relayout(): void {
    const anchor = this.scrollAnchor();
    const scale = this.scaleFor(this.zoom);
    if (scale !== this.scale) this.views.release();
    this.scale = scale;
    this.layout = layoutPages(this.sizes, scale, PAGE_GAP, this.scroller?.clientWidth ?? 0);
    const slot = anchor && this.layout.slots[anchor.page];
    if (slot) this.pendingScrollTop = slot.top + (anchor.scale === scale ? anchor.offset : anchor.fraction * slot.height);
    void this.updateComplete.then(() => this.applyPendingScroll());
  }

  private applyPendingScroll(): void {
    if (this.pendingScrollTop !== undefined && this.scroller) this.scroller.scrollTop = this.pendingScrollTop;
    this.pendingScrollTop = undefined;
    this.updateNear();
  }

  private stepZoom(direction: 1 | -1): void {
    const percent = Math.round(this.scale * 100);
    const next = direction > 0 ? ZOOM_STEPS.find((step) => step > percent) : [...ZOOM_STEPS].reverse().find((step) => step < percent);
    if (next !== undefined) this.zoom = `${next}`;
  }

  private readonly onScroll = () => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.updateNear();
      this.assistStage?.viewChanged();
    });
  };

  private updateNear(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = scroller.scrollTop;
    const bottom = top + scroller.clientHeight;
    const near = pagesNear(this.layout, top, bottom, NEAR_MARGIN_PAGES);
    if (near?.[0] !== this.near?.[0] || near?.[1] !== this.near?.[1]) this.near = near;
    const inView = pagesNear(this.layout, top, bottom, 0);
    const inViewChanged = inView?.[0] !== this.inView?.[0] || inView?.[1] !== this.inView?.[1];
    this.inView = inView;
    // A page that came into view inside the near range has its box already: it starts drawing now.
    if (inViewChanged) this.syncPageViews();
    if (this.layout.slots.length > 0 && !this.toolPointer) {
      const current = mostVisiblePage(this.layout, top, bottom);
      if (current !== this.session.plane) this.session.setPlane(current);
    }
  }

  private watchPixelRatio(): void {
    this.pixelRatioQuery?.removeEventListener('change', this.onPixelRatioChange);
    this.pixelRatioQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.pixelRatioQuery.addEventListener('change', this.onPixelRatioChange);
  }

  /** Bitmaps drawn for another pixel ratio would be blurred or wasteful: the near pages are drawn again (syncPageViews). */
  private readonly onPixelRatioChange = () => {
    this.watchPixelRatio();
    this.syncPageViews();
  };

  private observeSize(): void {
    if (this.resizeObserver || !this.scroller) return;
    let lastWidth = this.scroller.clientWidth;
    this.resizeObserver = new ResizeObserver(() => {
      const width = this.scroller.clientWidth;
      if (width !== lastWidth && this.zoom.startsWith('fit')) this.relayout();
      else this.updateNear();
      lastWidth = width;
    });
    this.resizeObserver.observe(this.scroller);
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.observeSize();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('zoom') && this.sizes.length > 0) this.relayout();
    if (changed.has('areaMode')) this.switchTool();
    this.syncPageViews();
    this.prepareReader();
    if (changed.has('assist') && this.assist && !this.assistReady) loadAssistLayer(() => (this.assistReady = true), (info) => this.reportError(info));
    // A draft's update moves no page: the assist layer keeps the view it measured (no layout forced per draft).
    if (!(changed.size === 1 && (changed as Map<PropertyKey, unknown>).has('draft'))) this.assistStage?.viewChanged();
  }

  // ---- page bitmaps -----------------------------------------------------------------------------

  private nearPages(): number[] {
    if (!this.near) return [];
    const pages: number[] = [];
    const last = Math.min(this.near[1], this.layout.slots.length - 1);
    for (let index = this.near[0]; index <= last; index++) pages.push(index);
    return pages;
  }

  /** Draws the pages in view, then the pages near them; pages that left give their bitmaps back (page-views.ts). */
  private syncPageViews(): void {
    this.views.sync(this.doc ? this.inView : undefined, this.doc ? this.near : undefined, window.devicePixelRatio || 1);
  }

  /** Starts drawing page `index` into its box: the page's own size goes into the layout first. */
  private drawPage(index: number): PageDrawing | undefined {
    const doc = this.doc;
    const box = (this.renderRoot as ShadowRoot).querySelector<HTMLElement>(`.page[data-page="${index}"]`);
    const raster = box?.querySelector<HTMLElement>('.raster');
    const text = box?.querySelector<HTMLElement>('.textLayer');
    if (!doc || !raster || !text) return undefined;
    const pixelRatio = window.devicePixelRatio || 1;
    let view: PdfPageView | undefined;
    let destroyed = false;
    const drawn = Promise.all([import('../../media/pdf/index.js'), doc.page(index)]).then(([pdf, page]) => {
      if (destroyed) return undefined;
      this.learnSizes(index, [pdf.pageSizeOf(page)]);
      // A wider page under fit-width changes the zoom, and this drawing was cancelled with the others.
      if (destroyed) return undefined;
      view = new pdf.PdfPageView({ raster, text, page, scale: this.scale, devicePixelRatio: pixelRatio });
      return doc.guard(view.rendered);
    });
    const rendered = drawn.catch((error: unknown) => {
      if (!destroyed) this.reportPageError(index, error);
    });
    return {
      rendered,
      pixelRatio,
      get bitmap() {
        return view?.bitmap;
      },
      get attached() {
        return raster.isConnected;
      },
      destroy() {
        destroyed = true;
        view?.destroy();
      },
    };
  }

  private reportPageError(index: number, error: unknown): void {
    // A part of the file that could not be fetched fails every page waiting for it: said once.
    if (error === this.reportedPageError) return;
    this.reportedPageError = error;
    this.reportError(
      error instanceof LabelkitError
        ? { ...error.info, message: `Page ${index + 1} could not be loaded. ${error.message}` }
        : { code: 'render-failed', message: `Page ${index + 1} could not be drawn.`, cause: { name: error instanceof Error ? error.name : 'Error' } },
    );
  }

  private textLayers(): HTMLElement[] {
    return this.nearPages().flatMap((index) => this.renderedPage(index)?.textLayer ?? []);
  }

  private renderedPage(index: number): RenderedPage | undefined {
    const root = this.renderRoot as ShadowRoot;
    const box = root.querySelector<HTMLElement>(`.page[data-page="${index}"]`);
    const textLayer = box?.querySelector<HTMLElement>('.textLayer');
    const size = this.sizes[index];
    return box && textLayer && size ? { index, box, textLayer, size } : undefined;
  }

  // ---- objects per page ---------------------------------------------------------------------------

  private objectsOn(page: number): readonly string[] {
    const { state, version } = this.session.store;
    if (version !== this.indexedVersion) {
      this.indexedVersion = version;
      const byPage = new Map<number, string[]>();
      const add = (index: number, id: string) => {
        const list = byPage.get(index);
        if (list) list.push(id);
        else byPage.set(index, [id]);
      };
      for (const object of state.objects.values()) {
        const keyframe = object.keyframes[0];
        if (!keyframe) continue;
        const geometry = keyframe.geometry;
        if (geometry.type === 'pdf' && geometry.value.position.rects.length > 0) {
          const pages = new Set(geometry.value.position.rects.map((rect) => (rect.pageNumber ?? geometry.value.position.pageNumber) - 1));
          for (const index of pages) add(index, object.objectId);
        } else {
          add(keyframe.frame, object.objectId);
        }
      }
      this.objectsByPage = byPage;
    }
    return this.objectsByPage.get(page) ?? [];
  }

  /**
   * The tools work on the current page: a selection made elsewhere (the object list, a click on
   * another page) makes its page current, and scrolls to it when it is off screen.
   */
  private followSelection(): void {
    const pages = new Set(this.session.selection.map((id) => this.session.store.state.objects.get(id)?.keyframes[0]?.frame));
    if (pages.size !== 1) return;
    const [page] = pages;
    if (page === undefined || page === this.session.plane || page >= this.sizes.length) return;
    const visible = this.scroller && pagesNear(this.layout, this.scroller.scrollTop, this.scroller.scrollTop + this.scroller.clientHeight, 0);
    if (visible && (page < visible[0] || page > visible[1])) this.goToPage(page);
    this.session.setPlane(page);
  }

  // ---- tools --------------------------------------------------------------------------------------

  private activeCategory() {
    const id = this.session.activeSchemaId;
    return id ? this.session.ontology?.tools.find((tool) => tool.schemaId === id) : undefined;
  }

  private switchTool(): void {
    this.tool.dispose();
    const category = this.activeCategory();
    const override = category && this.canLabel ? this.assistStage?.toolOverride?.(this.toolContext, category.schemaId, category.tool) : undefined;
    this.toolOverridden = override !== undefined;
    if (!category || !this.canLabel) this.tool = createSelectTool(this.toolContext);
    else if (override) this.tool = override;
    else if (category.tool === 'pdf') {
      this.tool = this.areaMode
        ? createPdfAreaTool(this.toolContext, category.schemaId, { contentOf: (box, page) => ({ text: this.areaText(page, box) }) })
        : createSelectTool(this.toolContext);
    } else {
      const factory = toolFactories[category.tool as keyof typeof toolFactories];
      this.tool = factory ? factory(this.toolContext, category.schemaId) : createSelectTool(this.toolContext);
    }
    this.requestUpdate();
  }

  private areaText(page: number, box: { x: number; y: number; width: number; height: number }): string {
    const rendered = this.renderedPage(page);
    return rendered ? textInside(rendered, box, this.scale) : '';
  }

  /** Drags go to the drawing tools (not the text layer) for shape classes and area selections. */
  private drawing(): boolean {
    const category = this.activeCategory();
    if (!category || !this.canLabel) return false;
    if (this.toolOverridden) return true;
    return category.tool === 'pdf' ? this.areaMode : category.tool in toolFactories;
  }

  private pointerOf(event: PointerEvent | MouseEvent, page: number): ToolPointer {
    const slot = this.layout.slots[page];
    const rect = this.pagesElement.getBoundingClientRect();
    const x = slot ? (event.clientX - rect.left - slot.left) / this.scale : 0;
    const y = slot ? (event.clientY - rect.top - slot.top) / this.scale : 0;
    const pointerType = 'pointerType' in event && (event.pointerType === 'pen' || event.pointerType === 'touch') ? event.pointerType : 'mouse';
    const pressure = 'pressure' in event && pointerType === 'pen' ? event.pressure : 0.5;
    return { x, y, button: event.button, shiftKey: event.shiftKey, altKey: event.altKey, ctrlKey: event.ctrlKey || event.metaKey, pointerType, pressure };
  }

  private pageOf(event: Event): number | undefined {
    for (const target of event.composedPath()) {
      if (target instanceof HTMLElement && target.classList.contains('page')) return Number(target.dataset['page']);
      if (target === this.pagesElement) return undefined;
    }
    return undefined;
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    const page = this.pageOf(event);
    if (page === undefined || (event.button !== 0 && event.button !== 2)) return;
    if (page !== this.session.plane) this.session.setPlane(page);
    const pointer = this.pointerOf(event, page);
    const point: Point = [pointer.x, pointer.y];
    const onShape = () => {
      if (this.toolContext.handleAt(point, HANDLE_SIZE)) return true;
      const hit = this.toolContext.hitTest(point, HIT_TOLERANCE);
      // Shapes are pressed and dragged by the select tool; text entries leave the press to the text layer.
      return hit !== undefined && this.toolContext.geometryOf(hit) !== undefined;
    };
    if (this.drawing() || (this.canLabel && onShape())) {
      event.preventDefault();
      this.pagesElement.setPointerCapture(event.pointerId);
      this.toolPointer = { pointerId: event.pointerId, page };
      this.tool.pointerDown(pointer);
      return;
    }
    // Text selection is the browser's (kept on the glyphs by selectionEdges); a press that does not move becomes a click on an object.
    this.selectionEdges?.pointerDown(event);
    this.clickStart = { x: event.clientX, y: event.clientY, page, point, additive: event.shiftKey || event.ctrlKey || event.metaKey };
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    if (this.toolPointer?.pointerId === event.pointerId) this.tool.pointerMove(this.pointerOf(event, this.toolPointer.page));
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    if (this.toolPointer?.pointerId === event.pointerId) {
      const { page } = this.toolPointer;
      this.toolPointer = undefined;
      this.tool.pointerUp(this.pointerOf(event, page));
      return;
    }
    const click = this.clickStart;
    this.clickStart = undefined;
    // The last selectionchange of the drag may still be queued.
    this.selectionEdges?.selectionChanged();
    const selection = this.readTextSelection();
    if (selection) {
      this.takeTextSelection(selection);
      return;
    }
    if (click && Math.hypot(event.clientX - click.x, event.clientY - click.y) < 4) {
      const hit = this.toolContext.hitTest(click.point, HIT_TOLERANCE);
      if (click.additive && hit) {
        const current = this.session.selection;
        this.session.select(current.includes(hit) ? current.filter((id) => id !== hit) : [...current, hit]);
      } else {
        this.session.select(hit ? [hit] : []);
      }
    }
  };

  private readonly onPointerCancel = (event: PointerEvent) => {
    if (this.toolPointer?.pointerId === event.pointerId) {
      this.toolPointer = undefined;
      this.tool.cancel();
    }
    this.clickStart = undefined;
    this.selectionEdges?.release();
  };

  private readonly onDocumentSelectionChange = () => this.selectionEdges?.selectionChanged();

  private readonly onDocumentPointerUp = () => this.selectionEdges?.release();

  private readonly onDoubleClick = (event: MouseEvent) => {
    const page = this.pageOf(event);
    if (page !== undefined && this.drawing()) this.tool.doubleClick?.(this.pointerOf(event, page));
  };

  // ---- text entries -------------------------------------------------------------------------------

  private readTextSelection(): PdfSelection | undefined {
    const range = selectedRange(this.renderRoot as ShadowRoot);
    if (!range) return undefined;
    const pages = this.nearPages()
      .map((index) => this.renderedPage(index))
      .filter((page): page is RenderedPage => page !== undefined);
    return textSelectionOf(range, pages, this.scale);
  }

  /** A finished text selection: an entry of the active `pdf` class, or a span waiting for one. */
  private takeTextSelection(selection: PdfSelection): void {
    const category = this.activeCategory();
    if (category?.tool === 'pdf' && this.canLabel) {
      this.createTextEntry(category.schemaId, selection);
      return;
    }
    this.pendingText = this.session.canEdit ? selection : undefined;
  }

  private classifyPendingText(): void {
    const pending = this.pendingText;
    const category = this.activeCategory();
    if (pending && category?.tool === 'pdf' && this.canLabel) this.createTextEntry(category.schemaId, pending);
  }

  private createTextEntry(schemaId: string, selection: PdfSelection): void {
    const page = selection.position.pageNumber - 1;
    const objectId = this.newObjectId();
    const geometry: Geometry = { type: 'pdf', value: selection };
    this.session.store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(newObject(objectId, schemaId, page, geometry, 'paged')));
    this.pendingText = undefined;
    (this.renderRoot as ShadowRoot).ownerDocument.getSelection()?.removeAllRanges();
    this.session.select([objectId]);
  }

  /** The text selection waiting for a class, if any (PDF points, FORMAT.md `pdf` shape). */
  get pendingSelection(): PdfSelection | undefined {
    return this.pendingText;
  }

  // ---- keyboard -----------------------------------------------------------------------------------

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (isTypingTarget(event)) return;
    const extend = EXTEND_KEYS[event.key];
    if (!extend || !event.shiftKey || event.altKey) return;
    // Selected shapes take Shift+arrows as a 10-point nudge.
    if (this.session.selection.some((id) => this.toolContext.geometryOf(id) !== undefined)) return;
    const root = this.renderRoot as ShadowRoot;
    const selection = root.ownerDocument.getSelection();
    if (!selection || !selectedRangeOrCaret(root)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (extend[1] === 'line' && !event.ctrlKey && !event.metaKey) {
      extendByLine(root, this.textLayers(), extend[0] === 'forward' ? 'down' : 'up');
    } else {
      selection.modify('extend', extend[0], event.ctrlKey || event.metaKey ? 'word' : extend[1]);
    }
    const text = this.readTextSelection();
    this.pendingText = text && this.session.canEdit ? text : undefined;
  };

  /**
   * Copy and paste take the shapes on the page shown (`session.plane`). Text entries stay: their
   * rects belong to their page's glyphs (and Ctrl/⌘+C on selected text stays the browser's).
   */
  protected override shapeClipboard = new ShapeClipboard(this.shapeClipboardHost());

  protected override shapeOnPlane(object: ObjectAnnotation): Geometry | undefined {
    const geometry = geometryOnPlane(object, this.session.plane, this.session.planeModel);
    return geometry?.type === 'pdf' ? undefined : geometry;
  }

  override handleKeyAction(action: KeyAction, _event: KeyboardEvent): boolean {
    const nudge = NUDGE[action];
    if (nudge) return this.tool.nudge?.(nudge[0], nudge[1]) ?? false;
    switch (action) {
      case 'fit':
        this.zoom = 'fit-width';
        return true;
      case 'actualSize':
        this.zoom = '100';
        return true;
      case 'zoomIn':
        this.stepZoom(1);
        return true;
      case 'zoomOut':
        this.stepZoom(-1);
        return true;
      case 'finish': {
        const category = this.activeCategory();
        if (this.pendingText && category?.tool === 'pdf' && this.canLabel) {
          this.createTextEntry(category.schemaId, this.pendingText);
          return true;
        }
        if (this.assistLayer?.handleKeyAction(action)) return true;
        return this.tool.finish();
      }
      case 'cancel':
        if (this.tool.cancel()) return true;
        if (this.pendingText) {
          this.pendingText = undefined;
          (this.renderRoot as ShadowRoot).ownerDocument.getSelection()?.removeAllRanges();
          return true;
        }
        return false;
      case 'delete':
        if (this.assistLayer?.handleKeyAction(action)) return true;
        return this.tool.deleteKey?.() ?? false;
      case 'help':
        this.helpOpen = !this.helpOpen;
        return true;
      default:
        return false;
    }
  }

  // ---- assisted labeling ----------------------------------------------------------------------------

  private get assistLayer(): AssistLayerElement | null {
    return this.renderRoot?.querySelector('lk-assist-layer') ?? null;
  }

  /** What the assist layer may use of this element: the page shown as its stage (page-assist.ts). */
  private get assistBridge(): AssistBridge {
    if (this.assistBridgeValue) return this.assistBridgeValue;
    const element = this;
    const { bridge, stage } = createPageAssistBridge({
      session: this.session,
      assetId: () => element.assetId,
      scale: () => element.scale,
      pageSize: (page) => element.sizes[page],
      pageBox: (page) => (element.renderRoot as ShadowRoot).querySelector<HTMLElement>(`.page[data-page="${page}"]`) ?? undefined,
      layer: () => element.assistLayer ?? undefined,
      pageCanvas: (page) => element.views.bitmap(page),
      activeTool: () => element.tool,
      reloadTool: () => element.switchTool(),
      placedSpans: (page) => {
        const rendered = element.renderedPage(page);
        return rendered ? placedSpans(rendered, element.scale) : [];
      },
      newObjectId: () => element.newObjectId(),
      writeAs: (origin, write) => element.writeAs(origin, write),
      reportError: (info) => element.reportError(info),
    });
    this.assistStage = stage;
    this.assistBridgeValue = bridge;
    return bridge;
  }

  // ---- rendering ----------------------------------------------------------------------------------

  private colorOf(schemaId: string): string {
    return safeColor(this.session.ontology?.tools.find((tool) => tool.schemaId === schemaId)?.color);
  }

  private titleOf(schemaId: string): string {
    return this.session.ontology?.tools.find((tool) => tool.schemaId === schemaId)?.title ?? schemaId;
  }

  private renderShape(id: string, page: number): SVGTemplateResult | typeof nothing {
    const object = this.session.store.state.objects.get(id);
    const geometry = geometryOnPage(this.session, id, page);
    if (!object || !geometry || this.session.hidden.has(id)) return nothing;
    const color = this.colorOf(object.schemaId);
    const selected = this.session.selection.includes(id);
    const kind = shapeKind(geometry);
    const classes = `${kind}${selected ? ' selected' : ''}`;
    const title = svg`<title>${this.titleOf(object.schemaId)}</title>`;
    if (geometry.type === 'point') {
      return svg`<circle class=${classes} data-object-id=${id} cx=${geometry.value[0]} cy=${geometry.value[1]} r=${5 / this.scale} fill=${color} stroke="#fff" stroke-width="1.5">${title}</circle>`;
    }
    return svg`<path class=${classes} data-object-id=${id} d=${shapePath(geometry, page)} fill=${color} stroke=${color} fill-rule="evenodd">${title}</path>`;
  }

  private renderDraft(page: number): SVGTemplateResult | typeof nothing {
    const draft = this.draft;
    if (!draft || draft.page !== page) return nothing;
    const { geometry, schemaId, preview, marquee } = draft.draft;
    const color = schemaId ? this.colorOf(schemaId) : '#0969da';
    const marqueeRect = marquee
      ? svg`<rect class="marquee" x=${marquee.x} y=${marquee.y} width=${marquee.width} height=${marquee.height}></rect>`
      : nothing;
    const kind = shapeKind(geometry);
    const path = shapePath(geometry, page);
    const last = (geometry.type === 'polygon' || geometry.type === 'polyline' || geometry.type === 'spline') ? geometry.value.at(-1) : undefined;
    const rubber = preview && last ? svg`<path class="line draft" d=${`M${last[0]} ${last[1]}L${preview[0]} ${preview[1]}`} stroke=${color}></path>` : nothing;
    return svg`${marqueeRect}${path ? svg`<path class=${`${kind === 'text' ? 'area' : kind} draft`} d=${path} fill=${color} stroke=${color}></path>` : nothing}${rubber}`;
  }

  private renderHandles(page: number): SVGTemplateResult[] {
    if (!this.canLabel || page !== this.session.plane) return [];
    const size = HANDLE_SIZE / this.scale;
    const handles: SVGTemplateResult[] = [];
    for (const id of this.session.selection) {
      const object = this.session.store.state.objects.get(id);
      const geometry = object && !object.lock ? this.toolContext.geometryOf(id) : undefined;
      if (!geometry || geometry.type === 'pdf') continue;
      for (const handle of handlesFor(id, geometry, this.scale)) {
        const [x, y] = handle.position;
        handles.push(svg`<rect class="handle" x=${x - size / 2} y=${y - size / 2} width=${size} height=${size}></rect>`);
      }
    }
    return handles;
  }

  /** The relations with two or more members drawn on `page`, and their members' centres. */
  private relationsOn(page: number): { relation: RelationAnnotation; centres: Point[] }[] {
    const drawn: { relation: RelationAnnotation; centres: Point[] }[] = [];
    for (const relation of this.session.store.state.relations.values()) {
      const ids = relation.kind === 'group' ? relation.group : [relation.from, relation.to];
      const centres = ids
        .filter((id) => !this.session.hidden.has(id))
        .map((id) => geometryOnPage(this.session, id, page))
        .filter((g): g is Geometry => g !== undefined)
        .map(centreOf);
      if (centres.length >= 2) drawn.push({ relation, centres });
    }
    return drawn;
  }

  private renderRelations(page: number): SVGTemplateResult[] {
    return this.relationsOn(page).map(({ relation, centres }) => {
      const d = centres.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join('');
      return svg`<path class="relation" d=${d} stroke=${this.colorOf(relation.schemaId)}></path>`;
    });
  }

  private renderOverlay(page: number): TemplateResult {
    const size = this.sizes[page]!;
    const overlay = (content: unknown) => html`<svg
      class=${this.session.display.outlineOnly ? 'overlay outline-only' : 'overlay'}
      viewBox=${`0 0 ${size.width} ${size.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      style=${styleProperties(shapeFills(this.session.display))}
    >
      ${content}
    </svg>`;
    // The draft has an svg of its own: a draft's update (a smart segment answer, a pointer move)
    // then lays out that one path, not every shape of the page.
    return html`${overlay(svg`
      ${guard([this.sceneVersion, page, this.scale], () => [...this.objectsOn(page).map((id) => this.renderShape(id, page)), ...this.renderRelations(page)])}
      ${this.compareUi?.renderPageCompareShapes(this.compareView, page, (geometry) => shapePath(geometry, page)) ?? nothing}
      ${this.renderHandles(page)}
    `)}${this.draft?.page === page ? overlay(this.renderDraft(page)) : nothing}`;
  }

  /** Class names on the page's shapes, while the display's labels are on. */
  private renderLabels(page: number): TemplateResult | typeof nothing {
    if (!this.session.display.labels) return nothing;
    const labels: PageLabel[] = [];
    for (const id of this.objectsOn(page)) {
      const object = this.session.store.state.objects.get(id);
      const geometry = geometryOnPage(this.session, id, page);
      if (!object || !geometry || this.session.hidden.has(id)) continue;
      labels.push({ id, geometry, title: this.titleOf(object.schemaId), color: this.colorOf(object.schemaId) });
    }
    const relations = this.relationsOn(page).map(({ relation, centres }) => ({
      id: relation.objectId,
      title: this.session.ontology?.relations.find((category) => category.schemaId === relation.schemaId)?.title ?? relation.schemaId,
      color: this.colorOf(relation.schemaId),
      // The middle of the first segment: a group's first two members.
      at: [(centres[0]![0] + centres[1]![0]) / 2, (centres[0]![1] + centres[1]![1]) / 2] as Point,
    }));
    return renderPageLabels(labels, relations, page, this.sizes[page]!);
  }

  private renderPage(index: number): TemplateResult {
    const slot = this.layout.slots[index]!;
    const style = { top: `${slot.top}px`, left: `${slot.left}px`, width: `${slot.width}px`, height: `${slot.height}px` };
    return html`<div class="page" part="page" data-page=${index} style=${styleProperties(style)} role="region" aria-label=${`Page ${index + 1}`}>
      <div class="raster"></div>
      <div class="textLayer"></div>
      ${this.renderOverlay(index)} ${this.renderLabels(index)} ${this.renderIssuePins(index)}
    </div>`;
  }

  /** The review issue pins of one page, in points like the overlay (their element loads with the issues panel). */
  private renderIssuePins(page: number): TemplateResult | typeof nothing {
    if (!this.issueController.shown) return nothing;
    const board = this.session.issues;
    const shapeOf = (objectId: string) => geometryOnPage(this.session, objectId, page);
    return html`<lk-issue-pins
      .board=${board}
      .pins=${pinsOnPlane(board, page, shapeOf)}
      .draft=${draftPosition(board, page, shapeOf)}
      .view=${{ scale: this.scale, offsetX: 0, offsetY: 0 }}
      ?placing=${board.placing}
      @issue-place=${(event: CustomEvent<{ x: number; y: number }>) => board.setDraft({ page, position: event.detail })}
    ></lk-issue-pins>`;
  }

  protected override issueAnchorOn(objectId: string): IssueAnchor {
    const geometry = geometryOnPage(this.session, objectId, this.session.plane);
    return { ...super.issueAnchorOn(objectId), ...(geometry ? { position: issueCentreOf(geometry) } : {}) };
  }

  /** Scrolls the issue's page so that its pin is in the middle of the view. */
  override showIssue(issue: Issue): void {
    super.showIssue(issue);
    const page = issue.page ?? this.session.plane;
    const geometry = issue.objectId === undefined ? undefined : geometryOnPage(this.session, issue.objectId, page);
    const point = issue.position ?? (geometry ? issueCentreOf(geometry) : undefined);
    const slot = this.layout.slots[page];
    if (!slot || !this.scroller) return;
    if (!point) return this.goToPage(page);
    this.scroller.scrollTop = slot.top + point.y * this.scale - this.scroller.clientHeight / 2;
    this.scroller.scrollLeft = slot.left + point.x * this.scale - this.scroller.clientWidth / 2;
  }

  private renderBar(): TemplateResult {
    const count = this.sizes.length;
    const current = this.session.plane;
    const pdfClassActive = this.activeCategory()?.tool === 'pdf';
    const zoomValue = this.zoom.startsWith('fit') ? this.zoom : String(Math.round(this.scale * 100));
    const presets = ZOOM_STEPS.includes(Number(zoomValue)) || zoomValue.startsWith('fit') ? ZOOM_STEPS : [...ZOOM_STEPS, Number(zoomValue)].sort((a, b) => a - b);
    return html`<div class="pdf-bar" part="pdf-controls">
      <button type="button" aria-label="Previous page" ?disabled=${current <= 0} @click=${() => this.goToPage(current - 1)}>‹</button>
      <label
        >Page
        <input
          type="number"
          min="1"
          max=${Math.max(1, count)}
          .value=${String(count ? current + 1 : 0)}
          aria-label="Page number"
          @change=${(event: Event) => this.goToPage(Number((event.target as HTMLInputElement).value) - 1)}
        />
        of ${count}</label
      >
      <button type="button" aria-label="Next page" ?disabled=${current >= count - 1} @click=${() => this.goToPage(current + 1)}>›</button>
      <label
        >Zoom
        <select aria-label="Zoom" @change=${(event: Event) => (this.zoom = (event.target as HTMLSelectElement).value as PdfZoom)}>
          <option value="fit-width" ?selected=${zoomValue === 'fit-width'}>Fit width</option>
          <option value="fit-page" ?selected=${zoomValue === 'fit-page'}>Fit page</option>
          ${presets.map((step) => html`<option value=${String(step)} ?selected=${zoomValue === String(step)}>${step}%</option>`)}
        </select></label
      >
      <button
        type="button"
        aria-pressed=${this.areaMode ? 'true' : 'false'}
        ?disabled=${!pdfClassActive}
        title="Draw area selections instead of selecting text"
        @click=${() => (this.areaMode = !this.areaMode)}
      >
        Area
      </button>
    </div>`;
  }

  protected override render(): TemplateResult {
    const style = { width: `${this.layout.width}px`, height: `${this.layout.height}px` };
    return html`
      <div class="layout">
        <lk-toolbar part="toolbar" .session=${this.session}></lk-toolbar>
        <div class="stage" part="stage">
          <div class="scroller" part="document" tabindex="0" role="region" aria-label="Pages" @scroll=${this.onScroll}>
            <div
              class=${`pages${this.drawing() ? ' drawing' : ''}`}
              style=${styleProperties(style)}
              @pointerdown=${this.onPointerDown}
              @pointermove=${this.onPointerMove}
              @pointerup=${this.onPointerUp}
              @pointercancel=${this.onPointerCancel}
              @dblclick=${this.onDoubleClick}
              @contextmenu=${(event: Event) => this.drawing() && event.preventDefault()}
            >
              ${repeat(this.nearPages(), (index) => index, (index) => this.renderPage(index))}
            </div>
          </div>
          ${this.assist && this.assistReady ? html`<lk-assist-layer .bridge=${this.assistBridge} .assist=${this.assist}></lk-assist-layer>` : nothing}
          ${this.renderBar()} ${this.renderStatus()}
        </div>
        ${this.renderSidebar()}
      </div>
      <lk-shortcut-help .session=${this.session} .shortcuts=${this.shortcuts} ?open=${this.helpOpen} @close=${() => (this.helpOpen = false)}></lk-shortcut-help>
    `;
  }
}

/**
 * The display's fill opacity as the overlay's fills: areas take it as it is, selected ones twice
 * it; text selections, drawn under the words, a stronger 35 % at the default 15 % (55 % selected).
 */
function shapeFills({ fillOpacity, outlineOnly }: DisplaySettings): Record<string, number> {
  const fill = (factor: number) => (outlineOnly ? 0 : Math.min(1, fillOpacity * factor));
  return { '--area-fill': fill(1), '--area-fill-selected': fill(2), '--text-fill': fill(7 / 3), '--text-fill-selected': fill(11 / 3) };
}

function centreOf(geometry: Geometry): Point {
  const box = geometryBounds(geometry);
  return [box.x + box.width / 2, box.y + box.height / 2];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
}

/** Whether the selection (collapsed or not) sits inside this element's text layers. */
function selectedRangeOrCaret(root: ShadowRoot): boolean {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const range = selection.getComposedRanges({ shadowRoots: [root] })[0];
  const node = range?.startContainer;
  const element = node instanceof Element ? node : node?.parentElement;
  return Boolean(element && root.contains(element) && element.closest('.textLayer'));
}
