/** Keeps the `limit` most recently used values, making missing ones on demand. */
export interface RecentCache<K, V> {
  get(key: K, make: (key: K) => V): V;
  has(key: K): boolean;
  set(key: K, value: V): void;
}

export function createRecentCache<K, V>(limit: number): RecentCache<K, V> {
  const entries = new Map<K, V>();
  const set = (key: K, value: V) => {
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > limit) entries.delete(entries.keys().next().value!);
  };
  return {
    get(key, make) {
      if (entries.has(key)) {
        const value = entries.get(key)!;
        set(key, value);
        return value;
      }
      const value = make(key);
      set(key, value);
      return value;
    },
    has: (key) => entries.has(key),
    set,
  };
}
