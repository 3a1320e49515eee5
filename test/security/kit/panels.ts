/**
 * Finding the shared panels' controls the way a person does: by their labels and text, through
 * shadow roots. The suites click them with real input. No test-runner imports (see input.ts).
 */
import { clickAt, type InputDriver, type ScreenPoint } from './input.js';
import { deepElements, type KitElement } from './element-kits.js';

export function centreOf(element: Element): ScreenPoint {
  const rect = element.getBoundingClientRect();
  return [rect.left + rect.width / 2, rect.top + rect.height / 2];
}

/** The visible text of `root` with shadow roots flattened in (what a person can read). */
export function deepText(root: ParentNode): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push((node as Text).data);
    const children = node instanceof Element && node.shadowRoot ? [...node.shadowRoot.childNodes, ...node.childNodes] : [...node.childNodes];
    for (const child of children) walk(child);
  };
  walk(root as Node);
  return parts.join(' ');
}

/** The sidebar form that holds task-level answers. */
export function taskForm(element: KitElement): HTMLElement {
  const form = element.shadowRoot?.querySelector<HTMLElement>('lk-classification-form[heading="Task"]');
  if (!form) throw new Error('no task form');
  return form;
}

/** The radio button of an option, found by the option text next to it. */
export function radioFor(form: HTMLElement, optionText: string): HTMLInputElement {
  for (const input of deepElements(form)) {
    if (input instanceof HTMLInputElement && input.type === 'radio' && (input.closest('label')?.textContent ?? '').trim() === optionText) return input;
  }
  throw new Error(`no radio "${optionText}"`);
}

/** A button anywhere inside the element, by its text or accessible name. */
export function buttonNamed(element: KitElement, name: string | RegExp): HTMLButtonElement {
  const matches = (text: string | null) => (typeof name === 'string' ? text?.trim() === name : name.test(text?.trim() ?? ''));
  for (const candidate of deepElements(element.shadowRoot!)) {
    if (candidate instanceof HTMLButtonElement && (matches(candidate.textContent) || matches(candidate.getAttribute('aria-label')))) return candidate;
  }
  throw new Error(`no button ${String(name)}`);
}

/** A real click on the middle of a control (scrolled into view first). */
export async function clickControl(input: InputDriver, control: Element): Promise<void> {
  control.scrollIntoView({ block: 'nearest' });
  await clickAt(input, centreOf(control));
}

/** Waits for the element and every panel inside it to finish rendering. */
export async function panelsSettled(element: KitElement): Promise<void> {
  await element.settled();
  for (const child of deepElements(element.shadowRoot!)) {
    const update = (child as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    if (update) await update;
  }
}

/** The object list's row for an object. */
export function objectRow(element: KitElement, objectId: string): HTMLElement {
  const row = deepElements(element.shadowRoot!).find((candidate) => candidate.matches(`[part~="item"][data-object-id="${CSS.escape(objectId)}"]`));
  if (!row) throw new Error(`no object list row for ${objectId}`);
  return row as HTMLElement;
}
