/**
 * Frame-exact random access to a video with WebCodecs: frame n is decoded from the keyframe
 * before it (the `<video>` element does the same on a seek, but then waits for its whole media
 * pipeline); the decoder keeps its state between calls, so stepping forward feeds only the next
 * samples, and the frames decoded on the way wait in a small cache around the playhead
 * (frame-cache.ts), so stepping back inside it and scrubbing over it decode nothing.
 *
 * Any decoder error, a sample past the end of the file or a decoder that stops answering makes
 * `show` reject; the caller then goes back to the `<video>` element for good.
 */
import type { RangeReader } from '../container-probe.js';
import { FrameCache, type FrameCacheLimits } from './frame-cache.js';
import { readMp4Track, type EncodedTrack } from './mp4-track.js';
import { SampleBytes } from './sample-bytes.js';

export interface DecodedFrames {
  readonly frameTotal: number;
  /** Frames and bytes held now (for the bench and the memory bound's test). */
  readonly cached: { frames: number; bytes: number; limits: FrameCacheLimits };
  /**
   * Decodes frame `index` and hands it to `draw` (synchronously; the frame is closed by the cache
   * later, so `draw` must not keep it). Calls run one after the other.
   */
  show(index: number, draw: (frame: VideoFrame) => void): Promise<void>;
  destroy(): void;
}

export const DEFAULT_CACHE_LIMITS: FrameCacheLimits = { maxFrames: 32, maxBytes: 96 * 1024 * 1024 };
/** Samples fed ahead of what has come out; more would only delay a later seek's reset. */
const QUEUE_DEPTH = 4;
/** A target this many samples ahead of the decoder is reached by feeding on rather than by a reset. */
const FORWARD_SAMPLES = 48;
/** A decoder that neither outputs nor takes input for this long is taken as stuck. */
const STALL_MS = 5000;

/**
 * The decoded-frame path for the file behind `read`, or undefined where it cannot be used: no
 * WebCodecs, not an MP4 that mp4box.js can index, or a codec this browser's `VideoDecoder`
 * does not support (the `<video>` element then decodes, as before).
 */
export async function openDecodedFrames(read: RangeReader, limits: FrameCacheLimits = DEFAULT_CACHE_LIMITS): Promise<DecodedFrames | undefined> {
  if (typeof VideoDecoder === 'undefined') return undefined;
  const track = await readMp4Track(read);
  if (!track) return undefined;
  const support = await VideoDecoder.isConfigSupported(track.config).catch(() => undefined);
  if (!support?.supported) return undefined;
  return new FrameDecoder(track, new SampleBytes(read, track.samples), limits);
}

class FrameDecoder implements DecodedFrames {
  private readonly cache: FrameCache;
  private readonly decoder: VideoDecoder;
  private readonly frameByTimestamp = new Map<number, number>();
  /** Decode index of the keyframe at or before each sample. */
  private readonly keyBefore: number[] = [];
  /** Decode index of the next keyframe after each sample (the sample count after the last). */
  private readonly keyAfter: number[] = [];
  /** The next sample to feed; undefined before the first run. */
  private cursor: number | undefined;
  /** The keyframe the decoder was last reset to: every sample from it to `cursor` has been fed. */
  private runStart = 0;
  /** Frames output since the last reset: one of them missing from the cache was evicted. */
  private readonly output = new Set<number>();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private calls: Promise<void> = Promise.resolve();
  private destroyed = false;

  constructor(
    private readonly track: EncodedTrack,
    private readonly bytes: SampleBytes,
    limits: FrameCacheLimits,
  ) {
    this.cache = new FrameCache(limits);
    const { samples } = track;
    samples.forEach((sample, i) => {
      this.frameByTimestamp.set(sample.timestamp, sample.frame);
      this.keyBefore[i] = sample.key || i === 0 ? i : this.keyBefore[i - 1]!;
    });
    for (let i = samples.length - 1, next = samples.length; i >= 0; i--) {
      this.keyAfter[i] = next;
      if (samples[i]!.key) next = i;
    }
    this.decoder = new VideoDecoder({
      output: (frame) => this.onOutput(frame),
      error: (error) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.notify();
      },
    });
    this.decoder.addEventListener('dequeue', () => this.notify());
  }

  get frameTotal(): number {
    return this.track.samples.length;
  }

  get cached(): DecodedFrames['cached'] {
    return { frames: this.cache.size, bytes: this.cache.byteSize, limits: this.cache.limits };
  }

  show(index: number, draw: (frame: VideoFrame) => void): Promise<void> {
    const run = this.calls.then(async () => {
      const frame = await this.decodeTo(index);
      draw(frame);
    });
    this.calls = run.catch(() => undefined);
    return run;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.failure ??= new Error('closed');
    if (this.decoder.state !== 'closed') this.decoder.close();
    this.cache.clear();
    this.notify();
  }

  private onOutput(frame: VideoFrame): void {
    const index = this.frameByTimestamp.get(frame.timestamp);
    if (index === undefined || this.destroyed) {
      frame.close();
    } else {
      this.output.add(index);
      this.cache.put(index, frame);
    }
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The next output, dequeue or error; rejects when the decoder has been silent too long. */
  private nextEvent(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the video decoder stopped answering')), STALL_MS);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async decodeTo(index: number): Promise<VideoFrame> {
    const { samples, decodeIndex } = this.track;
    const target = decodeIndex[index];
    if (target === undefined) throw new RangeError(`no frame ${index}`);
    this.cache.setFocus(index);
    const key = this.keyBefore[target]!;
    const limit = this.keyAfter[target]!;
    const cursor = this.cursor;
    // Go on from where the decoder is when that reaches the target (stepping forward); else start
    // again from its keyframe. A frame already output but evicted needs the restart too.
    const reachable = cursor !== undefined && !this.output.has(index) && (cursor <= key ? key - cursor <= FORWARD_SAMPLES : this.runStart <= key);
    if (!this.cache.has(index) && !reachable) this.restart(key);
    for (;;) {
      this.throwIfFailed();
      const frame = this.cache.get(index);
      if (frame) return frame;
      if (this.output.has(index)) throw new Error(`frame ${index} was decoded but not kept`);
      const next = this.cursor!;
      if (next < limit && this.decoder.decodeQueueSize < QUEUE_DEPTH) {
        const sample = samples[next]!;
        const data = await this.bytes.sample(next);
        this.throwIfFailed();
        this.decoder.decode(new EncodedVideoChunk({ type: sample.key ? 'key' : 'delta', timestamp: sample.timestamp, duration: sample.duration, data }));
        this.cursor = next + 1;
        continue;
      }
      if (next >= limit && this.decoder.decodeQueueSize === 0) {
        // The decoder holds back frames for reordering until more input comes: the group ends here,
        // so flush it out (the next sample is a keyframe, which is what a flushed decoder needs).
        await this.decoder.flush();
        this.throwIfFailed();
        if (!this.cache.has(index)) throw new Error(`frame ${index} did not come out of the decoder`);
        continue;
      }
      await this.nextEvent();
    }
  }

  private restart(key: number): void {
    if (this.decoder.state === 'configured') this.decoder.reset();
    this.decoder.configure(this.track.config);
    this.output.clear();
    this.cursor = key;
    this.runStart = key;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
