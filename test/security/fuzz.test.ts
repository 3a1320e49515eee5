/**
 * Promise 5: malformed input never breaks an element. 1,250 seeded cases (250 per element) mutate
 * valid ontologies and import records (the design examples, the fixtures' export and each kit's
 * pre-labels and its own export) and hand them to a loaded element as a host would: `ontology =`,
 * `annotations =` or `import()`. Every case must end in an `lk-error` with a code and a message
 * (nothing changed) or in accepted state that is valid: finite numbers, an export that imports back
 * to itself, and every object the input named still there. Never an exception out of the setter,
 * an uncaught error or rejection, a polluted prototype, or a hang (the test's timeout).
 */
import { expect } from '@open-wc/testing';
import { ELEMENT_KINDS, KITS, mountKit, removeKitElements, warmUp, type ElementKind, type KitElement } from './kit/element-kits.js';
import { mutate, seededRandom } from './kit/fuzz.js';

const SEED = 0x1abe1c17;
const CASES_PER_ELEMENT = 250;

interface Seeds {
  ontology: unknown;
  records: unknown[];
}

async function fetchJson(url: string): Promise<unknown> {
  return (await fetch(url)).json();
}

/** The export without what moves by itself (durations), as comparable text. */
function stateOf(element: KitElement): string {
  const record = element.export();
  const { totalDuration: _t, idleDuration: _i, blurDuration: _b, ...task } = record.task;
  return JSON.stringify({ ...record, task });
}

/** Paths of numbers that are not finite (NaN and ±Infinity would be null in JSON). */
function unfiniteNumbers(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) found.push(path);
  else if (Array.isArray(value)) value.forEach((item, index) => unfiniteNumbers(item, `${path}[${index}]`, found));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) unfiniteNumbers(item, `${path}.${key}`, found);
  return found;
}

/** The objectIds an import input names for its objects, when its shape is plain enough to tell. */
function namedObjectIds(input: unknown): string[] | undefined {
  let record = input;
  if (Array.isArray(record)) {
    if (record.length !== 1) return undefined;
    record = record[0];
  }
  if (!record || typeof record !== 'object') return undefined;
  const shape = record as { task?: { tools?: unknown }; objects?: unknown; tasks?: unknown };
  const entries = shape.task?.tools ?? shape.objects ?? (Array.isArray(shape.tasks) ? (shape.tasks[0] as { tools?: unknown; objects?: unknown })?.tools : undefined);
  if (!Array.isArray(entries)) return undefined;
  return entries.flatMap((entry) => (entry && typeof entry === 'object' && typeof (entry as { objectId?: unknown }).objectId === 'string' ? [(entry as { objectId: string }).objectId] : []));
}

function objectIdsOf(element: KitElement): Set<string> {
  return new Set(element.export().task.tools.map((tool) => tool.objectId));
}

async function seedsFor(kind: ElementKind, element: KitElement): Promise<Seeds> {
  const kit = KITS[kind];
  if (kind === 'image') {
    return { ontology: await fetchJson('/test/fixtures/format/ontology.all-types.json'), records: [await fetchJson('/test/fixtures/format/import.ango-image.json')] };
  }
  if (kind === 'video') {
    return { ontology: await fetchJson('/test/fixtures/format/ontology.all-types.json'), records: [await fetchJson('/test/fixtures/format/export.video.json')] };
  }
  // The kit's pre-labels (Ango shape) and the element's own export of them (export shape).
  element.annotations = kit.prelabels as never;
  return { ontology: kit.ontology, records: [kit.prelabels, structuredClone(element.export())] };
}

describe('fuzz: malformed ontologies and import records', function () {
  // 250 cases on one element take seconds; a hang ends the test here.
  this.timeout(120000);
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(event.reason)}`);

  before(async function () {
    this.timeout(120000);
    await warmUp();
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  afterEach(() => removeKitElements());

  ELEMENT_KINDS.forEach((kind, index) => {
    it(`<lk-${kind}>: ${CASES_PER_ELEMENT} mutated inputs each end in lk-error or valid state`, async () => {
      const random = seededRandom(SEED + index);
      const element = await mountKit(KITS[kind], { clock: () => Date.UTC(2026, 10, 22, 10, 0, 0), attributes: { 'no-sidebar': '' } });
      const seeds = await seedsFor(kind, element);
      const errors: CustomEvent[] = [];
      element.addEventListener('lk-error', (event) => errors.push(event as CustomEvent));
      const failures: string[] = [];
      const tally = { rejected: 0, accepted: 0 };

      for (let number = 0; number < CASES_PER_ELEMENT; number++) {
        const record = seeds.records[number % seeds.records.length]!;
        element.ontology = seeds.ontology as never;
        element.annotations = record;
        errors.length = 0;
        const before = stateOf(element);
        const beforeIds = objectIdsOf(element);
        const target = random() < 0.35 ? 'ontology' : random() < 0.75 ? 'annotations' : 'import';
        const { value, applied } = mutate(random, target === 'ontology' ? seeds.ontology : record);
        const label = `case ${number} (seed ${SEED + index}): ${target} ${applied.join(', ')}`;
        const fail = (why: string) => failures.push(`${label}: ${why}`);
        try {
          if (target === 'ontology') element.ontology = value as never;
          else if (target === 'annotations') element.annotations = value as never;
          else element.import(value as never);
        } catch (error) {
          fail(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
          continue;
        }
        for (const error of errors) {
          if (typeof error.detail?.code !== 'string' || typeof error.detail?.message !== 'string' || !error.detail.message) fail(`lk-error without code or message: ${JSON.stringify(error.detail)}`);
        }
        // A refusal of the whole input lists its problems; then nothing may have changed.
        const refused = errors.some((error) => Array.isArray(error.detail?.cause?.problems) && error.detail.cause.problems.length > 0);
        let after: string;
        try {
          after = stateOf(element);
        } catch (error) {
          fail(`export() threw ${String(error)}`);
          continue;
        }
        if (refused) {
          tally.rejected++;
          if (after !== before) fail('refused, yet the annotations changed');
          continue;
        }
        tally.accepted++;
        const exported = element.export();
        const unfinite = unfiniteNumbers(exported);
        if (unfinite.length) fail(`accepted non-finite numbers at ${unfinite.slice(0, 3).join(', ')}`);
        if (target === 'ontology') {
          // An accepted ontology may rename or drop classes; going back must find every annotation.
          element.ontology = seeds.ontology as never;
          if (stateOf(element) !== before) fail('annotations lost across an ontology change');
          continue;
        }
        const named = namedObjectIds(value);
        const now = objectIdsOf(element);
        const expected = [...(named ?? []), ...(target === 'import' ? beforeIds : [])];
        const lost = expected.filter((id) => !now.has(id));
        if (lost.length) fail(`accepted, but lost objects ${lost.slice(0, 3).join(', ')}`);
        errors.length = 0;
        element.annotations = structuredClone(exported);
        if (errors.length) fail(`its own export was refused: ${errors[0]!.detail.message}`);
        else if (stateOf(element) !== after) fail('its own export did not import back to the same state');
      }

      expect(failures.slice(0, 10), `${failures.length} of ${CASES_PER_ELEMENT} cases failed`).to.deep.equal([]);
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
      expect(({} as { lkPolluted?: unknown }).lkPolluted, 'Object.prototype polluted').to.equal(undefined);
      // Both outcomes happen: the mutations are neither all harmless nor all fatal.
      expect(tally.rejected, 'refused cases').to.be.greaterThan(CASES_PER_ELEMENT / 10);
      expect(tally.accepted, 'accepted cases').to.be.greaterThan(CASES_PER_ELEMENT / 20);
      // Still usable: the seeds load again.
      element.ontology = seeds.ontology as never;
      element.annotations = seeds.records[0] as never;
      expect(element.export().task.tools.length).to.be.greaterThan(0);
    });
  });

  it('import() of answered task classifications replaces the answers, so the export imports back (found by this fuzz)', async () => {
    const kit = KITS.image;
    const element = await mountKit(kit, { annotations: kit.prelabels, attributes: { 'no-sidebar': '' } });
    element.import({ classifications: [{ schemaId: 'c-quality', answer: 'Poor' }] });
    element.import(kit.prelabels as never);
    const answers = element.export().task.classifications;
    expect(answers.map((answer) => [answer.schemaId, answer.answer])).to.deep.equal([['c-quality', 'Good']]);
    const errors: unknown[] = [];
    element.addEventListener('lk-error', (event) => errors.push((event as CustomEvent).detail));
    element.annotations = element.export();
    expect(errors).to.deep.equal([]);
  });
});
