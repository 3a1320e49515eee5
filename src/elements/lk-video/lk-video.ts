import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Texture } from 'pixi.js';
import { LabelkitError, type ErrorInfo } from '../../core/errors.js';
import type { ObjectAnnotation } from '../../core/model.js';
import type { PlaneModel } from '../../core/session.js';
import type { Surface } from '../../canvas/surface.js';
import type { AssetMetadata, VideoMetadata } from '../../format/types.js';
import { isAbortError, type AssetLoader } from '../../host/asset-loader.js';
import { readAssetRange } from '../../host/asset-range.js';
import type { RangeReader } from '../../media/video/container-probe.js';
import { formatMediaTime } from '../../media/video/frame-clock.js';
import type { FrameRateSource } from '../../media/video/frame-rate.js';
import { addKeyframeAt, bringBackAt, copyShapeToFrames, deleteKeyframeAt, keyframesForAnswers, moveKeyframeTo, neighbourKeyframe, stopTrack } from '../../media/video/track-edits.js';
import { nearestVisibleFrame } from '../../media/video/nearest-visible-frame.js';
import { openVideo, type FrameDecoding, type VideoPlayer, type VideoPlayerOptions } from '../../media/video/video-player.js';
import { annotatorLayoutStyles } from '../base/layout.styles.js';
import { isTypingTarget, type KeyAction } from '../base/keymap.js';
import { SurfaceElement } from '../base/surface-element.js';
import { elementShortcutsContext } from '../panels/shared/element-shortcuts.js';
import { icons } from '../panels/shared/icons.js';
import { VIDEO_SHORTCUTS } from './video-shortcuts.js';
import { videoStyles } from './lk-video.styles.js';

const PLAYBACK_RATES = [0.25, 0.5, 1, 1.5, 2, 4] as const;
const HOVER_TOLERANCE_PX = 6;

/** Byte ranges of the asset through the host contract (refresh on 403 included), for the container probe. */
function loaderRangeReader(loader: AssetLoader, signal: AbortSignal): RangeReader {
  return (start, end) => readAssetRange(loader, signal, start, end);
}

function blobRangeReader(blob: Blob): RangeReader {
  return async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/**
 * Label a video frame by frame: every 2D tool on any frame, tracks of keyframes interpolated
 * between them (FORMAT.md §2.1), objects that leave the scene (`interpolationStopped`) and come
 * back, frame-specific classifications, a timeline with scrubbing and keyframe editing.
 *
 * The frame index is exact: it comes from the presented frame's media time and the frame rate
 * (`frame-rate` attribute, else the file's headers, else estimated from playback, else 30).
 *
 * Keys: Space plays/pauses (a Space drag pans instead); ← → step a frame and Shift+← → ten when
 * nothing is selected (with a selection they nudge it; Alt+← → always step); Home/End first/last
 * frame; `,` `.` previous/next keyframe; S stops the object under the pointer on this frame;
 * Ctrl+Shift+→ / ↓ / End copy the selection to the next frame / next N frames / the end; Tab walks
 * every track, bringing the playhead to one that is not on this frame.
 *
 * @tagname lk-video
 * @summary Video labeling element.
 *
 * @csspart video-controls - The player bar and timeline under the stage.
 * @csspart transport - The player bar (play, step, frame, time, rate, keyframe buttons).
 * @cssproperty [--lk-timeline-height=168px] - Height of the player bar plus timeline.
 */
export class LkVideo extends SurfaceElement {
  static override styles = [annotatorLayoutStyles, videoStyles];
  protected static override planeModel: PlaneModel = 'track';

  /**
   * Frames per second (`29.97`, `30000/1001`). Overrides what the file says; read when the video
   * loads. Set it when the file's own rate is missing or wrong (variable-rate recordings).
   */
  @property({ type: String, attribute: 'frame-rate' }) frameRate = '';

  /**
   * `auto` (default) buffers ahead so stepping and playback are smooth; `metadata` fetches only
   * what is shown (long videos, metered links). Read when the video loads.
   */
  @property({ type: String }) preload: 'auto' | 'metadata' = 'auto';

  /**
   * Who decodes the frames that seeks, steps and scrubbing show. `webcodecs` (default): a WebCodecs
   * `VideoDecoder` fed from the file's samples, with a small cache of frames around the playhead,
   * where the browser supports the file's codec (MP4 and WebM); anything else, and any decoder
   * failure, falls back to the `<video>` element. `element`: always the `<video>` element.
   * Playback streams through the `<video>` either way. Read when the video loads.
   */
  @property({ type: String }) decoding: FrameDecoding = 'webcodecs';

  @state() private playing = false;
  @state() private rate = 1;
  /** How many frames "Copy to next" copies the selection onto. */
  @state() private copyCount = 1;

  private player: VideoPlayer | undefined;
  private texture: Texture | undefined;
  private objectUrl: string | undefined;
  private syncingFromPlayer = false;
  /** The stream is being reopened from a fresh URL (see onPlayerError). */
  private recovery: Promise<void> | undefined;
  /** Stops the recovery (its URL check and reload) when the player is let go. */
  private recoveryAbort: AbortController | undefined;
  /** The status line shows a failure from after loading (see showSessionError). */
  private sessionErrorShown = false;
  /** The selection as last seen, to tell a newly picked track from one kept (see followSelection). */
  private lastSelection: readonly string[] = [];
  /** A click on the timeline is under way: a track picked by its row stays on this frame (see followSelection). */
  private clickOnTimeline = false;
  private readonly onTimelineClick = {
    handleEvent: () => {
      this.clickOnTimeline = true;
      setTimeout(() => (this.clickOnTimeline = false));
    },
    capture: true,
  };
  private spaceDown = false;
  private spaceDragged = false;
  private pointer: { clientX: number; clientY: number } | undefined;
  private stageListenersOn: HTMLElement | undefined;

  constructor() {
    super();
    // The shortcut help inside this element lists these keys too.
    new ContextProvider(this, { context: elementShortcutsContext, initialValue: VIDEO_SHORTCUTS });
    this.session.subscribe((topic) => {
      if (topic === 'plane') this.followPlane();
      if (topic === 'selection') this.followSelection();
    });
    this.session.store.subscribe((change) => {
      if (change.origin !== 'user' || change.phase !== 'commit' || change.reason !== 'classify') return;
      const ids = change.objects.filter((c) => c.after !== undefined).map((c) => c.id);
      // After the classify transaction has reached every listener; it joins that answer's undo step.
      if (ids.length) queueMicrotask(() => this.keyframeAnswers(ids));
    });
    this.addEventListener('keydown', this.onVideoKeyDown);
    this.addEventListener('keyup', this.onVideoKeyUp);
  }

  // ---- public API -------------------------------------------------------------------------------

  /** The 0-based frame shown (the `page` of export entries). Setting it seeks. */
  get currentFrame(): number {
    return this.session.plane;
  }

  set currentFrame(frame: number) {
    this.session.setPlane(frame);
  }

  /** Number of frames; 0 before the video has loaded. */
  get frameTotal(): number {
    return this.player?.clock.frameTotal ?? 0;
  }

  /** The frame rate in use, and where it came from (`host`, `container`, `estimated`, `default`). */
  get effectiveFrameRate(): { fps: number; source: FrameRateSource } | undefined {
    return this.player ? { ...this.player.frameRate } : undefined;
  }

  /** Who decodes the frames shown on seeks now (`webcodecs` or `element`); undefined before the video loads. */
  get decodingPath(): FrameDecoding | undefined {
    return this.player?.decoding;
  }

  /**
   * Resolves with `decodingPath` once the WebCodecs path has opened or been ruled out: the video is
   * ready (`lk-ready`) without waiting for it, and seeks made before use the `<video>` element.
   */
  get decodingReady(): Promise<FrameDecoding | undefined> {
    return this.player?.decodingReady ?? Promise.resolve(undefined);
  }

  /**
   * The decoded frames held around the playhead on the WebCodecs path (count and bytes) and the
   * bound they stay within; undefined on the `<video>` path.
   */
  get decodedFrames(): { frames: number; bytes: number; limits: { maxFrames: number; maxBytes: number } } | undefined {
    return this.player?.decodedCache;
  }

  /** Media time of the current frame's start, in seconds. */
  get currentTime(): number {
    return this.player ? this.player.clock.startTime(this.session.plane) : 0;
  }

  /** True unless the video is playing. */
  get paused(): boolean {
    return this.player?.paused ?? true;
  }

  /** Playback speed (1 = normal); values that are not positive numbers are ignored. */
  get playbackRate(): number {
    return this.rate;
  }

  set playbackRate(rate: number) {
    if (!Number.isFinite(rate) || rate <= 0) return;
    this.rate = rate;
    if (this.player) this.player.playbackRate = rate;
  }

  async play(): Promise<void> {
    this.clearSessionError();
    await this.player?.play();
    this.playing = !this.paused;
  }

  /** Pauses; resolves with the frame shown. */
  async pause(): Promise<number> {
    const frame = (await this.player?.pause()) ?? this.session.plane;
    this.playing = false;
    return frame;
  }

  togglePlay(): Promise<unknown> {
    return this.paused ? this.play() : this.pause();
  }

  /** Shows frame `frame` (clamped); resolves with the frame shown, once its pixels are on screen. */
  async seekToFrame(frame: number): Promise<number> {
    this.clearSessionError();
    this.refreshAheadOfExpiry(frame);
    await this.recovery;
    const player = this.player;
    if (!player) return this.session.plane;
    let shown = await player.seekToFrame(frame);
    // The stream failed on the way (an expired URL): the recovery reopens it on this frame.
    while (this.recovery && player === this.player) {
      await this.recovery;
      shown = await player.settled();
    }
    this.playing = false;
    await super.settled();
    return shown;
  }

  /** Resolves when the frame asked for (by seek, step, timeline or keyboard) and the shapes on it are drawn. */
  override async settled(): Promise<void> {
    do {
      await this.recovery;
      await this.player?.settled();
    } while (this.recovery);
    await super.settled();
  }

  /** Pauses and moves `delta` frames from the frame asked for last (two quick steps move two frames). */
  stepFrames(delta: number): Promise<number> {
    const player = this.player;
    if (!player) return Promise.resolve(this.session.plane);
    return this.seekToFrame(player.target + Math.round(delta));
  }

  /** Jumps to the previous (-1) or next (+1) keyframe of the selected objects (of all when none is selected). */
  jumpToKeyframe(direction: -1 | 1): boolean {
    const { objects } = this.session.store.state;
    const selected = this.session.selection.map((id) => objects.get(id)).filter((o): o is ObjectAnnotation => o !== undefined);
    const from = this.player?.target ?? this.session.plane;
    const frame = neighbourKeyframe(selected.length ? selected : objects.values(), from, direction);
    if (frame === undefined) return false;
    this.goToFrame(frame);
    return true;
  }

  /**
   * For keys and buttons: seeks even when the frame number already reads `frame`, which it does
   * while a seek elsewhere is still on its way (the plane follows the frames shown).
   */
  private goToFrame(frame: number): void {
    if (this.player) void this.seekToFrame(frame);
    else this.session.setPlane(frame);
  }

  /**
   * The object leaves the scene from `frame` (default: the current frame): `interpolationStopped`
   * there. It can come back at a later keyframe (draw or edit it on a later frame). Returns false
   * when it is not in the scene there, locked, or editing is not allowed.
   */
  stopObject(objectId: string, frame = this.session.plane): boolean {
    return this.editTrack(objectId, (object) => stopTrack(object, frame));
  }

  /**
   * Fixes the interpolated shape on `frame` (default: current) as a keyframe. Where the object is
   * out of the scene (after a stop, before its first keyframe) it comes back there, with the shape
   * it left with, to be moved into place.
   */
  addKeyframe(objectId: string, frame = this.session.plane): boolean {
    return this.editTrack(objectId, (object) => addKeyframeAt(object, frame) ?? bringBackAt(object, frame));
  }

  /** Removes the keyframe on `frame`; removing an object's last keyframe deletes the object. */
  deleteKeyframe(objectId: string, frame = this.session.plane): boolean {
    const object = this.session.store.state.objects.get(objectId);
    if (!object || object.lock || !this.session.canEdit) return false;
    const result = deleteKeyframeAt(object, frame);
    if (result === undefined) return false;
    const change = this.session.store.transact({ origin: 'user', reason: result === 'delete' ? 'delete' : 'update' }, (tx) => {
      if (result === 'delete') tx.removeObject(objectId);
      else tx.putObject(result);
    });
    return change !== undefined;
  }

  /**
   * Copies the selected objects' shapes on this frame onto the next `count` frames, or onto every
   * frame to the last (`'end'`: propagate), as keyframes the labeler can correct. One undo step for
   * all of them. False when nothing selected is in the scene here or no frame follows.
   */
  copyToNextFrames(count: number | 'end'): boolean {
    if (!this.session.canEdit) return false;
    const from = this.session.plane;
    const last = Math.max(0, this.frameTotal - 1);
    const to = count === 'end' ? last : Math.min(last, from + Math.max(0, Math.floor(count)));
    const { objects } = this.session.store.state;
    const updates = this.session.selection
      .map((id) => objects.get(id))
      .map((object) => (object && !object.lock ? copyShapeToFrames(object, from, to) : undefined))
      .filter((object): object is ObjectAnnotation => object !== undefined);
    if (updates.length === 0) return false;
    return this.session.store.transact({ origin: 'user', reason: 'update' }, (tx) => updates.forEach((object) => tx.putObject(object))) !== undefined;
  }

  /** Moves a keyframe to another frame (not onto another keyframe). */
  moveKeyframe(objectId: string, from: number, to: number): boolean {
    return this.editTrack(objectId, (object) => moveKeyframeTo(object, from, Math.min(to, Math.max(0, this.frameTotal - 1))));
  }

  /** A frame-specific answer given on an interpolated frame makes that frame a keyframe (FORMAT.md §2.2). */
  private keyframeAnswers(ids: readonly string[]): void {
    const { objects } = this.session.store.state;
    const updates = ids
      .map((id) => objects.get(id))
      .map((object) => (object && !object.lock ? keyframesForAnswers(object) : undefined))
      .filter((object): object is ObjectAnnotation => object !== undefined);
    if (updates.length) {
      // One user action (the answer) is one undo step: the keyframe joins the answer's step.
      this.session.store.transact({ origin: 'user', reason: 'update', amend: true }, (tx) => updates.forEach((object) => tx.putObject(object)));
    }
  }

  private editTrack(objectId: string, edit: (object: ObjectAnnotation) => ObjectAnnotation | undefined): boolean {
    const object = this.session.store.state.objects.get(objectId);
    if (!object || object.lock || !this.session.canEdit) return false;
    const next = edit(object);
    if (!next) return false;
    return this.session.store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(next)) !== undefined;
  }

  // ---- loading ----------------------------------------------------------------------------------

  protected async loadAsset(loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata> {
    this.setStatus('Loading video…');
    this.releasePlayer();
    try {
      const player = await this.openPlayer(loader, signal);
      if (signal.aborted) {
        player.destroy();
        throw new DOMException('Aborted', 'AbortError');
      }
      this.player = player;
      player.playbackRate = this.rate;
      this.session.setPlaneCount(player.clock.frameTotal);
      this.syncFromPlayer(player.frame);
      this.setStatus('');
      const surface = await this.ensureSurface();
      await this.showFrames(surface);
      const metadata: VideoMetadata = {
        width: player.width,
        height: player.height,
        frameTotal: player.clock.frameTotal,
        frameRate: player.frameRate.fps,
      };
      return metadata;
    } catch (error) {
      if (!signal.aborted) this.setStatus(error instanceof LabelkitError ? error.message : 'The video could not be loaded.', true);
      throw error;
    }
  }

  /**
   * Opens the video. A `<video>` streams its URL itself, so when it fails the URL is checked
   * through the loader: an HTTP refusal becomes its own error code, or (when the host's
   * `resolveUrl` gives a fresh URL) the video opens again from there. When the host fetches
   * assets itself (`fetchAsset`, e.g. for auth headers a `<video>` cannot send), the whole file
   * is downloaded through it and played from memory.
   */
  private async openPlayer(loader: AssetLoader, signal: AbortSignal): Promise<VideoPlayer> {
    const options = (url: string, readRange: RangeReader): VideoPlayerOptions => ({
      url,
      ...(this.frameRate ? { frameRate: this.frameRate } : {}),
      readRange,
      signal,
      preload: this.preload === 'metadata' ? 'metadata' : 'auto',
      decoding: this.decoding === 'element' ? 'element' : 'webcodecs',
      onFrame: (frame, passing) => this.onPlayerFrame(frame, passing),
      onPlaybackChange: () => this.onPlaybackChange(),
      onError: (info, kind) => this.onPlayerError(info, kind),
    });
    if (this.fetchAsset) {
      const blob = await loader.fetchBlob({ signal });
      this.objectUrl = URL.createObjectURL(blob);
      return openVideo(options(this.objectUrl, blobRangeReader(blob)));
    }
    // Refreshed first when the URL says it has expired: the <video> must never request it.
    const url = await loader.usableUrl();
    signal.throwIfAborted();
    const readRange = loaderRangeReader(loader, signal);
    try {
      return await openVideo(options(url, readRange));
    } catch (error) {
      if (isAbortError(error) || !(error instanceof LabelkitError)) throw error;
      // Throws the HTTP error (expired, forbidden, not found) when that is what went wrong.
      await this.checkUrl(loader, signal);
      if (loader.currentUrl() === url) throw error;
      return openVideo(options(loader.currentUrl(), readRange));
    }
  }

  /** One byte through the loader: refreshes an expired URL or throws the HTTP error. */
  private async checkUrl(loader: AssetLoader, signal?: AbortSignal): Promise<void> {
    const response = await loader.fetch({ ...(signal ? { signal } : {}), headers: { Range: 'bytes=0-0' } });
    await response.body?.cancel().catch(() => undefined);
  }

  /**
   * The stream failed mid-session (an expired signed URL looks like this): the URL is checked
   * through the loader, which asks the host's `resolveUrl` for a fresh one; the video reopens from
   * it on the frame asked for (the latest, when the user moved on meanwhile), playing or paused as
   * before. Without a fresh URL the HTTP error is reported (`asset-expired`, `asset-forbidden`);
   * either way the annotations are untouched.
   */
  private onPlayerError(info: ErrorInfo, kind: 'media' | 'frame'): void {
    const player = this.player;
    const loader = this.assetLoader;
    if (this.recovery) return; // the reload in progress reports what fails
    if (kind === 'frame' || !player || !loader || this.objectUrl) {
      this.showSessionError(info);
      if (player) this.syncFromPlayer(player.frame);
      return;
    }
    this.startRecovery(player, loader, info, player.target);
  }

  /**
   * Before a seek: when the URL's own query says it has expired, the `<video>` must not ask for
   * more bytes with it (it would, for frames it has not buffered), so the video reopens from a
   * fresh `resolveUrl` URL on `frame` first, as after a failure. True when it does. Playback
   * streams on its own: when it runs (or starts) past the expiry it meets the refusal and recovers.
   */
  private refreshAheadOfExpiry(frame: number): boolean {
    const player = this.player;
    const loader = this.assetLoader;
    if (this.recovery || !player || !loader || this.objectUrl || !loader.needsRefresh()) return false;
    const info: ErrorInfo = { code: 'asset-expired', message: 'The link to the video has expired.' };
    this.startRecovery(player, loader, info, player.clock.clampFrame(frame));
    return true;
  }

  private startRecovery(player: VideoPlayer, loader: AssetLoader, info: ErrorInfo, asked: number): void {
    const abort = new AbortController();
    this.recoveryAbort = abort;
    this.recovery = this.recover(player, loader, info, asked, abort.signal).finally(() => {
      this.recovery = undefined;
      if (this.recoveryAbort === abort) this.recoveryAbort = undefined;
      // Frames were not followed while reopening; now the plane is the frame shown.
      if (player === this.player) this.syncFromPlayer(player.frame);
    });
  }

  /** `asked`: where the seek that met the failure was going (a seekToFrame call does not move the plane first). */
  private async recover(player: VideoPlayer, loader: AssetLoader, info: ErrorInfo, asked: number, signal: AbortSignal): Promise<void> {
    const before = loader.currentUrl();
    const plane = this.session.plane;
    try {
      await this.checkUrl(loader, signal);
      if (loader.currentUrl() === before) {
        // The URL is fine: the file itself failed here. The next seek reopens it (the player does).
        this.showSessionError(info);
        return;
      }
      signal.throwIfAborted();
      await player.reload(loader.currentUrl(), asked);
      signal.throwIfAborted();
      // The reload drew into a new canvas: the background follows it.
      if (this.surface && player === this.player) await this.showFrames(this.surface);
      // The user moved on while the video reopened (a playing video just goes on playing).
      if (player === this.player && this.session.plane !== plane) await player.seekToFrame(this.session.plane);
      this.setStatus('');
    } catch (error) {
      if (signal.aborted) return;
      this.showSessionError(error instanceof LabelkitError ? error.info : info);
    }
  }

  /** A failure after loading: `lk-error`, and on the stage as a load error is, until the user moves on. */
  private showSessionError(info: ErrorInfo): void {
    this.reportError(info);
    this.setStatus(info.message, true);
    this.sessionErrorShown = true;
  }

  /** The user asked for another frame or for playback: the last failure's message goes. */
  private clearSessionError(): void {
    if (!this.sessionErrorShown) return;
    this.sessionErrorShown = false;
    if (this.statusIsError) this.setStatus('');
  }

  private releasePlayer(): void {
    this.recoveryAbort?.abort();
    this.recoveryAbort = undefined;
    this.sessionErrorShown = false;
    this.player?.destroy();
    this.player = undefined;
    this.playing = false;
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = undefined;
    if (this.texture) {
      // The surface must not draw a destroyed texture while the next video loads.
      const surface = this.surface;
      if (surface) surface.setBackground(undefined, surface.planeSize);
      this.texture.destroy(false);
    }
    this.texture = undefined;
  }

  /** The frame shown, for the host model. @internal */
  protected override assistPicture(): CanvasImageSource | undefined {
    return this.player?.canvas;
  }

  /** @internal */
  protected override assistFrameTotal(): number | undefined {
    return this.player ? this.frameTotal : undefined;
  }

  /** @internal */
  protected override onSurfaceReady(surface: Surface): void {
    this.attachStageListeners();
    if (this.player) void this.showFrames(surface);
  }

  private async showFrames(surface: Surface): Promise<void> {
    const player = this.player;
    if (!player) return;
    const { Texture } = await import('pixi.js');
    if (player !== this.player) return;
    const previous = this.texture;
    if (!previous || previous.source.resource !== player.canvas) this.texture = Texture.from(player.canvas);
    surface.setBackground(this.texture, { width: player.width, height: player.height });
    surface.refreshBackground();
    if (previous && previous !== this.texture) previous.destroy(true);
  }

  // ---- frame sync -------------------------------------------------------------------------------

  /** A frame reached the player's canvas: show its pixels; follow it unless a seek is on its way elsewhere. */
  private onPlayerFrame(frame: number, passing: boolean): void {
    if (!passing && !this.recovery) this.syncFromPlayer(frame);
    const player = this.player;
    // The player reopened its file (after a failure) into a new canvas: the background follows it.
    if (player && this.texture && this.texture.source.resource !== player.canvas && this.surface) void this.showFrames(this.surface);
    else if (this.texture) this.surface?.refreshBackground();
  }

  private syncFromPlayer(frame: number): void {
    this.syncingFromPlayer = true;
    try {
      this.session.setPlane(frame);
    } finally {
      this.syncingFromPlayer = false;
    }
  }

  /** The timeline, the keyboard or the host moved the plane: show that frame. */
  private followPlane(): void {
    const player = this.player;
    // While the video reopens, the recovery goes to the plane asked for last. Otherwise the seek is
    // made even when the player is already on its way there: as the latest call it also stops a
    // play() still starting (Home pressed just after Space on the last frame ends on frame 0).
    if (this.syncingFromPlayer || this.recovery || !player) return;
    this.clearSessionError();
    if (this.refreshAheadOfExpiry(this.session.plane)) return;
    void player.seekToFrame(this.session.plane).then(() => (this.playing = !player.paused));
  }

  /**
   * A track picked while it is not on this frame (the object list, Tab, the host) brings the
   * playhead to its nearest drawn frame, where it is shown selected. Not when whoever selected it
   * also moved the playhead in the same turn (a timeline diamond goes to its own frame), and not
   * when it was picked on the timeline: there the labeler chose the frame (to bring a stopped
   * track back on it with Keyframe).
   */
  private followSelection(): void {
    const previous = new Set(this.lastSelection);
    this.lastSelection = this.session.selection;
    const picked = this.session.selection.at(-1);
    if (this.clickOnTimeline) return;
    const track = picked === undefined || previous.has(picked) ? undefined : this.session.store.state.objects.get(picked);
    if (!track) return;
    const plane = this.session.plane;
    queueMicrotask(() => {
      if (this.session.plane !== plane || this.session.selection.at(-1) !== picked) return;
      // Its keyframe or stop is here (a timeline diamond on this frame): this is its frame.
      if (track.keyframes.some((keyframe) => keyframe.frame === plane)) return;
      const frame = nearestVisibleFrame(track.keyframes, plane, this.session.planeCount);
      if (frame !== undefined && frame !== plane) this.goToFrame(frame);
    });
  }

  /**
   * Tab / Shift+Tab walk every track in the object list's order, not only this frame's: a track
   * that is not here brings the playhead to it (followSelection). Past the last one Tab leaves.
   */
  private selectNeighbourTrack(direction: 1 | -1): boolean {
    const tracks = [...this.session.store.state.objects.values()].filter((object) => !this.session.hidden.has(object.objectId));
    const last = this.session.selection.at(-1);
    const current = last === undefined ? -1 : tracks.findIndex((object) => object.objectId === last);
    const next = tracks[current === -1 ? (direction > 0 ? 0 : tracks.length - 1) : current + direction];
    if (!next) return false;
    this.session.select([next.objectId]);
    return true;
  }

  private onPlaybackChange(): void {
    this.playing = !this.paused;
    if (this.player) this.rate = this.player.playbackRate;
  }

  // ---- input ------------------------------------------------------------------------------------

  override handleKeyAction(action: KeyAction, event: KeyboardEvent): boolean {
    if (action === 'copyToNextFrame') {
      // The labeler goes with the copy, to correct it.
      if (!this.copyToNextFrames(1)) return false;
      void this.stepFrames(1);
      return true;
    }
    if (action === 'nextObject' || action === 'previousObject') return this.selectNeighbourTrack(action === 'nextObject' ? 1 : -1);
    if (action === 'copyToNextFrames') return this.copyToNextFrames(this.copyCount);
    if (action === 'propagateToEnd') return this.copyToNextFrames('end');
    if (super.handleKeyAction(action, event)) return true;
    // Arrows nudge a selection (the base); with nothing to nudge, ← → step through frames.
    switch (action) {
      case 'nudgeLeft':
        return this.keyStep(-1);
      case 'nudgeRight':
        return this.keyStep(1);
      case 'nudgeLeftFar':
        return this.keyStep(-10);
      case 'nudgeRightFar':
        return this.keyStep(10);
      // Step frames whatever is selected (remappable; never Alt+←/→, the browser's Back/Forward).
      case 'frameBack':
        return this.keyStep(-1);
      case 'frameForward':
        return this.keyStep(1);
      case 'frameBackFar':
        return this.keyStep(-10);
      case 'frameForwardFar':
        return this.keyStep(10);
      default:
        return false;
    }
  }

  private keyStep(delta: number): boolean {
    if (!this.player) return false;
    void this.stepFrames(delta);
    return true;
  }

  private readonly onVideoKeyDown = (event: KeyboardEvent) => {
    if (event.key === ' ' && !isTypingTarget(event)) {
      // The base uses a held Space for panning; a Space tap (no drag) plays or pauses on keyup.
      if (!event.repeat) {
        this.spaceDown = true;
        this.spaceDragged = false;
      }
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented || event.isComposing || isTypingTarget(event) || event.ctrlKey || event.metaKey) return;
    const player = this.player;
    if (!player) return;
    let handled = false;
    if (event.altKey) {
      return;
    } else if (event.key === 'Home') {
      this.goToFrame(0);
      handled = true;
    } else if (event.key === 'End') {
      this.goToFrame(player.clock.frameTotal - 1);
      handled = true;
    } else if (event.key === ',' || event.key === '.') {
      handled = this.jumpToKeyframe(event.key === ',' ? -1 : 1);
    } else if (event.key.toLowerCase() === 's' && !event.shiftKey) {
      const hovered = this.hoveredObject();
      handled = hovered !== undefined && this.stopObject(hovered);
    }
    if (handled) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };

  private readonly onVideoKeyUp = (event: KeyboardEvent) => {
    if (event.key !== ' ' || !this.spaceDown) return;
    this.spaceDown = false;
    if (!this.spaceDragged && !isTypingTarget(event)) void this.togglePlay();
  };

  /** The object under the pointer on the current frame, if the pointer is over the stage. */
  private hoveredObject(): string | undefined {
    const surface = this.surface;
    const pointer = this.pointer;
    if (!surface || !pointer) return undefined;
    return surface.hitTest(surface.clientToAsset(pointer.clientX, pointer.clientY), HOVER_TOLERANCE_PX);
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.attachStageListeners();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.attachStageListeners();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detachStageListeners();
  }

  protected override releaseAsset(): void {
    super.releaseAsset();
    this.releasePlayer();
  }

  private attachStageListeners(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.surface') ?? undefined;
    if (!target || target === this.stageListenersOn) return;
    this.detachStageListeners();
    target.addEventListener('pointerdown', this.onStagePointerDown, { capture: true });
    target.addEventListener('pointermove', this.onStagePointerMove, { capture: true });
    target.addEventListener('pointerleave', this.onStagePointerLeave);
    this.stageListenersOn = target;
  }

  private detachStageListeners(): void {
    const target = this.stageListenersOn;
    if (!target) return;
    target.removeEventListener('pointerdown', this.onStagePointerDown, { capture: true });
    target.removeEventListener('pointermove', this.onStagePointerMove, { capture: true });
    target.removeEventListener('pointerleave', this.onStagePointerLeave);
    this.stageListenersOn = undefined;
  }

  /** Drawing or editing pauses playback: a keyframe belongs on the frame the user sees. */
  private readonly onStagePointerDown = (event: PointerEvent) => {
    if (this.spaceDown) this.spaceDragged = true;
    this.pointer = { clientX: event.clientX, clientY: event.clientY };
    if (!this.paused && !this.spaceDown) void this.pause();
  };

  private readonly onStagePointerMove = (event: PointerEvent) => {
    this.pointer = { clientX: event.clientX, clientY: event.clientY };
  };

  private readonly onStagePointerLeave = () => {
    this.pointer = undefined;
  };

  // ---- rendering --------------------------------------------------------------------------------

  private selectedTrack(): ObjectAnnotation | undefined {
    const id = this.session.selection.find((selected) => this.session.store.state.objects.has(selected));
    return id === undefined ? undefined : this.session.store.state.objects.get(id);
  }

  protected override renderBelowStage(): TemplateResult | typeof nothing {
    const player = this.player;
    if (!player) return nothing;
    const frame = this.session.plane;
    const total = player.clock.frameTotal;
    const fps = player.frameRate.fps;
    const selected = this.selectedTrack();
    const editable = this.session.canEdit && selected !== undefined && !selected.lock;
    const onKeyframe = selected?.keyframes.some((k) => k.frame === frame) ?? false;
    return html`
      <div class="video-controls" part="video-controls">
        <div class="transport" part="transport" role="toolbar" aria-label="Playback">
          <span class="group">
            <button type="button" aria-label="Previous keyframe" title="Previous keyframe (,)" @click=${() => this.jumpToKeyframe(-1)}>${icons.previousKeyframe}</button>
            <button type="button" aria-label="Previous frame" title="Previous frame (←)" @click=${() => void this.stepFrames(-1)}>${icons.previousFrame}</button>
            <button
              type="button"
              class="play"
              aria-label=${this.playing ? 'Pause' : 'Play'}
              aria-pressed=${this.playing ? 'true' : 'false'}
              title="Play / pause (Space)"
              @click=${() => void this.togglePlay()}
            >
              ${this.playing ? icons.pause : icons.play}
            </button>
            <button type="button" aria-label="Next frame" title="Next frame (→)" @click=${() => void this.stepFrames(1)}>${icons.nextFrame}</button>
            <button type="button" aria-label="Next keyframe" title="Next keyframe (.)" @click=${() => this.jumpToKeyframe(1)}>${icons.nextKeyframe}</button>
          </span>
          <label class="group"
            >Frame
            <input
              type="number"
              class="frame-input"
              aria-label="Frame"
              min="0"
              max=${total - 1}
              step="1"
              .value=${String(frame)}
              @change=${(event: Event) => this.onFrameInput(event)}
            />
            <span aria-hidden="true">/ ${total - 1}</span>
          </label>
          <span class="time" aria-live="off">${formatMediaTime(player.clock.startTime(frame))} / ${formatMediaTime(player.duration)}</span>
          <label class="group"
            >Speed
            <select aria-label="Playback speed" @change=${(event: Event) => (this.playbackRate = Number((event.target as HTMLSelectElement).value))}>
              ${PLAYBACK_RATES.map((rate) => html`<option value=${rate} ?selected=${rate === this.rate}>${rate}×</option>`)}
            </select>
          </label>
          <span class="group">
            <button
              type="button"
              ?disabled=${!editable || onKeyframe}
              title="Keyframe the selected object here (where it is out of the scene, it comes back here)"
              @click=${() => selected && this.addKeyframe(selected.objectId)}
            >
              ${icons.keyframe} Keyframe
            </button>
            <button type="button" ?disabled=${!editable || !onKeyframe} title="Remove the selected object's keyframe here" @click=${() => selected && this.deleteKeyframe(selected.objectId)}>
              ${icons.removeKeyframe} Remove
            </button>
            <button type="button" ?disabled=${!editable} title="The selected object leaves the scene from this frame (hover + S)" @click=${() => selected && this.stopObject(selected.objectId)}>
              ${icons.stop} Stop here
            </button>
          </span>
          <span class="group" role="group" aria-label="Copy the selection forward">
            <button
              type="button"
              class="copy-forward"
              aria-label="Copy to the next frames"
              ?disabled=${!editable}
              title="Copy the selected shape onto the next frames as keyframes to correct (Ctrl+Shift+→: one frame, and go there)"
              @click=${() => this.copyToNextFrames(this.copyCount)}
            >
              ${icons.copyForward}
            </button>
            <input
              type="number"
              class="copy-count"
              aria-label="Frames to copy to"
              min="1"
              max=${Math.max(1, total - 1)}
              step="1"
              .value=${String(this.copyCount)}
              @change=${(event: Event) => this.onCopyCountInput(event)}
            />
            <button
              type="button"
              class="propagate"
              aria-label="Propagate to the end"
              ?disabled=${!editable}
              title="Copy the selected shape onto every frame to the end, as keyframes to correct (Ctrl+Shift+End)"
              @click=${() => this.copyToNextFrames('end')}
            >
              ${icons.toEnd}
            </button>
          </span>
        </div>
        <lk-timeline .session=${this.session} .fps=${fps} @click=${this.onTimelineClick}></lk-timeline>
      </div>
    `;
  }

  private onCopyCountInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = Math.floor(Number(input.value));
    if (Number.isFinite(value) && value >= 1) this.copyCount = value;
    input.value = String(this.copyCount);
  }

  private onFrameInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = Number(input.value);
    if (Number.isFinite(value)) this.session.setPlane(value);
    input.value = String(this.session.plane);
  }
}
