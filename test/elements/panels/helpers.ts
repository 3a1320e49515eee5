/** Shared set-up for the panel tests: a session with the all-types ontology, objects, real clicks. */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Geometry, ObjectAnnotation } from '../../../src/core/model.js';
import { parseOntology, type Ontology } from '../../../src/core/ontology.js';
import { createLabelingSession, type LabelingSession, type PlaneModel } from '../../../src/core/session.js';

export const ONTOLOGY_URL = '/test/fixtures/format/ontology.all-types.json';
export const USER = 'ann@example.com';

export async function allTypesOntology(): Promise<Ontology> {
  const response = await fetch(ONTOLOGY_URL);
  const parsed = parseOntology(await response.json());
  if (!parsed.ok) throw new Error(`fixture ontology is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** A session whose audit clock ticks one second per write, starting 2026-11-22T10:00:00Z. */
export async function panelSession(options: { planeModel?: PlaneModel; ontology?: Ontology } = {}): Promise<LabelingSession> {
  let tick = 0;
  const session = createLabelingSession({
    planeModel: options.planeModel ?? 'single',
    audit: () => ({ at: new Date(Date.UTC(2026, 10, 22, 10, 0, tick++)).toISOString(), by: USER, in: 'Label' }),
  });
  session.setOntology(options.ontology ?? (await allTypesOntology()));
  return session;
}

export const box = (x: number): Geometry => ({ type: 'bounding-box', value: { x, y: 10, width: 20, height: 20 } });

export function object(objectId: string, schemaId: string, extra: Partial<ObjectAnnotation> = {}): ObjectAnnotation {
  return {
    objectId,
    schemaId,
    keyframes: [{ frame: 0, geometry: box(0) }],
    classifications: [],
    metadata: { createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'importer', createdIn: 'Label' },
    ...extra,
  };
}

/** Puts objects in as the host would (origin 'api': not undoable). */
export function importObjects(session: LabelingSession, objects: ObjectAnnotation[]): void {
  session.store.transact({ origin: 'api', reason: 'import' }, (tx) => objects.forEach((item) => tx.putObject(item)));
}

function centre(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) throw new Error(`element is not rendered: ${element.outerHTML.slice(0, 120)}`);
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

/** A real mouse click in the middle of `element`, optionally with a modifier held. */
export async function click(element: Element, modifier?: 'Shift' | 'Control'): Promise<void> {
  element.scrollIntoView({ block: 'nearest' });
  if (modifier) await sendKeys({ down: modifier });
  await sendMouse({ type: 'click', position: centre(element) });
  if (modifier) await sendKeys({ up: modifier });
}

/** Drags with the left button from the middle of `from` to the middle of `to` (shifted by `dy`), in a few moves. */
export async function dragBetween(from: Element, to: Element, dy = 0): Promise<void> {
  const a = centre(from);
  const b = centre(to);
  await sendMouse({ type: 'move', position: a });
  await sendMouse({ type: 'down' });
  for (let step = 1; step <= 4; step++) {
    await sendMouse({ type: 'move', position: [a[0], Math.round(a[1] + ((b[1] + dy - a[1]) * step) / 4)] });
  }
  await sendMouse({ type: 'up' });
}

export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

export function query<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${element.localName}: nothing matches ${selector}`);
  return found;
}

export function queryAll<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...shadow(element).querySelectorAll<T>(selector)];
}

/** The button whose visible text or accessible label contains `text`. */
export function buttonNamed(element: Element, text: string): HTMLButtonElement {
  const found = queryAll<HTMLButtonElement>(element, 'button').find(
    (button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').replace(/\s+/g, ' ').includes(text),
  );
  if (!found) throw new Error(`${element.localName}: no button named ${text}`);
  return found;
}
