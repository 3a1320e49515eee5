/**
 * The bytes of encoded samples, read through the element's range reader (the host contract:
 * `fetchAsset` / `resolveUrl`, signed-URL refresh on expiry) in blocks of neighbouring samples,
 * so a keyframe group costs a few requests, not one per frame. A few blocks are kept for
 * stepping back and forth; the rest are let go. Once reading passes the middle of a block, the
 * next one is read ahead: scrubbing forward finds its bytes already here instead of waiting for a
 * request per keyframe group.
 */
import type { RangeReader } from '../container-probe.js';
import type { EncodedSample, SampleReader } from './mp4-track.js';

/** A block spans at most this many bytes of the file… */
const BLOCK_BYTES = 2 * 1024 * 1024;
/** …and at most this many samples. */
const BLOCK_SAMPLES = 600;
/** Blocks kept. */
const KEPT_BLOCKS = 4;

interface Block {
  start: number;
  bytes: Uint8Array;
  /** The samples it was read for: `first` up to (not including) `end`, in decode order. */
  first: number;
  end: number;
}

export class SampleBytes implements SampleReader {
  private blocks: Block[] = [];
  private pending = new Map<number, Promise<Block>>();

  constructor(
    private readonly read: RangeReader,
    private readonly samples: readonly EncodedSample[],
  ) {}

  /** The bytes of sample `index` (decode order); throws when the file ends before them. */
  async sample(index: number): Promise<Uint8Array> {
    const block = this.blockWith(index) ?? (await this.readBlock(index));
    const { offset, size } = this.samples[index]!;
    if (offset + size > block.start + block.bytes.length) throw new RangeError(`sample ${index} lies past the end of the file`);
    if (index - block.first >= (block.end - block.first) / 2) this.readAhead(block.end);
    return block.bytes.subarray(offset - block.start, offset - block.start + size);
  }

  private blockWith(index: number): Block | undefined {
    const { offset, size } = this.samples[index]!;
    return this.blocks.find((b) => b.start <= offset && offset + size <= b.start + b.bytes.length);
  }

  /** Starts reading the block from sample `index` unless it is here or on its way; a failure waits for the real read. */
  private readAhead(index: number): void {
    if (index >= this.samples.length || this.blockWith(index)) return;
    this.readBlock(index).catch(() => undefined);
  }

  private readBlock(index: number): Promise<Block> {
    const first = this.samples[index]!;
    let start = first.offset;
    let end = first.offset + first.size;
    let last = index + 1;
    // Following samples in decode order, while they stay close together in the file.
    for (; last < this.samples.length && last < index + BLOCK_SAMPLES; last++) {
      const { offset, size } = this.samples[last]!;
      const nextStart = Math.min(start, offset);
      const nextEnd = Math.max(end, offset + size);
      if (nextEnd - nextStart > BLOCK_BYTES) break;
      start = nextStart;
      end = nextEnd;
    }
    const key = start;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.read(start, end)
        .then((bytes) => {
          const block = { start, bytes, first: index, end: last };
          this.blocks = [block, ...this.blocks].slice(0, KEPT_BLOCKS);
          return block;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }
}
