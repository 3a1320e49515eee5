import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LabelkitError } from '../../core/errors.js';
import type { Geometry, ObjectAnnotation } from '../../core/model.js';
import { newObject, withOneShape } from '../../core/one-shape.js';
import type { Problem } from '../../core/problem.js';
import type { ChangeSet } from '../../core/store.js';
import type { AssetLoader } from '../../host/asset-loader.js';
import { scrubUrls } from '../../host/redact.js';
import { formatCodecs } from '../../format/geometry/codec.js';
import { nerCodec } from '../../format/geometry/ner.js';
import type { AssetMetadata, OffsetUnit, TextMetadata } from '../../format/types.js';
import type { ExportInput } from '../../format/export.js';
import type { ImportContext, ImportedAnnotations } from '../../format/import.js';
import type { TextOffsets } from '../../format/import-reader.js';
import { LkReadyEvent } from '../../events/index.js';
import { createDocumentView, type DocumentView } from '../../text/document-view.js';
import { createEntityIndex, type EntityIndex, type TextEntity } from '../../text/entity-index.js';
import { createHighlightWindow, type HighlightWindow } from '../../text/highlight-window.js';
import { createTextHighlights, type TextHighlights } from '../../text/highlights.js';
import type { RelationOverlay } from '../../text/relation-overlay.js';
import { createTextDocument, type TextDocument } from '../../text/text-document.js';
import { AnnotatorElement } from '../base/annotator-element.js';
import type { KeyAction } from '../base/keymap.js';
import { classLabelStyles } from '../base/class-label.styles.js';
import { annotatorLayoutStyles } from '../base/layout.styles.js';
import { styleProperties } from '../base/style-properties.js';
import { lkTextStyles } from './lk-text.styles.js';
import type { EditState, PendingSpan, TextEditing, TextEditingHost } from './text-editing.js';
import { ContextProvider } from '@lit/context';
import { elementShortcutsContext } from '../panels/shared/element-shortcuts.js';
import { safeColor } from '../panels/shared/format.js';
import { inkOn } from '../../core/ink.js';
import { TEXT_SHORTCUTS } from './text-shortcuts.js';
import type { Issue, IssueAnchor } from '../../core/issues.js';
import { issueSpanAt, textIssuePins } from './text-issues.js';


interface CachedRange {
  start: number;
  end: number;
  range: StaticRange;
}

const FALLBACK_COLOR = '#6e7781';

/** Resolves in a task of its own, so that work before and after it are separate main-thread blocks. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** Milliseconds of paragraph building per task while a text loads. */
const FILL_BUDGET_MS = 8;
/** Store changes touching more entities than this are brought into the index and highlights a task later. */
const SYNC_NOW_LIMIT = 256;
/** Store changes touching more entities than this rebuild the index instead of updating it. */
const REBUILD_ABOVE = 2000;
/** The class tags of entities scrolled into view are placed once scrolling has paused this long. */
const LABELS_AFTER_SCROLL_MS = 120;

/**
 * Label plain text with named entities: select a span with the mouse or Shift+arrows, pick a class;
 * nested and overlapping entities, per-entity and document classifications, and relations drawn
 * as labelled arrows. Offsets in the export are Unicode code points, `end` exclusive.
 *
 * The text lives in this element's shadow root (one `<p>` per line, `content-visibility: auto`);
 * entities are CSS Custom Highlights whose names carry a per-instance prefix.
 *
 * @tagname lk-text
 * @summary Named-entity labeling of plain text.
 *
 * @csspart toolbar - The tool bar.
 * @csspart stage - The area around the document.
 * @csspart document - The scrolling document.
 * @csspart sidebar - The side panel with entities, classifications, relations and task actions.
 * @csspart sidebar-resize - The side panel's left edge: drag it, or focus it and press ← / →, to resize the panel.
 * @csspart sidebar-task - The task questions at the foot of the side panel (they scroll on their own past 40 %).
 * @cssproperty [--lk-height=600px] - Height of the element.
 * @cssproperty [--lk-sidebar-width=280px] - Width of the side panel.
 * @cssproperty [--lk-page-background=#ffffff] - Background of the document.
 * @cssproperty [--lk-text-font=15px/1.9 ui-serif, Georgia, serif] - Font of the document (keep the line height roomy for stacked underlines).
 * @cssproperty [--lk-text-max-width=80ch] - Measure of the document column.
 * @cssproperty [--lk-tab-size=4] - Tab width in spaces.
 * @cssproperty [--lk-caret-color=#1f2328] - Keyboard caret colour.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring and handle colour.
 */
export class LkText extends AnnotatorElement {
  static override styles = [annotatorLayoutStyles, classLabelStyles, lkTextStyles];
  /** Entities only: a pre-label of any other geometry is `import-invalid` (`unsupported-tool`). */
  protected static override formatCodecs = formatCodecs([nerCodec]);
  protected static override picture = false;

  /** The document itself, instead of a URL. Setting it replaces the shown text (the annotations stay). */
  @property({ attribute: false }) text: string | undefined;

  /** Widen mouse selections to whole words (and trim spaces at their edges). */
  @property({ type: Boolean, attribute: 'snap-words' }) snapWords = false;

  /**
   * The unit of `ner` offsets in imports and exports: `codepoint` (default; Python slicing, W3C Web
   * Annotation) or `utf16` (JavaScript string indexes, as Label Studio and most JS tools write
   * them). The export's `metadata.offsetUnit` names it. With `utf16`, an import waits for the text.
   */
  @property({ type: String, attribute: 'offset-unit', reflect: true })
  get offsetUnit(): OffsetUnit {
    return this.unit;
  }
  set offsetUnit(value: OffsetUnit) {
    const old = this.unit;
    this.unit = value === 'utf16' ? 'utf16' : 'codepoint';
    this.requestUpdate('offsetUnit', old);
  }

  @state() protected helpOpen = false;
  /** Text zoom from the toolbar's zoom buttons (1 = the font's own size). */
  @state() protected textZoom = 1;

  @query('.paragraphs') private paragraphsElement!: HTMLDivElement;
  @query('.scroller') private scroller!: HTMLDivElement;
  @query('.content') private content!: HTMLDivElement;
  @query('svg.arrows') private arrowsSvg!: SVGSVGElement;
  @query('.class-labels') private classLabelLayer!: HTMLDivElement;
  @query('.caret') private caretElement!: HTMLDivElement;
  @query('.handle.start') private startHandle!: HTMLDivElement;
  @query('.handle.end') private endHandle!: HTMLDivElement;

  private readonly highlights: TextHighlights;
  private textDocument: TextDocument | undefined;
  private view: DocumentView | undefined;
  private entityIndex: EntityIndex = createEntityIndex([]);
  /** Entities changed in the store and not yet in the index and highlights (large changes: a task later). */
  private readonly unsynced = new Set<string>();
  /** A change too large to bring in entity by entity is waiting: the index is rebuilt from the store. */
  private rebuildWaiting = false;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ranges = new Map<string, CachedRange>();
  /** Paints the entities of a window of blocks around the rendered ones; replaced with the view. */
  private highlightWindow: HighlightWindow | undefined;
  /** The hidden objects the index was last brought up to date with. */
  private indexedHidden = new Set<string>();
  /** The relation arrows, loaded on first need (`loadRelationOverlay`). */
  private relationOverlay: RelationOverlay | undefined;
  private relationOverlayLoading: Promise<void> | undefined;
  /** Resolves when the DOM of the text set last is built (`showText`). */
  private viewBuilt: Promise<void> = Promise.resolve();
  /** Set when the highlights were removed (disconnect) and must be painted again. */
  private paintLost = false;
  private paletteIndex = new Map<string, number>();
  /** The waiting span, the keyboard caret and the hovered entity, shared with the input handlers. */
  private readonly edit: EditState = { pending: undefined, caret: undefined, hoveredId: undefined };
  /** The compare versions' marks, once `compare` was set (docs/review.md). */
  private compareMarks: import('../compare/compare-ui.js').TextCompareMarks | undefined;
  private overlayFrame = 0;
  /** Counts changes to what the class tags show (the index, the palette). */
  private labelsVersion = 0;
  /** What the class tags were last drawn for (`labelsKey`). */
  private labelsDrawnFor = '';
  /** When the document last scrolled, and the timer that places the tags after it. */
  private scrolledAt = -Infinity;
  private labelsTimer: ReturnType<typeof setTimeout> | undefined;
  /** The tags' drawing, loaded on first need (`loadClassLabels`): they come after the first paint. */
  private classLabels: typeof import('../../text/class-labels.js') | undefined;
  private classLabelsLoading: Promise<void> | undefined;
  /** Pointer and keyboard input, loaded on first render (`loadEditing`); until then input does nothing. */
  private editing: TextEditing | undefined;
  private editingLoading: Promise<unknown> | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private rollingBack = false;
  /** The toolbar, side panels and shortcut help, loaded on first render (`loadPanels`). */
  private panelsLoading: Promise<unknown> | undefined;
  private panelsLoaded: 'toolbar' | 'all' | undefined;
  private unit: OffsetUnit = 'codepoint';
  /**
   * The text the last import was read against (`importContext`): the importer checked each of its
   * entities there, so storing it needs no second pass over them. Used once.
   */
  private importCheckedAgainst: TextDocument | undefined;
  /** The JSON path of each imported entity's entry, for problems found when the text arrives. */
  private importPaths = new Map<string, string>();

  /** The entity index, brought up to date first with any change still waiting for its task. */
  private get index(): EntityIndex {
    this.flushEntities();
    return this.entityIndex;
  }

  constructor() {
    super();
    new ContextProvider(this, { context: elementShortcutsContext, initialValue: TEXT_SHORTCUTS });
    this.highlights = createTextHighlights({ instanceId: this.instanceId, scope: '.paragraphs' });
    this.session.setActions({
      deleteSelection: () => this.deleteSelection(),
      submit: () => this.submit(),
      skip: () => this.skip(),
      review: (detail) => this.review(detail),
      showHelp: () => (this.helpOpen = true),
      zoomIn: () => (this.textZoom = Math.min(3, Math.round(this.textZoom * 1.15 * 100) / 100)),
      zoomOut: () => (this.textZoom = Math.max(0.5, Math.round((this.textZoom / 1.15) * 100) / 100)),
      fit: () => (this.textZoom = 1),
      actualSize: () => (this.textZoom = 1),
    });
    this.session.subscribe((topic) => {
      if (topic === 'ontology') this.updatePalette();
      if (topic === 'tool') this.onToolChange();
      if (topic === 'visibility') {
        this.syncHiddenEntities();
        this.applyFill();
      }
      if (topic === 'mode' && !this.session.canEdit) this.edit.pending = undefined;
      if (topic === 'selection') this.revealSelection();
    });
    this.session.store.subscribe((change) => {
      if (change.relations.length > 0) this.relationOverlay?.relationsChanged();
      this.syncEntities(change.objects.map((entry) => entry.id));
      this.rejectUnfitImport(change);
    });
    // Registered before the keyboard controller's listener (added on connect), so text keys and
    // class shortcuts for a waiting span are handled here first.
    this.addEventListener('keydown', this.onKeyDown);
  }

  /**
   * The first render waits for a task of its own: a host that creates the element, sets the text
   * and thousands of pre-labels in one script would otherwise get the first render (and the
   * text's offsets and lines) in the same main-thread block as its own work.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (root instanceof ShadowRoot) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.highlights.styleSheet];
    return root;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Highlights are removed on disconnect; a re-attached element paints them again.
    this.paintLost = true;
    if (this.hasUpdated) {
      this.observeSize();
      this.requestUpdate();
    }
  }

  private observeSize(): void {
    if (this.resizeObserver || !this.scroller) return;
    this.resizeObserver = new ResizeObserver(() => this.scheduleOverlay());
    this.resizeObserver.observe(this.scroller);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.highlights.destroy();
    this.compareMarks?.clear();
    this.paintLost = true;
    cancelAnimationFrame(this.overlayFrame);
    this.overlayFrame = 0;
    this.editing?.disconnect();
    this.edit.hoveredId = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    // Waiting entity changes are brought in on the next read (after reconnecting), not painted now.
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    clearTimeout(this.labelsTimer);
    this.labelsTimer = undefined;
  }

  // ---- public API -------------------------------------------------------------------------------

  /** The loaded document text, exactly as the file holds it. */
  get documentText(): string | undefined {
    return this.textDocument?.text;
  }

  /** Resolves when the text, highlights, overlay and panels reflect the current state (tests, screenshots). */
  async settled(): Promise<void> {
    await this.updateComplete;
    await this.viewBuilt;
    this.flushEntities();
    await this.updateComplete;
    if (this.panelsLoading) {
      await Promise.all([this.panelsLoading, this.displayPanelLoad]);
      await this.updateComplete;
    }
    await this.editingLoading;
    if (this.session.display.labels && this.view) {
      this.loadClassLabels();
      await this.classLabelsLoading;
    }
    if (this.session.store.state.relations.size > 0) {
      this.loadRelationOverlay();
      await this.relationOverlayLoading;
    }
    this.refreshPaint();
    // Blocks report whether they are rendered after the frame that laid them out: wait for it.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.drawOverlay({ scrolling: false });
  }

  /** The highlight names this element has registered in `CSS.highlights`. */
  highlightNames(): string[] {
    return this.highlights.names();
  }

  /**
   * The span waiting for a class, in code points (`end` exclusive), or undefined. A span waits when
   * it was selected with no active class; a class shortcut or toolbar button turns it into an entity.
   */
  get pendingSpan(): { start: number; end: number; selection: string } | undefined {
    const doc = this.textDocument;
    if (!doc || !this.edit.pending) return undefined;
    const [from, to] = this.orderedPending(this.edit.pending);
    const start = doc.codePoints.toCodePoint(from);
    const end = doc.codePoints.toCodePoint(to);
    return { start, end, selection: doc.codePoints.slice(start, end) };
  }

  /** The loaded text in this element's offset unit, or undefined before it arrives. */
  private textOffsets(): TextOffsets | undefined {
    const points = this.textDocument?.codePoints;
    if (!points) return undefined;
    return {
      unit: this.unit,
      length: points.length,
      utf16Length: points.utf16Length,
      toUtf16: points.toUtf16,
      toCodePoint: points.toCodePoint,
      sliceEquals: points.sliceEquals,
    };
  }

  protected override importContext(): Pick<ImportContext, 'text' | 'pages' | 'keepPaths'> {
    const text = this.textOffsets();
    this.importCheckedAgainst = text ? this.textDocument : undefined;
    // With the text, the importer checks every entity at its path; without it, paths are kept for the check on load.
    return text ? { text } : { keepPaths: true };
  }

  protected override exportContext(): Pick<ExportInput, 'text'> {
    const text = this.textOffsets();
    return text ? { text } : {};
  }

  /** UTF-16 offsets can only be read against the text: such imports wait for it. */
  protected override importWaits(): boolean {
    return this.unit === 'utf16' && !this.textDocument;
  }

  protected override onImported(imported: ImportedAnnotations): void {
    super.onImported(imported);
    if (imported.paths) for (const [id, path] of imported.paths) this.importPaths.set(id, path);
  }

  /** Entities whose offsets fall outside the text or whose `selection` is not the covered text, plus the base rules. */
  override validate(): Problem[] {
    return [...this.spanProblems(), ...super.validate()];
  }

  // ---- loading ----------------------------------------------------------------------------------

  protected async loadAsset(loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata> {
    this.setStatus('Loading text…');
    try {
      const text = await loader.fetchText({ signal });
      if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
      await this.updateComplete;
      await this.showText(text);
      if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
      this.setStatus('');
      return this.textMetadata();
    } catch (error) {
      if (!signal.aborted) {
        const message = error instanceof LabelkitError ? scrubUrls(error.message, [this.src]) : 'The text could not be loaded.';
        this.setStatus(message, true);
      }
      throw error;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.loadPanels(!this.noSidebar || this.helpOpen ? 'all' : 'toolbar');
    this.loadEditing();
  }

  /** The pointer and keyboard handling, with `import()` on first render (in parallel with the text). */
  private loadEditing(): void {
    this.editingLoading ??= import('./text-editing.js').then(
      ({ createTextEditing }) => {
        this.editing = createTextEditing(this.editingHost());
        this.scheduleOverlay();
      },
      () => {
        // A failed chunk load leaves the text readable; the next render tries again.
        this.editingLoading = undefined;
      },
    );
  }

  /** What the input handlers read and change of this element. */
  private editingHost(): TextEditingHost {
    const element = this;
    return {
      element,
      session: this.session,
      get root() {
        return element.shadowRoot;
      },
      get view() {
        return element.view;
      },
      get document() {
        return element.textDocument;
      },
      get index() {
        return element.index;
      },
      get snapWords() {
        return element.snapWords;
      },
      get scroller() {
        return element.scroller;
      },
      get paragraphs() {
        return element.paragraphsElement;
      },
      edit: this.edit,
      nerTools: () => this.nerTools(),
      nerSpan: (object) => this.nerSpan(object),
      activeNerSchema: () => this.activeNerSchema(),
      createEntity: (schemaId, from, to) => this.createEntity(schemaId, from, to),
      createFromPending: (schemaId) => this.createFromPending(schemaId),
      editableSelectedEntity: () => this.editableSelectedEntity(),
      revealOffset: (offset) => this.revealOffset(offset),
      refreshPaint: () => this.refreshPaint(),
      requestUpdate: () => this.requestUpdate(),
    };
  }

  /**
   * The toolbar, the side panels and the shortcut help are not part of the first download: they
   * load with `import()` when the element first renders (the toolbar alone with `no-sidebar`), in
   * parallel with the text. Until then their tags are undefined elements, which upgrade (keeping
   * their properties) on arrival; the toolbar's row is reserved meanwhile.
   */
  private loadPanels(which: 'toolbar' | 'all'): void {
    const retry = () => {
      // A failed chunk load leaves the text usable; the next render tries again.
      this.panelsLoading = undefined;
      this.panelsLoaded = undefined;
    };
    if (which === 'all' && this.panelsLoaded !== 'all') {
      this.panelsLoaded = 'all';
      this.panelsLoading = import('../panels/sidebar-panels.js').catch(retry);
    } else if (!this.panelsLoaded) {
      this.panelsLoaded = 'toolbar';
      this.panelsLoading = import('../panels/toolbar/define.js').catch(retry);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('text') && typeof this.text === 'string') {
      const built = this.showText(this.text);
      const doc = this.textDocument;
      this.metadata = this.textMetadata();
      void built.then(() => {
        if (this.textDocument !== doc || !this.metadata) return;
        this.setCustomState('ready', true);
        this.dispatchEvent(new LkReadyEvent({ metadata: this.metadata }));
      });
    }
    this.refreshPaint();
    if (this.compareView && this.view && this.isConnected) this.compareMarks?.paint(this.compareView);
    else if (!this.compareView) this.compareMarks?.clear();
    this.scheduleOverlay();
  }

  /** Versions to compare are marked over the text (overlines in each version's colour and style). */
  protected override onCompareLoaded(): void {
    if (this.compareMarks) return;
    const marks = this.compareUi!.createTextCompareMarks({
      instanceId: this.instanceId,
      scope: '.paragraphs',
      rangeOf: (start, end) => {
        const doc = this.textDocument;
        const view = this.view;
        if (!doc || !view || end > doc.codePoints.length || end <= start) return undefined;
        return view.staticRange(doc.codePoints.toUtf16(start), doc.codePoints.toUtf16(end));
      },
    });
    this.compareMarks = marks;
    const root = this.renderRoot;
    if (root instanceof ShadowRoot) root.adoptedStyleSheets = [...root.adoptedStyleSheets, marks.styleSheet];
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.updatePalette();
    this.observeSize();
  }

  private textMetadata(): TextMetadata {
    const doc = this.textDocument;
    return { characters: doc?.codePoints.length ?? 0, lines: doc?.layout.paragraphs.length ?? 0, offsetUnit: this.unit };
  }

  /**
   * Shows a new text. The string work happens now (offsets, lines); the rest comes in tasks of
   * their own (`buildInTasks`), so that no step of opening a long document with thousands of
   * entities holds the main thread for long.
   */
  private showText(text: string): Promise<void> {
    this.view?.destroy();
    this.view = undefined;
    this.highlightWindow = undefined;
    this.highlights.clearEntities();
    const doc = createTextDocument(text);
    this.textDocument = doc;
    this.entityIndex = createEntityIndex([]);
    this.unsynced.clear();
    this.rebuildWaiting = false;
    this.ranges.clear();
    this.edit.pending = undefined;
    this.edit.caret = undefined;
    this.viewBuilt = this.buildInTasks(doc);
    this.applyWaitingImports();
    // Versions to compare are read again against the text (its offset unit, spans checked).
    this.compareView?.refresh();
    return this.viewBuilt;
  }

  /**
   * After the task that set the text: the empty blocks and the lines in view; then the entity
   * index and the highlights of the rendered blocks; then the other lines, a few milliseconds at
   * a time; then the check that the entities fit the text.
   */
  private async buildInTasks(doc: TextDocument): Promise<void> {
    const current = () => this.textDocument === doc;
    await nextTask();
    const container = this.paragraphsElement;
    if (!current() || !container) return;
    const view = createDocumentView({
      container,
      document: doc,
      onRenderedChange: (block, rendered) => {
        this.highlightWindow?.blockChanged(block, rendered);
        // A block laid out for the first time has boxes now: the tags and arrows over it are drawn.
        this.scheduleOverlay();
      },
    });
    this.view = view;
    let unfilled = view.fillSome(FILL_BUDGET_MS);
    this.scheduleOverlay();
    await nextTask();
    if (!current()) return;
    this.indexEntities();
    while (unfilled) {
      await nextTask();
      if (!current()) return;
      unfilled = view.fillSome(FILL_BUDGET_MS);
    }
    await nextTask();
    if (!current()) return;
    this.fillMissingSelections(this.session.store.state.objects.values());
    const problems = this.spanProblems();
    if (problems.length > 0) this.reportSpanProblems(problems, 'Entities were kept but need fixing');
  }

  /** The entity index and the highlights of the blocks rendered by now. */
  private indexEntities(): void {
    const view = this.view;
    if (!view) return;
    this.rebuildIndex();
    this.highlightWindow = createHighlightWindow({
      view,
      index: () => this.index,
      highlights: this.highlights,
      paintOf: (entity) => ({ classIndex: this.classIndexOf(entity.id), lane: this.index.laneOf(entity.id), range: this.rangeFor(entity) }),
    });
    this.highlightWindow.repaintAll();
    this.refreshPaint();
    this.scheduleOverlay();
    this.requestUpdate();
  }

  // ---- entities and highlights ------------------------------------------------------------------

  private nerTools() {
    return (this.session.ontology?.tools ?? []).filter((tool) => tool.tool === 'ner');
  }

  private updatePalette(): void {
    this.labelsVersion++;
    const tools = this.nerTools();
    this.paletteIndex = new Map(tools.map((tool, i) => [tool.schemaId, i] as const));
    this.highlights.setPalette([...tools.map((tool) => tool.color), FALLBACK_COLOR]);
    this.highlightWindow?.repaintAll();
    this.requestUpdate();
  }

  /** The display's fill opacity and outlines only, on the entities' background (the underline is their outline). */
  private applyFill(): void {
    const { fillOpacity, outlineOnly } = this.session.display;
    // At the default 15 % the background keeps its 18 %: text needs a little more colour than a picture's shapes.
    this.highlights.setFill(outlineOnly ? 0 : fillOpacity * 1.2);
  }

  private nerSpan(object: ObjectAnnotation): { start: number; end: number; selection: string } | undefined {
    const geometry = object.keyframes[0]?.geometry;
    return geometry?.type === 'ner' ? geometry.value : undefined;
  }

  private rangeFor(entity: TextEntity): StaticRange {
    const view = this.view!;
    const cached = this.ranges.get(entity.id);
    if (cached && cached.start === entity.start && cached.end === entity.end) return cached.range;
    const range = view.staticRange(entity.start, entity.end);
    this.ranges.set(entity.id, { start: entity.start, end: entity.end, range });
    return range;
  }

  /** The entity an object paints as, or undefined (no span, hidden, or empty in this text). */
  private entityOf(object: ObjectAnnotation | undefined): TextEntity | undefined {
    const doc = this.textDocument;
    const span = object ? this.nerSpan(object) : undefined;
    if (!doc || !object || !span || this.session.hidden.has(object.objectId)) return undefined;
    const start = doc.codePoints.toUtf16(span.start);
    const end = doc.codePoints.toUtf16(span.end);
    return end > start ? { id: object.objectId, start, end } : undefined;
  }

  private classIndexOf(id: string): number {
    return this.paletteIndex.get(this.session.store.state.objects.get(id)?.schemaId ?? '') ?? this.paletteIndex.size;
  }

  /** The index from every object in the store (a new text: offsets in UTF-16 change with it). */
  private rebuildIndex(): void {
    this.labelsVersion++;
    const entities: TextEntity[] = [];
    for (const object of this.session.store.state.objects.values()) {
      const entity = this.entityOf(object);
      if (entity) entities.push(entity);
    }
    this.entityIndex = createEntityIndex(entities);
    this.unsynced.clear();
    this.rebuildWaiting = false;
    this.indexedHidden = new Set(this.session.hidden);
  }

  /**
   * Brings the index and the painted highlights up to date with these objects only: one new
   * entity costs a binary search and the highlights of the rendered blocks, not a pass over all.
   * A large change (an import) waits for a task of its own; anything that reads the index first
   * brings it up to date then.
   */
  private syncEntities(ids: readonly string[]): void {
    if (!this.textDocument || ids.length === 0) return;
    // A change of thousands (an import) rebuilds from the store: its ids need not be kept (a
    // pass over 10,000 ids, cold, in the host's own call cost ~15 ms).
    if (ids.length > REBUILD_ABOVE) this.rebuildWaiting = true;
    else if (!this.rebuildWaiting) for (const id of ids) this.unsynced.add(id);
    if (!this.rebuildWaiting && this.unsynced.size <= SYNC_NOW_LIMIT) this.flushEntities();
    else this.syncTimer ??= setTimeout(() => this.flushEntities(), 0);
  }

  private flushEntities(): void {
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    if (this.unsynced.size === 0 && !this.rebuildWaiting) return;
    this.labelsVersion++;
    const ids = [...this.unsynced];
    const objects = this.session.store.state.objects;
    if (this.rebuildWaiting || ids.length > REBUILD_ABOVE) {
      // Most of the document changed (a large import): sorting every entity afresh and painting
      // the rendered blocks again costs a fraction of updating them one by one.
      for (const id of this.ranges.keys()) if (!objects.has(id)) this.ranges.delete(id);
      this.rebuildIndex();
      this.highlightWindow?.repaintAll();
      this.requestUpdate();
      return;
    }
    this.unsynced.clear();
    const removed: string[] = [];
    const upserted: TextEntity[] = [];
    for (const id of ids) {
      const entity = this.entityOf(objects.get(id));
      if (entity) upserted.push(entity);
      else removed.push(id);
      if (!entity) this.ranges.delete(id);
    }
    const laneChanged = this.entityIndex.update(removed, upserted);
    this.highlightWindow?.entitiesChanged(new Set([...ids, ...laneChanged]));
    this.requestUpdate();
  }

  private syncHiddenEntities(): void {
    const hidden = this.session.hidden;
    const changed = [...hidden].filter((id) => !this.indexedHidden.has(id));
    for (const id of this.indexedHidden) if (!hidden.has(id)) changed.push(id);
    this.indexedHidden = new Set(hidden);
    this.syncEntities(changed);
  }

  /** Paints the selection, hover and waiting-span marks (and everything, after a disconnect). */
  private refreshPaint(): void {
    const view = this.view;
    if (!view || !this.isConnected) return;
    if (this.paintLost) {
      this.paintLost = false;
      this.highlightWindow?.repaintAll();
    }
    const selected: AbstractRange[] = [];
    for (const id of this.session.selection) {
      const entity = this.index.get(id);
      if (entity) selected.push(this.rangeFor(entity));
    }
    this.highlights.setMark('selected', selected);
    const hovered = this.edit.hoveredId ? this.index.get(this.edit.hoveredId) : undefined;
    this.highlights.setMark('hover', hovered ? [this.rangeFor(hovered)] : []);
    const pending = this.edit.pending;
    if (pending && pending.anchor !== pending.focus) {
      const [from, to] = this.orderedPending(pending);
      this.highlights.setMark('pending', [view.staticRange(from, to)]);
    } else {
      this.highlights.setMark('pending', []);
    }
  }

  private orderedPending(pending: PendingSpan): [number, number] {
    return pending.anchor <= pending.focus ? [pending.anchor, pending.focus] : [pending.focus, pending.anchor];
  }

  /**
   * Host writes (`annotations`, `import()`) whose entities do not fit the loaded text are undone
   * whole and reported as `import-invalid`, like any other import that does not fit: nothing that
   * was on the element is lost. (Entities imported before the text arrives are checked on load.)
   */
  private rejectUnfitImport(change: ChangeSet): void {
    if (change.origin !== 'api' || this.rollingBack || !this.textDocument) return;
    const checked = this.importCheckedAgainst === this.textDocument && (change.reason === 'reset' || change.reason === 'import');
    this.importCheckedAgainst = undefined;
    const added: ObjectAnnotation[] = [];
    for (const entry of change.objects) if (entry.after) added.push(entry.after);
    const problems = checked ? [] : this.spanProblems(added);
    if (problems.length === 0) {
      this.fillMissingSelections(added);
      return;
    }
    this.rollingBack = true;
    try {
      this.session.store.transact({ origin: 'api', reason: 'import' }, (tx) => {
        for (const entry of change.relations) if (entry.after) tx.removeRelation(entry.id);
        for (const entry of change.objects) if (entry.after) tx.removeObject(entry.id);
        for (const entry of change.classifications) if (entry.after) tx.removeClassification(entry.id);
        for (const entry of change.objects) if (entry.before) tx.putObject(entry.before);
        for (const entry of change.classifications) if (entry.before) tx.putClassification(entry.before);
        for (const entry of change.relations) if (entry.before) tx.putRelation(entry.before);
      });
    } finally {
      this.rollingBack = false;
    }
    this.reportSpanProblems(problems, 'The annotations were not imported');
  }

  /**
   * Imports may give only `start`/`end` (the importer reads a missing `selection` as ''): such
   * entities get the covered text as their selection, as a host write.
   */
  private fillMissingSelections(objects: Iterable<ObjectAnnotation>): void {
    const doc = this.textDocument;
    if (!doc) return;
    const filled: ObjectAnnotation[] = [];
    for (const object of objects) {
      const span = this.nerSpan(object);
      if (!span || span.selection !== '' || span.end <= span.start || span.end > doc.codePoints.length) continue;
      const geometry: Geometry = { type: 'ner', value: { ...span, selection: doc.codePoints.slice(span.start, span.end) } };
      filled.push(withOneShape(object, 0, geometry));
    }
    if (filled.length === 0) return;
    this.rollingBack = true;
    try {
      this.session.store.transact({ origin: 'api', reason: 'import' }, (tx) => filled.forEach((object) => tx.putObject(object)));
    } finally {
      this.rollingBack = false;
    }
  }

  private reportSpanProblems(problems: Problem[], lead: string): void {
    this.reportError({
      code: 'import-invalid',
      message: `${lead}: ${problems.length} entit${problems.length === 1 ? 'y does' : 'ies do'} not fit the text (${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')})`,
      cause: { problems: problems.map(({ code, message, path }) => ({ code, message, ...(path ? { path } : {}) })) },
    });
  }

  private spanProblems(objects: Iterable<ObjectAnnotation> = this.session.store.state.objects.values()): Problem[] {
    const doc = this.textDocument;
    if (!doc) return [];
    const problems: Problem[] = [];
    for (const object of objects) {
      const span = this.nerSpan(object);
      if (!span) continue;
      const base = { objectId: object.objectId, schemaId: object.schemaId };
      // An entity from an import carries the JSON path of its entry (every import problem has one).
      const entry = this.importPaths.get(object.objectId);
      const at = (key: string) => (entry ? { path: `${entry}.ner.${key}` } : {});
      if (span.end === span.start) {
        problems.push({ ...base, ...at('end'), code: 'ner-empty', message: `${object.objectId}: the entity covers no text ([${span.start}, ${span.end}))` });
      } else if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start || span.end > doc.codePoints.length) {
        problems.push({
          ...base,
          ...at('end'),
          code: 'ner-out-of-range',
          message: `${object.objectId}: [${span.start}, ${span.end}) is not a span of the ${doc.codePoints.length}-code-point text`,
        });
      } else if (span.selection !== '' && !doc.codePoints.sliceEquals(span.start, span.end, span.selection)) {
        const utf16 = doc.codePoints.toCodePoint(span.start);
        const utf16End = doc.codePoints.toCodePoint(span.end);
        const other = span.end <= doc.codePoints.utf16Length && doc.codePoints.toUtf16(utf16) === span.start && doc.codePoints.toUtf16(utf16End) === span.end && doc.codePoints.sliceEquals(utf16, utf16End, span.selection);
        problems.push({
          ...base,
          ...at('selection'),
          code: 'ner-selection-mismatch',
          message: `${object.objectId}: selection does not equal the text at [${span.start}, ${span.end}) (code point offsets)${other ? '; it does match in UTF-16 code units: set offset-unit="utf16"' : ''}`,
        });
      }
    }
    return problems;
  }

  /** The active class when it is an entity class and editing is allowed. */
  private activeNerSchema(): string | undefined {
    const id = this.session.activeSchemaId;
    if (!id || !this.session.canEdit) return undefined;
    return this.nerTools().some((tool) => tool.schemaId === id) ? id : undefined;
  }

  private createEntity(schemaId: string, from: number, to: number): string | undefined {
    const doc = this.textDocument;
    if (!doc || !this.session.canEdit) return undefined;
    const start = doc.codePoints.toCodePoint(Math.min(from, to));
    const end = doc.codePoints.toCodePoint(Math.max(from, to));
    if (end <= start) return undefined;
    const objectId = this.newObjectId();
    const geometry: Geometry = { type: 'ner', value: { start, end, selection: doc.codePoints.slice(start, end) } };
    const change = this.session.store.transact({ origin: 'user', reason: 'create' }, (tx) =>
      tx.putObject(newObject(objectId, schemaId, 0, geometry, 'single')),
    );
    if (!change) return undefined;
    this.edit.pending = undefined;
    this.session.select([objectId]);
    this.requestUpdate();
    return objectId;
  }

  private createFromPending(schemaId: string): boolean {
    const pending = this.edit.pending;
    if (!pending || pending.anchor === pending.focus) return false;
    const [from, to] = this.orderedPending(pending);
    return this.createEntity(schemaId, from, to) !== undefined;
  }

  /** A toolbar button (or any host call) picked an entity class while a span was waiting. */
  private onToolChange(): void {
    const schemaId = this.activeNerSchema();
    if (schemaId && this.edit.pending) this.createFromPending(schemaId);
  }

  /** The one selected entity the user may change, or undefined. */
  private editableSelectedEntity(): ObjectAnnotation | undefined {
    if (!this.session.canEdit || this.session.selection.length !== 1) return undefined;
    const object = this.session.store.state.objects.get(this.session.selection[0]!);
    if (!object || object.lock || !this.nerSpan(object)) return undefined;
    return object;
  }

  // ---- pointer and keyboard (text-editing.ts) -------------------------------------------------

  private readonly onMouseDown = (event: MouseEvent) => this.editing?.mouseDown(event);
  private readonly onPointerDown = (event: PointerEvent) => {
    if (this.placeIssue(event)) return;
    this.editing?.pointerDown(event);
  };

  // ---- review issues --------------------------------------------------------------------------

  /** While an issue is being placed, a press on the text places it at that character. */
  private placeIssue(event: PointerEvent): boolean {
    const board = this.session.issues;
    if (!board.placing || !this.view || event.button !== 0) return false;
    const span = issueSpanAt(this.renderRoot as ShadowRoot, this.view, event.clientX, event.clientY);
    if (!span) return false;
    event.preventDefault();
    event.stopPropagation();
    board.setDraft({ span });
    return true;
  }

  /** I with text selected (no entity): the issue is about those characters. */
  override raiseIssue(): boolean {
    const pending = this.pendingSpan;
    const entitySelected = this.session.selection.some((id) => this.session.store.state.objects.has(id));
    if (!pending || entitySelected || !this.session.issues.canRaise) return super.raiseIssue();
    void this.issueController.loadPanel();
    this.session.issues.setDraft({ span: { start: pending.start, end: pending.end } });
    return true;
  }

  protected override issueAnchorOn(objectId: string): IssueAnchor {
    const object = this.session.store.state.objects.get(objectId);
    const span = object ? this.nerSpan(object) : undefined;
    return { objectId, ...(span ? { span: { start: span.start, end: span.end } } : {}) };
  }

  override showIssue(issue: Issue): void {
    super.showIssue(issue);
    const object = issue.objectId === undefined ? undefined : this.session.store.state.objects.get(issue.objectId);
    const span = issue.span ?? (object ? this.nerSpan(object) : undefined);
    const doc = this.textDocument;
    if (doc && span) this.revealOffset(doc.codePoints.toUtf16(span.start));
  }

  /** The issue pins at the start of their characters (their element loads with the issues panel). */
  private renderIssuePins(): TemplateResult | typeof nothing {
    const placed = this.issuePinPlaces();
    if (!placed) return nothing;
    return html`<lk-issue-pins .board=${this.session.issues} .pins=${placed.pins} .draft=${placed.draft}></lk-issue-pins>`;
  }

  /** Blocks laid out as they scroll into view move the lines after them: the pins follow with the overlay. */
  private placeIssuePins(): void {
    // Without pins shown there is no layer: no query on every scrolled frame (half its overlay work).
    if (!this.issueController.shown) return;
    const layer = this.renderRoot.querySelector<HTMLElement & { pins: unknown; draft: unknown }>('lk-issue-pins');
    const placed = layer && this.issuePinPlaces();
    if (!layer || !placed) return;
    layer.pins = placed.pins;
    layer.draft = placed.draft;
  }

  private issuePinPlaces(): ReturnType<typeof textIssuePins> | undefined {
    if (!this.issueController.shown || !this.view || !this.content) return undefined;
    return textIssuePins(this.session.issues, {
      view: this.view,
      content: this.content,
      spanOf: (objectId) => {
        const object = this.session.store.state.objects.get(objectId);
        const span = object ? this.nerSpan(object) : undefined;
        return span && { start: span.start, end: span.end };
      },
    });
  }
  private readonly onPointerMove = (event: PointerEvent) => this.editing?.pointerMove(event);
  private readonly onPointerLeave = () => this.editing?.pointerLeave();
  private readonly onHandleDown = (event: PointerEvent) => this.editing?.handleDown(event);
  private readonly onHandleMove = (event: PointerEvent) => this.editing?.handleMove(event);
  private readonly onHandleUp = (event: PointerEvent) => this.editing?.handleUp(event);
  private readonly onKeyDown = (event: KeyboardEvent) => this.editing?.keyDown(event);

  private readonly onArrowClick = (event: MouseEvent) => {
    const target = event.composedPath().find((node): node is SVGGElement => node instanceof SVGGElement && node.dataset['relationId'] !== undefined);
    const id = target?.dataset['relationId'];
    if (!id) return;
    event.stopPropagation();
    this.session.select([id]);
  };

  // ---- selection and keys ---------------------------------------------------------------------

  /** An entity selected elsewhere (the object list) scrolls into view. */
  private revealSelection(): void {
    const doc = this.textDocument;
    const object = this.session.selection.length === 1 ? this.session.store.state.objects.get(this.session.selection[0]!) : undefined;
    const span = object ? this.nerSpan(object) : undefined;
    if (doc && span) this.revealOffset(doc.codePoints.toUtf16(span.start));
  }

  private revealOffset(offset: number): void {
    const view = this.view;
    if (!view) return;
    const index = view.document.layout.paragraphAt(offset);
    view.paragraphElement(index)?.scrollIntoView({ block: 'nearest' });
  }

  override handleKeyAction(action: KeyAction, _event: KeyboardEvent): boolean {
    switch (action) {
      case 'cancel':
        if (this.editing?.cancelDrag()) return true;
        if (this.edit.pending) {
          this.edit.pending = undefined;
          this.requestUpdate();
          return true;
        }
        return false;
      case 'finish': {
        const schemaId = this.activeNerSchema();
        return schemaId !== undefined && this.createFromPending(schemaId);
      }
      case 'help':
        this.helpOpen = !this.helpOpen;
        return true;
      case 'zoomIn':
      case 'zoomOut':
      case 'fit':
      case 'actualSize':
        this.session.actions[action]();
        return true;
      case 'nextObject':
      case 'previousObject':
        return this.selectNeighbour(action === 'nextObject' ? 1 : -1);
      case 'entityStartBack':
      case 'entityStartForward':
      case 'entityEndBack':
      case 'entityEndForward':
        return (
          this.editing?.moveEdge(action.startsWith('entityStart') ? 'start' : 'end', action.endsWith('Back') ? -1 : 1) ?? false
        );
      default:
        return false;
    }
  }

  /** Tab / Shift+Tab walk the entities in document order. */
  private selectNeighbour(direction: 1 | -1): boolean {
    const ordered = this.index.ordered;
    if (ordered.length === 0) return false;
    const current = this.session.selection.length === 1 ? ordered.findIndex((e) => e.id === this.session.selection[0]) : -1;
    const next = current === -1 ? (direction > 0 ? 0 : ordered.length - 1) : current + direction;
    const entity = ordered[next];
    if (!entity) return false;
    this.session.select([entity.id]);
    this.revealOffset(entity.start);
    return true;
  }

  // ---- overlay: caret, handles, relation arrows -------------------------------------------------

  private scheduleOverlay(): void {
    if (this.overlayFrame) return;
    // Rects read in the frame after a change are right even with content-visibility.
    this.overlayFrame = requestAnimationFrame(() => {
      this.overlayFrame = 0;
      this.drawOverlay();
    });
  }

  private readonly onScroll = () => {
    this.scrolledAt = performance.now();
    this.scheduleOverlay();
  };

  /** `scrolling`: whether the document scrolled just now (by default, within `LABELS_AFTER_SCROLL_MS`). */
  private drawOverlay({ scrolling = performance.now() - this.scrolledAt < LABELS_AFTER_SCROLL_MS } = {}): void {
    const view = this.view;
    if (!view || !this.content) return;
    const origin = this.content.getBoundingClientRect();
    this.editing?.drawMarks({ origin, caret: this.caretElement, start: this.startHandle, end: this.endHandle });
    this.drawArrows(origin);
    this.placeIssuePins();
    this.drawClassLabels(origin, scrolling);
  }

  /** Ids of the entities that share text with the given blocks, each once. */
  private entityIdsIn(blocks: Iterable<number>): Set<string> {
    const ids = new Set<string>();
    const view = this.view;
    if (!view) return ids;
    for (const block of blocks) for (const entity of this.index.overlapping(...view.blockSpan(block))) ids.add(entity.id);
    return ids;
  }

  /**
   * The class name at each entity's start, while the display's labels are on: the tags of the
   * entities in the blocks on screen, placed in the document's coordinates, so they move with the
   * text. They are drawn again only when what they show changed (`labelsKey`), and while the
   * document scrolls, only once it pauses: any DOM or style change makes the browser mark every
   * highlight range again and repaint the text in view, which cost a scrolled frame as much again
   * as the scroll itself.
   */
  private drawClassLabels(origin: DOMRect, scrolling: boolean): void {
    const view = this.view;
    if (!this.classLabelLayer || !view) return;
    const classLabels = this.classLabels;
    if (!classLabels) {
      // No tag was drawn yet: nothing to take away while the labels are off.
      if (this.session.display.labels) this.loadClassLabels();
      return;
    }
    if (scrolling) {
      clearTimeout(this.labelsTimer);
      this.labelsTimer = setTimeout(() => this.scheduleOverlay(), LABELS_AFTER_SCROLL_MS);
      return;
    }
    const screen = this.scroller.getBoundingClientRect();
    const onScreen = view.renderedBlocksIn(screen.top, screen.bottom);
    const key = this.labelsKey(origin, onScreen);
    if (key === this.labelsDrawnFor) return;
    this.labelsDrawnFor = key;
    const titles = new Map(this.nerTools().map((tool) => [tool.schemaId, tool] as const));
    classLabels.drawClassLabels({
      layer: this.classLabelLayer,
      view,
      index: this.index,
      entityIds: this.session.display.labels ? this.entityIdsIn(onScreen) : [],
      labelOf: (id) => {
        const schemaId = this.session.store.state.objects.get(id)?.schemaId;
        if (schemaId === undefined) return undefined;
        const tool = titles.get(schemaId);
        const color = safeColor(tool?.color);
        return { title: tool?.title ?? schemaId, color, ink: inkOn(color) };
      },
      origin,
    });
  }

  private loadClassLabels(): void {
    this.classLabelsLoading ??= import('../../text/class-labels.js').then(
      (module) => {
        this.classLabels = module;
        this.scheduleOverlay();
      },
      () => {
        // A failed chunk load leaves the text usable; the next draw tries again.
        this.classLabelsLoading = undefined;
      },
    );
  }

  /** Everything the tags depend on: the blocks on screen, the entities, the palette, the display and the layout's size. */
  private labelsKey(origin: DOMRect, blocks: readonly number[]): string {
    const layout = `${origin.width}x${this.content.scrollHeight}@${this.textZoom}`;
    return `${blocks.join(',')}|${this.index.size}:${this.labelsVersion}:${this.session.store.version}|${this.session.display.labels}|${layout}`;
  }

  /**
   * The relation arrows. Their code loads with `import()` the first time there are relations (a
   * document without any never downloads it); until it arrives none are drawn.
   */
  private drawArrows(origin: DOMRect): void {
    const svg = this.arrowsSvg;
    const view = this.view;
    if (!svg || !view) return;
    const relations = this.session.store.state.relations;
    this.content.classList.toggle('has-arrows', relations.size > 0);
    if (relations.size === 0 || !this.relationOverlay) {
      if (svg.childNodes.length > 0) svg.replaceChildren();
      if (relations.size > 0) this.loadRelationOverlay();
      return;
    }
    this.relationOverlay.draw({
      svg,
      view,
      index: this.index,
      relations,
      categories: this.session.ontology?.relations ?? [],
      entityIds: this.entityIdsIn(view.renderedBlocks()),
      selected: new Set(this.session.selection),
      origin,
      screen: this.scroller.getBoundingClientRect(),
      fallbackColor: FALLBACK_COLOR,
    });
  }

  private loadRelationOverlay(): void {
    this.relationOverlayLoading ??= import('../../text/relation-overlay.js').then(
      ({ createRelationOverlay }) => {
        this.relationOverlay = createRelationOverlay();
        this.scheduleOverlay();
      },
      () => {
        // A failed chunk load leaves the text usable; the next draw tries again.
        this.relationOverlayLoading = undefined;
      },
    );
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** What a screen reader hears when the selection changes: class and covered text. */
  private selectionAnnouncement(): string {
    const pending = this.pendingSpan;
    if (pending) return `Selected text: ${pending.selection.slice(0, 200)}. Press a class shortcut to label it.`;
    const titles = new Map(this.nerTools().map((tool) => [tool.schemaId, tool.title] as const));
    const parts: string[] = [];
    for (const id of this.session.selection.slice(0, 5)) {
      const object = this.session.store.state.objects.get(id);
      const span = object ? this.nerSpan(object) : undefined;
      if (object && span) parts.push(`${titles.get(object.schemaId) ?? object.schemaId}: ${span.selection.slice(0, 200)}`);
    }
    return parts.join('; ');
  }

  protected override render(): TemplateResult {
    return html`
      <div class="layout">
        <lk-toolbar part="toolbar" .session=${this.session}></lk-toolbar>
        <div class="stage" part="stage">
          <div class="scroller" part="document" tabindex="0" role="region" aria-label="Text" @scroll=${this.onScroll}>
            <div class="content">
              <div
                class="paragraphs"
                style=${styleProperties({ zoom: String(this.textZoom) })}
                role="document"
                aria-label="Document text"
                @pointerdown=${this.onPointerDown}
                @pointermove=${this.onPointerMove}
                @pointerleave=${this.onPointerLeave}
                @mousedown=${this.onMouseDown}
              ></div>
              <div class="class-labels" aria-hidden="true"></div>
              <svg class="arrows" aria-hidden="true" @click=${this.onArrowClick}></svg>
              <div class="caret"></div>
              ${this.renderIssuePins()}
              <div
                class="handle start"
                title="Drag to move the entity's start"
                @pointerdown=${this.onHandleDown}
                @pointermove=${this.onHandleMove}
                @pointerup=${this.onHandleUp}
                @pointercancel=${this.onHandleUp}
              ></div>
              <div
                class="handle end"
                title="Drag to move the entity's end"
                @pointerdown=${this.onHandleDown}
                @pointermove=${this.onHandleMove}
                @pointerup=${this.onHandleUp}
                @pointercancel=${this.onHandleUp}
              ></div>
            </div>
          </div>
          <div class="visually-hidden" role="status" aria-live="polite">${this.selectionAnnouncement()}</div>
          ${this.renderStatus()}
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
