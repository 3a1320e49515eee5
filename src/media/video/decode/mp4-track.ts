/**
 * The video track of an MP4 file as WebCodecs needs it: the decoder configuration and every
 * sample's place in the file, in decode order, with its presentation rank (frame index). The
 * index is parsed by mp4box.js from the `ftyp` and `moov` boxes alone (read by range); the
 * samples' bytes are read later, only for the frames asked for (sample-bytes.ts).
 */
import { createFile, DataStream, Endianness, MP4BoxBuffer, type Movie } from 'mp4box';
import { readMp4Index, type RangeReader } from '../container-probe.js';

export interface EncodedSample {
  /** Byte offset and size in the file (a WebM sample is found by its timestamp instead: offset 0). */
  offset: number;
  size: number;
  /** Presentation timestamp, microseconds. */
  timestamp: number;
  duration: number;
  key: boolean;
  /** Frame index: the sample's place in presentation order. */
  frame: number;
}

export interface EncodedTrack {
  config: VideoDecoderConfig;
  /** In decode order. */
  samples: EncodedSample[];
  /** Decode-order index of each frame's sample (`decodeIndex[frame]`). */
  decodeIndex: number[];
}

/** The bytes of each sample, in decode order (sample-bytes.ts for MP4, webm-track.ts for WebM). */
export interface SampleReader {
  /** Rejects when the file ends before them. */
  sample(index: number): Promise<Uint8Array>;
}

/** Undefined when the file is not a (non-fragmented) MP4 with a video track. */
export async function readMp4Track(read: RangeReader): Promise<EncodedTrack | undefined> {
  const index = await readMp4Index(read);
  if (!index) return undefined;
  const file = createFile();
  let movie: Movie | undefined;
  file.onReady = (info) => (movie = info);
  file.onError = () => undefined;
  file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(index.slice().buffer, 0));
  file.flush();
  const track = movie?.videoTracks[0];
  if (!movie || movie.isFragmented || !track?.video) return undefined;
  const trak = file.getTrackById(track.id);
  const raw = trak.samples;
  if (!raw?.length) return undefined;
  const scale = 1e6 / track.timescale;
  const samples: EncodedSample[] = raw.map((sample) => ({
    offset: sample.offset,
    size: sample.size,
    timestamp: Math.round(sample.cts * scale),
    duration: Math.round(sample.duration * scale),
    key: sample.is_sync,
    frame: 0,
  }));
  const byPresentation = samples.map((_, i) => i).sort((a, b) => samples[a]!.timestamp - samples[b]!.timestamp);
  byPresentation.forEach((decodeAt, frame) => (samples[decodeAt]!.frame = frame));
  // optimizeForLatency: a frame comes out as soon as the stream allows, not after a decoder's own lookahead.
  const config: VideoDecoderConfig = { codec: track.codec, codedWidth: track.video.width, codedHeight: track.video.height, optimizeForLatency: true };
  const description = codecDescription(trak.mdia.minf.stbl.stsd.entries[0]);
  if (description) config.description = description;
  return { config, samples, decodeIndex: byPresentation };
}

/** The codec's own configuration box (avcC, hvcC, av1C) without its box header, as WebCodecs wants it. */
function codecDescription(entry: unknown): Uint8Array | undefined {
  const boxes = entry as Record<string, { write(stream: DataStream): void } | undefined>;
  const box = boxes['avcC'] ?? boxes['hvcC'] ?? boxes['av1C'];
  if (!box) return undefined;
  const stream = new DataStream(undefined, 0, Endianness.BIG_ENDIAN);
  box.write(stream);
  return new Uint8Array(stream.buffer, 8);
}
