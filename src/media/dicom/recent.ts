/**
 * Keeps the `limit` most recently used values, making missing ones on demand. With `maxWeight`,
 * the least recently used values also go while the values' total `weigh` is over it (the most
 * recent value always stays, however heavy), so a cache of decoded slices is bounded in bytes
 * whatever the slice size.
 */
export interface RecentCache<K, V> {
  get(key: K, make: (key: K) => V): V;
  has(key: K): boolean;
  set(key: K, value: V): void;
  /** The values held, least recently used first. */
  values(): IterableIterator<V>;
  /** How many values are held. */
  readonly size: number;
  /** Their total weight (0 without `weigh`). */
  readonly weight: number;
}

export interface RecentCacheOptions<V> {
  weigh?: (value: V) => number;
  maxWeight?: number;
}

export function createRecentCache<K, V>(limit: number, { weigh, maxWeight = Infinity }: RecentCacheOptions<V> = {}): RecentCache<K, V> {
  const entries = new Map<K, V>();
  let weight = 0;
  const weightOf = (value: V) => (weigh ? weigh(value) : 0);
  const remove = (key: K) => {
    if (!entries.has(key)) return;
    weight -= weightOf(entries.get(key)!);
    entries.delete(key);
  };
  const set = (key: K, value: V) => {
    remove(key);
    entries.set(key, value);
    weight += weightOf(value);
    while (entries.size > 1 && (entries.size > limit || weight > maxWeight)) remove(entries.keys().next().value!);
  };
  return {
    get(key, make) {
      if (entries.has(key)) {
        const value = entries.get(key)!;
        // Most recent last: delete and re-insert (the weight is unchanged).
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const value = make(key);
      set(key, value);
      return value;
    },
    has: (key) => entries.has(key),
    set,
    values: () => entries.values(),
    get size() {
      return entries.size;
    },
    get weight() {
      return weight;
    },
  };
}
