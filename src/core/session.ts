/**
 * A labeling session: the store plus the UI-independent state every surface and panel shares
 * (ontology, mode, selection, active class, current plane, hidden objects). Elements provide one
 * session per instance through context; panels subscribe to it rather than to the element.
 */
import type { Ontology } from './ontology.js';
import { geometryOnPlane } from './plane-geometry.js';
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
}

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
  readonly hidden: ReadonlySet<string>;
  /** What blocked the last Submit (empty once it passes); panels list them and mark their fields. */
  readonly problems: readonly Problem[];
  /** The problem the user asked to see last (`reveal`): the panel holding its field focuses it. */
  readonly revealed: Problem | undefined;
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
  readonly actions: SessionActions;
  /** Elements register what they support; panels call `session.actions.x()`. */
  setActions(actions: Partial<SessionActions>): void;
  subscribe(listener: SessionListener): () => void;
}

export interface SessionOptions {
  planeModel: PlaneModel;
  audit: () => AuditStamp;
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
      return hidden;
    },
    get problems() {
      return problems;
    },
    get revealed() {
      return revealed;
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
