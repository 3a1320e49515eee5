/**
 * Decoded frames kept around the playhead, bounded by count and by bytes. A `VideoFrame` holds
 * decoder memory (often GPU) until closed, so every frame that leaves the cache is closed, and
 * `clear()` closes them all. Eviction drops the frame farthest from the frame last asked for:
 * the neighbours that stepping and scrubbing ask for next stay.
 */

export interface FrameCacheLimits {
  /** Most frames kept. */
  maxFrames: number;
  /** Most bytes kept (the frames' own allocation sizes). */
  maxBytes: number;
}

export class FrameCache {
  private readonly frames = new Map<number, { frame: VideoFrame; bytes: number }>();
  private bytes = 0;
  /** The frame the playhead is on: eviction keeps what is near it. */
  private focus = 0;

  constructor(readonly limits: FrameCacheLimits) {}

  get size(): number {
    return this.frames.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  has(index: number): boolean {
    return this.frames.has(index);
  }

  get(index: number): VideoFrame | undefined {
    return this.frames.get(index)?.frame;
  }

  /** Marks where the playhead is; eviction keeps the frames nearest to it. */
  setFocus(index: number): void {
    this.focus = index;
  }

  /** Takes ownership of `frame` (closed on eviction or when it replaces nothing new). */
  put(index: number, frame: VideoFrame): void {
    const old = this.frames.get(index);
    if (old) {
      frame.close();
      return;
    }
    const bytes = frameBytes(frame);
    this.frames.set(index, { frame, bytes });
    this.bytes += bytes;
    this.evict();
  }

  clear(): void {
    for (const { frame } of this.frames.values()) frame.close();
    this.frames.clear();
    this.bytes = 0;
  }

  private evict(): void {
    while (this.frames.size > 1 && (this.frames.size > this.limits.maxFrames || this.bytes > this.limits.maxBytes)) {
      let farthest: number | undefined;
      for (const index of this.frames.keys()) {
        if (farthest === undefined || Math.abs(index - this.focus) > Math.abs(farthest - this.focus)) farthest = index;
      }
      const entry = this.frames.get(farthest!)!;
      entry.frame.close();
      this.bytes -= entry.bytes;
      this.frames.delete(farthest!);
    }
  }
}

function frameBytes(frame: VideoFrame): number {
  try {
    return frame.allocationSize();
  } catch {
    // Some formats (opaque GPU frames) cannot say: count them as RGBA.
    return frame.codedWidth * frame.codedHeight * 4;
  }
}
