/** Shared by the assisted-labeling tests: an ontology for bottles, mounting with a hook, the assist layer's controls (any element with `assist`). */
import { fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { LabelkitAssist } from '../../src/assist/types.js';
import { IMAGE_URL, sendMouse, showSource } from '../elements/helpers.js';
import { until } from '../elements/waits.js';

export const BOTTLE_ONTOLOGY = {
  tools: [
    { schemaId: 'bottle', title: 'Bottle', tool: 'bounding-box', shortcutKey: '1' },
    { schemaId: 'outline', title: 'Bottle outline', tool: 'polygon' },
    { schemaId: 'region', title: 'Region', tool: 'segmentation' },
  ],
};

export { until };

/** `<lk-image>` on the bottles photo with the hook given, ready, settled and focused, its assist bar on screen. */
export async function mountWithAssist(assist: LabelkitAssist, ontology: unknown = BOTTLE_ONTOLOGY): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image
      style="--lk-height: 560px; width: 1000px"
      asset-id="bottles"
      .ontology=${ontology}
      .assist=${assist}
      .user=${{ id: 'u-1', email: 'ann@example.com' }}
    ></lk-image>
  `);
  await showSource(element, IMAGE_URL);
  await until(() => assistControl(element, '.bar') !== null, 'the assist bar');
  element.focus();
  return element;
}

export function assistLayer(element: HTMLElement): HTMLElement {
  const layer = element.shadowRoot!.querySelector<HTMLElement>('lk-assist-layer');
  if (!layer) throw new Error('no assist layer');
  return layer;
}

export function assistControl<T extends HTMLElement = HTMLElement>(element: HTMLElement, selector: string): T | null {
  return element.shadowRoot?.querySelector('lk-assist-layer')?.shadowRoot?.querySelector<T>(selector) ?? null;
}

export function assistControls<T extends HTMLElement = HTMLElement>(element: HTMLElement, selector: string): T[] {
  return [...(element.shadowRoot?.querySelector('lk-assist-layer')?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** A real click in the middle of an element on screen. */
export async function clickOn(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}
