/**
 * Promise 7, one suite for every element (each `roles-and-audit.<kind>.test.ts` runs it for its
 * element): `view` changes nothing by pointer, keyboard or panel; `review` per FORMAT.md §5; locked
 * objects stay as they are in every mode; audit metadata after edits by two users; `stageHistory`
 * appended on submit; active, idle and blur time on an injected clock. All through real input and
 * the public API.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ExportRecord, StageHistoryEntry } from '../../../src/format/types.js';
import { KITS, deepElements, mountKit, nextEvent, stableRecord, toolsOf, type ElementKind, type KitElement, type MountOptions } from './element-kits.js';
import { clickAt, dragBetween, press, type InputDriver } from './input.js';
import { buttonNamed, clickControl, panelsSettled, radioFor, taskForm } from './panels.js';
import { useSuiteSetup } from './suite-setup.js';

const input: InputDriver = { mouse: sendMouse, keys: (command) => sendKeys(command as Parameters<typeof sendKeys>[0]) };

const ANN = { id: 'u-ann', email: 'ann@example.com' };
const REV = { id: 'u-rev', email: 'rev@example.com' };
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

const iso = (ms: number) => new Date(ms).toISOString();

function recordEvents(element: KitElement, types: string[]): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const type of types) element.addEventListener(type, (event) => events.push(event as CustomEvent));
  return events;
}

/** One entry per object (video emits one per frame). */
function objectById(element: KitElement, objectId: string) {
  return toolsOf(element).find((tool) => tool.objectId === objectId);
}

function entriesOf(element: KitElement, objectId: string): string {
  return JSON.stringify(toolsOf(element).filter((tool) => tool.objectId === objectId));
}

async function select(element: KitElement, objectId: string): Promise<void> {
  await clickAt(input, KITS[kindOf(element)].objectPoint(element, objectId));
  await element.settled();
}

function kindOf(element: KitElement): ElementKind {
  return element.localName.slice(3) as ElementKind;
}

/** Every way a person could try to change the selected object: keys, a drag, the list's delete button. */
async function tryToChange(element: KitElement, objectId: string): Promise<void> {
  const kit = KITS[kindOf(element)];
  await select(element, objectId);
  for (const key of [...kit.editKeys, 'Delete', 'Backspace']) await press(input, key);
  const from = kit.objectPoint(element, objectId);
  await dragBetween(input, from, [from[0] + 30, from[1] + 20]);
  await element.settled();
  // The object list's delete button for this object ("Delete <class title> <number>", in the row's actions).
  const remove = deepElements(element.shadowRoot!).find((node) => {
    const name = node.getAttribute('aria-label') ?? '';
    return node instanceof HTMLButtonElement && name.startsWith('Delete ') && node.closest<HTMLElement>('.row-actions')?.dataset['objectId'] === objectId;
  });
  expect(remove, `the object list's delete button for ${objectId}`).not.to.equal(undefined);
  await clickControl(input, remove!);
  await press(input, 'Control+z');
  await element.settled();
}

export function runRolesAndAuditSuite(kind: ElementKind): void {
  const kit = KITS[kind];

  describe(`<lk-${kind}> roles and audit`, function () {
    this.timeout(120000);
    const source = useSuiteSetup(kind);
    const mount = (options: MountOptions) => mountKit(kit, { ...options, ...source() });

    it('view mode: pointer, keyboard, panels and undo change nothing; selecting still works', async () => {
      const element = await mount({ mode: 'view', annotations: kit.prelabels });
      const changes = recordEvents(element, ['lk-change', 'lk-submit', 'lk-skip']);
      const selections = recordEvents(element, ['lk-select']);
      const before = stableRecord(element);
      // Draw with the shortcut, and with the class picked in the toolbar.
      await kit.draw(element, input);
      const classButton = deepElements(element.shadowRoot!).find((node) => node.matches('[part~="tool-button"]') && (node.textContent ?? '').includes(kit.ontology.tools[0]!.title));
      if (classButton) await clickControl(input, classButton);
      await kit.draw(element, input);
      await tryToChange(element, 'free');
      await clickControl(input, radioFor(taskForm(element), 'Poor'));
      await clickControl(input, buttonNamed(element, 'Submit'));
      element.undo();
      element.deleteSelection();
      await panelsSettled(element);
      expect(stableRecord(element)).to.deep.equal(before);
      expect(changes.map((event) => event.type), 'no change, submit or skip').to.deep.equal([]);
      expect(selections.some((event) => event.detail.objectIds.includes('free')), 'selecting by pointer works').to.equal(true);
    });

    it('review mode: verdicts on the task and on selected objects with comment and error code; edits as in annotate', async () => {
      const element = await mount({ mode: 'review', annotations: kit.prelabels });
      const reviews = recordEvents(element, ['lk-review']);
      const changes = recordEvents(element, ['lk-change']);
      const drawn = await kit.label(element, input);
      expect(changes.map((event) => event.detail.reason)).to.deep.equal(['create']);

      await select(element, 'free');
      await panelsSettled(element);
      await clickControl(input, buttonNamed(element, /^Accept selected/));
      const actions = element.shadowRoot!.querySelector('lk-task-actions')!;
      await clickControl(input, actions.shadowRoot!.querySelector('textarea')!);
      await input.keys({ type: 'Box too loose' });
      await clickControl(input, actions.shadowRoot!.querySelector('input[type="text"]')!);
      await input.keys({ type: 'E-12' });
      await clickControl(input, buttonNamed(element, 'Reject'));
      expect(reviews.map((event) => event.detail)).to.deep.equal([
        { verdict: 'accept', objectIds: ['free'] },
        { verdict: 'reject', comment: 'Box too loose', errorCode: 'E-12' },
      ]);
      expect(objectById(element, drawn), 'the reviewer may edit').not.to.equal(undefined);
    });

    it('review-readonly: verdicts still work, edits do not', async () => {
      const element = await mount({ mode: 'review', reviewReadonly: true, annotations: kit.prelabels });
      const reviews = recordEvents(element, ['lk-review']);
      const changes = recordEvents(element, ['lk-change']);
      const before = stableRecord(element);
      await kit.draw(element, input);
      await tryToChange(element, 'free');
      await clickControl(input, buttonNamed(element, 'Accept'));
      expect(stableRecord(element)).to.deep.equal(before);
      expect(changes).to.have.length(0);
      expect(reviews.map((event) => event.detail.verdict)).to.deep.equal(['accept']);
    });

    for (const mode of ['annotate', 'review'] as const) {
      it(`a locked object cannot be moved, edited or deleted in ${mode} mode (the same input does change a free one)`, async () => {
        const element = await mount({ mode, annotations: kit.prelabels });
        const locked = entriesOf(element, 'locked');
        expect(objectById(element, 'locked')?.lock).to.equal(true);
        await tryToChange(element, 'locked');
        await select(element, 'locked');
        element.deleteSelection();
        expect(entriesOf(element, 'locked')).to.equal(locked);
        // The gestures are real ones: on the free object the first edit key changes it.
        const free = entriesOf(element, 'free');
        await select(element, 'free');
        await press(input, kit.editKeys[0]!);
        await element.settled();
        expect(entriesOf(element, 'free')).not.to.equal(free);
      });
    }

    it('audit metadata: created by one user, updated by another, each at the injected time and stage', async () => {
      let now = T0;
      const element = await mount({ annotations: kit.prelabels, user: ANN, clock: () => now });
      now = T0 + 60_000;
      const id = await kit.labelEditable(element, input);
      const created = objectById(element, id)!.metadata;
      const { index, ...audit } = created;
      expect(audit).to.deep.equal({ createdAt: iso(T0 + 60_000), createdBy: ANN.email, createdIn: 'Label' });
      expect(index, 'its number in its class').to.be.a('number');

      element.user = REV;
      element.setAttribute('stage', 'Review');
      now = T0 + 120_000;
      await select(element, id);
      await press(input, kit.editKeys[0]!);
      await element.settled();
      expect(objectById(element, id)!.metadata).to.deep.equal({
        ...created,
        updatedAt: iso(T0 + 120_000),
        updatedBy: REV.email,
        updatedIn: 'Review',
      });
      const free = objectById(element, 'free')!.metadata;
      expect(free.updatedBy, 'objects nobody touched keep their stamps').to.equal(undefined);
      const record: ExportRecord = element.export();
      expect(record.task).to.include({ updatedAt: iso(T0 + 120_000), updatedBy: REV.email, stage: 'Review' });
    });

    it('stageHistory: what the host passed in is kept and each submit appends a snapshot', async () => {
      let now = T0;
      const element = await mount({ annotations: kit.prelabels, user: ANN, clock: () => now });
      const earlier: StageHistoryEntry = {
        stage: 'Label',
        stageId: 'Label',
        duration: 1234,
        completedAt: iso(T0 - 86_400_000),
        completedBy: 'first@example.com',
        tools: [],
        classifications: [],
        relations: [],
      };
      const saved = element.export();
      element.annotations = { ...saved, task: { ...saved.task, stageHistory: [earlier] } };
      element.user = REV;
      element.setAttribute('stage', 'Review');
      now = T0 + 30_000;
      const submitted = nextEvent<CustomEvent>(element, 'lk-submit');
      await clickControl(input, buttonNamed(element, 'Submit'));
      const history: StageHistoryEntry[] = (await submitted).detail.record.task.stageHistory;
      expect(history).to.have.length(2);
      expect(history[0]).to.deep.equal(earlier);
      expect(history[1]).to.include({ stage: 'Review', stageId: 'Review', completedAt: iso(T0 + 30_000), completedBy: REV.email });
      expect(history[1]!.tools.map((tool) => tool.objectId)).to.include.members(['free', 'locked']);
      expect(history[1]!.classifications.map((answer) => answer.answer)).to.deep.equal(['Good']);

      element.setAttribute('stage', 'QA');
      await panelsSettled(element);
      now = T0 + 45_000;
      expect(element.submit()!.task.stageHistory.map((entry) => [entry.stage, entry.completedAt])).to.deep.equal([
        ['Label', earlier.completedAt],
        ['Review', iso(T0 + 30_000)],
        ['QA', iso(T0 + 45_000)],
      ]);
      expect(element.export().task.stageHistory).to.have.length(3);
    });

    it('time: active, idle and blur milliseconds follow the injected clock and real input', async () => {
      let now = T0;
      const element = await mount({ annotations: kit.prelabels, clock: () => now, attributes: { 'idle-timeout': '10000' } });
      now += 4_000;
      await clickAt(input, kit.emptyPoint(element));
      now += 25_000; // 10 s of it active (the idle threshold), 15 s idle
      window.dispatchEvent(new Event('blur'));
      now += 7_000;
      window.dispatchEvent(new Event('focus'));
      now += 1_000;
      await press(input, 'Shift');
      now += 500;
      const task = element.export().task;
      expect({ total: task.totalDuration, idle: task.idleDuration, blur: task.blurDuration }).to.deep.equal({
        total: 4_000 + 10_000 + 1_000 + 500,
        idle: 15_000,
        blur: 7_000,
      });
    });
  });
}
