/** Keeps the `limit` most recently used values, making missing ones on demand. */
export interface RecentCache<K, V> {
  get(key: K, make: (key: K) => V): V;
}

export function createRecentCache<K, V>(limit: number): RecentCache<K, V> {
  const entries = new Map<K, V>();
  return {
    get(key, make) {
      if (entries.has(key)) {
        const value = entries.get(key)!;
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const value = make(key);
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
