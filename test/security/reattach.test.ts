// Reliability: hosts move elements (a framework reordering a list takes a node out and puts it
// back in the same task) and remove them and put them back later (tabs, keep-alive views). Every
// element, through the shared kits and real input.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ELEMENT_KINDS, KITS, frames, mountKit, nextEvent, toolsOf, type KitElement } from './kit/element-kits.js';
import type { InputDriver } from './kit/input.js';
import { useSuiteSetup } from './kit/suite-setup.js';

const input: InputDriver = { mouse: sendMouse, keys: (command) => sendKeys(command as Parameters<typeof sendKeys>[0]) };

/** Object ids in the export (a video track has an entry per frame: one id each). */
function objectIds(element: KitElement): string[] {
  return [...new Set(toolsOf(element).map((tool) => tool.objectId))].sort();
}

/** Ctrl+Z typed on the element: its own keyboard handling still works. */
async function undoByKeyboard(element: KitElement): Promise<void> {
  element.focus();
  await sendKeys({ press: 'Control+z' });
  await element.settled();
}

function countReady(element: KitElement): { readonly count: number } {
  const counter = { count: 0 };
  element.addEventListener('lk-ready', () => counter.count++);
  return counter;
}

for (const kind of ELEMENT_KINDS) {
  const kit = KITS[kind];
  describe(`<lk-${kind}> moved or re-attached`, function () {
    this.timeout(120000);
    const source = useSuiteSetup(kind);

    it('moved while its asset loads: it still becomes ready, shows the pre-labels and takes real input', async () => {
      const element = await mountKit(kit, { annotations: kit.prelabels, waitReady: false, ...source() });
      const ready = nextEvent(element, 'lk-ready');
      const other = document.createElement('div');
      document.body.prepend(other);
      other.append(element); // out and in again, in one task
      await ready;
      await element.settled();
      expect(objectIds(element)).to.deep.equal(['free', 'locked']);
      const id = await kit.label(element, input);
      expect(objectIds(element)).to.include(id);
      other.remove();
    });

    it('moved after loading: keeps its asset (no second lk-ready), its view and its work', async () => {
      const element = await mountKit(kit, { annotations: kit.prelabels, ...source() });
      const readies = countReady(element);
      const id = await kit.label(element, input);
      const view = JSON.stringify((element as unknown as { view?: unknown }).view ?? null);
      const metadata = element.export().metadata;
      const other = document.createElement('div');
      document.body.prepend(other);
      other.append(element);
      await frames(3);
      await element.settled();
      expect(readies.count, 'nothing was loaded again').to.equal(0);
      expect(element.export().metadata).to.deep.equal(metadata);
      expect(JSON.stringify((element as unknown as { view?: unknown }).view ?? null), 'the same zoom and pan').to.equal(view);
      expect(objectIds(element)).to.include(id);
      await undoByKeyboard(element);
      expect(objectIds(element)).to.deep.equal(['free', 'locked']);
      expect(await kit.label(element, input)).to.be.a('string');
      other.remove();
    });

    it('removed and put back later: the record stays whole while it is away, then it loads again with every annotation', async () => {
      const element = await mountKit(kit, { annotations: kit.prelabels, ...source() });
      const id = await kit.label(element, input);
      const before = element.export();
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A host that saves on unmount gets the whole record.
      expect(element.export().metadata).to.deep.equal(before.metadata);
      expect(objectIds(element)).to.deep.equal([...new Set(before.task.tools.map((t) => t.objectId))].sort());
      const ready = nextEvent(element, 'lk-ready');
      document.body.append(element);
      await ready;
      await element.settled();
      expect(element.export().metadata).to.deep.equal(before.metadata);
      expect(objectIds(element)).to.include(id);
      await undoByKeyboard(element);
      expect(objectIds(element), 'the undo history came back with it').to.deep.equal(['free', 'locked']);
      expect(await kit.label(element, input)).to.be.a('string');
    });
  });
}
