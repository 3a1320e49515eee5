/**
 * A frame-exact video player without UI: a `<video>` element (never shown) streams the file,
 * every presented frame is copied into `canvas` (asset size) from a `requestVideoFrameCallback`
 * loop, and the frame index comes from that callback's `mediaTime` (frame-clock.ts), so
 * `frame` is the frame whose pixels are in `canvas`, whatever `currentTime` says.
 *
 * Seeks go to the middle of the target frame and wait for `seeked` and the presented frame.
 * Seeks requested while one runs are coalesced (scrubbing asks for many; only the latest
 * matters). One player per element: no shared state.
 */
import { LabelkitError, type ErrorInfo } from '../../core/errors.js';
import { probeContainer, type ContainerInfo, type RangeReader } from './container-probe.js';
import { createFrameClock, frameTotalFromDuration, type FrameClock } from './frame-clock.js';
import { estimateFrameRate, resolveFrameRate, type FrameRate } from './frame-rate.js';
import { mediaErrorInfo } from './media-error.js';
import type { DecodedFrames } from './decode/frame-decoder.js';

/**
 * Who decodes the frames a seek or step shows: `webcodecs` (a `VideoDecoder` fed from the file's
 * own samples, where the browser can: MP4 or WebM with a supported codec) or `element` (the `<video>`).
 * Playback always streams through the `<video>`.
 */
export type FrameDecoding = 'webcodecs' | 'element';

export interface VideoPlayerOptions {
  /** The URL the `<video>` streams from (used byte for byte, never logged). */
  url: string;
  /** The host's frame rate (`frame-rate` attribute): a number or a ratio string. */
  frameRate?: unknown;
  /** Byte ranges of the file, for reading the frame rate from its headers. */
  readRange?: RangeReader;
  signal?: AbortSignal;
  /**
   * A new frame is in `canvas`. Not called for the frames a reload or probe passes through.
   * `passing` is true for a frame shown on the way to a later seek target (scrubbing asks for
   * frames faster than they decode): its pixels are the nearest decoded frame, but the position
   * asked for is still the target, which follows.
   */
  onFrame?(frame: number, passing: boolean): void;
  /** Play, pause, rate or end changed. */
  onPlaybackChange?(): void;
  /**
   * Something failed after the video opened: `'media'` when the stream itself failed (an expired
   * URL looks like this), `'frame'` when a seek could not show its frame (a truncated file).
   */
  onError?(info: ErrorInfo, kind: 'media' | 'frame'): void;
  /**
   * `auto` (default) buffers ahead for smooth stepping; `metadata` fetches only what is shown
   * (long videos on metered links).
   */
  preload?: 'auto' | 'metadata';
  /** Milliseconds to wait for the file to open and for each seek. */
  timeoutMs?: number;
  /**
   * `webcodecs` (default): seeks and steps decode with WebCodecs where the file and browser allow
   * (needs `readRange`), else with the `<video>`; `element`: always the `<video>`.
   */
  decoding?: FrameDecoding;
}

export interface VideoPlayer {
  /** The media element (not in the document). */
  readonly video: HTMLVideoElement;
  /**
   * The presented frame's pixels, `width` × `height`. A reload gives a new canvas (the stream
   * that failed may have tainted the old one), so read this after each reload.
   */
  readonly canvas: HTMLCanvasElement;
  readonly width: number;
  readonly height: number;
  readonly clock: FrameClock;
  readonly frameRate: FrameRate;
  readonly duration: number;
  /** The frame whose pixels are in `canvas`. */
  readonly frame: number;
  /** The frame the seeks asked for so far go to (`frame` when none is pending). */
  readonly target: number;
  /** Who decodes the frames seeks show now; `element` until the WebCodecs path is open, and after any failure. */
  readonly decoding: FrameDecoding;
  /** Resolves with `decoding` once the WebCodecs path has opened or been ruled out. */
  readonly decodingReady: Promise<FrameDecoding>;
  /** Decoded frames held around the playhead (WebCodecs only), and their bound. */
  readonly decodedCache: DecodedFrames['cached'] | undefined;
  readonly paused: boolean;
  playbackRate: number;
  muted: boolean;
  play(): Promise<void>;
  /** Pauses; resolves with the frame shown. */
  pause(): Promise<number>;
  /** Shows frame `frame` (clamped); resolves with the frame actually shown. */
  seekToFrame(frame: number): Promise<number>;
  /** Pauses and moves `delta` frames. */
  step(delta: number): Promise<number>;
  /** Resolves with the frame shown once the seeks asked for so far are done. */
  settled(): Promise<number>;
  /**
   * Points the video at a fresh URL (an expired signed URL), keeping the play state; shows `frame`
   * (default: the frame last asked for, else the one shown).
   */
  reload(url: string, frame?: number): Promise<void>;
  destroy(): void;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** After `seeked`, how long to wait for the frame to be presented before trusting the element. */
const PRESENT_SETTLE_MS = 400;
/** After pausing, how long a frame already on its way to the screen may take. */
const PAUSE_SETTLE_MS = 50;
const ESTIMATE_SAMPLES = 30;
const ESTIMATE_MAX_MS = 2000;

/** Opens `options.url`; resolves once the first frame is in `canvas` and the frame rate is known. */
export async function openVideo(options: VideoPlayerOptions): Promise<VideoPlayer> {
  const player = new FramePlayer(options);
  try {
    await player.open();
    return player;
  } catch (error) {
    player.destroy();
    throw error;
  }
}

type FrameWaiter = (frame: number) => void;

class FramePlayer implements VideoPlayer {
  readonly video: HTMLVideoElement;
  canvas: HTMLCanvasElement;
  clock: FrameClock = createFrameClock({ fps: 30, frameTotal: 1 });
  frameRate: FrameRate = { fps: 30, source: 'default' };
  frame = 0;

  private readonly options: VideoPlayerOptions;
  /** The URL the video streams from now (the last reload's). */
  private url: string;
  /** Reloads run one after the other: a reopen after a failure and a host's fresh URL may overlap. */
  private reloads: Promise<void> = Promise.resolve();
  private context: CanvasRenderingContext2D;
  private readonly timeoutMs: number;
  private callbackId = 0;
  private firstMediaTime: number | undefined;
  private presentedMediaTime: number | undefined;
  private readonly frameWaiters = new Set<FrameWaiter>();
  private quiet = true;
  /** The last frame passed to `onFrame`, and whether it was passing. */
  private announced = -1;
  private announcedPassing = false;
  private opening = true;
  private seekTarget: number | undefined;
  /** The frame last asked for until it is shown: a reload after a failed seek goes there. */
  private requested: number | undefined;
  private seeking: Promise<number> | undefined;
  private pausing: Promise<void> | undefined;
  private destroyed = false;
  /** Aborted by destroy(): a reload still on its way stops before it sets a URL. */
  private readonly lifetime = new AbortController();
  private readonly mediaTimes: number[] = [];
  private collectTimes = false;
  /** play() was asked for and no pause, seek or end since (what a reload goes back to). */
  private playRequested = false;
  /**
   * A seek paused playback: a frame decoded before the pause may still reach the screen, so the
   * seek is made even to the frame shown (its presented frame replaces the late one).
   */
  private playbackInterrupted = false;
  /** Counts play, pause and seek calls: a play() that waited finds out whether another came after it. */
  private controlCalls = 0;
  decodingReady: Promise<FrameDecoding> = Promise.resolve('element');
  /** The WebCodecs path while it opens (see openDecoded). */
  private decodingOpen: Promise<DecodedFrames | undefined> | undefined;
  /** WebCodecs frames for seeks while paused (decode/frame-decoder.ts); undefined on the `<video>` path. */
  private decoded: DecodedFrames | undefined;
  /**
   * The canvas holds a decoded frame and the `<video>` stands elsewhere: its own presented frames
   * are not drawn while paused, and play() seeks it to the frame shown first.
   */
  private decodedShown = false;

  constructor(options: VideoPlayerOptions) {
    this.options = options;
    this.url = options.url;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.preload = options.preload ?? 'auto';
    // Pixels of a cross-origin video may only reach a canvas (and WebGL) with CORS.
    video.crossOrigin = 'anonymous';
    video.disableRemotePlayback = true;
    this.video = video;
    [this.canvas, this.context] = frameCanvas();
    for (const type of ['play', 'pause', 'ratechange', 'ended', 'volumechange'] as const) video.addEventListener(type, this.onPlaybackEvent);
    video.addEventListener('ended', this.onEnded);
    video.addEventListener('error', this.onMediaError);
  }

  get width(): number {
    return this.canvas.width;
  }

  get height(): number {
    return this.canvas.height;
  }

  get duration(): number {
    return this.video.duration;
  }

  get target(): number {
    return this.seekTarget ?? this.requested ?? this.frame;
  }

  get decoding(): FrameDecoding {
    return this.decoded ? 'webcodecs' : 'element';
  }

  get decodedCache(): DecodedFrames['cached'] | undefined {
    return this.decoded?.cached;
  }

  get paused(): boolean {
    return this.video.paused;
  }

  get playbackRate(): number {
    return this.video.playbackRate;
  }

  set playbackRate(rate: number) {
    if (Number.isFinite(rate)) this.video.playbackRate = Math.max(0.0625, Math.min(16, rate));
  }

  get muted(): boolean {
    return this.video.muted;
  }

  set muted(muted: boolean) {
    this.video.muted = muted;
  }

  // ---- opening ----------------------------------------------------------------------------------

  async open(): Promise<void> {
    const { signal } = this.options;
    const reads = this.options.readRange && sharedWhileOpening(this.options.readRange);
    try {
      await this.openWith(signal, reads?.read);
    } catch (error) {
      // The decoder may still be opening: it must not outlive a video that failed to open.
      void this.decodingOpen?.then((frames) => frames?.destroy());
      throw error;
    } finally {
      reads?.release();
    }
  }

  private async openWith(signal: AbortSignal | undefined, readRange: RangeReader | undefined): Promise<void> {
    const probe: Promise<ContainerInfo | undefined> =
      readRange && this.options.frameRate === undefined ? probeContainer(readRange).catch(() => undefined) : Promise.resolve(undefined);
    const decoded = (this.decodingOpen = this.openDecoded(readRange));
    this.watchFrames();
    await this.load(this.options.url, signal);
    if (this.video.videoWidth === 0 || this.video.videoHeight === 0) {
      throw new LabelkitError({ code: 'asset-unsupported', message: 'The file has no video track this browser can show.' });
    }
    await this.resolveDuration(signal);
    await this.waitForFirstFrame(signal);
    const container = await probe;
    let estimated: number | undefined;
    const host = resolveFrameRate({ host: this.options.frameRate });
    if (host.source !== 'host' && container?.fps === undefined) estimated = await this.estimateRate(signal);
    this.frameRate = resolveFrameRate({ host: this.options.frameRate, container: container?.fps, estimated });
    const { fps } = this.frameRate;
    const origin = this.firstMediaTime ?? 0;
    const fromDuration = frameTotalFromDuration(this.video.duration, fps, origin);
    // The MP4 sample count is exact; the duration is rounded (and may include other tracks).
    const frameTotal =
      container?.frameTotal !== undefined && Math.abs(container.frameTotal - fromDuration) <= 2 ? container.frameTotal : fromDuration;
    this.clock = createFrameClock({ fps, frameTotal, origin, duration: this.video.duration });
    if (this.presentedMediaTime !== undefined) this.frame = this.clock.frameAt(this.presentedMediaTime);
    // Seeks use the decoder once it is open (the video does not wait for it: its index is parsed
    // meanwhile), and only when it counts the frames the clock does (frame n is the n-th sample).
    this.decodingReady = decoded.then((frames) => {
      if (frames && frames.frameTotal === this.clock.frameTotal && !this.destroyed) this.decoded = frames;
      else frames?.destroy();
      return this.decoding;
    });
    if (this.frame !== 0) await this.seekOnce(0);
    this.opening = false;
    this.quiet = false;
    this.announced = this.frame;
  }

  /**
   * The WebCodecs path, loaded on demand (mp4box.js and the decoder are their own chunk), opened in
   * parallel with the `<video>`; undefined where it does not apply or fails to open.
   */
  private openDecoded(read: RangeReader | undefined): Promise<DecodedFrames | undefined> {
    if ((this.options.decoding ?? 'webcodecs') !== 'webcodecs' || !read) return Promise.resolve(undefined);
    const readWholeWebm = this.options.preload !== 'metadata';
    return import('./decode/frame-decoder.js')
      .then(({ openDecodedFrames }) => openDecodedFrames(read, { readWholeWebm }))
      .catch(() => undefined);
  }

  /** Sets `src` and waits until the first frame is decodable. A destroyed player requests nothing. */
  private load(url: string, signal: AbortSignal | undefined): Promise<void> {
    const until = signal ? AbortSignal.any([signal, this.lifetime.signal]) : this.lifetime.signal;
    return this.waitForEvent('loadeddata', until, this.timeoutMs, {
      timeoutMessage: 'The video did not start loading in time.',
      start: () => {
        this.video.src = url;
        this.video.load();
      },
    });
  }

  /** Files written by MediaRecorder have no duration until the end has been seen. */
  private async resolveDuration(signal: AbortSignal | undefined): Promise<void> {
    const video = this.video;
    if (Number.isFinite(video.duration)) return;
    video.currentTime = Number.MAX_SAFE_INTEGER;
    await this.waitForEvent('durationchange', signal, this.timeoutMs).catch(() => undefined);
    video.currentTime = 0;
    await this.waitForEvent('seeked', signal, this.timeoutMs).catch(() => undefined);
  }

  /**
   * Waits for the first frame to reach `canvas`. `loadeddata` alone does not prove there is one: a
   * file with its index but no frame data (a download cut off after the MP4 moov or the WebM
   * header) opens, and shows black. Throws `asset-load` when no frame can be decoded.
   */
  private async waitForFirstFrame(signal: AbortSignal | undefined): Promise<void> {
    if (this.presentedMediaTime !== undefined) return;
    await this.nextFrame(PRESENT_SETTLE_MS);
    if (this.presentedMediaTime !== undefined) return;
    // Nothing reached the screen yet: a seek to the start makes the decoder produce the first frame.
    const presented = this.nextFrame(this.timeoutMs);
    await this.waitForEvent('seeked', signal, this.timeoutMs, { start: () => (this.video.currentTime = 0) }).catch((error: unknown) => {
      if (signal?.aborted || this.lifetime.signal.aborted) throw error;
    });
    await Promise.race([presented, delay(PRESENT_SETTLE_MS)]);
    if (this.presentedMediaTime !== undefined) return;
    if (this.video.getVideoPlaybackQuality().totalVideoFrames === 0) {
      throw new LabelkitError({ code: 'asset-load', message: 'The video has no frame that can be decoded; the file may be truncated or damaged.' });
    }
    this.draw();
  }

  /** Plays muted for a few frames and reads the rate from the media times presented. */
  private async estimateRate(signal: AbortSignal | undefined): Promise<number | undefined> {
    const video = this.video;
    const muted = video.muted;
    video.muted = true;
    this.mediaTimes.length = 0;
    this.collectTimes = true;
    try {
      await video.play();
      const started = performance.now();
      while (this.mediaTimes.length < ESTIMATE_SAMPLES && performance.now() - started < ESTIMATE_MAX_MS && !video.ended) {
        if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
        await this.nextFrame(250);
      }
    } catch (error) {
      if (signal?.aborted) throw error;
    } finally {
      this.collectTimes = false;
      video.pause();
      video.muted = muted;
    }
    return estimateFrameRate(this.mediaTimes);
  }

  // ---- frames -----------------------------------------------------------------------------------

  private watchFrames(): void {
    this.callbackId = this.video.requestVideoFrameCallback(this.onVideoFrame);
  }

  private readonly onVideoFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    if (this.destroyed) return;
    this.callbackId = this.video.requestVideoFrameCallback(this.onVideoFrame);
    // Paused on a decoded frame: a late frame of the `<video>` (it stands elsewhere) must not replace it.
    if (this.decodedShown && this.video.paused) return;
    this.firstMediaTime ??= metadata.mediaTime;
    this.presentedMediaTime = metadata.mediaTime;
    if (this.collectTimes) this.mediaTimes.push(metadata.mediaTime);
    this.draw();
    // While opening the clock is a placeholder of one frame: every frame reads as 0.
    const frame = this.clock.frameAt(metadata.mediaTime);
    this.frame = frame;
    for (const waiter of [...this.frameWaiters]) waiter(frame);
    if (!this.quiet && frame !== this.announced) this.announce(frame);
  };

  private announce(frame: number, passing = this.isPassing(frame)): void {
    this.announced = frame;
    this.announcedPassing = passing;
    this.options.onFrame?.(frame, passing);
  }

  private isPassing(frame: number): boolean {
    return this.seekTarget !== undefined || (this.seeking !== undefined && this.requested !== undefined && frame !== this.requested);
  }

  private draw(): void {
    const video = this.video;
    const { videoWidth: width, videoHeight: height } = video;
    // A stream that failed (an HTTP refusal mid-file) counts as cross-origin: its frames would
    // taint the canvas for good. (reload() starts a clean canvas for frames drawn before the error.)
    if (!width || !height || video.error) return;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.context.drawImage(video, 0, 0, width, height);
  }

  /** Resolves with the next presented frame, or undefined after `timeoutMs`. */
  private nextFrame(timeoutMs: number, accept: (frame: number) => boolean = () => true): Promise<number | undefined> {
    return new Promise((resolve) => {
      const waiter: FrameWaiter = (frame) => {
        if (!accept(frame)) return;
        this.frameWaiters.delete(waiter);
        clearTimeout(timer);
        resolve(frame);
      };
      const timer = setTimeout(() => {
        this.frameWaiters.delete(waiter);
        resolve(undefined);
      }, timeoutMs);
      this.frameWaiters.add(waiter);
    });
  }

  /**
   * Resolves on the video's next `type` event; rejects on a media error, an abort or a timeout.
   * `start` runs once the listeners are in place (so an event it triggers is not missed).
   */
  private waitForEvent(
    type: string,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    options: { timeoutMessage?: string; start?: () => void } = {},
  ): Promise<void> {
    const video = this.video;
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        video.removeEventListener(type, onEvent);
        video.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
      };
      const onEvent = () => {
        cleanup();
        resolve();
      };
      const onError = () => {
        cleanup();
        reject(new LabelkitError(mediaErrorInfo(video.error)));
      };
      const onAbort = () => {
        cleanup();
        reject(new DOMException('Aborted', 'AbortError'));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new LabelkitError({ code: 'asset-load', message: options.timeoutMessage ?? `The video did not answer in time (${type}).` }));
      }, timeoutMs);
      if (signal?.aborted) return onAbort();
      video.addEventListener(type, onEvent);
      video.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort);
      options.start?.();
    });
  }

  // ---- control ----------------------------------------------------------------------------------

  async play(): Promise<void> {
    if (this.destroyed) return;
    const call = ++this.controlCalls;
    // Calls take effect in the order they were made: a seek asked for before lands first and
    // playback goes on from there; a seek or pause asked for after wins (no playing then).
    await this.pausing;
    await this.seeking;
    if (call !== this.controlCalls || this.destroyed) return;
    if (this.frame >= this.clock.frameTotal - 1 || this.video.ended) {
      await this.goTo(0);
      if (call !== this.controlCalls || this.destroyed) return;
    }
    if (this.decodedShown) {
      // Playback streams through the `<video>`: it goes to the decoded frame shown first.
      this.decodedShown = false;
      await this.seekElement(this.frame);
      if (call !== this.controlCalls || this.destroyed) return;
    }
    this.playRequested = true;
    try {
      await this.video.play();
    } catch (error) {
      // A pause or seek that came while play() was starting interrupts it; that is no failure.
      if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
    }
  }

  async pause(): Promise<number> {
    const wasPlaying = !this.video.paused;
    this.controlCalls++;
    this.playRequested = false;
    this.video.pause();
    if (wasPlaying && !this.destroyed) this.pausing ??= this.settlePause().finally(() => (this.pausing = undefined));
    await this.pausing;
    await this.seeking;
    return this.frame;
  }

  /**
   * After a pause a frame decoded before it may still reach the screen, and under load the frame
   * drawn in a frame callback can be newer than the one it reports. So the video is sought to the
   * last frame reported: its position, its pixels in `canvas` and `frame` agree, and the next step
   * counts from what the user sees.
   */
  private async settlePause(): Promise<void> {
    await delay(PAUSE_SETTLE_MS);
    await this.seeking;
    if (!this.destroyed && this.video.paused && !this.video.error) await this.seekOnce(this.frame);
  }

  seekToFrame(frame: number): Promise<number> {
    this.controlCalls++;
    return this.goTo(frame);
  }

  /** A seek that does not count as a call of its own (play's restart from 0, the end of playback). */
  private goTo(frame: number): Promise<number> {
    if (this.destroyed) return Promise.resolve(this.frame);
    this.playRequested = false;
    if (!this.video.paused) {
      this.video.pause();
      this.playbackInterrupted = true;
    }
    this.seekTarget = this.clock.clampFrame(frame);
    this.requested = this.seekTarget;
    this.seeking ??= this.runSeeks();
    return this.seeking;
  }

  /** Goes to each target asked for until none is left; cleared from `seeking` as it ends. */
  private async runSeeks(): Promise<number> {
    // Yield first, so `seeking` holds this promise before the loop can end: with nothing to do
    // (the frame already shown) it would end synchronously, and its `finally` would run before
    // `seeking` was set, leaving a finished promise there that every later seek would join.
    await Promise.resolve();
    try {
      for (let first = true; this.seekTarget !== undefined; first = false) {
        // Failed on the way: whoever handles the failure (a reload with a fresh URL) goes on to
        // the target left, and a reopen from here would race it with the URL that just failed.
        if (this.video.error && !first) break;
        const target = this.seekTarget;
        this.seekTarget = undefined;
        if (this.video.error) {
          // Failed before this seek (a damaged part of the file) and stays failed: reopen it there.
          if (this.quiet || this.destroyed) break;
          await this.reopen(target);
          if (this.video.error) break;
        } else if (this.playbackInterrupted || !this.standsOn(target)) {
          this.playbackInterrupted = false;
          await this.seekOnce(target);
        }
      }
      if (!this.video.error) this.requested = undefined;
      // The frame shown now is where the seeks ended (the target, or what a damaged file gave).
      // (After a media error the caller decides: a reload goes on to the frame asked for.)
      if (!this.quiet && !this.destroyed && !this.video.error && (this.announced !== this.frame || this.announcedPassing)) this.announce(this.frame, false);
      return this.frame;
    } finally {
      this.seeking = undefined;
    }
  }

  /**
   * The target is shown and the video stands on it. The frame shown alone is not enough: after a
   * seek that went on to a later target without waiting, the video may already stand elsewhere
   * while its old frame is still on screen.
   */
  private standsOn(target: number): boolean {
    const video = this.video;
    if (this.decodedShown) return target === this.frame;
    return target === this.frame && !video.seeking && this.clock.frameContaining(video.currentTime) === target;
  }

  async settled(): Promise<number> {
    while (this.seeking || this.pausing) {
      await this.pausing;
      await this.seeking;
    }
    return this.frame;
  }

  step(delta: number): Promise<number> {
    const from = this.seekTarget ?? this.frame;
    return this.seekToFrame(from + Math.round(delta));
  }

  /** Shows `target`: decoded with WebCodecs while paused where that path is open, else by the `<video>`. */
  private async seekOnce(target: number): Promise<void> {
    if (this.decoded && this.video.paused && !this.opening && (await this.seekDecoded(this.decoded, target))) return;
    await this.seekElement(target);
  }

  /**
   * True when the decoder handled `target`: drew it, or gave it up for a later target asked for
   * meanwhile (scrubbing: the latest position is what counts). A failed read (the network, an
   * expired URL) is left to the `<video>` for this seek, which reports it as before; a decoder
   * failure hands every later seek to the `<video>` too.
   */
  private async seekDecoded(decoded: DecodedFrames, target: number): Promise<boolean> {
    try {
      await decoded.show(
        target,
        (frame) => this.drawDecoded(frame, target),
        () => this.seekTarget !== undefined,
        // Overtaken: the frame its decode reached is shown on the way (announced as passing).
        (frame, passing) => this.drawDecoded(frame, passing),
      );
      return true;
    } catch (error) {
      if (this.destroyed) return true;
      if (!(error instanceof LabelkitError)) this.dropDecoded();
      this.decodedShown = false;
      return false;
    }
  }

  private drawDecoded(frame: VideoFrame, target: number): void {
    if (this.destroyed) return;
    const width = this.video.videoWidth || frame.displayWidth;
    const height = this.video.videoHeight || frame.displayHeight;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.context.drawImage(frame, 0, 0, width, height);
    this.decodedShown = true;
    this.frame = target;
    for (const waiter of [...this.frameWaiters]) waiter(target);
    if (!this.quiet && target !== this.announced) this.announce(target);
  }

  private dropDecoded(): void {
    this.decoded?.destroy();
    this.decoded = undefined;
  }

  private async seekElement(target: number): Promise<void> {
    const video = this.video;
    const presented = this.nextFrame(this.timeoutMs, (frame) => frame === target);
    video.currentTime = this.clock.seekTime(target);
    try {
      await this.waitForEvent('seeked', undefined, this.timeoutMs);
    } catch (error) {
      // A media error is reported by onMediaError; a seek that never ends is reported here.
      if (!this.destroyed && !video.error) this.options.onError?.(error instanceof LabelkitError ? error.info : mediaErrorInfo(null), 'media');
      return;
    }
    // A later target is already asked for (scrubbing): go on to it without waiting for this frame
    // to reach the screen; it is shown when it does, as the nearest decoded frame.
    if (this.seekTarget !== undefined) return;
    const shown = await Promise.race([presented, delay(PRESENT_SETTLE_MS).then(() => undefined)]);
    if (this.destroyed) return;
    // Paused after 'seeked', the video's current frame is the target: make sure the canvas holds it
    // (a seek to the frame already shown may present nothing new).
    if (video.paused && !video.error && (shown !== undefined || this.frame === target)) {
      this.draw();
      // New pixels without a frame callback: whoever shows the canvas must know.
      if (shown === undefined && !this.quiet) this.announce(this.frame, false);
    }
    if (shown !== undefined) return;
    if (this.frame === target) return;
    // No new frame reached the screen: the data for it is missing (a truncated file) or the
    // element kept the frame it had. Report what is really shown.
    this.options.onError?.({ code: 'asset-load', message: `Frame ${target} could not be shown; the file may be truncated or damaged.` }, 'frame');
  }

  /** Reopens the URL in use on `target` after a failure; a failure on the way is reported, not thrown. */
  private async reopen(target: number): Promise<void> {
    try {
      await this.reload(this.url, target);
    } catch (error) {
      if (!this.destroyed) this.options.onError?.(error instanceof LabelkitError ? error.info : mediaErrorInfo(this.video.error), 'media');
    }
  }

  reload(url: string, target?: number): Promise<void> {
    const run = this.reloads.then(() => this.reloadNow(url, target));
    this.reloads = run.catch(() => undefined);
    return run;
  }

  private async reloadNow(url: string, target?: number): Promise<void> {
    if (this.destroyed) return;
    this.url = url;
    const frame = target ?? this.seekTarget ?? this.requested ?? this.frame;
    this.seekTarget = undefined;
    // The intent, not `paused`: a stream that fails mid-playback may stop as paused.
    const wasPlaying = this.playRequested;
    const rate = this.video.playbackRate;
    this.quiet = true;
    try {
      this.video.pause();
      this.decodedShown = false;
      this.presentedMediaTime = undefined;
      [this.canvas, this.context] = frameCanvas();
      await this.load(url, undefined);
      await this.waitForFirstFrame(this.lifetime.signal);
      this.video.playbackRate = rate;
      // Playing on: the `<video>` itself must stand on the frame.
      await (wasPlaying ? this.seekElement(frame) : this.seekOnce(frame));
      if (!this.video.error) this.requested = undefined;
    } finally {
      this.quiet = false;
    }
    if (this.destroyed) return;
    // The frame asked for is in the damaged part: the video failed again (reported as it was hidden).
    if (this.video.error) this.options.onError?.(mediaErrorInfo(this.video.error), 'media');
    this.announce(this.frame);
    if (wasPlaying) await this.video.play();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.lifetime.abort();
    this.dropDecoded();
    this.video.cancelVideoFrameCallback(this.callbackId);
    for (const type of ['play', 'pause', 'ratechange', 'ended', 'volumechange'] as const) this.video.removeEventListener(type, this.onPlaybackEvent);
    this.video.removeEventListener('error', this.onMediaError);
    this.video.removeEventListener('ended', this.onEnded);
    this.video.pause();
    this.video.removeAttribute('src');
    this.video.load();
    this.frameWaiters.clear();
  }

  /** Fast playback may drop the last frames before the screen: end on the last frame, shown. */
  private readonly onEnded = () => {
    this.playRequested = false;
    const last = this.clock.frameTotal - 1;
    if (!this.opening && !this.destroyed && this.frame !== last) void this.goTo(last);
  };

  private readonly onPlaybackEvent = () => {
    if (!this.opening && !this.destroyed) this.options.onPlaybackChange?.();
  };

  /** Errors outside `load()` (which reports its own): a stream that fails mid-session. */
  private readonly onMediaError = () => {
    if (this.opening || this.quiet || this.destroyed) return;
    this.options.onError?.(mediaErrorInfo(this.video.error), 'media');
  };
}

/**
 * The frame-rate probe and the decoder's index read the same head and `moov` ranges while the
 * video opens: identical reads share one request until `release()`, then every read goes through.
 */
function sharedWhileOpening(read: RangeReader): { read: RangeReader; release(): void } {
  let shared: Map<string, Promise<Uint8Array>> | undefined = new Map();
  return {
    read(start, end) {
      if (!shared) return read(start, end);
      const key = `${start}-${end}`;
      let bytes = shared.get(key);
      if (!bytes) shared.set(key, (bytes = read(start, end)));
      return bytes;
    },
    release: () => (shared = undefined),
  };
}

function frameCanvas(): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new LabelkitError({ code: 'render-failed', message: 'No 2D canvas is available for video frames.' });
  return [canvas, context];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
