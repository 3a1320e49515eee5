/** The compare panel as the element tests reach it: find it, query inside it, click in it, wait for its scores. */
import { waitUntil } from '@open-wc/testing';
import type { AnnotatorElement } from '../../src/elements/base/annotator-element.js';
import type { CompareSource } from '../../src/elements/compare/compare-source.js';
import type { LkComparePanel } from '../../src/elements/compare/lk-compare-panel.js';
import { sendMouse } from './helpers.js';

type Comparing = AnnotatorElement & { settled(): Promise<void> };

export function panelOf(element: AnnotatorElement): LkComparePanel | null {
  return element.shadowRoot!.querySelector('lk-compare-panel');
}

export function inPanel<T extends Element>(element: AnnotatorElement, selector: string): T {
  const found = panelOf(element)!.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the compare panel`);
  return found;
}

/** A real click on the middle of `selector` in the compare panel (scrolled into view), then the panel's update. */
export async function clickInPanel(element: AnnotatorElement, selector: string): Promise<void> {
  const target = inPanel<HTMLElement>(element, selector);
  target.scrollIntoView({ block: 'center' });
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
  await panelOf(element)!.updateComplete;
}

/** Gives a loaded element `sources` to compare and waits until the panel shows its scores; settled and focused. */
export async function startComparing(element: Comparing, sources: CompareSource[]): Promise<void> {
  element.compare = sources;
  await waitUntil(() => panelOf(element)?.shadowRoot?.querySelector('.asset[data-agreement]'), 'the compare panel shows its scores', { timeout: 60000 });
  await element.settled();
  element.focus();
}
