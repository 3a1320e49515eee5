import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { brushMaskKey, type BrushMask } from '../../core/model.js';
import type { Surface, SurfaceExtension } from '../../canvas/surface.js';
import type { RendererPreference } from '../../canvas/renderer-choice.js';
import type { ViewportState } from '../../canvas/viewport.js';
import { AnnotatorElement } from './annotator-element.js';
import type { KeyAction } from './keymap.js';
import { allFormatCodecs } from '../../format/all-codecs.js';
import { decodeBrushPng, encodeBrushPng } from '../../format/brush-png.js';
import type { ImportedAnnotations } from '../../format/import.js';
import { LabelkitError } from '../../core/errors.js';
import { createAssetLoader, type AssetLoader, type AssetLoaderOptions, type ResolveUrlRequest } from '../../host/asset-loader.js';
import type { Geometry, ObjectAnnotation, Point } from '../../core/model.js';
import { geometryOnPlane } from '../../core/plane-geometry.js';
import type { Issue, IssueAnchor } from '../../core/issues.js';
import { centreOf, draftPosition, pinsOnPlane } from './issue-pins.js';
import { SHAPE_EDITS, type ShapeEdit } from '../../tools/smart/smart-kinds.js';
import { TOLERANCE_STEP } from '../../tools/smart/smart-settings.js';
import type { AssistBridge, AssistLayerElement } from '../../assist/assist-bridge.js';
import type { LabelkitAssist } from '../../assist/types.js';
import { loadAssistLayer } from './assist-load.js';
import { ShapeClipboard } from './shape-clipboard.js';

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

const ZOOM_STEP = 1.25;
/** How far a duplicate lands from its original, in screen pixels. */
const DUPLICATE_OFFSET_PX = 16;

const detached = () => new DOMException('The element left the page before its surface was ready.', 'AbortError');

/** `ensureSurface` calls nobody awaits: leaving the page is no error. */
function ignoreDetached(error: unknown): void {
  if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
}

/**
 * An element whose asset is a raster plane with shapes over it: image, video, DICOM, PDF areas.
 * It owns the pixi surface (loaded lazily with pixi.js), the toolbar and the side panel.
 *
 * @csspart toolbar - The tool bar.
 * @csspart stage - The area that shows the asset and the shapes.
 * @csspart canvas - The drawing canvas inside the stage.
 * @csspart tool-hint - What the active tool asks next over the stage (keypoints: the next point to place).
 * @csspart sidebar - The side panel with objects, classifications, relations and task actions.
 * @csspart sidebar-resize - The side panel's left edge: drag it, or focus it and press ← / →, to resize the panel.
 * @csspart sidebar-task - The task questions at the foot of the side panel (they scroll on their own past 40 %).
 * @cssproperty [--lk-height=600px] - Height of the element.
 * @cssproperty [--lk-sidebar-width=280px] - Width of the side panel.
 * @cssproperty [--lk-background=#f6f8fa] - Background of the panels.
 * @cssproperty [--lk-stage-background=#202124] - Background behind the asset.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring colour.
 * @cssproperty [--lk-error-color=#cf222e] - Error message background.
 */
export abstract class SurfaceElement extends AnnotatorElement {
  protected static override formatCodecs = allFormatCodecs;

  /** `auto` (default: WebGL on a GPU, Canvas2D where WebGL is software), `webgl` or `canvas`. */
  @property({ type: String }) renderer: RendererPreference = 'auto';

  /**
   * The host's model hook (docs/assisted-labeling.md): `{ name, detect?, segment?, track? }`. Setting
   * it loads the assist controls (Detect, Smart segment, Track) over the stage; unset, nothing loads.
   */
  @property({ attribute: false }) assist: LabelkitAssist | undefined;

  /** The assist layer's module has loaded (it loads the first time `assist` is set). */
  @state() private assistReady = false;

  @state() protected zoomPercent = 100;
  @state() protected helpOpen = false;
  /** What the active tool asks next (keypoints: the next point's name), shown over the stage. */
  @state() private toolHint = '';

  /** The keypoints kit (tool, painter, codec, schema), loaded once an ontology has a keypoints class. */
  private keypointsLoad: Promise<void> | undefined;
  private keypointsExtension: SurfaceExtension | undefined;
  /** True until the kit has loaded (or failed to): host writes wait meanwhile, where the ontology has a keypoints class. */
  private keypointsPending = true;

  @query('.surface') private surfaceContainer!: HTMLDivElement;


  /**
   * The 2D surface, once pixi has loaded.
   * @internal Left out of the published types, which would otherwise need pixi.js's.
   */
  protected surface: Surface | undefined;
  private surfaceLoading: Promise<Surface> | undefined;
  /** Bumped when the element leaves the page: a surface made for an earlier generation is dropped. */
  private surfaceGeneration = 0;

  constructor() {
    super();
    this.session.setActions({
      deleteSelection: () => this.deleteSelection(),
      zoomIn: () => this.surface?.zoomBy(ZOOM_STEP),
      zoomOut: () => this.surface?.zoomBy(1 / ZOOM_STEP),
      fit: () => this.surface?.fit(),
      actualSize: () => this.surface?.actualSize(),
      submit: () => this.submit(),
      skip: () => this.skip(),
      review: (detail) => this.review(detail),
      showHelp: () => (this.helpOpen = true),
      useEraser: (schemaId) => this.surface?.useEraser(schemaId),
      setBrushSize: (size) => {
        if (this.surface) this.surface.toolContext.brushSize = size;
      },
      useSmartTool: (kind) => {
        this.surface?.useSmartTool(kind);
        this.requestUpdate();
      },
      setTolerance: (tolerance) => {
        this.surface?.setTolerance(tolerance);
        this.requestUpdate();
      },
      runShapeEdit: (edit) => void this.runShapeEdit(edit as ShapeEdit),
    });
    this.addEventListener('keydown', this.onSpace);
    this.addEventListener('keyup', this.onSpace);
    this.session.subscribe((topic) => {
      if (topic === 'ontology') this.loadKeypointsIfNeeded();
    });
  }

  /**
   * The first ontology with a keypoints class loads the keypoints kit (one `import()`); until it is
   * in, host writes wait (`importWaits`) and then the ontology is read again with its keypoint schema.
   */
  private loadKeypointsIfNeeded(): void {
    if (this.keypointsLoad || !this.hasKeypointsClass()) return;
    this.keypointsLoad = import('./keypoints-kit.js').then(
      (kit) => {
        this.ontologyParser = kit.parseOntology;
        this.loadedCodecs = kit.keypointCodecs;
        this.keypointsExtension = {
          tool: 'keypoints',
          createTool: kit.createKeypointsTool,
          paint: (g, geometry, category, style) => {
            if (geometry.type === 'keypoints') kit.paintKeypoints(g, geometry.value, category, style);
          },
        };
        this.surface?.addExtension(this.keypointsExtension);
        this.reapplyOntology();
      },
      () => this.reportError({ code: 'resource-load', message: 'The keypoints tool could not be loaded.' }),
    ).finally(() => {
      this.keypointsPending = false;
      this.applyWaitingImports();
    });
  }

  /** Host writes wait for the keypoints kit only while the ontology in force has a keypoints class (the others read as before). */
  protected override importWaits(): boolean {
    return (this.keypointsPending && this.hasKeypointsClass()) || super.importWaits();
  }

  private hasKeypointsClass(): boolean {
    return this.session.ontology?.tools.some((tool) => tool.tool === 'keypoints') ?? false;
  }

  protected override restoreAsset(): void {
    if (this.hasUpdated && !this.surface) this.ensureSurface().catch(ignoreDetached);
    super.restoreAsset();
  }

  protected override releaseAsset(): void {
    super.releaseAsset();
    // A surface still being made belongs to the page the element left: it must not be kept.
    this.surfaceGeneration++;
    this.surface?.destroy();
    this.surface = undefined;
    this.surfaceLoading = undefined;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.ensureSurface().catch(ignoreDetached);
  }

  /**
   * Creates the surface once (loading pixi.js on first use). Rejects with an `AbortError` when the
   * element leaves the page before the surface is ready; that surface is destroyed, never kept
   * (it would hold a WebGL context and pixi's page-wide listeners for good).
   * @internal
   */
  protected ensureSurface(): Promise<Surface> {
    this.surfaceLoading ??= (async (generation: number) => {
      const current = () => generation === this.surfaceGeneration;
      const { Surface } = await import('../../canvas/surface.js');
      if (!current()) throw detached();
      const surface = new Surface({
        container: this.surfaceContainer,
        session: this.session,
        renderer: this.renderer,
        newObjectId: () => this.newObjectId(),
        onToolHint: (hint) => (this.toolHint = hint ?? ''),
        onViewChange: (view: ViewportState) => {
          this.zoomPercent = Math.round(view.scale * 100);
          // The pins follow the view at once (not at the element's next render).
          const pins = this.renderRoot.querySelector<HTMLElement & { view: ViewportState }>('lk-issue-pins');
          if (pins) pins.view = view;
          this.assistViewChanged?.();
        },
      });
      this.surface = surface;
      if (this.keypointsExtension) surface.addExtension(this.keypointsExtension);
      await surface.ready;
      // Issue pins need the view, which exists from now on.
      this.requestUpdate();
      // Left meanwhile: disconnectedCallback destroyed it.
      if (!current()) throw detached();
      this.onSurfaceReady(surface);
      this.assistLayer?.requestUpdate();
      if (this.compareView) this.onCompareLoaded();
      return surface;
    })(this.surfaceGeneration);
    return this.surfaceLoading;
  }

  /**
   * Subclasses put their background on the surface here (and after each load).
   * @internal
   */
  protected onSurfaceReady(_surface: Surface): void {}

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('assist') && this.assist && !this.assistReady) {
      loadAssistLayer(
        () => (this.assistReady = true),
        (info) => this.reportError(info),
      );
    }
  }

  /**
   * The plane shown as the element decoded it (image bitmap, video frame, DICOM slice), for the
   * host model; undefined before it is there.
   * @internal
   */
  protected assistPicture(): CanvasImageSource | undefined {
    return undefined;
  }

  /** `<lk-video>`: its frame count, which turns on tracking. @internal */
  protected assistFrameTotal(): number | undefined {
    return undefined;
  }

  private get assistLayer(): AssistLayerElement | null {
    return this.renderRoot?.querySelector('lk-assist-layer') ?? null;
  }

  /** What the assist layer may use of this element (built once). */
  private get assistBridge(): AssistBridge {
    const element = this;
    this.bridge ??= {
      session: this.session,
      assetId: () => element.assetId,
      surface: () => element.surface,
      observeView: (_surface, onChange) => (element.assistViewChanged = onChange),
      picture: async () => {
        const source = element.assistPicture();
        return source ? createImageBitmap(source as ImageBitmapSource) : undefined;
      },
      frameTotal: () => element.assistFrameTotal(),
      newObjectId: () => element.newObjectId(),
      writeAs: (origin, write) => element.writeAs(origin, write),
      reportError: (info) => element.reportError(info),
    };
    return this.bridge;
  }
  private bridge: AssistBridge | undefined;
  /** The assist layer redraws its suggestions when the view moves. */
  private assistViewChanged: (() => void) | undefined;

  /** The surfaces the compare overlay already follows (a surface is rebuilt after the element comes back to the page). */
  private readonly followedSurfaces = new WeakSet<Surface>();

  /** The compare overlay follows pan and zoom. */
  protected override onCompareLoaded(): void {
    void this.ensureSurface().then((surface) => {
      if (this.followedSurfaces.has(surface)) return;
      this.followedSurfaces.add(surface);
      this.compareUi?.followView(surface, () => this.requestUpdate());
    }, ignoreDetached);
  }

  /**
   * Resolves when the surface exists and has drawn the current state (tests, screenshots); with a
   * keypoints class in the ontology, after the keypoints tool has loaded and the annotations that
   * waited for it are in; with many objects, after all of them are indexed and drawn.
   */
  async settled(): Promise<void> {
    await this.keypointsLoad;
    const surface = await this.ensureSurface();
    await surface.pending;
    await this.displayPanelLoad;
    await this.updateComplete;
    // Many objects are indexed and painted in slices after `lk-ready`: all of them are in first.
    await surface.built();
    surface.renderNow();
  }

  /** Ids of the objects drawn on the current plane (settled and live). */
  renderedIds(): string[] {
    return this.surface?.renderedIds() ?? [];
  }

  /** The current view: `screen = asset * scale + offset`, in CSS pixels of the stage. */
  get view(): ViewportState | undefined {
    return this.surface?.view;
  }

  override handleKeyAction(action: KeyAction, _event: KeyboardEvent): boolean {
    const surface = this.surface;
    if (!surface) return false;
    if (this.assistLayer?.handleKeyAction(action)) return true;
    const tool = surface.activeTool;
    const nudge = NUDGE[action];
    if (nudge) return tool.nudge?.(nudge[0], nudge[1]) ?? false;
    switch (action) {
      case 'fit':
        surface.fit();
        return true;
      case 'actualSize':
        surface.actualSize();
        return true;
      case 'zoomIn':
        surface.zoomBy(ZOOM_STEP);
        return true;
      case 'zoomOut':
        surface.zoomBy(1 / ZOOM_STEP);
        return true;
      case 'finish':
        return tool.finish();
      case 'cancel':
        return tool.cancel();
      case 'delete':
        return tool.deleteKey?.() ?? false;
      case 'skipKeypoint':
        return tool.skip?.() ?? false;
      case 'keypointVisibility':
        return tool.cycleVisibility?.() ?? false;
      case 'help':
        this.helpOpen = !this.helpOpen;
        return true;
      case 'magicWand':
      case 'magneticLasso': {
        // The key toggles: again goes back to drawing vertex by vertex.
        const kind = action === 'magicWand' ? 'magic-wand' : 'magnetic-lasso';
        const category = this.session.ontology?.tools.find((tool) => tool.schemaId === this.session.activeSchemaId);
        surface.useSmartTool(surface.drawModeOf(category) === kind ? 'click' : kind);
        this.requestUpdate();
        return true;
      }
      default:
        if (!(SHAPE_EDITS as readonly string[]).includes(action)) return false;
        void this.runShapeEdit(action as ShapeEdit);
        return true;
    }
  }

  protected override shapeClipboard = new ShapeClipboard(this.shapeClipboardHost());

  protected override shapeOnPlane(object: ObjectAnnotation): Geometry | undefined {
    return geometryOnPlane(object, this.session.plane, this.session.planeModel);
  }

  protected override issueAnchorOn(objectId: string): IssueAnchor {
    const object = this.session.store.state.objects.get(objectId);
    const geometry = object && this.shapeOnPlane(object);
    return { ...super.issueAnchorOn(objectId), ...(geometry ? { position: centreOf(geometry) } : {}) };
  }

  /** Also centres the issue's pin in the view, at the zoom the user chose. */
  override showIssue(issue: Issue): void {
    super.showIssue(issue);
    const surface = this.surface;
    const object = issue.objectId === undefined ? undefined : this.session.store.state.objects.get(issue.objectId);
    const geometry = object && this.shapeOnPlane(object);
    const point = issue.position ?? (geometry ? centreOf(geometry) : undefined);
    if (!surface || !point) return;
    const { scale } = surface.view;
    const { width, height } = surface.viewSize;
    surface.setView({ scale, offsetX: width / 2 - point.x * scale, offsetY: height / 2 - point.y * scale });
  }

  /** The review issue pins over the stage (their element loads with the issues panel). */
  private renderIssuePins(): TemplateResult | typeof nothing {
    if (!this.issueController.shown || !this.surface) return nothing;
    const board = this.session.issues;
    const plane = this.session.planeModel === 'single' ? undefined : this.session.plane;
    const shapeOf = (objectId: string) => {
      const object = this.session.store.state.objects.get(objectId);
      return object && this.shapeOnPlane(object);
    };
    return html`<lk-issue-pins
      .board=${board}
      .pins=${pinsOnPlane(board, plane, shapeOf)}
      .draft=${draftPosition(board, plane, shapeOf)}
      .view=${this.surface.view}
      ?placing=${board.placing}
      @issue-place=${(event: CustomEvent<{ x: number; y: number }>) =>
        board.setDraft({ ...(plane === undefined ? {} : { page: plane }), position: event.detail })}
    ></lk-issue-pins>`;
  }

  /** Paste centres on the pointer when it is over the stage. */
  protected override pastePoint(): Point | undefined {
    return this.surface?.pointer;
  }

  /** A duplicate lands a few screen pixels away whatever the zoom. */
  protected override duplicateOffset(): number {
    return DUPLICATE_OFFSET_PX / (this.surface?.view.scale ?? 1);
  }

  private readonly onSpace = (event: KeyboardEvent) => {
    if (event.key === ' ' && this.surface) {
      this.surface.spaceHeld = event.type === 'keydown';
      if (event.type === 'keydown') event.preventDefault();
    }
    if (event.type === 'keydown' && (event.key === '[' || event.key === ']') && this.surface?.activeTool.state.startsWith('magic-wand')) {
      this.surface.setTolerance(this.surface.smartSettings.tolerance + (event.key === ']' ? TOLERANCE_STEP : -TOLERANCE_STEP));
      this.requestUpdate();
    } else if (event.type === 'keydown' && (event.key === '[' || event.key === ']') && this.surface) {
      const context = this.surface.toolContext;
      context.brushSize = context.brushSize * (event.key === ']' ? 1.25 : 0.8);
    }
  };

  /** A shape edit on the selection; one that cannot apply says why in an `lk-error` (`shape-edit`) and changes nothing. */
  private async runShapeEdit(edit: ShapeEdit): Promise<void> {
    let refused: string | undefined;
    try {
      refused = await this.surface?.runShapeEdit(edit);
    } catch {
      this.reportError({ code: 'resource-load', message: 'The shape edits could not be loaded; nothing was changed.' });
      return;
    }
    if (refused) this.reportError({ code: 'shape-edit', message: refused });
  }

  // ---- brush ------------------------------------------------------------------------------------

  protected override brushDataUrls(): Record<string, string> {
    const byPage = new Map<number, BrushMask[]>();
    for (const mask of this.session.store.state.masks.values()) byPage.set(mask.page, [...(byPage.get(mask.page) ?? []), mask]);
    const colors = new Map((this.session.ontology?.tools ?? []).map((tool) => [tool.schemaId, tool.color] as const));
    const urls: Record<string, string> = {};
    for (const [page, masks] of byPage) {
      const { width, height } = masks[0]!;
      urls[String(page)] = encodeBrushPng(masks, colors, width, height);
    }
    return urls;
  }

  /** Counts imports, so that a mask still downloading when another import arrives is dropped. */
  private brushImports = 0;

  /**
   * Brush masks of an import: data URLs are decoded at once; `https:` URLs (what Ango exports) are
   * fetched through the host's hooks like the asset (`fetchAsset`, `resolveUrl` with
   * `resource: 'brush-mask'`), never by a bare `fetch`, and painted when they arrive.
   */
  protected override onImported(imported: ImportedAnnotations): void {
    const urls: Record<string, string> = { ...(imported.brushDataUrls ?? {}) };
    if (imported.brushDataUrl) urls['0'] = imported.brushDataUrl;
    const generation = ++this.brushImports;
    if (Object.keys(urls).length === 0) return;
    const colors = new Map(
      (this.session.ontology?.tools ?? []).filter((tool) => tool.tool === 'brush').map((tool) => [tool.schemaId, tool.color] as const),
    );
    const read = (page: string, png: string | Uint8Array): BrushMask[] => {
      const path = imported.brushPaths?.[page] ?? '$.task.brushDataUrl';
      const result = decodeBrushPng(png, colors, { page: Number(page), path });
      if (result.ok) return result.value.map((mask) => ({ ...mask, page: Number(page), key: brushMaskKey(Number(page), mask.schemaId) }));
      this.reportBrushProblem(result.problems[0] ?? { code: 'bad-brush', path, message: 'unknown problem' });
      return [];
    };
    const put = (masks: BrushMask[]) => {
      if (masks.length > 0) this.session.store.transact({ origin: 'api', reason: 'import' }, (tx) => masks.forEach((mask) => tx.putMask(mask)));
    };
    const remote: [string, string][] = [];
    const masks: BrushMask[] = [];
    for (const [page, url] of Object.entries(urls)) {
      if (url.startsWith('data:')) masks.push(...read(page, url));
      else remote.push([page, url]);
    }
    put(masks);
    for (const [page, url] of remote) {
      void this.fetchBrushMask(url, Number(page)).then(
        (bytes) => {
          if (generation === this.brushImports) put(read(page, bytes));
        },
        (error: unknown) => {
          if (generation !== this.brushImports) return;
          const why = error instanceof LabelkitError ? error.info.message.replace('The asset', 'It').replace('the asset', 'it') : 'It could not be loaded.';
          this.reportBrushProblem({ code: 'brush-load', path: imported.brushPaths?.[page] ?? '$.task.brushDataUrl', message: `The brush mask could not be loaded. ${why}` });
        },
      );
    }
  }

  /** The PNG at a brush URL, through the host's hooks. */
  private async fetchBrushMask(url: string, page: number): Promise<Uint8Array> {
    const loader = this.resourceLoader(url, { resource: 'brush-mask', page });
    return new Uint8Array(await loader.fetchArrayBuffer());
  }

  /** A loader for a URL that is not the asset's own (a brush mask, a tile), through the host's hooks. */
  protected resourceLoader(url: string, resource: AssetLoaderOptions['resource']): AssetLoader {
    return createAssetLoader({
      src: url,
      ...(this.assetId ? { assetId: this.assetId } : {}),
      ...(this.fetchAsset ? { fetchAsset: (target: string, init: RequestInit) => this.fetchAsset!(target, init) } : {}),
      ...(this.resolveUrl ? { resolveUrl: (request: ResolveUrlRequest) => this.resolveUrl!(request) } : {}),
      now: () => this.clock(),
      ...(resource ? { resource } : {}),
    });
  }

  private reportBrushProblem(problem: { code: string; path?: string; message: string }): void {
    this.reportError({
      code: 'import-invalid',
      message: `The brush mask could not be read: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
      cause: { problems: [problem] },
    });
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** Extra controls under the stage (video timeline, DICOM slice slider). */
  protected renderBelowStage(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected override render(): TemplateResult {
    return html`
      <div class="layout">
        <lk-toolbar
          part="toolbar"
          .session=${this.session}
          .smartTool=${this.surface?.smartTool}
          .tolerance=${this.surface?.smartSettings.tolerance}
          smart-tools
        ></lk-toolbar>
        <div class="stage" part="stage">
          <div class="surface"></div>
          ${this.renderIssuePins()}
          ${this.assist && this.assistReady ? html`<lk-assist-layer .bridge=${this.assistBridge} .assist=${this.assist}></lk-assist-layer>` : nothing}
          <div class="zoom" aria-live="off">${this.zoomPercent}%</div>
          ${this.toolHint ? html`<div class="tool-hint" part="tool-hint" role="status">${this.toolHint}</div>` : nothing}
          ${this.renderStatus()}
          ${this.renderBelowStage()}
          ${this.compareUi?.renderCompareOverlay(this.compareView, this.view) ?? nothing}
        </div>
        ${this.renderSidebar()}
      </div>
      <lk-shortcut-help
        .session=${this.session}
        .shortcuts=${this.shortcuts}
        ?open=${this.helpOpen}
        @close=${() => (this.helpOpen = false)}
      ></lk-shortcut-help>
    `;
  }
}
