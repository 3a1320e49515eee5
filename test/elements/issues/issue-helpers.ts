/** Shared by the review-issue tests: the panel and pins inside an element, and the host's error codes. */
import type { LkIssuesPanel } from '../../../src/elements/panels/issues/lk-issues-panel.js';
import type { LkIssuePins } from '../../../src/elements/panels/issues/lk-issue-pins.js';
import type { LkIssueDetail } from '../../../src/events/index.js';
import { nextEvent } from '../waits.js';

export const ERROR_CODES = [
  { category: 'Wrong', codes: [{ code: 'wrong-class', title: 'Wrong class' }, 'loose-box'] },
  { category: 'Missing', codes: [{ code: 'missing-object', title: 'Missing object' }] },
];

/** The element's issues panel, once its lazily loaded module has defined it and it has rendered. */
export async function issuesPanel(element: HTMLElement): Promise<LkIssuesPanel> {
  await customElements.whenDefined('lk-issues-panel');
  const panel = element.shadowRoot!.querySelector<LkIssuesPanel>('lk-issues-panel');
  if (!panel) throw new Error('no issues panel');
  await panel.updateComplete;
  return panel;
}

/** Every pin layer of the element (one per stage; `<lk-pdf>`: one per page in the DOM). */
export async function pinLayers(element: HTMLElement): Promise<LkIssuePins[]> {
  await customElements.whenDefined('lk-issue-pins');
  const layers = [...element.shadowRoot!.querySelectorAll<LkIssuePins>('lk-issue-pins')];
  await Promise.all(layers.map((layer) => layer.updateComplete));
  return layers;
}

/** The pin buttons shown now, by issue id. */
export async function pinsShown(element: HTMLElement): Promise<Map<string, HTMLButtonElement>> {
  const pins = new Map<string, HTMLButtonElement>();
  for (const layer of await pinLayers(element)) {
    for (const pin of layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.pin')) pins.set(pin.dataset['issue']!, pin);
  }
  return pins;
}

/** The point a pin marks, in page coordinates (its bottom-left corner, where its tail is). */
export function pinPoint(pin: Element): [number, number] {
  const rect = pin.getBoundingClientRect();
  return [rect.left, rect.bottom];
}

export function nextIssue(element: EventTarget): Promise<CustomEvent<LkIssueDetail>> {
  return nextEvent<CustomEvent<LkIssueDetail>>(element, 'lk-issue');
}
