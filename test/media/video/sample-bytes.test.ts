/**
 * Sample bytes for the WebCodecs path (src/media/video/decode/sample-bytes.ts): read by range in
 * blocks, the next block read ahead, so decoding forward (scrubbing, stepping, playing through
 * keyframe groups) does not wait for a request per group.
 */
import { expect } from '@open-wc/testing';
import { SampleBytes } from '../../../src/media/video/decode/sample-bytes.js';
import type { EncodedSample } from '../../../src/media/video/decode/mp4-track.js';

/** `count` samples of 100 bytes, one after the other in the file; byte i of the file is i % 251. */
function samples(count: number): EncodedSample[] {
  return Array.from({ length: count }, (_, i) => ({ offset: i * 100, size: 100, timestamp: i * 1000, duration: 1000, key: i % 60 === 0, frame: i }));
}

function fileReader(requests: Array<[number, number]>) {
  return (start: number, end: number): Promise<Uint8Array> => {
    requests.push([start, end]);
    return Promise.resolve(Uint8Array.from({ length: end - start }, (_, i) => (start + i) % 251));
  };
}

describe('sample bytes', () => {
  it('reads the next block ahead once reading is half way through one: reading on needs no request of its own', async () => {
    const requests: Array<[number, number]> = [];
    const bytes = new SampleBytes(fileReader(requests), samples(2000));
    const first = await bytes.sample(0);
    expect(first.length).to.equal(100);
    expect(first[0]).to.equal(0);
    expect(requests.length, 'one request for the first block').to.equal(1);
    const blockEnd = requests[0]![1];
    const samplesInBlock = blockEnd / 100;
    expect(samplesInBlock, 'a block spans many samples').to.be.above(60);
    // Half way: the next block is asked for now, before any sample in it is.
    await bytes.sample(Math.ceil(samplesInBlock / 2));
    expect(requests.length).to.equal(2);
    expect(requests[1]![0], 'the read ahead starts where the first block ends').to.equal(blockEnd);
    for (let i = samplesInBlock; i < samplesInBlock + 10; i++) {
      const sample = await bytes.sample(i);
      expect(sample[0], `sample ${i}'s own bytes`).to.equal((i * 100) % 251);
    }
    expect(requests.length, 'the samples of the next block came from the read ahead').to.equal(2);
  });

  it('a sample past the end of the file is an error, not bytes of another sample', async () => {
    const list = samples(10);
    const bytes = new SampleBytes((start, end) => Promise.resolve(new Uint8Array(Math.max(0, Math.min(end, 550) - start))), list);
    expect((await bytes.sample(2)).length).to.equal(100);
    let error: unknown;
    await bytes.sample(7).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
  });
});
