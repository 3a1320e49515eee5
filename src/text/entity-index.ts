/**
 * Entities by offset: which entity a click hits (the smallest that covers the character), which
 * lie in a range, and a lane per entity so overlapping ones get separate underlines. Built whole
 * once, then kept up to date one change at a time: a new entity costs a binary search, an array
 * splice and new lanes for the entities it overlaps, never a pass over every entity. DOM-free,
 * any offset unit.
 */

export interface TextEntity {
  readonly id: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface EntityIndex {
  readonly size: number;
  /** Entities in document order: by start, longer first on ties. Changes in place with `update`. */
  readonly ordered: readonly TextEntity[];
  /** The smallest entity covering the character at `offset` (start <= offset < end). */
  smallestAt(offset: number): TextEntity | undefined;
  /** Entities that share at least one character with [start, end), in document order. */
  overlapping(start: number, end: number): TextEntity[];
  /**
   * The entity's lane: 0 for one that overlaps nothing earlier, and the lowest lane free of every
   * overlapping entity otherwise, so an entity nested in another gets a deeper lane than it.
   */
  laneOf(id: string): number;
  get(id: string): TextEntity | undefined;
  /**
   * Removes the `removed` ids, then adds or replaces `upserted`. Returns the ids of entities that
   * are still there and whose lane changed, added and moved ones included.
   */
  update(removed: Iterable<string>, upserted: Iterable<TextEntity>): Set<string>;
}

/**
 * Entities longer than this (UTF-16 units) are also kept in a short side list, so a lookup scans
 * back at most this far instead of as far as the longest entity reaches (one entity over the
 * whole book would otherwise make every lookup a pass over every entity).
 */
const LONG_ENTITY = 4096;
/** Above this many changes in one update, sorting everything again is cheaper than splicing. */
const REBUILD_ABOVE = 256;

function compare(a: TextEntity, b: TextEntity): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Index of the first entity that sorts at or after `entity`. */
function lowerBound(ordered: readonly TextEntity[], entity: TextEntity): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(ordered[mid]!, entity) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the last entity whose start is <= offset, or -1. */
function lastStartAtMost(ordered: readonly TextEntity[], offset: number): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ordered[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The lowest lane free at the entity's start (entities met in document order); the entity then holds it. */
function takeLane(laneEnds: number[], entity: TextEntity): number {
  let lane = laneEnds.findIndex((end) => end <= entity.start);
  if (lane === -1) lane = laneEnds.push(entity.end) - 1;
  else laneEnds[lane] = entity.end;
  return lane;
}

export function createEntityIndex(entities: Iterable<TextEntity>): EntityIndex {
  let ordered: TextEntity[] = [];
  const byId = new Map<string, TextEntity>();
  const lanes = new Map<string, number>();
  const long = new Set<TextEntity>();

  /** Calls `visit` for every entity that may overlap [start, end), each once (may include some that do not). */
  const candidates = (start: number, end: number, visit: (entity: TextEntity) => void) => {
    const from = start - LONG_ENTITY;
    let i = lastStartAtMost(ordered, Math.max(start, end - 1));
    for (; i >= 0 && ordered[i]!.start >= from; i--) visit(ordered[i]!);
    for (const entity of long) if (entity.start < from) visit(entity);
  };

  /**
   * Lanes again for the run of overlapping entities ("cluster") around [start, end): a lane only
   * depends on the entities of its cluster, which the greedy assignment meets in document order.
   */
  const relane = (start: number, end: number, changed: Set<string>) => {
    // Back to where the cluster begins: the earliest entity reaching into it, transitively.
    let head = lastStartAtMost(ordered, start - 1) + 1;
    let boundary = start;
    for (let i = head - 1; i >= 0; i--) {
      const entity = ordered[i]!;
      if (entity.end > boundary) {
        head = i;
        boundary = entity.start;
      } else if (entity.start < boundary - LONG_ENTITY) {
        // No short entity this early reaches the cluster; a long one may, and then it is the head.
        let reacher: TextEntity | undefined;
        for (const candidate of long) {
          if (candidate.start < boundary && candidate.end > boundary && (!reacher || compare(candidate, reacher) < 0)) reacher = candidate;
        }
        if (!reacher) break;
        head = lowerBound(ordered, reacher);
        boundary = reacher.start;
        i = head;
      }
    }
    const laneEnds: number[] = [];
    let reach = -Infinity;
    for (let i = head; i < ordered.length; i++) {
      const entity = ordered[i]!;
      if (entity.start >= reach && entity.start >= end && i > head) break;
      const lane = takeLane(laneEnds, entity);
      reach = Math.max(reach, entity.end);
      if (lanes.get(entity.id) !== lane) {
        lanes.set(entity.id, lane);
        changed.add(entity.id);
      }
    }
  };

  const rebuild = (all: Iterable<TextEntity>, changed: Set<string>) => {
    ordered = [...all].sort(compare);
    long.clear();
    byId.clear();
    for (const entity of ordered) {
      byId.set(entity.id, entity);
      if (entity.end - entity.start > LONG_ENTITY) long.add(entity);
    }
    const laneEnds: number[] = [];
    const before = new Map(lanes);
    lanes.clear();
    for (const entity of ordered) {
      const lane = takeLane(laneEnds, entity);
      lanes.set(entity.id, lane);
      if (before.get(entity.id) !== lane) changed.add(entity.id);
    }
  };

  const removeOne = (id: string): TextEntity | undefined => {
    const entity = byId.get(id);
    if (!entity) return undefined;
    ordered.splice(lowerBound(ordered, entity), 1);
    byId.delete(id);
    lanes.delete(id);
    long.delete(entity);
    return entity;
  };

  rebuild(entities, new Set());

  return {
    get size() {
      return ordered.length;
    },
    get ordered() {
      return ordered;
    },
    get: (id) => byId.get(id),
    laneOf: (id) => lanes.get(id) ?? 0,
    smallestAt(offset) {
      let best: TextEntity | undefined;
      candidates(offset, offset + 1, (entity) => {
        if (entity.start > offset || entity.end <= offset) return;
        if (!best || entity.end - entity.start < best.end - best.start) best = entity;
      });
      return best;
    },
    overlapping(start, end) {
      const found: TextEntity[] = [];
      candidates(start, end, (entity) => {
        if (entity.end > start && entity.start < end) found.push(entity);
      });
      return found.sort(compare);
    },
    update(removed, upserted) {
      const changed = new Set<string>();
      const removedIds = [...removed];
      const added = [...upserted];
      if (removedIds.length + added.length > REBUILD_ABOVE) {
        const gone = new Set([...removedIds, ...added.map((entity) => entity.id)]);
        const kept = ordered.filter((entity) => !gone.has(entity.id));
        rebuild([...kept, ...added], changed);
        for (const entity of added) changed.add(entity.id);
        return changed;
      }
      const spans: [number, number][] = [];
      for (const id of [...removedIds, ...added.map((entity) => entity.id)]) {
        const old = removeOne(id);
        if (old) spans.push([old.start, old.end]);
      }
      for (const entity of added) {
        ordered.splice(lowerBound(ordered, entity), 0, entity);
        byId.set(entity.id, entity);
        if (entity.end - entity.start > LONG_ENTITY) long.add(entity);
        spans.push([entity.start, entity.end]);
        changed.add(entity.id);
      }
      for (const [start, end] of spans) relane(start, end, changed);
      for (const id of changed) if (!byId.has(id)) changed.delete(id);
      return changed;
    },
  };
}
