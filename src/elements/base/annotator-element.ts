import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { LabelkitError, type ErrorInfo } from '../../core/errors.js';
import type { Geometry, ObjectAnnotation, Point } from '../../core/model.js';
import { parseOntology, type Ontology } from '../../core/ontology.js';
import type { Problem, Result } from '../../core/problem.js';
import { createLabelingSession, type LabelingSession, type Mode, type PlaneModel } from '../../core/session.js';
import type { ChangeSet, Transaction } from '../../core/store.js';
import { createTimeTracker, type TimeTracker } from '../../core/time-tracker.js';
import { runHostValidator, validateAnnotations } from '../../core/validation.js';
import { buildChangeDetail, buildExportRecord, exportRecordSteps, type ExportInput } from '../../format/export.js';
import { exportJsonSteps } from '../../format/export-json.js';
import { formatCodecs, type FormatCodecs } from '../../format/geometry/codec.js';
import { runToEnd, type Steps } from '../../format/steps.js';
import { parseImport, parseImportSteps, type ImportContext, type ImportedAnnotations } from '../../format/import.js';
import type { AnnotationsInput, OntologyInput } from '../../format/input-types.js';
import type { AssetMetadata, ExportRecord, StageHistoryEntry } from '../../format/types.js';
import { createAssetLoader, type AssetLoader, type AssetLoaderOptions } from '../../host/asset-loader.js';
import { redactSignedUrl, scrubUrls } from '../../host/redact.js';
import {
  LkChangeEvent,
  LkErrorEvent,
  LkInputEvent,
  LkInvalidEvent,
  LkReadyEvent,
  LkReviewEvent,
  LkSelectEvent,
  LkSkipEvent,
  LkSubmitEvent,
  type ChangeReasonName,
  type LkReviewDetail,
} from '../../events/index.js';
import type { ErrorCodeCategoryInput, Issue, IssueAnchor } from '../../core/issues.js';
import { IssueController, type IssueMode } from './issue-controller.js';
import { KeyboardController } from './keyboard-controller.js';
import { renderSidebar } from './sidebar.js';
import { loadDisplayPanel } from './display-panel-load.js';
import type { ShapeClipboard, ShapeClipboardHost } from './shape-clipboard.js';
import type { KeyAction, KeyBindings } from './keymap.js';
import { sessionContext } from './session-context.js';
import { yieldToMain } from '../../scheduling/yield-to-main.js';
import { runSteps } from './run-steps.js';
import type { CompareSource } from '../compare/compare-source.js';
import type { CompareView } from '../compare/compare-view.js';

/** The lazily loaded compare UI (docs/review.md). */
type CompareUi = typeof import('../compare/compare-ui.js');

export interface LabelkitUser {
  id: string;
  email?: string;
}

export type ResolveUrlHook = NonNullable<AssetLoaderOptions['resolveUrl']>;
export type FetchAssetHook = NonNullable<AssetLoaderOptions['fetchAsset']>;
export type HostValidator = (record: ExportRecord) => unknown;

export interface ExportOptions {
  /** Video and other tracks: emit only keyframes and stops, not interpolated frames. */
  keyframesOnly?: boolean;
}

const USER_REASONS = new Set<string>(['create', 'update', 'delete', 'classify', 'relate', 'undo', 'redo']);

let instanceCounter = 0;

/** An `importInSteps` being stored: its steps, what they store, and whether another host write finished them. */
interface SteppedStore {
  steps: Steps<ChangeSet | undefined>;
  imported: ImportedAnnotations;
  how: 'replace' | 'merge';
  finished: boolean;
}

/** Objects stored between two pauses of a stepped import (about a millisecond). */
const STORE_STEP = 1000;

/**
 * What every labelkit element shares: the host contract (properties, methods, events), the
 * session (store, selection, mode), keyboard handling, time tracking and asset loading.
 *
 * @event {LkReadyEvent} lk-ready - The asset is loaded and drawable; `detail.metadata` describes it.
 * @event {LkChangeEvent} lk-change - The user committed a change; `detail` carries only the changed items in export shape.
 * @event {LkInputEvent} lk-input - A drag or resize is in progress (at most once per animation frame).
 * @event {LkSelectEvent} lk-select - The selection changed; `detail.previous` is the selection before.
 * @event {LkSubmitEvent} lk-submit - The user submitted and validation passed; `detail.record` is the full export record.
 * @event {LkInvalidEvent} lk-invalid - Submit was blocked by validation; `detail.problems` lists why.
 * @event {LkSkipEvent} lk-skip - The user skipped the task; `detail.record` is the export record.
 * @event {LkReviewEvent} lk-review - A reviewer accepted or rejected the task or single objects.
 * @event {LkIssueEvent} lk-issue - The user raised, answered, resolved, reopened or deleted a review issue; `detail` has `action`, `issue` and every `issues` (docs/review.md).
 * @event {LkErrorEvent} lk-error - Something went wrong (`detail.code`); the element stays usable and keeps every annotation.
 *
 * @attr autofocus - Focus the element once it is on the page (unless the host page focused something else first), so
 *   shortcuts work before any click. Without it, keys pressed while nothing has focus still reach the element under
 *   the pointer, or the only labelkit element on the page.
 *
 * @cssstate loading - The asset is loading.
 * @cssstate ready - The asset is loaded.
 * @cssstate error - The last asset load failed.
 */
export abstract class AnnotatorElement extends LitElement {
  /** How this element's objects relate to planes (frames, pages, slices). */
  protected static planeModel: PlaneModel = 'single';

  /**
   * The geometry kinds this element reads and writes (and how it exports tracks). Each element
   * names its own, so that it downloads no codec it never uses; a pre-label of another kind is
   * an `import-invalid` problem (`unsupported-tool`).
   */
  protected static formatCodecs: FormatCodecs = formatCodecs([]);

  /** What a plane is called in the side panel's object list ("page 2", "slice 14"). */
  protected static planeNoun = 'page';
  /** False where fill opacity and outlines only do not apply: the display panel leaves them out. */
  protected static shapeStyle = true;
  /** False where there is no picture to adjust (text, PDF pages): the display panel leaves out brightness, contrast, gamma. */
  protected static picture = true;

  /** The asset URL, often signed and expiring. Used byte for byte and never exported or logged. */
  @property({ type: String }) src = '';

  /**
   * `light`, `dark`, or `auto` (the default: dark when the page prefers a dark colour scheme). The
   * dark theme sets the `--lk-*` custom properties; a host's own values still win.
   */
  @property({ type: String, reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** The host's stable reference to the asset, exported as `asset`. Defaults to `src` without signature parameters. */
  @property({ type: String }) asset = '';

  /** The host's asset id, exported as `assetId` and passed to `resolveUrl`. */
  @property({ type: String, attribute: 'asset-id' }) assetId = '';

  /** The host's external id, exported as `externalId`. */
  @property({ type: String, attribute: 'external-id' }) externalId = '';

  /** The task id, exported as `task.taskId`. */
  @property({ type: String, attribute: 'task-id' }) taskId = '';

  /** `annotate` (default), `review` or `view`. Modes shape the UI; they are not access control. */
  @property({ type: String, reflect: true }) mode: Mode = 'annotate';

  /** In review mode, allow accept/reject only, no edits. */
  @property({ type: Boolean, attribute: 'review-readonly' }) reviewReadonly = false;

  /** The workflow stage name written into audit metadata and the export (`task.stage`). */
  @property({ type: String }) stage = 'Label';

  /** Milliseconds without input after which time counts as idle. */
  @property({ type: Number, attribute: 'idle-timeout' }) idleTimeout = 300_000;

  /**
   * The category schema (docs/format.md, ontology), as an object or JSON string. Applied at once;
   * invalid input fires `lk-error` `ontology-invalid` and keeps the previous one.
   */
  @property({ attribute: false })
  get ontology(): OntologyInput | string | undefined {
    return this.ontologyInput;
  }
  set ontology(value: OntologyInput | string | undefined) {
    const old = this.ontologyInput;
    this.ontologyInput = value;
    if (value !== undefined) this.applyOntology(value);
    this.requestUpdate('ontology', old);
  }

  /**
   * Saved work or pre-labels (docs/format.md, import); setting it replaces every annotation at once.
   * Invalid input fires `lk-error` `import-invalid` and keeps what was there. Reading it gives what
   * was set; `export()` gives the current state.
   */
  @property({ attribute: false })
  get annotations(): AnnotationsInput | undefined {
    return this.annotationsInput;
  }
  set annotations(value: AnnotationsInput | undefined) {
    const old = this.annotationsInput;
    this.annotationsInput = value;
    if (value !== undefined) this.applyAnnotations(value, 'replace');
    this.requestUpdate('annotations', old);
  }

  /**
   * Review issues from the host's store (docs/review.md): pins with error codes and a thread. The
   * host keeps them; the element fires `lk-issue` for every action. Invalid input fires `lk-error`
   * `issues-invalid` and keeps the previous list. Reading it gives what was set; each `lk-issue`
   * carries the current list (`detail.issues`).
   */
  @property({ attribute: false })
  get issues(): readonly Issue[] | undefined {
    return this.issuesInput;
  }
  set issues(value: readonly Issue[] | undefined) {
    const old = this.issuesInput;
    this.issuesInput = value;
    this.issueController.setIssues(value);
    this.requestUpdate('issues', old);
  }

  /**
   * The error codes a reviewer picks from, by category (`[{ category: 'Wrong', codes: ['wrong-class',
   * { code: 'loose-box', title: 'Box too loose' }] }]`). Rejecting the task without an open issue asks for one.
   */
  @property({ attribute: false })
  get errorCodes(): readonly ErrorCodeCategoryInput[] | undefined {
    return this.errorCodesInput;
  }
  set errorCodes(value: readonly ErrorCodeCategoryInput[] | undefined) {
    const old = this.errorCodesInput;
    this.errorCodesInput = value;
    this.issueController.setErrorCodes(value);
    this.requestUpdate('errorCodes', old);
  }

  /**
   * Who raises review issues: `review` (default: reviewers, in `review` mode), `all` (labelers too,
   * in `annotate` mode) or `off`. Everyone but `view` mode may reply, resolve and reopen.
   */
  @property({ type: String, attribute: 'issue-mode' }) issueMode: IssueMode = 'review';

  /** The person labeling: audit metadata records `email` when given, else `id`. */
  @property({ attribute: false }) user: LabelkitUser | undefined;

  /** Extra validation at submit: `(record) => [{ message, code?, objectId?, schemaId? }]`. */
  @property({ attribute: false }) validator: HostValidator | undefined;

  /** Returns a fresh URL when the current one expired or was refused. */
  @property({ attribute: false }) resolveUrl: ResolveUrlHook | undefined;

  /** Fetches the asset in the host's place (to add headers); receives the URL byte for byte. */
  @property({ attribute: false }) fetchAsset: FetchAssetHook | undefined;

  /** Remap (`'shift+f'`) or disable (`null`) built-in shortcuts. */
  @property({ attribute: false }) shortcuts: KeyBindings | undefined;

  /** Clock for audit timestamps and time tracking (tests inject one). */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  /** Hide the side panel (the host shows its own panels, or none). */
  @property({ type: Boolean, attribute: 'no-sidebar', reflect: true }) noSidebar = false;

  /** Hide the Submit and Skip buttons when the host drives them. */
  @property({ type: Boolean, attribute: 'hide-submit' }) hideSubmit = false;

  /**
   * Versions of this asset's annotations to compare (docs/review.md "Compare and consensus"):
   * `[{ label, record, baseline? }]`. Each version is drawn over the asset in its own colour and
   * dash pattern; the side panel shows their agreement (asset, class, object) and lets the
   * reviewer keep one version of an object, or all of one version, as the annotations (one undo
   * step). A version with `baseline: true` is what the change history measures against. The
   * compare UI loads with `import()` when this is first set; an unreadable version fires
   * `lk-error` `import-invalid` and counts as empty.
   */
  @property({ attribute: false }) compare: CompareSource[] | undefined;

  /** The loaded asset's metadata, or undefined before `lk-ready`. */
  @state() protected metadata: AssetMetadata | undefined;

  /** A message on the stage (loading, or what went wrong); errors also go out as `lk-error`. */
  @state() protected statusMessage = '';
  @state() protected statusIsError = false;

  /** The session shared with panels and surfaces through context. */
  readonly session: LabelingSession;

  protected readonly instanceId = `lk${++instanceCounter}`;
  protected timeTracker: TimeTracker;
  protected readonly keyboard: KeyboardController;
  private readonly internals: ElementInternals | undefined;
  private loadAbort: AbortController | undefined;
  /** The asset was let go because the element left the page (a removal, not a move). */
  private assetReleased = false;
  private loader: AssetLoader | undefined;
  private stageHistory: StageHistoryEntry[] = [];
  private pendingAnnotations: unknown;
  /** Host writes held back until the element can read them (`importWaits`), in order. */
  private waitingImports: { data: unknown; how: 'replace' | 'merge' }[] = [];
  /** The store steps of an `importInSteps` under way: another host write first finishes them at once (`finishSteppedStore`). */
  private steppedStore: SteppedStore | undefined;
  private inputFrame = 0;
  private pendingInput: ChangeSet | undefined;
  private previousSelection: readonly string[] = [];
  private objectIdCounter = 0;
  private ontologyInput: OntologyInput | string | undefined;
  private annotationsInput: AnnotationsInput | undefined;
  private issuesInput: readonly Issue[] | undefined;
  private errorCodesInput: readonly ErrorCodeCategoryInput[] | undefined;
  /** Review issues: reads `issues` and `errorCodes`, sets who may do what, fires `lk-issue`. */
  protected readonly issueController: IssueController;
  private timeStarted = false;
  private trackerIdleTimeout: number;
  /**
   * The compare view and its module, once `compare` was set and the module loaded.
   * @internal
   */
  protected compareView: CompareView | undefined;
  /** @internal */
  protected compareUi: CompareUi | undefined;

  constructor() {
    super();
    const planeModel = (this.constructor as typeof AnnotatorElement).planeModel;
    this.session = createLabelingSession({
      planeModel,
      audit: () => ({ at: new Date(this.clock()).toISOString(), by: this.auditUser(), in: this.stage, ...this.auditOrigin }),
      newIssueId: () => `issue-${this.newObjectId()}`,
    });
    this.issueController = new IssueController(this, (info) => this.reportError(info));
    this.trackerIdleTimeout = this.idleTimeout;
    this.timeTracker = createTimeTracker({ now: () => this.clock(), idleThresholdMs: this.idleTimeout });
    this.keyboard = new KeyboardController(this);
    new ContextProvider(this, { context: sessionContext, initialValue: this.session });
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
    this.session.store.subscribe((change) => this.onStoreChange(change));
    this.session.subscribe((topic) => {
      if (topic === 'selection') this.onSelectionChange();
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.timeStarted) {
      // Time counts from when the element is on the page, on the clock the host gave it.
      this.timeStarted = true;
      this.timeTracker.reset();
      // `autofocus`: keys reach the element from the start; never taken from a field the host focused.
      if (this.hasAttribute('autofocus')) {
        void this.updateComplete.then(() => {
          const active = document.activeElement;
          if (this.isConnected && (!active || active === document.body)) this.focus({ preventScroll: true });
        });
      }
    }
    for (const type of ['pointerdown', 'keydown', 'wheel'] as const) this.addEventListener(type, this.onActivity, { passive: true });
    window.addEventListener('blur', this.onWindowBlur);
    window.addEventListener('focus', this.onWindowFocus);
    if (this.assetReleased) {
      this.assetReleased = false;
      this.restoreAsset();
    }
    this.fireErrorsBeforeConnect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of ['pointerdown', 'keydown', 'wheel'] as const) this.removeEventListener(type, this.onActivity);
    window.removeEventListener('blur', this.onWindowBlur);
    window.removeEventListener('focus', this.onWindowFocus);
    cancelAnimationFrame(this.inputFrame);
    // A move (taken out and put back in the same task, as frameworks do when they reorder) keeps
    // the asset and everything drawn; an element that stays off the page lets them go.
    queueMicrotask(() => {
      if (this.isConnected || this.assetReleased) return;
      this.assetReleased = true;
      this.releaseAsset();
    });
  }

  /**
   * The element left the page: stop loading and free what the asset holds (decoders, workers, GPU
   * resources). Annotations, selection, undo history and the metadata stay: a host that saves
   * `export()` when it removes the element gets the whole record. Subclasses free their own and call super.
   */
  protected releaseAsset(): void {
    this.loadAbort?.abort();
    this.loadAbort = undefined;
  }

  /** Back on the page after `releaseAsset`: the asset loads again (`lk-ready` fires again). */
  protected restoreAsset(): void {
    if (this.src) void this.startLoad();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Compared with the tracker's own threshold: on the first update `changed` holds no old value
    // for an `idle-timeout` given in the markup, and that threshold must count too.
    if (changed.has('idleTimeout') && this.idleTimeout !== this.trackerIdleTimeout) {
      this.trackerIdleTimeout = this.idleTimeout;
      this.timeTracker = createTimeTracker({
        now: () => this.clock(),
        idleThresholdMs: this.idleTimeout,
        initial: this.timeTracker.snapshot(),
      });
    }
    if (changed.has('compare')) this.loadCompare();
    if (changed.has('mode') || changed.has('reviewReadonly')) {
      const mode: Mode = ['annotate', 'review', 'view'].includes(this.mode) ? this.mode : 'annotate';
      this.session.setMode(mode, this.reviewReadonly);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src')) void this.startLoad();
  }

  // ---- public methods -------------------------------------------------------------------------

  /** The export record for this asset (FORMAT.md §2). */
  export(options: ExportOptions = {}): ExportRecord {
    return buildExportRecord(this.exportInput(options));
  }

  /**
   * `export()` in steps, for large records (10,000 objects and more): the objects are written a
   * few thousand at a time, giving the main thread back between them, so the page stays
   * responsive. Resolves with the record `export()` would have returned at the call; changes made
   * meanwhile are not in it.
   */
  async exportInSteps(options: ExportOptions = {}): Promise<ExportRecord> {
    return (await runSteps(exportRecordSteps(this.exportInput(options))))!.value;
  }

  /**
   * The export record as JSON text in a `Blob` (`application/json`): exactly
   * `JSON.stringify(export())`, built in steps like `exportInSteps()` and written out a few
   * hundred objects at a time, so that neither the record nor its text holds the main thread
   * (a 100,000-object record is about 27 MB). For saving or uploading: `fetch(url, { method:
   * 'PUT', body: await el.exportBlob() })`.
   */
  async exportBlob(options: ExportOptions = {}): Promise<Blob> {
    const record = await this.exportInSteps(options);
    const parts: Blob[] = [];
    await runSteps(exportJsonSteps(record, (text) => parts.push(new Blob([text]))));
    return new Blob(parts, { type: 'application/json' });
  }

  /**
   * Adds pre-labels or saved work (FORMAT.md §3) without replacing what is there (same objectIds
   * are replaced). Host writes are not undoable and fire no `lk-change`. Returns the problems, if any.
   */
  import(data: AnnotationsInput): Problem[] {
    return this.applyAnnotations(data, 'merge');
  }

  /**
   * `import()` in steps, for large imports (10,000 objects and more): the input is checked, read
   * and stored a few hundred to a few thousand objects at a time, giving the main thread back
   * between them, so the page stays responsive (no task near 50 ms for 100,000 objects). With
   * `{ replace: true }` it is `annotations = data`, which it also sets. The result is the same as
   * the synchronous call's: `export()` after the promise resolves holds exactly what was
   * imported, and invalid input fires `lk-error` `import-invalid` and changes nothing (it is all
   * read before anything is stored). While it is being stored the drawing and the object list
   * wait for the whole, and `export()` may hold part of it. Give parsed JSON: a string is parsed
   * in one task. Do not change `data` until the promise resolves. Resolves with the problems, if
   * any.
   */
  async importInSteps(data: AnnotationsInput, options: { replace?: boolean } = {}): Promise<Problem[]> {
    const how = options.replace ? 'replace' : 'merge';
    if (options.replace) {
      const old = this.annotationsInput;
      this.annotationsInput = data;
      this.requestUpdate('annotations', old);
    }
    const ontology = this.session.ontology;
    // Before the ontology or the asset it needs, the write waits as a synchronous one would.
    if (!ontology || this.importWaits()) return this.applyAnnotations(data, how);
    if (this.waitingImports.length > 0) this.applyWaitingImports();
    // A new ontology or asset meanwhile: read again against it, at once.
    const current = () => this.session.ontology === ontology && !this.importWaits();
    const read = await runSteps(parseImportSteps(data, this.hostImportContext(ontology), this.codecs), current);
    if (!read) return this.applyAnnotations(data, how);
    if (!read.value.ok) return this.storeImport(read.value, how);
    this.finishSteppedStore();
    const imported = read.value.value;
    const storing: SteppedStore = { steps: this.storeSteps(imported, how), imported, how, finished: false };
    this.steppedStore = storing;
    const stored = await runSteps(storing.steps, current);
    if (this.steppedStore === storing) this.steppedStore = undefined;
    if (!stored) return this.applyAnnotations(data, how);
    const problems = storing.finished ? [] : this.afterStore(imported, how);
    // What the element does with a large change (`<lk-text>`: its index) runs in the next task,
    // not in the caller's continuation with the storing.
    await yieldToMain();
    return problems;
  }

  undo(): void {
    this.session.store.undo();
  }

  redo(): void {
    this.session.store.redo();
  }

  /** Problems that would block submit: ontology rules plus the host validator. */
  validate(): Problem[] {
    const ontology = this.session.ontology;
    if (!ontology) return [{ code: 'no-ontology', message: 'No ontology is set.' }];
    const { objects, classifications, relations } = this.session.store.state;
    const frameTotal = this.metadata && 'frameTotal' in this.metadata ? this.metadata.frameTotal : undefined;
    const problems = validateAnnotations({
      ontology,
      objects: [...objects.values()],
      classifications: [...classifications.values()],
      relations: [...relations.values()],
      ...(frameTotal === undefined ? {} : { frameTotal }),
    });
    if (this.validator) problems.push(...runHostValidator(this.validator, this.export()));
    return problems;
  }

  /**
   * Validates, then fires `lk-submit` with the record (stageHistory appended) or `lk-invalid`. A
   * blocked Submit also shows the problems in the task actions and focuses the first one's field.
   */
  submit(): ExportRecord | undefined {
    const problems = this.validate();
    this.session.setProblems(problems);
    if (problems.length > 0) {
      this.dispatchEvent(new LkInvalidEvent({ problems }));
      // The task actions list them; the first one's field is focused and scrolled to.
      this.session.reveal(problems[0]!);
      return undefined;
    }
    const snapshot = this.export();
    const entry: StageHistoryEntry = {
      stage: this.stage,
      stageId: this.stage,
      duration: snapshot.task.totalDuration,
      completedAt: new Date(this.clock()).toISOString(),
      completedBy: this.auditUser(),
      tools: snapshot.task.tools,
      classifications: snapshot.task.classifications,
      relations: snapshot.task.relations,
    };
    this.stageHistory = [...this.stageHistory, entry];
    const record = this.export();
    this.dispatchEvent(new LkSubmitEvent({ record }));
    return record;
  }

  /** Fires `lk-skip` with the current record. */
  skip(): void {
    this.dispatchEvent(new LkSkipEvent({ record: this.export() }));
  }

  /** Records a reviewer's verdict (review mode) and fires `lk-review`. */
  review(detail: LkReviewDetail): void {
    if (this.session.mode !== 'review') return;
    this.dispatchEvent(new LkReviewEvent(detail));
  }

  /**
   * Starts a review issue (key `I`): on the selected object when one is selected, else at the next
   * click on the asset. False when the user may not raise issues now.
   */
  raiseIssue(): boolean {
    const board = this.session.issues;
    if (!board.canRaise) return false;
    void this.issueController.loadPanel();
    const objectId = this.session.selection.find((id) => this.session.store.state.objects.has(id));
    if (objectId !== undefined) board.setDraft(this.issueAnchorOn(objectId));
    else board.setPlacing(true);
    return true;
  }

  /**
   * Where an issue about an object goes: the object on the plane shown (its centre, where the
   * element knows its shape there).
   * @internal
   */
  protected issueAnchorOn(objectId: string): IssueAnchor {
    return { objectId, ...(this.session.planeModel === 'single' ? {} : { page: this.session.plane }) };
  }

  /**
   * Brings an issue into view: its page (frame, slice) and its object selected. Elements with a
   * view centre its pin too.
   * @internal
   */
  showIssue(issue: Issue): void {
    if (issue.page !== undefined) this.session.setPlane(issue.page);
    if (issue.objectId !== undefined && this.session.store.state.objects.has(issue.objectId)) this.session.select([issue.objectId]);
  }

  /** Deletes the selected objects and relations as one undo step (locked ones stay). */
  deleteSelection(): void {
    const ids = this.session.selection;
    if (ids.length === 0) return;
    this.session.store.transact({ origin: 'user', reason: 'delete' }, (tx) => {
      for (const id of ids) {
        if (tx.state.objects.has(id)) tx.removeObject(id);
        else tx.removeRelation(id);
      }
    });
  }

  // ---- copy, paste, duplicate ---------------------------------------------------------------------

  /**
   * Copy, paste and duplicate of shapes, for an element that draws them (it sets this with
   * `new ShapeClipboard(…)`); without one, Ctrl/⌘+C, V and D are left to the browser (`<lk-text>`:
   * copying the document's text).
   * @internal
   */
  protected shapeClipboard: ShapeClipboard | undefined;

  /**
   * The object's shape on the plane shown, for copy and duplicate; undefined leaves Ctrl/⌘+C, V
   * and D to the browser.
   * @internal
   */
  protected shapeOnPlane(_object: ObjectAnnotation): Geometry | undefined {
    return undefined;
  }

  /**
   * Where a paste is centred, in asset units of the plane shown; undefined: where the shapes were
   * copied from.
   * @internal
   */
  protected pastePoint(): Point | undefined {
    return undefined;
  }

  /**
   * How far a duplicate lands from its original, in asset units.
   * @internal
   */
  protected duplicateOffset(): number {
    return 10;
  }

  /** The host a `ShapeClipboard` works for: this element's session and its plane hooks. */
  protected shapeClipboardHost(): ShapeClipboardHost {
    return {
      session: this.session,
      shapeOf: (object) => this.shapeOnPlane(object),
      pastePoint: () => this.pastePoint(),
      duplicateOffset: () => this.duplicateOffset(),
      newObjectId: () => this.newObjectId(),
    };
  }

  /** Copies the selected objects' shapes on this plane (Ctrl/⌘+C). False when nothing selected is shown here. */
  copySelection(): boolean {
    return this.shapeClipboard?.copy() ?? false;
  }

  /**
   * Pastes the copied shapes on the plane shown now (frame, page or slice) as new objects, centred
   * on the pointer when it is over the stage, else where they were copied from (Ctrl/⌘+V). One undo
   * step; the new objects are selected.
   */
  paste(): boolean {
    return this.shapeClipboard?.paste() ?? false;
  }

  /** Copies of the selected objects beside them on this plane (Ctrl/⌘+D), leaving the clipboard alone. One undo step. */
  duplicateSelection(): boolean {
    return this.shapeClipboard?.duplicate() ?? false;
  }

  /** Moves the selected objects to another class of the same tool type, dropping answers that no longer apply. */
  reclassifySelection(schemaId: string): void {
    const category = this.session.ontology?.tools.find((tool) => tool.schemaId === schemaId);
    if (!category) return;
    this.session.store.transact({ origin: 'user', reason: 'update' }, (tx) => {
      for (const id of this.session.selection) {
        const object = tx.state.objects.get(id);
        if (!object || object.schemaId === schemaId || object.keyframes[0]?.geometry.type !== category.tool) continue;
        tx.putObject({ ...object, schemaId, classifications: [] });
      }
    });
  }

  /** Surface actions (zoom, nudge, finish); elements with a surface override this. */
  handleKeyAction(_action: KeyAction, _event: KeyboardEvent): boolean {
    return false;
  }

  // ---- for subclasses -------------------------------------------------------------------------

  /** Loads the asset named by `src` through `loader`; returns its metadata. Throw LabelkitError on failure. */
  protected abstract loadAsset(loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata>;

  /** Brush masks as PNG data URLs keyed by plane, for the export. */
  protected brushDataUrls(): Record<string, string> {
    return {};
  }

  /** Where user writes are made while `writeAs` runs (assisted labeling: `{ in: 'Assist', model }`). */
  private auditOrigin: { in: string; model?: string } | undefined;

  /** Runs `write` with its new objects stamped as made `in` a place other than the stage (and by a host `model`). */
  protected writeAs<T>(origin: { in: string; model?: string }, write: () => T): T {
    this.auditOrigin = origin;
    try {
      return write();
    } finally {
      this.auditOrigin = undefined;
    }
  }

  protected newObjectId(): string {
    return `${this.instanceId}-${Date.now().toString(36)}-${(++this.objectIdCounter).toString(36)}`;
  }

  /**
   * Fires `lk-error` with every URL this element knows scrubbed out of the message. An element not
   * on the page yet keeps it until it is: a template or framework that sets `ontology` before
   * inserting the element listens on an ancestor, which a detached element cannot reach.
   */
  protected reportError(info: ErrorInfo): void {
    const urls = [this.src, this.loader?.currentUrl() ?? ''].filter(Boolean);
    const event = new LkErrorEvent({ ...info, message: scrubUrls(info.message, urls) });
    if (this.isConnected) this.dispatchEvent(event);
    else this.errorsBeforeConnect.push(event);
  }

  /** Errors reported before the element was on the page, fired once it is (after the inserting task's listeners are added). */
  private errorsBeforeConnect: LkErrorEvent[] = [];

  private fireErrorsBeforeConnect(): void {
    if (this.errorsBeforeConnect.length === 0) return;
    queueMicrotask(() => {
      if (!this.isConnected) return;
      for (const event of this.errorsBeforeConnect.splice(0)) this.dispatchEvent(event);
    });
  }

  protected setStatus(message: string, isError = false): void {
    this.statusMessage = message;
    this.statusIsError = isError;
  }

  /** The display panel's chunk, asked for when the side panel first renders (`settled()` waits for it). */
  protected displayPanelLoad: Promise<unknown> | undefined;

  /** The side panel (see `renderSidebar`) as every element shows it. */
  protected renderSidebar(): TemplateResult | typeof nothing {
    const { planeNoun, shapeStyle, picture } = this.constructor as typeof AnnotatorElement;
    const compare = this.compareView ? html`<lk-compare-panel .session=${this.session} .view=${this.compareView}></lk-compare-panel>` : undefined;
    if (!this.noSidebar) this.displayPanelLoad = loadDisplayPanel();
    return renderSidebar({ session: this.session, hidden: this.noSidebar, hideSubmit: this.hideSubmit, planeNoun, shapeStyle, picture, issues: this.issueController.shown, ...(compare ? { compare } : {}) });
  }

  /** The status line every element shows over its stage. */
  protected renderStatus(): TemplateResult | typeof nothing {
    if (!this.statusMessage) return nothing;
    return html`<div class="status ${this.statusIsError ? 'error' : ''}" role=${this.statusIsError ? 'alert' : 'status'}>${this.statusMessage}</div>`;
  }

  protected setCustomState(name: 'loading' | 'ready' | 'error', on: boolean): void {
    try {
      if (on) this.internals?.states.add(name);
      else this.internals?.states.delete(name);
    } catch {
      // CustomStateSet is missing in old browsers; states are cosmetic.
    }
  }

  /** The current asset loader, for subclasses that load more (pages, slices) on demand. */
  protected get assetLoader(): AssetLoader | undefined {
    return this.loader;
  }

  // ---- internals ------------------------------------------------------------------------------

  private get codecs(): FormatCodecs {
    return this.loadedCodecs ?? (this.constructor as typeof AnnotatorElement).formatCodecs;
  }

  /** Codecs loaded on demand (keypoints) in place of the static `formatCodecs`. */
  protected loadedCodecs: FormatCodecs | undefined;

  /** How the ontology is read: the core parse, or one that reads more (the keypoint schema, once loaded). */
  protected ontologyParser: (input: unknown) => Result<Ontology> = parseOntology;

  /** Reads the host's ontology again (after `ontologyParser` changed). */
  protected reapplyOntology(): void {
    if (this.ontologyInput !== undefined) this.applyOntology(this.ontologyInput);
  }

  private auditUser(): string {
    return this.user?.email ?? this.user?.id ?? 'anonymous';
  }

  /** `forChange`: for an event detail, which reads no task fields (skips a pass over every annotation). */
  private exportInput(options: ExportOptions, forChange = false): ExportInput {
    const ontology = this.session.ontology ?? { tools: [], classifications: [], relations: [] };
    const metadata = this.metadata ?? { width: 0, height: 0 };
    const updatedAt = forChange ? undefined : this.lastUpdate();
    return {
      state: this.session.store.state,
      ontology,
      asset: {
        asset: this.asset || redactSignedUrl(this.src),
        ...(this.assetId ? { assetId: this.assetId } : {}),
        ...(this.externalId ? { externalId: this.externalId } : {}),
        metadata,
      },
      task: {
        ...(this.taskId ? { taskId: this.taskId } : {}),
        stage: this.stage,
        stageId: this.stage,
        ...(updatedAt ? { updatedAt: updatedAt.at, updatedBy: updatedAt.by } : {}),
        durations: this.timeTracker.snapshot(),
        stageHistory: this.stageHistory,
      },
      planes: this.session.planeModel,
      ...('frameTotal' in metadata ? { frameTotal: metadata.frameTotal } : {}),
      ...(options.keyframesOnly ? { keyframesOnly: true } : {}),
      brushDataUrls: this.brushDataUrls(),
      codecs: this.codecs,
      ...this.exportContext(),
    };
  }

  private lastUpdate(): { at: string; by: string } | undefined {
    let latest: { at: string; by: string } | undefined;
    const consider = (meta: ObjectAnnotation['metadata']) => {
      // An imported item keeps only the audit fields it came with: one without a time or user says nothing here.
      const at = meta.updatedAt ?? meta.createdAt;
      const by = meta.updatedBy ?? meta.createdBy;
      if (at !== undefined && by !== undefined && (!latest || at > latest.at)) latest = { at, by };
    };
    const { objects, classifications, relations } = this.session.store.state;
    for (const item of objects.values()) consider(item.metadata);
    for (const item of classifications.values()) consider(item.metadata);
    for (const item of relations.values()) consider(item.metadata);
    return latest;
  }

  private applyOntology(input: unknown): void {
    const result = this.ontologyParser(input);
    if (!result.ok) {
      this.reportError({
        code: 'ontology-invalid',
        message: `The ontology is not valid (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}): ${result.problems
          .slice(0, 3)
          .map((p) => `${p.path ?? '$'}: ${p.message}`)
          .join('; ')}`,
        cause: { problems: result.problems.map(({ code, message, path }) => ({ code, message, ...(path ? { path } : {}) })) },
      });
      return;
    }
    this.session.setOntology(result.value);
    if (this.pendingAnnotations !== undefined) {
      const pending = this.pendingAnnotations;
      this.pendingAnnotations = undefined;
      this.applyAnnotations(pending, 'replace');
    }
  }

  private applyAnnotations(data: unknown, how: 'replace' | 'merge'): Problem[] {
    const ontology = this.session.ontology;
    if (!ontology) {
      this.pendingAnnotations = data;
      return [];
    }
    if (this.importWaits()) {
      if (how === 'replace') this.waitingImports = [];
      this.waitingImports.push({ data, how });
      return [];
    }
    // Writes that waited for something no longer needed go first: the host's order holds.
    if (this.waitingImports.length > 0) this.applyWaitingImports();
    return this.storeImport(parseImport(data, this.hostImportContext(ontology), this.codecs), how);
  }

  /** Reports a failed read, or puts what was read into the store (replacing everything, or merged). */
  private storeImport(result: Result<ImportedAnnotations>, how: 'replace' | 'merge'): Problem[] {
    if (!result.ok) {
      this.reportError({
        code: 'import-invalid',
        message: `The annotations could not be imported (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}): ${result.problems
          .slice(0, 3)
          .map((p) => `${p.path ?? '$'}: ${p.message}`)
          .join('; ')}`,
        cause: { problems: result.problems.map(({ code, message, path }) => ({ code, message, ...(path ? { path } : {}) })) },
      });
      return result.problems;
    }
    const imported = result.value;
    this.finishSteppedStore();
    runToEnd(this.storeSteps(imported, how));
    return this.afterStore(imported, how);
  }

  /**
   * Stores the rest of a stepped import under way at once, before another host write: the writes
   * land in the order the host made them, never interleaved (a replace that came second wins
   * whole, a merge that came second is merged into the whole first one).
   */
  private finishSteppedStore(): void {
    const storing = this.steppedStore;
    if (!storing) return;
    this.steppedStore = undefined;
    runToEnd(storing.steps);
    storing.finished = true;
    this.afterStore(storing.imported, storing.how);
  }

  /** Stores what was read in steps (one change for the listeners at the end); the host's stage history comes with a replace. */
  private storeSteps(imported: ImportedAnnotations, how: 'replace' | 'merge'): Steps<ChangeSet | undefined> {
    return this.session.store.transactInSteps({ reason: how === 'replace' ? 'reset' : 'import' }, (tx) => this.importWrites(tx, imported, how));
  }

  private afterStore(imported: ImportedAnnotations, how: 'replace' | 'merge'): Problem[] {
    if (imported.stageHistory && how === 'replace') this.stageHistory = imported.stageHistory;
    this.onImported(imported);
    return [];
  }

  /** The writes of an import (replacing everything, or merged), pausing every STORE_STEP items. */
  private *importWrites(tx: Transaction, imported: ImportedAnnotations, how: 'replace' | 'merge'): Steps<void> {
    const state = this.session.store.state;
    let written = 0;
    const counted = () => ++written % STORE_STEP === 0;
    if (how === 'replace') {
      for (const id of [...state.relations.keys()]) tx.removeRelation(id);
      for (const id of [...state.objects.keys()]) {
        tx.removeObject(id);
        if (counted()) yield;
      }
      for (const id of [...state.classifications.keys()]) tx.removeClassification(id);
      for (const key of [...state.masks.keys()]) tx.removeMask(key);
    }
    for (const object of imported.objects) {
      tx.putObject(object);
      if (counted()) yield;
    }
    for (const answer of imported.classifications) {
      // One answer per class (and plane): a merged answer replaces the one given before, or the
      // export would hold two and be refused when imported back ("already answered").
      for (const existing of [...tx.state.classifications.values()]) {
        if (existing.objectId !== answer.objectId && existing.schemaId === answer.schemaId && existing.page === answer.page) tx.removeClassification(existing.objectId);
      }
      tx.putClassification(answer);
    }
    for (const relation of imported.relations) tx.putRelation(relation);
  }

  /** How host input is read: this element's planes, ids, asset and what the subclass knows (`importContext`). */
  private hostImportContext(ontology: Ontology): ImportContext {
    const now = new Date(this.clock()).toISOString();
    return {
      ontology,
      ...(this.assetId ? { assetId: this.assetId } : {}),
      ...(this.externalId ? { externalId: this.externalId } : {}),
      planes: this.session.planeModel,
      newId: () => this.newObjectId(),
      // Audit data is never invented (FORMAT.md §2.1): no user, and "Import" as where it was made.
      metadata: { createdAt: now, createdIn: 'Import' },
      ...this.importContext(),
    };
  }

  /** Loads the compare UI on first use and hands it the versions; an empty `compare` closes it. */
  private loadCompare(): void {
    const sources = this.compare ?? [];
    if (sources.length === 0) {
      this.compareView?.destroy();
      this.compareView = undefined;
      return;
    }
    import('../compare/compare-ui.js').then(
      (ui) => {
        if (this.compare !== sources) return;
        if (!this.compareView) {
          this.compareUi = ui;
          this.compareView = new ui.CompareView({
            session: this.session,
            parseVersion: (record) => parseImport(record, this.hostImportContext(this.session.ontology!), this.codecs),
            exportRecord: () => this.export(),
            stageHistory: () => this.stageHistory,
            frameTotal: () => (this.metadata && 'frameTotal' in this.metadata ? this.metadata.frameTotal : undefined),
            reportError: (info) => this.reportError(info),
            requestUpdate: () => this.requestUpdate(),
          });
          const root = this.renderRoot;
          const sheet = ui.compareOverlayStyles.styleSheet;
          if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
          this.onCompareLoaded();
        }
        this.compareView.setSources(sources);
      },
      () => this.reportError({ code: 'resource-load', message: 'The compare view could not be loaded.' }),
    );
  }

  /** The compare UI has loaded (`compareUi`, `compareView`): subclasses hook their overlay in. */
  protected onCompareLoaded(): void {}

  /** What a subclass knows that the import reads with (the loaded text, page sizes, whether to keep entry paths). */
  protected importContext(): Pick<ImportContext, 'text' | 'pages' | 'keepPaths'> {
    return {};
  }

  /** Whether host writes must wait until the asset is there (`<lk-text>` with UTF-16 offsets needs its text). */
  protected importWaits(): boolean {
    return false;
  }

  /** Applies the host writes that waited for `importWaits` to turn false. */
  protected applyWaitingImports(): void {
    const waiting = this.waitingImports;
    this.waitingImports = [];
    for (const { data, how } of waiting) this.applyAnnotations(data, how);
  }

  /** What a subclass knows that the export writes with (the text's offset unit, how polylines are measured). */
  protected exportContext(): Pick<ExportInput, 'text' | 'measurements'> {
    return {};
  }

  /** Subclasses decode what needs their media (brush PNGs need the asset size). */
  protected onImported(_imported: ImportedAnnotations): void {}

  private async startLoad(): Promise<void> {
    this.loadAbort?.abort();
    this.metadata = undefined;
    if (!this.src) return;
    const abort = new AbortController();
    this.loadAbort = abort;
    this.loader = createAssetLoader({
      src: this.src,
      ...(this.assetId ? { assetId: this.assetId } : {}),
      ...(this.fetchAsset ? { fetchAsset: (url: string, init: RequestInit) => this.fetchAsset!(url, init) } : {}),
      ...(this.resolveUrl ? { resolveUrl: (request: Parameters<ResolveUrlHook>[0]) => this.resolveUrl!(request) } : {}),
      now: () => this.clock(),
    });
    const loader = this.loader;
    await this.runAssetLoad(abort.signal, (signal) => this.loadAsset(loader, signal), 'The asset could not be loaded.');
  }

  /**
   * One load with everything around it: the loading/ready/error states, `lk-ready` with the
   * metadata, or `lk-error` (a LabelkitError keeps its code; anything else is `asset-load`).
   * An aborted load reports nothing.
   */
  protected async runAssetLoad(signal: AbortSignal, load: (signal: AbortSignal) => Promise<AssetMetadata>, failureMessage: string): Promise<void> {
    this.setCustomState('error', false);
    this.setCustomState('ready', false);
    this.setCustomState('loading', true);
    try {
      const metadata = await load(signal);
      if (signal.aborted) return;
      this.metadata = metadata;
      // Versions to compare are read again with what the asset tells (a video's frame count).
      this.compareView?.refresh();
      this.setCustomState('ready', true);
      this.dispatchEvent(new LkReadyEvent({ metadata }));
    } catch (error) {
      if (signal.aborted) return;
      this.setCustomState('error', true);
      this.reportError(
        error instanceof LabelkitError
          ? error.info
          : { code: 'asset-load', message: failureMessage, cause: { name: error instanceof Error ? error.name : 'Error' } },
      );
    } finally {
      if (!signal.aborted) this.setCustomState('loading', false);
    }
  }

  private onStoreChange(change: ChangeSet): void {
    this.requestUpdate();
    // The problem list of a blocked Submit follows the fixes (a problem goes once it is solved).
    if (this.session.problems.length > 0 && change.phase !== 'live') this.session.setProblems(this.validate());
    if (change.origin !== 'user') return;
    if (change.phase === 'live') {
      this.pendingInput = change;
      if (!this.inputFrame) {
        this.inputFrame = requestAnimationFrame(() => {
          this.inputFrame = 0;
          const pending = this.pendingInput;
          this.pendingInput = undefined;
          if (!pending || !this.session.store.inGesture) return;
          // A preview per frame: a track's keyframes, not its every frame (a long track is 10,000 entries).
          const detail = buildChangeDetail(pending, this.exportInput({ keyframesOnly: true }, true));
          this.dispatchEvent(new LkInputEvent({ objectIds: detail.objectIds, tools: detail.tools }));
        });
      }
      return;
    }
    if (!USER_REASONS.has(change.reason)) return;
    const detail = buildChangeDetail(change, this.exportInput({}, true));
    this.dispatchEvent(new LkChangeEvent({ ...detail, reason: change.reason as ChangeReasonName }));
  }

  private onSelectionChange(): void {
    const previous = this.previousSelection;
    const objectIds = [...this.session.selection];
    this.previousSelection = objectIds;
    this.dispatchEvent(new LkSelectEvent({ objectIds, previous: [...previous] }));
  }

  private readonly onActivity = () => this.timeTracker.activity();
  private readonly onWindowBlur = () => this.timeTracker.blur();
  private readonly onWindowFocus = () => this.timeTracker.focus();
}
