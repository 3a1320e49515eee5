/**
 * Keypoints tracks on `<lk-video>` (issue 20, part 3): a template placed on one frame and corrected
 * on a later one gives two keyframes; the export's frames between them hold each point linearly
 * interpolated, and a point absent on either keyframe absent; keyframes round-trip.
 */
import { expect } from '@open-wc/testing';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import type { ExportTool } from '../../src/format/types.js';
import { click, drag, press, resetMouse } from './helpers.js';
import { mountFrameNumbers } from './lk-video-helpers.js';

const ONTOLOGY = {
  tools: [
    {
      schemaId: 'person',
      tool: 'keypoints',
      title: 'Person',
      shortcutKey: '1',
      keypoints: ['head', 'left_hand', 'right_hand'],
      skeleton: [
        [1, 2],
        [1, 3],
      ],
      keypointTemplate: [
        [0.5, 0],
        [0, 1],
        [1, 1],
      ],
    },
  ],
};

afterEach(() => resetMouse());

const mount = (annotations?: unknown): Promise<LkVideo> => mountFrameNumbers(annotations, { ontology: ONTOLOGY, user: { id: 'u-1' } });

const onFrame = (tools: ExportTool[], frame: number) => tools.find((tool) => tool.page === frame)!.keypoints!.points;

describe('keypoints tracks on <lk-video>', () => {
  it('two keyframes interpolate point by point in the export; a point absent on one side is absent between', async () => {
    const element = await mount();
    await element.seekToFrame(10);
    await press('1');
    await drag(element, [100, 100], [300, 250]);
    await element.seekToFrame(20);
    await element.settled();
    const [start] = element.export({ keyframesOnly: true }).task.tools;
    const [head, left, right] = start!.keypoints!.points;
    // Frame 20: drag the head (the keypoints tool hands the press on a point to the select code) …
    await drag(element, [head!.x, head!.y], [head!.x + 40, head!.y + 40]);
    // … and make the right hand absent: a click on it focuses it, Delete takes it out.
    await click(element, [right!.x, right!.y]);
    await press('Delete');

    const keyframes = element.export({ keyframesOnly: true }).task.tools;
    expect(keyframes.map((tool) => [tool.page, tool.keyframe])).to.deep.equal([
      [10, true],
      [20, true],
    ]);
    const tools = element.export().task.tools;
    const end = onFrame(tools, 20);
    const middle = onFrame(tools, 15);
    expect(middle[0]!.visibility).to.equal(2);
    expect(middle[0]!.x).to.be.closeTo((head!.x + end[0]!.x) / 2, 1e-9);
    expect(middle[0]!.y).to.be.closeTo((head!.y + end[0]!.y) / 2, 1e-9);
    expect(end[0]!.x - head!.x).to.be.closeTo(40, 1);
    expect(middle[1]).to.deep.equal(left);
    expect(end[2]!.visibility).to.equal(0);
    expect(middle[2]).to.deep.equal({ name: 'right_hand', x: 0, y: 0, visibility: 0 });
    expect(onFrame(tools, 12)[0]!.x).to.be.closeTo(head!.x + 0.2 * (end[0]!.x - head!.x), 1e-9);
    // After the last keyframe the shape holds.
    expect(onFrame(tools, 25)).to.deep.equal(end);

    // Exported frames read back as the same track.
    const again = await mount(element.export());
    expect(again.export().task.tools).to.deep.equal(tools);
  });
});
