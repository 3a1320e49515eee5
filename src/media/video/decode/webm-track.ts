/**
 * The video track of a WebM file as WebCodecs needs it (the same shape as mp4-track.ts gives for
 * MP4): the decoder configuration (from the track's CodecPrivate and first frame: VP8, VP9, AV1)
 * and every frame's timing, key flag and presentation rank. Mediabunny's Matroska demuxer reads
 * the file by range through the element's reader (its own cache bounds what it keeps), indexes
 * the blocks once at open without keeping their bytes, and reads a frame's bytes again when the
 * decoder asks for it, through the Cues and the cluster it lies in.
 *
 * Loaded with `import()` by frame-decoder.ts only for a WebM file: an MP4 never pays for it.
 */
import { CustomSource, EncodedPacketSink, Input, WEBM, type EncodedPacket } from 'mediabunny';
import type { RangeReader } from '../container-probe.js';
import type { EncodedTrack, SampleReader } from './mp4-track.js';

export interface WebmTrack {
  track: EncodedTrack;
  bytes: SampleReader;
  close(): void;
}

/** Mediabunny's read cache: a few clusters (a WebM cluster is a keyframe group or a few seconds). */
const CACHE_BYTES = 16 * 1024 * 1024;

/** Undefined when the file has no video track mediabunny can describe for a `VideoDecoder`. */
export async function readWebmTrack(read: RangeReader, size: number): Promise<WebmTrack | undefined> {
  const input = new Input({
    formats: [WEBM],
    source: new CustomSource({ getSize: () => size, read: (start, end) => read(start, end), prefetchProfile: 'network', maxCacheSize: CACHE_BYTES }),
  });
  try {
    const video = await input.getPrimaryVideoTrack();
    const decoderConfig = video && (await video.getDecoderConfig());
    if (!video || !decoderConfig) throw new Error('no video track');
    const sink = new EncodedPacketSink(video);
    const seconds: number[] = [];
    const samples: EncodedTrack['samples'] = [];
    for await (const packet of sink.packets(undefined, undefined, { metadataOnly: true })) {
      seconds.push(packet.timestamp);
      samples.push({ offset: 0, size: packet.byteLength, timestamp: Math.round(packet.timestamp * 1e6), duration: Math.round(packet.duration * 1e6), key: packet.type === 'key', frame: 0 });
    }
    if (samples.length === 0) throw new Error('no frames');
    const byPresentation = samples.map((_, i) => i).sort((a, b) => samples[a]!.timestamp - samples[b]!.timestamp);
    byPresentation.forEach((decodeAt, frame) => (samples[decodeAt]!.frame = frame));
    // optimizeForLatency: a frame comes out as soon as the stream allows (as for MP4).
    const config: VideoDecoderConfig = { ...decoderConfig, optimizeForLatency: true };
    return { track: { config, samples, decodeIndex: byPresentation }, bytes: packetBytes(sink, seconds), close: () => input.dispose() };
  } catch {
    input.dispose();
    return undefined;
  }
}

/**
 * Sample `index`'s bytes, found by its timestamp; the packet before it is remembered, so feeding
 * in decode order takes the next block of the cluster already read instead of a new lookup.
 */
function packetBytes(sink: EncodedPacketSink, seconds: readonly number[]): SampleReader {
  let last: { index: number; packet: EncodedPacket } | undefined;
  return {
    async sample(index) {
      const time = seconds[index];
      if (time === undefined) throw new RangeError(`no sample ${index}`);
      const previous = last;
      let packet = previous?.index === index - 1 ? await sink.getNextPacket(previous.packet) : null;
      if (packet?.timestamp !== time) packet = await sink.getPacket(time);
      if (!packet || packet.timestamp !== time) throw new RangeError(`sample ${index} lies past the end of the file`);
      last = { index, packet };
      return packet.data;
    },
  };
}
