/**
 * Decoded tiles kept by recency, within a count and a byte budget (width × height × 4 per tile, what
 * the GPU holds). The least recently used go first, except those the caller still shows; `release`
 * frees what leaves (a texture destroyed, a bitmap closed).
 */
export interface TileCacheLimits {
  maxTiles: number;
  maxBytes: number;
}

export class TileCache<T> {
  /** Insertion order is recency order: a use moves the entry to the end. */
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly limits: TileCacheLimits,
    private readonly release: (value: T) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value, marked as just used. */
  use(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Adds a tile, then trims to the limits sparing `keep` (what is on screen). */
  add(key: string, value: T, bytes: number, keep: ReadonlySet<string>): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    this.trim(keep);
  }

  trim(keep: ReadonlySet<string>): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxTiles && this.totalBytes <= this.limits.maxBytes) return;
      if (!keep.has(key)) this.remove(key, entry);
    }
  }

  clear(): void {
    for (const [key, entry] of this.entries) this.remove(key, entry);
  }

  private remove(key: string, entry: { value: T; bytes: number }): void {
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    this.release(entry.value);
  }
}
