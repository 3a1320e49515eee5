/**
 * The one source of truth for annotations. Every write is a transaction with an origin;
 * user transactions are recorded as diffs for undo/redo, grouped by explicit gesture marks.
 */
import type {
  AuditMetadata,
  BrushMask,
  ChangeReason,
  ClassificationAnswer,
  ObjectAnnotation,
  ObjectMetadata,
  Origin,
  RelationAnnotation,
} from './model.js';

export interface AnnotationState {
  readonly objects: ReadonlyMap<string, ObjectAnnotation>;
  /** Global (task-level) classification answers. Object answers live inside their object. */
  readonly classifications: ReadonlyMap<string, ClassificationAnswer>;
  readonly relations: ReadonlyMap<string, RelationAnnotation>;
  readonly masks: ReadonlyMap<string, BrushMask>;
}

export interface EntityChange<T> {
  id: string;
  before: T | undefined;
  after: T | undefined;
}

/**
 * What one transaction (or one finished gesture) changed. `phase: 'live'` marks intermediate
 * steps of a gesture (a drag in progress, or a cancelled gesture rolling back); `'commit'` marks
 * a settled change.
 */
export interface ChangeSet {
  origin: Origin;
  reason: ChangeReason;
  phase: 'live' | 'commit';
  objects: EntityChange<ObjectAnnotation>[];
  classifications: EntityChange<ClassificationAnswer>[];
  relations: EntityChange<RelationAnnotation>[];
  masks: EntityChange<BrushMask>[];
}

export interface TransactionOptions {
  origin: Origin;
  reason: ChangeReason;
  /**
   * A user write that completes the user's previous action (the keyframe a frame-specific answer
   * needs) joins that action's undo step instead of making its own: one action, one undo. Only the
   * step the store recorded last is joined, and only while nothing was undone, redone or written by
   * the host since; otherwise the write is a step of its own.
   */
  amend?: boolean;
}

/** Writes allowed inside `store.transact`. Reads see the writes already made in the transaction. */
export interface Transaction {
  readonly state: AnnotationState;
  putObject(object: ObjectAnnotation): void;
  /** Removes the object and every relation that can no longer stand without it. */
  removeObject(objectId: string): void;
  putClassification(answer: ClassificationAnswer): void;
  removeClassification(objectId: string): void;
  putRelation(relation: RelationAnnotation): void;
  removeRelation(objectId: string): void;
  putMask(mask: BrushMask): void;
  removeMask(key: string): void;
}

export type ChangeListener = (change: ChangeSet) => void;

export interface AuditStamp {
  at: string;
  by: string;
  in: string;
  /** The host model an object is created by (assisted labeling): kept as the new object's `metadata.model`. */
  model?: string;
}

export interface AnnotationStore {
  readonly state: AnnotationState;
  /** Increments on every applied transaction. */
  readonly version: number;
  /** Whether user-origin writes are accepted (false in `view` mode). */
  userWritable: boolean;
  transact(options: TransactionOptions, write: (tx: Transaction) => void): ChangeSet | undefined;
  /**
   * A host (`api`) transaction too big for one task (an import of 100,000 objects): `write`
   * pauses (`yield`) between slices of its writes and the caller runs the returned steps, giving
   * the main thread back at each pause. Listeners hear one change when the last step is done.
   * Until then the maps already hold the writes made so far; steps not run to the end (`return()`
   * on the generator, or a throw in `write`) are rolled back and announce nothing.
   */
  transactInSteps(options: { reason: ChangeReason }, write: (tx: Transaction) => Generator<void, void, void>): Generator<void, ChangeSet | undefined, void>;
  /** Starts a gesture: user writes until `endGesture` become one undo step. */
  beginGesture(): void;
  /** Ends the gesture and announces its net change as one `'commit'`. */
  endGesture(reason?: ChangeReason): ChangeSet | undefined;
  /** Rolls back everything written since `beginGesture`, leaving nothing behind. */
  cancelGesture(): void;
  readonly inGesture: boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  undo(): ChangeSet | undefined;
  redo(): ChangeSet | undefined;
  /** Forgets undo history (host replaced the annotations). */
  clearHistory(): void;
  subscribe(listener: ChangeListener): () => void;
}

export interface StoreOptions {
  /** Who and when, for audit metadata on user writes. */
  audit: () => AuditStamp;
}

type EntityKind = 'objects' | 'classifications' | 'relations' | 'masks';
type Entity = ObjectAnnotation | ClassificationAnswer | RelationAnnotation | BrushMask;
interface DiffEntry {
  kind: EntityKind;
  id: string;
  before: Entity | undefined;
  after: Entity | undefined;
}
/** What changed, per kind by id (no composite key built and hashed per entity: imports write 10,000). */
type Diff = Record<EntityKind, Map<string, DiffEntry>>;

const KINDS: readonly EntityKind[] = ['objects', 'classifications', 'relations', 'masks'];

function newDiff(): Diff {
  return { objects: new Map(), classifications: new Map(), relations: new Map(), masks: new Map() };
}

function diffEntries(diff: Diff): DiffEntry[] {
  return KINDS.flatMap((kind) => [...diff[kind].values()]);
}

interface HistoryEntry {
  reason: ChangeReason;
  diff: Diff;
}

const HISTORY_LIMIT = 500;

function isLocked(entity: Entity | undefined): boolean {
  return entity !== undefined && 'lock' in entity && entity.lock === true;
}

export function createAnnotationStore(options: StoreOptions): AnnotationStore {
  const maps = {
    objects: new Map<string, ObjectAnnotation>(),
    classifications: new Map<string, ClassificationAnswer>(),
    relations: new Map<string, RelationAnnotation>(),
    masks: new Map<string, BrushMask>(),
  };
  const state: AnnotationState = maps;
  /**
   * Relation ids by member objectId, kept in step with `maps.relations` by `setEntity` (every
   * write, undo, redo and rollback goes through it): deleting an object looks up its relations
   * instead of scanning all of them.
   */
  const relationsByMember = new Map<string, Set<string>>();
  const listeners = new Set<ChangeListener>();
  let undoStack: HistoryEntry[] = [];
  let redoStack: HistoryEntry[] = [];
  let gesture: Diff | undefined;
  /** The step the last user transaction or gesture recorded, while it is still the newest one. */
  let lastStep: HistoryEntry | undefined;
  let version = 0;
  let userWritable = true;

  /** The highest object number given per class: numbers only grow, so "Car 3" never names two objects. */
  const highestIndex = new Map<string, number>();
  const nextIndex = (schemaId: string) => (highestIndex.get(schemaId) ?? 0) + 1;
  const noteIndex = (schemaId: string, index: number) => {
    if (index > (highestIndex.get(schemaId) ?? 0)) highestIndex.set(schemaId, index);
  };

  /** User writes get audit metadata from the store's clock and user, never from the caller. */
  function stamp(before: AuditMetadata | undefined): ObjectMetadata {
    const now = options.audit();
    if (!before) return { createdAt: now.at, createdBy: now.by, createdIn: now.in, ...(now.model ? { model: now.model } : {}) };
    return { ...before, updatedAt: now.at, updatedBy: now.by, updatedIn: now.in };
  }

  function membersOf(relation: RelationAnnotation): readonly string[] {
    return relation.kind === 'single' ? [relation.from, relation.to] : relation.group;
  }

  function indexRelation(id: string, relation: RelationAnnotation | undefined, add: boolean): void {
    if (!relation) return;
    for (const member of membersOf(relation)) {
      let ids = relationsByMember.get(member);
      if (add) {
        if (!ids) relationsByMember.set(member, (ids = new Set()));
        ids.add(id);
      } else if (ids) {
        ids.delete(id);
        if (ids.size === 0) relationsByMember.delete(member);
      }
    }
  }

  function setEntity(kind: EntityKind, id: string, value: Entity | undefined): void {
    const map = maps[kind] as Map<string, Entity>;
    if (kind === 'relations') {
      indexRelation(id, maps.relations.get(id), false);
      indexRelation(id, value as RelationAnnotation | undefined, true);
    }
    if (value === undefined) map.delete(id);
    else map.set(id, value);
  }

  /**
   * The change a diff makes. `shareEntries`: the diff is dropped after this (host writes are not
   * recorded), so its entries are handed out as they are instead of copied (imports: 10,000).
   */
  function toChangeSet(diff: Diff, origin: Origin, reason: ChangeReason, phase: 'live' | 'commit', shareEntries = false): ChangeSet {
    const change: ChangeSet = { origin, reason, phase, objects: [], classifications: [], relations: [], masks: [] };
    for (const kind of KINDS) {
      const list = change[kind] as EntityChange<Entity>[];
      for (const entry of diff[kind].values()) {
        if (entry.before === entry.after) continue;
        list.push(shareEntries ? entry : { id: entry.id, before: entry.before, after: entry.after });
      }
    }
    return change;
  }

  function isEmpty(change: ChangeSet): boolean {
    return !change.objects.length && !change.classifications.length && !change.relations.length && !change.masks.length;
  }

  function notify(change: ChangeSet): void {
    for (const listener of [...listeners]) listener(change);
  }

  function mergeInto(target: Diff, source: Diff): void {
    for (const kind of KINDS) {
      const into = target[kind];
      for (const [id, entry] of source[kind]) {
        const existing = into.get(id);
        if (existing) existing.after = entry.after;
        else into.set(id, { ...entry });
      }
    }
  }


  function pushHistory(entry: HistoryEntry): void {
    lastStep = entry;
    undoStack.push(entry);
    if (undoStack.length > HISTORY_LIMIT) undoStack = undoStack.slice(-HISTORY_LIMIT);
    redoStack = [];
  }

  /** Applies `write` against the live maps, recording a diff; rolls back if `write` throws. */
  function run(origin: Origin, write: (tx: Transaction) => void): Diff {
    const { diff, tx } = begin(origin);
    try {
      write(tx);
    } catch (error) {
      rollBack(diff);
      throw error;
    }
    return diff;
  }

  function rollBack(diff: Diff): void {
    for (const { kind, id, before } of diffEntries(diff).reverse()) setEntity(kind, id, before);
  }

  /** A transaction's writer: its writes go to the live maps and are recorded in `diff`. */
  function begin(origin: Origin): { diff: Diff; tx: Transaction } {
    const diff = newDiff();
    const user = origin === 'user';

    function record(kind: EntityKind, id: string, after: Entity | undefined): void {
      const before = (maps[kind] as Map<string, Entity>).get(id);
      const existing = diff[kind].get(id);
      if (existing) existing.after = after;
      else diff[kind].set(id, { kind, id, before, after });
      setEntity(kind, id, after);
    }

    /** An entity created in this transaction or gesture keeps its creation stamp while it is shaped. */
    function stampFor(kind: EntityKind, id: string, before: AuditMetadata | undefined): AuditMetadata {
      const pending = gesture?.[kind].get(id) ?? diff[kind].get(id);
      if (before && pending && pending.before === undefined) return before;
      return stamp(before);
    }

    function guardLocked(kind: EntityKind, id: string): boolean {
      return user && isLocked((maps[kind] as Map<string, Entity>).get(id));
    }

    function removeRelationsOf(objectId: string): void {
      const ids = relationsByMember.get(objectId);
      if (!ids) return;
      // A copy: recording a removal or a shrunk group updates the index under the loop.
      for (const relationId of [...ids]) {
        const relation = maps.relations.get(relationId)!;
        if (relation.kind === 'single') {
          if (relation.from === objectId || relation.to === objectId) record('relations', relation.objectId, undefined);
        } else if (relation.group.includes(objectId)) {
          const group = relation.group.filter((member) => member !== objectId);
          record('relations', relation.objectId, group.length >= 2 ? { ...relation, group } : undefined);
        }
      }
    }

    const tx: Transaction = {
      state,
      putObject(object) {
        if (guardLocked('objects', object.objectId)) return;
        const before = maps.objects.get(object.objectId);
        const metadata: ObjectMetadata = user ? stampFor('objects', object.objectId, before?.metadata) : object.metadata;
        // The number stays with the object while it keeps its class; a new class gives the next number of that class.
        const kept = before?.schemaId === object.schemaId ? before.metadata.index : undefined;
        const index = (user ? undefined : metadata.index) ?? kept ?? nextIndex(object.schemaId);
        noteIndex(object.schemaId, index);
        record('objects', object.objectId, metadata === object.metadata && index === metadata.index ? object : { ...object, metadata: { ...metadata, index } });
      },
      removeObject(objectId) {
        if (!maps.objects.has(objectId) || guardLocked('objects', objectId)) return;
        removeRelationsOf(objectId);
        record('objects', objectId, undefined);
      },
      putClassification(answer) {
        if (guardLocked('classifications', answer.objectId)) return;
        const before = maps.classifications.get(answer.objectId);
        record(
          'classifications',
          answer.objectId,
          user ? { ...answer, metadata: stampFor('classifications', answer.objectId, before?.metadata) } : answer,
        );
      },
      removeClassification(objectId) {
        if (!maps.classifications.has(objectId) || guardLocked('classifications', objectId)) return;
        record('classifications', objectId, undefined);
      },
      putRelation(relation) {
        if (guardLocked('relations', relation.objectId)) return;
        const before = maps.relations.get(relation.objectId);
        record(
          'relations',
          relation.objectId,
          user ? { ...relation, metadata: stampFor('relations', relation.objectId, before?.metadata) } : relation,
        );
      },
      removeRelation(objectId) {
        if (!maps.relations.has(objectId) || guardLocked('relations', objectId)) return;
        record('relations', objectId, undefined);
      },
      putMask(mask) {
        record('masks', mask.key, mask);
      },
      removeMask(key) {
        if (maps.masks.has(key)) record('masks', key, undefined);
      },
    };

    return { diff, tx };
  }

  /** Announces what a transaction wrote (`diff`) and files it in the history as its origin says. */
  function finish(diff: Diff, { origin, reason, amend = false }: TransactionOptions): ChangeSet | undefined {
    const phase = origin === 'user' && gesture ? 'live' : 'commit';
    const change = toChangeSet(diff, origin, reason, phase, origin === 'api');
    if (isEmpty(change)) return undefined;
    version++;
    if (origin === 'api') {
      // Host writes are not undoable; history recorded before them may no longer apply.
      undoStack = [];
      redoStack = [];
      lastStep = undefined;
      if (gesture) gesture = undefined;
    } else if (gesture) {
      mergeInto(gesture, diff);
    } else if (amend && lastStep && undoStack.at(-1) === lastStep) {
      mergeInto(lastStep.diff, diff);
    } else {
      pushHistory({ reason, diff });
    }
    notify(change);
    return change;
  }

  function applyDiff(diff: Diff, direction: 'before' | 'after'): Diff {
    const applied = newDiff();
    for (const entry of diffEntries(diff)) {
      const from = direction === 'before' ? entry.after : entry.before;
      const to = direction === 'before' ? entry.before : entry.after;
      setEntity(entry.kind, entry.id, to);
      applied[entry.kind].set(entry.id, { kind: entry.kind, id: entry.id, before: from, after: to });
    }
    return applied;
  }


  const store: AnnotationStore = {
    state,
    get version() {
      return version;
    },
    get userWritable() {
      return userWritable;
    },
    set userWritable(value: boolean) {
      userWritable = value;
    },
    get inGesture() {
      return gesture !== undefined;
    },

    transact(options, write) {
      if (options.origin === 'user' && !userWritable) return undefined;
      return finish(run(options.origin, write), options);
    },

    *transactInSteps({ reason }, write) {
      const { diff, tx } = begin('api');
      let written = false;
      try {
        yield* write(tx);
        // What the listeners do with the whole change (index it, draw it) gets a step of its own.
        yield;
        written = true;
      } finally {
        if (!written) rollBack(diff);
      }
      return finish(diff, { origin: 'api', reason });
    },

    beginGesture() {
      gesture ??= newDiff();
    },

    endGesture(reason = 'update') {
      const diff = gesture;
      gesture = undefined;
      if (!diff) return undefined;
      const change = toChangeSet(diff, 'user', reason, 'commit');
      if (isEmpty(change)) return undefined;
      pushHistory({ reason, diff });
      notify(change);
      return change;
    },

    cancelGesture() {
      const diff = gesture;
      gesture = undefined;
      if (!diff || KINDS.every((kind) => diff[kind].size === 0)) return;
      const applied = applyDiff(diff, 'before');
      version++;
      const change = toChangeSet(applied, 'user', 'update', 'live');
      if (!isEmpty(change)) notify(change);
    },

    canUndo: () => undoStack.length > 0 && userWritable,
    canRedo: () => redoStack.length > 0 && userWritable,

    undo() {
      if (!userWritable || gesture) return undefined;
      const entry = undoStack.pop();
      if (!entry) return undefined;
      lastStep = undefined;
      redoStack.push(entry);
      version++;
      const change = toChangeSet(applyDiff(entry.diff, 'before'), 'user', 'undo', 'commit');
      notify(change);
      return change;
    },

    redo() {
      if (!userWritable || gesture) return undefined;
      const entry = redoStack.pop();
      if (!entry) return undefined;
      lastStep = undefined;
      undoStack.push(entry);
      version++;
      const change = toChangeSet(applyDiff(entry.diff, 'after'), 'user', 'redo', 'commit');
      notify(change);
      return change;
    },

    clearHistory() {
      undoStack = [];
      redoStack = [];
      lastStep = undefined;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}
