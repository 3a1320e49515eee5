/**
 * The video copy keys (copy to the next frame, to the next N frames, propagate to the end) are
 * `<lk-video>`'s own (issue 18, "a day in the chair"): its help lists them in its own section with
 * the host's remapping, `<lk-image>`'s help does not list them at all, and a remapped key copies.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { AnnotatorElement } from '../../src/elements/base/annotator-element.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import { carTrack, mountFrameNumbers } from './lk-video-helpers.js';
import { fetchJson, IMAGE_URL, mountImageOn, ONTOLOGY_URL, press, resetMouse, sendKeys } from './helpers.js';
import { until } from './waits.js';

afterEach(() => resetMouse());

const COPY_ACTIONS = ['copyToNextFrame', 'copyToNextFrames', 'propagateToEnd'];

/** Opens the element's help with ? and reads it: `{ action: keys }` per table. */
async function helpOf(element: AnnotatorElement): Promise<{ shared: Record<string, string>; own: Record<string, string> }> {
  element.focus();
  await press('?');
  const help = element.shadowRoot!.querySelector('lk-shortcut-help')!;
  await (help as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const read = (selector: string) =>
    Object.fromEntries(
      [...help.shadowRoot!.querySelectorAll<HTMLElement>(`${selector} tr[data-action]`)].map((row) => [
        row.dataset['action']!,
        row.querySelector('.keys')!.textContent!.replace(/\s+/g, ' ').trim(),
      ]),
    );
  const tables = { shared: read('table.built-in'), own: read('table.element') };
  await press('Escape');
  element.focus();
  return tables;
}

const keyframesOf = (element: LkVideo, id: string): number[] =>
  element.export().task.tools.filter((tool) => tool.objectId === id && tool.keyframe).map((tool) => tool.page!);

describe('the video copy keys belong to <lk-video>', () => {
  it("<lk-video>'s help lists them under its own keys, not with the shared ones", async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers();
    const { shared, own } = await helpOf(element);
    for (const action of COPY_ACTIONS) expect(shared, action).not.to.have.property(action);
    expect(own['copyToNextFrame']).to.equal('Ctrl+Shift+→');
    expect(own['copyToNextFrames']).to.equal('Ctrl+Shift+↓');
    expect(own['propagateToEnd']).to.equal('Ctrl+Shift+End');
  });

  it("<lk-image>'s help does not list them", async () => {
    const element = await mountImageOn(IMAGE_URL, await fetchJson(ONTOLOGY_URL), undefined);
    const { shared, own } = await helpOf(element);
    expect(Object.keys(shared)).to.include('undo');
    for (const action of COPY_ACTIONS) {
      expect(shared, action).not.to.have.property(action);
      expect(own, action).not.to.have.property(action);
    }
  });

  it('remapped, the new keys copy (and the help shows them); the old ones no longer do', async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers({ task: { tools: carTrack('car', [10]) } });
    element.shortcuts = { copyToNextFrame: 'mod+shift+k', copyToNextFrames: 'mod+shift+j' };
    const { own } = await helpOf(element);
    expect(own['copyToNextFrame']).to.equal('Ctrl+Shift+K');
    expect(own['copyToNextFrames']).to.equal('Ctrl+Shift+J');

    await element.seekToFrame(10);
    element.session.select(['car']);
    element.focus();
    await sendKeys({ press: 'Control+Shift+ArrowRight' });
    await element.settled();
    expect(keyframesOf(element, 'car'), 'the old key is free').to.deep.equal([10]);
    await sendKeys({ press: 'Control+Shift+K' });
    await until(() => element.currentFrame === 11, 'frame 11');
    expect(keyframesOf(element, 'car')).to.deep.equal([10, 11]);

    // Ctrl+Shift+J: onto the next N frames, N as set beside the copy button (3).
    const count = element.shadowRoot!.querySelector<HTMLInputElement>('.copy-count')!;
    count.focus();
    await press('Control+a');
    await sendKeys({ type: '3' });
    await press('Enter');
    element.focus();
    await sendKeys({ press: 'Control+Shift+J' });
    expect(keyframesOf(element, 'car')).to.deep.equal([10, 11, 12, 13, 14]);
  });
});
