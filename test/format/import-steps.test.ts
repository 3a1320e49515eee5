import { expect } from '@open-wc/testing';
import type { Ontology } from '../../src/core/ontology.js';
import { parseImport, parseImportSteps } from '../../src/format/import.js';
import { inspectSteps } from '../../src/format/import-reader.js';
import { libraryCodecs } from '../../src/format/library-codecs.js';
import { contextFor, extendOntology, fixture } from './helpers.js';

const boxes = (count: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: count }, (_, i) => ({ schemaId: 't-car', objectId: `b${i}`, 'bounding-box': { x: i, y: 2, width: 3, height: 4 }, ...extra(i) }));

/** Drains the generator, counting its pauses. */
function drain<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

describe('format: import in steps (parseImportSteps)', () => {
  let ontology: Ontology;

  before(async () => {
    ontology = extendOntology(await fixture('ontology.all-types.json'));
  });

  it('pauses every few hundred objects and returns exactly what parseImport returns', () => {
    const input = { objects: boxes(10_000), relations: [{ schemaId: 'r-follows', objectId: 'r1', from: 'b1', to: 'b9999' }] };
    const { value, pauses } = drain(parseImportSteps(input, contextFor(ontology, 'single'), libraryCodecs));
    // 10,000 entries in slices of 500, after a pause of its own for the first walk over the input.
    expect(pauses).to.be.greaterThanOrEqual(20);
    expect(value).to.deep.equal(parseImport(input, contextFor(ontology, 'single'), libraryCodecs));
    expect(value.ok && value.value.objects.length).to.equal(10_000);
  });

  it('finds a problem in a late slice at its path and imports nothing', () => {
    const input = { objects: boxes(2_000, (i) => (i === 1_700 ? { 'bounding-box': 'not a box' } : {})) };
    const { value } = drain(parseImportSteps(input, contextFor(ontology, 'single'), libraryCodecs));
    expect(value.ok).to.equal(false);
    expect(value).to.deep.equal(parseImport(input, contextFor(ontology, 'single'), libraryCodecs));
    expect(!value.ok && value.problems[0]!.path).to.match(/^\$\.objects\[1700\]/);
  });

  it('the first walk over a long list of entries pauses too, and still finds a cycle deep in it at its path', () => {
    const objects: Record<string, unknown>[] = boxes(50_000);
    const clean = drain(inspectSteps({ problems: [] }, { task: { tools: objects } }));
    expect(clean.value).to.equal(true);
    expect(clean.pauses).to.be.greaterThanOrEqual(10);
    const looped = objects[40_000]!;
    looped.self = { back: looped };
    const walk = { problems: [] as { path?: string }[] };
    const found = drain(inspectSteps(walk as never, { task: { tools: objects } }));
    expect(found.value).to.equal(false);
    expect(walk.problems.map((p) => p.path)).to.deep.equal(['$.task.tools[40000].self.back']);
  });
});

