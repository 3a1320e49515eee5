/**
 * A labeling session: the store plus the UI-independent state every surface and panel shares
 * (ontology, mode, selection, active class, current plane, hidden objects). Elements provide one
 * session per instance through context; panels subscribe to it rather than to the element.
 */
import type { Ontology } from './ontology.js';
import { geometryOnPlane } from './plane-geometry.js';
import { createIssueBoard, type IssueBoard } from './issue-board.js';
import type { Problem } from './problem.js';
import type { AnnotationStore } from './store.js';
import { createAnnotationStore, type AuditStamp } from './store.js';

export type Mode = 'annotate' | 'review' | 'view';

/** How objects relate to planes: one picture, one page each (PDF, DICOM), or tracks (video). */
export type PlaneModel = 'single' | 'paged' | 'track';

export type SessionTopic = 'ontology' | 'mode' | 'selection' | 'tool' | 'plane' | 'visibility' | 'planes' | 'problems' | 'reveal';

/**
 * What panels may ask the element to do beyond editing the store (which they do directly).
 * Elements register the ones they support; the rest are no-ops.
 */
export interface SessionActions {
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  actualSize(): void;
  submit(): void;
  skip(): void;
  review(detail: { verdict: 'accept' | 'reject'; objectIds?: string[]; comment?: string; errorCode?: string }): void;
  showHelp(): void;
  useEraser(schemaId: string): void;
  setBrushSize(size: number): void;
  /** Polygon and segmentation classes draw with this smart tool, or vertex by vertex (`click`), whatever their ontology's `drawWith`. */
  useSmartTool(kind: 'magic-wand' | 'magnetic-lasso' | 'click'): void;
  /** Magic wand colour tolerance, 0–255. */
  setTolerance(tolerance: number): void;
  /** Runs a shape edit on the selection (simplify, union, …: `ShapeEdit` in tools/smart). */
  runShapeEdit(edit: string): void;
}

/**
 * How shapes are shown, for this page visit only (never exported, never persisted). Hiding changes
 * what is drawn and hit, never the annotations.
 */
export interface DisplaySettings {
  /**
   * Every object there was when it was turned on hidden (H). Objects drawn (or pasted) after stay
   * visible: the labeler hid the clutter to draw what is missing, and sees what they draw.
   */
  readonly allHidden: boolean;
  /** Classes whose objects are hidden, by schemaId. */
  readonly hiddenClasses: ReadonlySet<string>;
  /** Fill opacity of unselected shapes, 0–1 (selected shapes are filled twice as strongly). */
  readonly fillOpacity: number;
  /** Outlines only, no fills. */
  readonly outlineOnly: boolean;
  /** Class titles beside selected shapes. */
  readonly labels: boolean;
  /** The picture's brightness (multiplier, 1 = unchanged); shapes are never adjusted. */
  readonly brightness: number;
  /** The picture's contrast about mid-grey (multiplier, 1 = unchanged). */
  readonly contrast: number;
  /** The picture's display gamma (1 = unchanged; above 1 brightens the mid-tones). */
  readonly gamma: number;
  /** The picture inverted. */
  readonly invert: boolean;
}

export const defaultDisplaySettings: DisplaySettings = {
  allHidden: false,
  hiddenClasses: new Set(),
  fillOpacity: 0.15,
  outlineOnly: false,
  labels: true,
  brightness: 1,
  contrast: 1,
  gamma: 1,
  invert: false,
};

export type SessionListener = (topic: SessionTopic) => void;

export interface LabelingSession {
  readonly store: AnnotationStore;
  readonly planeModel: PlaneModel;
  readonly ontology: Ontology | undefined;
  readonly mode: Mode;
  /** Review mode without edits (the `review-readonly` attribute). */
  readonly reviewReadonly: boolean;
  readonly selection: readonly string[];
  /** schemaId of the tool category to draw with; undefined = the select tool. */
  readonly activeSchemaId: string | undefined;
  readonly plane: number;
  readonly planeCount: number;
  /**
   * Objects not drawn now: hidden one by one, by class, or all at once (`display`). Surfaces and
   * tools ask this set; `hiddenObjects` holds the one-by-one toggles alone.
   */
  readonly hidden: ReadonlySet<string>;
  /** What blocked the last Submit (empty once it passes); panels list them and mark their fields. */
  readonly problems: readonly Problem[];
  /** The problem the user asked to see last (`reveal`): the panel holding its field focuses it. */
  readonly revealed: Problem | undefined;
  /** Objects the user hid one by one (the object list's eye). */
  readonly hiddenObjects: ReadonlySet<string>;
  readonly display: DisplaySettings;
  /** Whether the user may change annotations now (mode, review-readonly). */
  readonly canEdit: boolean;
  setOntology(ontology: Ontology): void;
  setMode(mode: Mode, reviewReadonly?: boolean): void;
  select(objectIds: readonly string[]): void;
  setActiveSchema(schemaId: string | undefined): void;
  setPlane(plane: number): void;
  setPlaneCount(count: number): void;
  setHidden(objectId: string, hidden: boolean): void;
  setProblems(problems: readonly Problem[]): void;
  /** Shows where a problem is: selects its object; the panel holding its field focuses it (topic `reveal`). */
  reveal(problem: Problem): void;
  /** Changes how shapes are shown (emits `visibility`). */
  setDisplay(patch: Partial<Omit<DisplaySettings, 'hiddenClasses'>>): void;
  setClassHidden(schemaId: string, hidden: boolean): void;
  /** Review issues: the host's list, the one being placed, the user's actions on them. */
  readonly issues: IssueBoard;
  readonly actions: SessionActions;
  /** Elements register what they support; panels call `session.actions.x()`. */
  setActions(actions: Partial<SessionActions>): void;
  subscribe(listener: SessionListener): () => void;
}

export interface SessionOptions {
  planeModel: PlaneModel;
  audit: () => AuditStamp;
  /** Ids for new review issues (default: a counter). */
  newIssueId?: () => string;
}

export function createLabelingSession(options: SessionOptions): LabelingSession {
  const store = createAnnotationStore({ audit: options.audit });
  const listeners = new Set<SessionListener>();
  let ontology: Ontology | undefined;
  let mode: Mode = 'annotate';
  let reviewReadonly = false;
  let selection: readonly string[] = [];
  let activeSchemaId: string | undefined;
  let plane = 0;
  let planeCount = 1;
  const hidden = new Set<string>();
  let problems: readonly Problem[] = [];
  let revealed: Problem | undefined;
  let display: DisplaySettings = defaultDisplaySettings;
  /** The objects Hide all hid: those there were when it was turned on. */
  let hiddenByHideAll: ReadonlySet<string> = new Set();
  const isHidden = (objectId: string): boolean => {
    if (hidden.has(objectId)) return true;
    if (display.allHidden && hiddenByHideAll.has(objectId)) return store.state.objects.has(objectId);
    if (display.hiddenClasses.size === 0) return false;
    const schemaId = store.state.objects.get(objectId)?.schemaId;
    return schemaId !== undefined && display.hiddenClasses.has(schemaId);
  };
  const effectiveHidden = hiddenView(isHidden, () => {
    if (!display.allHidden && display.hiddenClasses.size === 0) return hidden;
    return [...store.state.objects.keys()].filter(isHidden);
  });
  let issueCount = 0;
  const issues = createIssueBoard({
    stamp: () => {
      const { by, at } = options.audit();
      return { by, at };
    },
    newId: options.newIssueId ?? (() => `issue-${++issueCount}`),
  });
  const noop = () => {};
  const actions: SessionActions = {
    undo: () => store.undo(),
    redo: () => store.redo(),
    deleteSelection: noop,
    zoomIn: noop,
    zoomOut: noop,
    fit: noop,
    actualSize: noop,
    submit: noop,
    skip: noop,
    review: noop,
    showHelp: noop,
    useEraser: noop,
    setBrushSize: noop,
    useSmartTool: noop,
    setTolerance: noop,
    runShapeEdit: noop,
  };

  const emit = (topic: SessionTopic) => {
    for (const listener of [...listeners]) listener(topic);
  };
  const select = (objectIds: readonly string[]) => {
    const next = [...new Set(objectIds)].filter((id) => store.state.objects.has(id) || store.state.relations.has(id));
    if (next.length === selection.length && next.every((id, i) => id === selection[i])) return;
    selection = next;
    emit('selection');
  };
  const setPlane = (next: number) => {
    const clamped = Math.max(0, Math.min(planeCount - 1, Math.round(next)));
    if (clamped === plane) return;
    plane = clamped;
    emit('plane');
  };
  const editable = () => mode === 'annotate' || (mode === 'review' && !reviewReadonly);

  // Selection and visibility must never point at objects that are gone (delete, undo of create).
  store.subscribe((change) => {
    const removed = new Set(change.objects.filter((c) => c.after === undefined).map((c) => c.id));
    if (removed.size === 0) return;
    if (selection.some((id) => removed.has(id))) {
      selection = selection.filter((id) => !removed.has(id));
      emit('selection');
    }
    for (const id of removed) hidden.delete(id);
  });

  return {
    store,
    planeModel: options.planeModel,
    get ontology() {
      return ontology;
    },
    get mode() {
      return mode;
    },
    get reviewReadonly() {
      return reviewReadonly;
    },
    get selection() {
      return selection;
    },
    get activeSchemaId() {
      return activeSchemaId;
    },
    get plane() {
      return plane;
    },
    get planeCount() {
      return planeCount;
    },
    get hidden() {
      return effectiveHidden;
    },
    get hiddenObjects() {
      return hidden;
    },
    get problems() {
      return problems;
    },
    get revealed() {
      return revealed;
    },
    get display() {
      return display;
    },
    get canEdit() {
      return editable();
    },
    setOntology(next) {
      ontology = next;
      if (activeSchemaId && !next.tools.some((tool) => tool.schemaId === activeSchemaId)) activeSchemaId = undefined;
      emit('ontology');
    },
    setMode(next, readonly = false) {
      if (next === mode && readonly === reviewReadonly) return;
      mode = next;
      reviewReadonly = readonly;
      store.userWritable = editable();
      if (!editable()) {
        store.cancelGesture();
        activeSchemaId = undefined;
        emit('tool');
      }
      emit('mode');
    },
    select,
    setActiveSchema(schemaId) {
      if (schemaId !== undefined && !editable()) return;
      if (schemaId === activeSchemaId) return;
      activeSchemaId = schemaId;
      emit('tool');
    },
    setPlane,
    setPlaneCount(count) {
      planeCount = Math.max(1, Math.floor(count));
      if (plane >= planeCount) plane = planeCount - 1;
      emit('planes');
    },
    setHidden(objectId, isHidden) {
      if (isHidden === hidden.has(objectId)) return;
      if (isHidden) hidden.add(objectId);
      else hidden.delete(objectId);
      emit('visibility');
    },
    setProblems(next) {
      if (next.length === 0 && problems.length === 0) return;
      problems = next;
      emit('problems');
    },
    reveal(problem) {
      revealed = problem;
      const object = problem.objectId === undefined ? undefined : store.state.objects.get(problem.objectId);
      if (object) {
        // The object's own questions show for a single selection (follow-selection forms), on a plane it is on.
        if (geometryOnPlane(object, plane, options.planeModel) === undefined && object.keyframes[0]) setPlane(object.keyframes[0].frame);
        select([object.objectId]);
      }
      emit('reveal');
    },
    setDisplay(patch) {
      const next = { ...display, ...patch };
      next.fillOpacity = Math.max(0, Math.min(1, Number.isFinite(next.fillOpacity) ? next.fillOpacity : display.fillOpacity));
      for (const key of ['brightness', 'contrast', 'gamma'] as const) next[key] = Math.max(0.1, Math.min(10, Number.isFinite(next[key]) ? next[key] : display[key]));
      if ((Object.keys(next) as (keyof DisplaySettings)[]).every((key) => next[key] === display[key])) return;
      if (next.allHidden && !display.allHidden) hiddenByHideAll = new Set(store.state.objects.keys());
      display = next;
      emit('visibility');
    },
    setClassHidden(schemaId, isClassHidden) {
      if (isClassHidden === display.hiddenClasses.has(schemaId)) return;
      const hiddenClasses = new Set(display.hiddenClasses);
      if (isClassHidden) hiddenClasses.add(schemaId);
      else hiddenClasses.delete(schemaId);
      display = { ...display, hiddenClasses };
      emit('visibility');
    },
    issues,
    actions,
    setActions(next) {
      Object.assign(actions, next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A read-only set answered by `has` (cheap, per object) and listed by `list` (only when iterated). */
function hiddenView(has: (id: string) => boolean, list: () => Iterable<string>): ReadonlySet<string> {
  const snapshot = () => new Set(list());
  return {
    has,
    get size() {
      return snapshot().size;
    },
    forEach(callback, thisArg) {
      const set = snapshot();
      set.forEach((value) => callback.call(thisArg, value, value, set));
    },
    entries: () => snapshot().entries(),
    keys: () => snapshot().keys(),
    values: () => snapshot().values(),
    [Symbol.iterator]: () => snapshot()[Symbol.iterator](),
  } as ReadonlySet<string>;
}
