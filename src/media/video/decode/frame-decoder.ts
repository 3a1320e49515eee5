/**
 * Frame-exact random access to a video with WebCodecs: frame n is decoded from the keyframe
 * before it (the `<video>` element does the same on a seek, but then waits for its whole media
 * pipeline); the decoder keeps its state between calls, so stepping forward feeds only the next
 * samples, and the frames decoded on the way wait in a small cache around the playhead
 * (frame-cache.ts), so stepping back inside it and scrubbing over it decode nothing.
 *
 * The samples a frame needs are fed at once, with a few more after it (decoded ahead, so the next
 * steps find their frames cached and no group waits for a flush), rather than one per decoder
 * event: under a busy main thread each event waits for a task turn, and a keyframe group fed that
 * way took hundreds of milliseconds. A call that a later one supersedes (scrubbing) stops waiting;
 * what it fed stays fed, for the next call to go on from.
 *
 * Any decoder error, a sample past the end of the file or a decoder that stops answering makes
 * `show` reject; the caller then goes back to the `<video>` element for good.
 */
import { readWebmSize, type RangeReader } from '../container-probe.js';
import { FrameCache, type FrameCacheLimits } from './frame-cache.js';
import { readMp4Track, type EncodedTrack, type SampleReader } from './mp4-track.js';
import { SampleBytes } from './sample-bytes.js';

export interface DecodedFrames {
  readonly frameTotal: number;
  /** Frames and bytes held now (for the bench and the memory bound's test). */
  readonly cached: { frames: number; bytes: number; limits: FrameCacheLimits };
  /**
   * Decodes frame `index` and hands it to `draw` (synchronously; the frame is closed by the cache
   * later, so `draw` must not keep it). Calls run one after the other. When `superseded` returns
   * true before the frame is out (a later frame is wanted), the call gives up without drawing and
   * resolves false; it hands `drawPassing` the frame nearest before `index` that its decode has
   * brought out by then, if any (scrubbing across keyframe groups: the picture follows the pointer
   * with the frames on the way instead of waiting for a position the pointer stays on).
   */
  show(
    index: number,
    draw: (frame: VideoFrame) => void,
    superseded?: () => boolean,
    drawPassing?: (frame: VideoFrame, index: number) => void,
  ): Promise<boolean>;
  destroy(): void;
}

export const DEFAULT_CACHE_LIMITS: FrameCacheLimits = { maxFrames: 32, maxBytes: 96 * 1024 * 1024 };
/**
 * Samples fed past the one asked for: enough for a decoder that reorders B-frames to let the frame
 * out without a flush, and the next steps' frames decoded ahead (well within the cache's frames).
 */
const AHEAD_SAMPLES = 8;
/**
 * A keyframe this few samples past the decoder's position is reached by feeding on; farther, a
 * reset costs less than decoding the frames in between.
 */
const FORWARD_SAMPLES = 8;
/** A decoder that neither outputs nor takes input for this long is taken as stuck. */
const STALL_MS = 5000;

/**
 * The decoded-frame path for the file behind `read`, or undefined where it cannot be used: no
 * WebCodecs, neither an MP4 that mp4box.js can index nor a WebM that mediabunny can (loaded only
 * for a WebM), or a codec this browser's `VideoDecoder` does not support (the `<video>` element
 * then decodes, as before).
 */
export interface DecodedFramesOptions {
  limits?: FrameCacheLimits;
  /**
   * A WebM has no sample table: its blocks are listed by reading every cluster once at open. False
   * (the element's `preload="metadata"`: fetch only what is shown) leaves a WebM to the `<video>`.
   */
  readWholeWebm?: boolean;
}

export async function openDecodedFrames(read: RangeReader, options: DecodedFramesOptions = {}): Promise<DecodedFrames | undefined> {
  if (typeof VideoDecoder === 'undefined') return undefined;
  const { limits = DEFAULT_CACHE_LIMITS, readWholeWebm = true } = options;
  const opened = await openTrack(read, readWholeWebm);
  if (!opened) return undefined;
  const support = await VideoDecoder.isConfigSupported(opened.track.config).catch(() => undefined);
  if (!support?.supported) {
    opened.close?.();
    return undefined;
  }
  return new FrameDecoder(opened.track, opened.bytes, limits, opened.close);
}

async function openTrack(read: RangeReader, readWholeWebm: boolean): Promise<{ track: EncodedTrack; bytes: SampleReader; close?: () => void } | undefined> {
  const mp4 = await readMp4Track(read);
  if (mp4) return { track: mp4, bytes: new SampleBytes(read, mp4.samples) };
  if (!readWholeWebm) return undefined;
  const webmSize = await readWebmSize(read);
  if (webmSize === undefined) return undefined;
  const { readWebmTrack } = await import('./webm-track.js');
  return readWebmTrack(read, webmSize);
}

class FrameDecoder implements DecodedFrames {
  private readonly cache: FrameCache;
  private readonly decoder: VideoDecoder;
  private readonly frameByTimestamp = new Map<number, number>();
  /** Decode index of the keyframe at or before each sample. */
  private readonly keyBefore: number[] = [];
  /** The next sample to feed; undefined before the first run. */
  private cursor: number | undefined;
  /** The keyframe the decoder was last reset to: every sample from it to `cursor` has been fed. */
  private runStart = 0;
  /** Counts resets: feeding ahead for an earlier run stops once the decoder has been reset. */
  private run = 0;
  /** Frames output since the last reset: one of them missing from the cache was evicted. */
  private readonly output = new Set<number>();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private calls: Promise<unknown> = Promise.resolve();
  private destroyed = false;

  constructor(
    private readonly track: EncodedTrack,
    private readonly bytes: SampleReader,
    limits: FrameCacheLimits,
    private readonly closeTrack?: () => void,
  ) {
    this.cache = new FrameCache(limits);
    const { samples } = track;
    samples.forEach((sample, i) => {
      this.frameByTimestamp.set(sample.timestamp, sample.frame);
      this.keyBefore[i] = sample.key || i === 0 ? i : this.keyBefore[i - 1]!;
    });
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

  show(
    index: number,
    draw: (frame: VideoFrame) => void,
    superseded: () => boolean = () => false,
    drawPassing?: (frame: VideoFrame, index: number) => void,
  ): Promise<boolean> {
    const run = this.calls.then(async () => {
      const frame = await this.decodeTo(index, superseded);
      if (frame) {
        draw(frame);
        return true;
      }
      const passing = this.nearestDecodedBefore(index);
      if (passing !== undefined) drawPassing?.(this.cache.get(passing)!, passing);
      return false;
    });
    this.calls = run.catch(() => undefined);
    return run;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.failure ??= new Error('closed');
    if (this.decoder.state !== 'closed') this.decoder.close();
    this.closeTrack?.();
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

  /** The latest frame before `index` that the decoder has brought out since its last reset and the cache still holds. */
  private nearestDecodedBefore(index: number): number | undefined {
    let nearest: number | undefined;
    for (const frame of this.output) if (frame < index && (nearest === undefined || frame > nearest) && this.cache.has(frame)) nearest = frame;
    return nearest;
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

  /** The frame, once out of the decoder; undefined when superseded first. */
  private async decodeTo(index: number, superseded: () => boolean): Promise<VideoFrame | undefined> {
    const { samples, decodeIndex } = this.track;
    const target = decodeIndex[index];
    if (target === undefined) throw new RangeError(`no frame ${index}`);
    this.cache.setFocus(index);
    const key = this.keyBefore[target]!;
    const cursor = this.cursor;
    // Go on from where the decoder is when that reaches the target (stepping forward); else start
    // again from its keyframe. A frame already output but evicted needs the restart too.
    const reachable = cursor !== undefined && !this.output.has(index) && (cursor <= key ? key - cursor <= FORWARD_SAMPLES : this.runStart <= key);
    if (!this.cache.has(index) && !reachable) this.restart(key);
    let feedTo = Math.min(samples.length, target + 1 + AHEAD_SAMPLES);
    for (;;) {
      this.throwIfFailed();
      const frame = this.cache.get(index);
      if (frame) {
        // Decoded ahead while the frame is drawn (a held → finds its frames cached); only where the
        // decoder is at this frame: a frame cached from an earlier run may lie far past it.
        if (this.runStart <= target && target < this.cursor!) void this.feed(feedTo, this.run).catch(() => undefined);
        return frame;
      }
      if (this.output.has(index)) throw new Error(`frame ${index} was decoded but not kept`);
      if (superseded()) return undefined;
      if (this.cursor! < feedTo) {
        await this.feed(feedTo, this.run);
        continue;
      }
      if (this.decoder.decodeQueueSize > 0) {
        await this.nextEvent();
        continue;
      }
      if (feedTo < samples.length) {
        // Everything fed is decoded and the frame is still held back (a deeper reorder): feed on.
        feedTo = Math.min(samples.length, feedTo + AHEAD_SAMPLES);
        continue;
      }
      // The file ends here and the decoder holds back its last frames for reordering: flush them.
      // (A flushed decoder needs a keyframe next: the cursor is past the last sample, so the next
      // frame not cached restarts.)
      await this.decoder.flush();
      this.throwIfFailed();
      if (!this.cache.has(index)) throw new Error(`frame ${index} did not come out of the decoder`);
    }
  }

  /**
   * Feeds every sample from the cursor up to (not including) `end`, without waiting for the
   * decoder: its queue takes them all, and a reset drops them at once.
   */
  private async feed(end: number, run: number): Promise<void> {
    const { samples } = this.track;
    while (this.cursor! < end && run === this.run) {
      const next = this.cursor!;
      const data = await this.bytes.sample(next);
      this.throwIfFailed();
      // Another call moved the decoder on (or reset it) while the bytes were read.
      if (this.cursor !== next || run !== this.run) continue;
      const sample = samples[next]!;
      this.decoder.decode(new EncodedVideoChunk({ type: sample.key ? 'key' : 'delta', timestamp: sample.timestamp, duration: sample.duration, data }));
      this.cursor = next + 1;
    }
  }

  private restart(key: number): void {
    if (this.decoder.state === 'configured') this.decoder.reset();
    this.decoder.configure(this.track.config);
    this.output.clear();
    this.run++;
    this.cursor = key;
    this.runStart = key;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
