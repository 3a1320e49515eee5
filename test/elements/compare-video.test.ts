/**
 * Compare on <lk-video> (issue 22, part 2): tracks are compared frame by frame, and the overlay
 * shows each version's shape on the frame shown (none where its track has stopped).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import type { LkComparePanel } from '../../src/elements/compare/lk-compare-panel.js';
import type { AnnotationsInput } from '../../src/format/input-types.js';
import type { VideoMetadata } from '../../src/format/types.js';
import { agreement } from '../../src/format/index.js';
import { FRAME_NUMBERS_URL } from '../media/video/video-helpers.js';
import { fetchJson, nextEvent, ONTOLOGY_URL } from './helpers.js';

let ontology: unknown;
before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
});

const entry = (objectId: string, page: number, extra = {}) => ({ objectId, schemaId: 't-car', page, 'bounding-box': { x: 40, y: 40, width: 120, height: 80 }, classifications: [], ...extra });

describe('lk-video compare', function () {
  this.timeout(120000);
  it('scores tracks frame by frame as agreement() does and draws each version on the frames its track is on', async () => {
    const element = await fixture<LkVideo>(html`<lk-video style="--lk-height: 640px; width: 1000px" .ontology=${ontology}></lk-video>`);
    const ready = nextEvent(element, 'lk-ready');
    element.src = FRAME_NUMBERS_URL;
    await ready;
    const metadata = element.export().metadata as VideoMetadata;
    const record = (tools: unknown[]) => ({ metadata, task: { tools, classifications: [], relations: [] } }) as unknown as AnnotationsInput;
    // Ann's car is there on every frame; Bob's leaves the scene at frame 250.
    const sources = [
      { label: 'Ann', record: record([entry('a-car', 0)]) },
      { label: 'Bob', record: record([entry('b-car', 0), entry('b-car', 250, { interpolationStopped: true })]) },
    ];
    element.compare = sources;
    const panel = () => element.shadowRoot!.querySelector<LkComparePanel>('lk-compare-panel');
    await waitUntil(() => panel()?.shadowRoot?.querySelector('.asset[data-agreement]'), 'the compare panel shows its scores', { timeout: 60000 });
    const expected = agreement(
      sources.map((s) => s.record),
      ontology,
    );
    expect(expected.asset).to.be.closeTo(250 / metadata.frameTotal, 1e-12);
    expect(Number(panel()!.shadowRoot!.querySelector('.asset')!.getAttribute('data-agreement'))).to.equal(expected.asset);

    await element.settled();
    const drawn = () => [...element.shadowRoot!.querySelectorAll('svg.compare path[data-source]')].map((p) => p.getAttribute('data-source'));
    expect(drawn()).to.deep.equal(['0', '1']);
    await element.seekToFrame(260);
    await element.updateComplete;
    expect(drawn()).to.deep.equal(['0']);
  });
});
