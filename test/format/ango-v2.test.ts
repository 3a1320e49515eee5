/**
 * Format version 2 (FORMAT.md §6): what Ango's own published samples need, read and written.
 * The numbers of the rotated box are Ango's sample, quoted in FORMAT.md §2.1.
 */
import { expect } from '@open-wc/testing';
import type { Ontology } from '../../src/core/ontology.js';
import type { RotatedBox } from '../../src/core/model.js';
import { createCodePointIndex } from '../../src/text/code-points.js';
import { buildExportRecord, parseImport, type ImportContext } from '../../src/format/index.js';
import type { TextOffsets } from '../../src/format/import-reader.js';
import { contextFor, exportOf, extendOntology, fixture, importOk, problemsOf, stateFromImport } from './helpers.js';

const ANGO_BOX = { x: 172.9809523809524, y: 101.7904761904762, width: 6.095238095238096, height: 92.03002172095357, rotation: -40.97173633351486 };
const ANGO_CORNERS: [number, number][] = [
  [172.98095, 101.79048],
  [233.32381, 171.27619],
  [237.92592, 167.27962],
  [177.58306, 97.79391],
];

function expectCorners(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[], within: number): void {
  expect(actual).to.have.length(expected.length);
  actual.forEach(([x, y], i) => {
    expect(x, `corner ${i} x`).to.be.closeTo(expected[i]![0]!, within);
    expect(y, `corner ${i} y`).to.be.closeTo(expected[i]![1]!, within);
  });
}

describe('format version 2: Ango fidelity', () => {
  let ontology: Ontology;

  before(async () => {
    ontology = extendOntology(await fixture('ontology.all-types.json'));
  });

  const exportSingle = (data: unknown, extra: Partial<ImportContext> = {}) => exportOf(stateFromImport(importOk(ontology, data, 'single', extra)), ontology, 'single');

  describe('rotated boxes turn about their origin corner', () => {
    it("gives Ango's sample its published corners from x, y, width, height, rotation, and writes the box back as it came", () => {
      const record = exportSingle({ objects: [{ objectId: 's', schemaId: 't-sign', 'rotated-bounding-box': ANGO_BOX }] });
      const box = record.task.tools[0]!['rotated-bounding-box']!;
      expectCorners(box.corners, ANGO_CORNERS, 1e-5);
      expect(box.corners[0]).to.deep.equal([box.x, box.y]);
      for (const key of ['x', 'y', 'width', 'height', 'rotation'] as const) expect(box[key], key).to.be.closeTo(ANGO_BOX[key], 1e-9);
      expect(record.task.formatVersion).to.equal(2);
    });

    it("reads Ango's sample from its corners alone back to its x, y, width, height and rotation", () => {
      const record = exportSingle({ objects: [{ objectId: 's', schemaId: 't-sign', 'rotated-bounding-box': { corners: ANGO_CORNERS } }] });
      const box = record.task.tools[0]!['rotated-bounding-box']!;
      // The published corners are rounded to 5 decimals; the box they give is that close to the sample.
      for (const key of ['x', 'y', 'width', 'height', 'rotation'] as const) expect(box[key], key).to.be.closeTo(ANGO_BOX[key], 1e-4);
      expectCorners(box.corners, ANGO_CORNERS, 2e-5);
    });

    it('stores the box the surface draws: the model box (rotation about its centre) has the same four corners', () => {
      const imported = importOk(ontology, { objects: [{ schemaId: 't-sign', 'rotated-bounding-box': ANGO_BOX }] });
      const model = imported.objects[0]!.keyframes[0]!.geometry.value as RotatedBox;
      const cos = Math.cos((model.rotation * Math.PI) / 180);
      const sin = Math.sin((model.rotation * Math.PI) / 180);
      const [cx, cy, hw, hh] = [model.x + model.width / 2, model.y + model.height / 2, model.width / 2, model.height / 2];
      const at = (u: number, v: number) => [cx + u * cos - v * sin, cy + u * sin + v * cos];
      expectCorners([at(-hw, -hh), at(-hw, hh), at(hw, hh), at(hw, -hh)], ANGO_CORNERS, 1e-5);
    });

    it('still reads records marked formatVersion 1 with rotation about the centre, and writes them in the version 2 shape', () => {
      const v1 = { task: { formatVersion: 1, tools: [{ objectId: 's', schemaId: 't-sign', 'rotated-bounding-box': { x: 0, y: 0, width: 2, height: 2, rotation: 90 } }] } };
      const box = exportSingle(v1).task.tools[0]!['rotated-bounding-box']!;
      expect([box.x, box.y, box.width, box.height, box.rotation]).to.deep.equal([2, 0, 2, 2, 90]);
      expect(box.corners).to.deep.equal([[2, 0], [0, 0], [0, 2], [2, 2]]);
      const v1Corners = { task: { formatVersion: 1, tools: [{ objectId: 's', schemaId: 't-sign', 'rotated-bounding-box': { corners: [[2, 0], [2, 2], [0, 2], [0, 0]] } }] } };
      expect(exportSingle(v1Corners).task.tools[0]!['rotated-bounding-box']!.corners).to.deep.equal([[2, 0], [0, 0], [0, 2], [2, 2]]);
    });

    it('turns a box by the rotation it keeps, so that a huge rotation exports and imports back to the same box', () => {
      const huge = { objects: [{ objectId: 's', schemaId: 't-sign', 'rotated-bounding-box': { x: 500, y: 100, width: 60, height: 200, rotation: -1e308 } }] };
      const first = exportSingle(huge).task.tools;
      expect(exportSingle({ objects: first }).task.tools).to.deep.equal(first);
      const box = first[0]!['rotated-bounding-box']!;
      expect([box.x, box.y]).to.deep.equal([500, 100]);
    });

    it('refuses four corners that are no rectangle, at their path', () => {
      const skewed = { objects: [{ schemaId: 't-sign', 'rotated-bounding-box': { corners: [[0, 0], [0, 10], [12, 10], [10, 0]] } }] };
      expect(problemsOf(ontology, skewed)).to.deep.equal([['bad-geometry', '$.objects[0].rotated-bounding-box.corners']]);
    });
  });

  describe('video tracks', () => {
    it("reads Ango's own pre-label (frames 6, 7, 8, interpolationStopped on 8) as keyframes on 6 and 7 and a stop on 8, and writes the same frames back", () => {
      const entry = (page: number, x: number, extra: Record<string, unknown> = {}) => ({ objectId: 'v', schemaId: 't-car', page, 'bounding-box': { x, y: 0, width: 10, height: 10 }, ...extra });
      const imported = importOk(ontology, { objects: [entry(6, 0), entry(7, 5), entry(8, 9, { interpolationStopped: true })] }, 'track');
      expect(imported.objects[0]!.keyframes.map((k) => [k.frame, k.stopped ?? false])).to.deep.equal([[6, false], [7, false], [8, true]]);
      const tools = exportOf(stateFromImport(imported), ontology, 'track', { keyframesOnly: true }).task.tools;
      expect(tools.map((t) => [t.page, t.keyframe ?? false, t.interpolationStopped ?? false, t['bounding-box']!.x])).to.deep.equal([
        [6, true, false, 0],
        [7, true, false, 5],
        [8, true, true, 9],
      ]);
    });
  });

  describe('relations', () => {
    it('keeps direction reverse as given, and page and columnField', () => {
      const data = {
        objects: [{ objectId: 'a', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 } }, { objectId: 'b', schemaId: 't-car', 'bounding-box': { x: 5, y: 0, width: 1, height: 1 } }],
        relations: [
          { objectId: 'r1', schemaId: 'r-follows', from: 'a', to: 'b', direction: 'reverse', page: 3, columnField: 'price' },
          { objectId: 'r2', schemaId: 'r-follows', from: 'a', to: 'b', direction: 'straight' },
        ],
      };
      const relations = exportSingle(data).task.relations;
      expect(relations.map((r) => ('from' in r ? [r.objectId, r.from, r.to, r.direction, r.page, r.columnField] : []))).to.deep.equal([
        ['r1', 'a', 'b', 'reverse', 3, 'price'],
        ['r2', 'a', 'b', 'straight', undefined, undefined],
      ]);
      expect(Object.keys(relations[1]!)).to.not.include.members(['page', 'columnField']);
    });

    it('names the three directions when one is not known', () => {
      const data = { objects: [{ objectId: 'a', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 } }], relations: [{ schemaId: 'r-follows', from: 'a', to: 'a', direction: 'sideways' }] };
      const result = parseImport(data, contextFor(ontology, 'single'));
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.problems.map((p) => [p.code, p.path, p.message])).to.deep.equal([['wrong-type', '$.relations[0].direction', '"direction" is "straight", "reverse" or "bidirectional".']]);
    });
  });

  describe('audit metadata', () => {
    const withMetadata = (metadata: unknown) => ({ objects: [{ objectId: 'a', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 }, metadata }] });
    const importDefault = { createdAt: '2026-12-01T00:00:00.000Z', createdIn: 'Import' };

    it('reads createdAt and updatedAt given as Unix milliseconds as those times, never the import time', () => {
      const tool = exportSingle(withMetadata({ createdAt: 1700000000000, createdBy: 'bob@example.com', createdIn: 'Label', updatedAt: 1700000100000 }), { metadata: importDefault }).task.tools[0]!;
      expect(tool.metadata).to.deep.equal({ createdAt: '2023-11-14T22:13:20.000Z', createdBy: 'bob@example.com', createdIn: 'Label', updatedAt: '2023-11-14T22:15:00.000Z' });
    });

    it('keeps the metadata an item came with exactly, adding nothing', () => {
      const tool = exportSingle(withMetadata({ createdAt: '2020-01-01T00:00:00Z' }), { metadata: importDefault }).task.tools[0]!;
      expect(tool.metadata).to.deep.equal({ createdAt: '2020-01-01T00:00:00Z' });
    });

    it('gives items without metadata the import default (createdIn "Import", no createdBy) on objects, answers and relations', () => {
      const data = {
        objects: [{ objectId: 'a', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 }, classifications: [{ schemaId: 'c-car-kind', answer: 'Truck' }] }],
        classifications: [{ schemaId: 'c-note', answer: 'AB 123' }],
        relations: [{ schemaId: 'r-follows', from: 'a', to: 'a' }],
      };
      const task = exportSingle(data, { metadata: importDefault }).task;
      for (const item of [task.tools[0]!, task.tools[0]!.classifications[0]!, task.classifications[0]!, task.relations[0]!]) expect(item.metadata).to.deep.equal(importDefault);
    });

    it('reports audit fields of the wrong type at their path', () => {
      expect(problemsOf(ontology, withMetadata({ createdAt: true, createdBy: 7 }))).to.deep.equal([
        ['wrong-type', '$.objects[0].metadata.createdAt'],
        ['wrong-type', '$.objects[0].metadata.createdBy'],
      ]);
      expect(problemsOf(ontology, withMetadata({ createdAt: 1e300 }))).to.deep.equal([['wrong-type', '$.objects[0].metadata.createdAt']]);
    });
  });

  describe('coordinates far outside the asset', () => {
    it('reports 1e308 in every kind of coordinate at its path instead of overflowing to Infinity', () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ schemaId: 't-car', 'bounding-box': { x: 1e308, y: 0, width: 1e308, height: 1 } }, '$.objects[0].bounding-box.x'],
        [{ schemaId: 't-sign', 'rotated-bounding-box': { x: 0, y: 0, width: 1e308, height: 1, rotation: 0 } }, '$.objects[0].rotated-bounding-box.width'],
        [{ schemaId: 't-sign', 'rotated-bounding-box': { corners: [[0, 0], [0, 1e308], [1, 1e308], [1, 0]] } }, '$.objects[0].rotated-bounding-box.corners[1][1]'],
        [{ schemaId: 't-road', polygon: [[0, 0], [1e308, 0], [0, 1]] }, '$.objects[0].polygon[1][0]'],
        [{ schemaId: 't-head', point: [0, -1e308] }, '$.objects[0].point[1]'],
        [{ schemaId: 't-figure', pdf: { position: { boundingRect: { x1: 0, y1: 0, x2: 1e308, y2: 1, width: 600, height: 800 }, rects: [], pageNumber: 1 }, content: { text: '' } } }, '$.objects[0].pdf.position.boundingRect.x2'],
      ];
      for (const [object, path] of cases) expect(problemsOf(ontology, { objects: [object] }), path).to.deep.equal([['bad-geometry', path]]);
    });
  });

  describe('PDF rects', () => {
    const page = { width: 612, height: 792 };
    // Ango's viewer page size when the label was made (FORMAT.md §2.1).
    const frame = { width: 371.67, height: 771.67 };
    const rect = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2, ...frame, pageNumber: 1 });
    /** The scale of a viewer that shows `size` 371.67 wide. */
    const ANGO_WIDTH_FOR = (size: { width: number }) => frame.width / size.width;

    it('scales every rect from the frame it carries to the page in points, and writes the page frame back', () => {
      const data = { objects: [{ objectId: 'p', schemaId: 't-figure', pdf: { position: { boundingRect: rect(10, 20, 110, 40), rects: [rect(10, 20, 110, 30), rect(10, 30, 60, 40)], pageNumber: 1 }, content: { text: 'two lines' } } }] };
      const imported = importOk(ontology, data, 'paged', { pages: [page] });
      const tool = exportOf(stateFromImport(imported), ontology, 'paged').task.tools[0]!;
      const sx = page.width / frame.width;
      const sy = page.height / frame.height;
      const { boundingRect, rects } = tool.pdf!.position;
      expect([boundingRect.x1, boundingRect.y1, boundingRect.x2, boundingRect.y2, boundingRect.width, boundingRect.height]).to.deep.equal([10 * sx, 20 * sy, 110 * sx, 40 * sy, 612, 792]);
      expect(rects.map((r) => [r.x2, r.y2, r.width, r.height])).to.deep.equal([[110 * sx, 30 * sy, 612, 792], [60 * sx, 40 * sy, 612, 792]]);
      expect(tool.page).to.equal(0);
    });

    it('scales a rect of a selection across pages to its own page', () => {
      const landscape = { width: 792, height: 612 };
      const k = ANGO_WIDTH_FOR(landscape);
      const second = { x1: 10 * k, y1: 10 * k, x2: 20 * k, y2: 20 * k, width: landscape.width * k, height: landscape.height * k, pageNumber: 2 };
      const data = { objects: [{ objectId: 'p', schemaId: 't-figure', pdf: { position: { boundingRect: rect(10, 20, 110, 40), rects: [rect(10, 20, 110, 40), second], pageNumber: 1 }, content: { text: 'across' } } }] };
      const value = importOk(ontology, data, 'paged', { pages: [page, landscape] }).objects[0]!.keyframes[0]!.geometry.value as { position: { rects: { x1: number; x2: number; width: number; height: number }[] } };
      const [, across] = value.position.rects;
      expect([across!.width, across!.height]).to.deep.equal([792, 612]);
      expect([across!.x1, across!.x2].map((n) => Math.round(n * 1e9) / 1e9)).to.deep.equal([10, 20]);
    });

    it("accepts Ango's flat pre-label { x1, y1, x2, y2, width, height, pageNumber, text } as an area with that text", () => {
      const data = { objects: [{ objectId: 'p', schemaId: 't-figure', pdf: { x1: 37.167, y1: 77.167, x2: 74.334, y2: 154.334, ...frame, pageNumber: 2, text: 'Total' } }] };
      const imported = importOk(ontology, data, 'paged', { pages: [page, page] });
      const tool = exportOf(stateFromImport(imported), ontology, 'paged').task.tools[0]!;
      const { position, content } = tool.pdf!;
      expect(content).to.deep.equal({ text: 'Total' });
      expect([position.pageNumber, position.rects, tool.page]).to.deep.equal([2, [], 1]);
      const b = position.boundingRect;
      expect([b.x1, b.y1, b.x2, b.y2].map((n) => Math.round(n * 1e6) / 1e6)).to.deep.equal([61.2, 79.2, 122.4, 158.4]);
    });

    it('keeps the frame as given where the page size is not known yet, and refuses a frame of no size', () => {
      const data = { objects: [{ schemaId: 't-figure', pdf: { x1: 1, y1: 2, x2: 3, y2: 4, ...frame, pageNumber: 1 } }] };
      const stored = importOk(ontology, data, 'paged').objects[0]!.keyframes[0]!.geometry.value as { position: { boundingRect: unknown } };
      expect(stored.position.boundingRect).to.deep.equal({ x1: 1, y1: 2, x2: 3, y2: 4, ...frame, pageNumber: 1 });
      expect(problemsOf(ontology, { objects: [{ schemaId: 't-figure', pdf: { x1: 1, y1: 2, x2: 3, y2: 4, width: 0, height: 1, pageNumber: 1 } }] }, 'paged')).to.deep.equal([['bad-geometry', '$.objects[0].pdf.width']]);
    });
  });

  describe('NER offsets', () => {
    // "😀" is one code point and two UTF-16 code units: the units differ after it.
    const TEXT = 'I 😀 Paris and Rome';
    const textOf = (unit: TextOffsets['unit']): TextOffsets => ({ ...createCodePointIndex(TEXT), unit });
    const entity = (start: number, end: number, selection?: string) => ({ objects: [{ objectId: 'e', schemaId: 't-entity', ner: { start, end, ...(selection === undefined ? {} : { selection }) } }] });
    const messagesOf = (data: unknown, text: TextOffsets) => {
      const result = parseImport(data, contextFor(ontology, 'single', { text }));
      return result.ok ? [] : result.problems.map((p) => [p.code, p.path, p.message]);
    };

    it('reads and writes UTF-16 code units with offset unit utf16, and code points by default', () => {
      const utf16 = textOf('utf16');
      const imported = importOk(ontology, entity(5, 10, 'Paris'), 'single', { text: utf16 });
      expect(imported.objects[0]!.keyframes[0]!.geometry.value).to.deep.equal({ start: 4, end: 9, selection: 'Paris' });
      const state = stateFromImport(imported);
      const written = (text: TextOffsets) => exportOf(state, ontology, 'single', { text }).task.tools[0]!.ner;
      expect(written(utf16)).to.deep.equal({ start: 5, end: 10, selection: 'Paris' });
      expect(written(textOf('codepoint'))).to.deep.equal({ start: 4, end: 9, selection: 'Paris' });
      expect(buildExportRecord({ ...exportInputless(state) }).task.tools[0]!.ner).to.deep.equal({ start: 4, end: 9, selection: 'Paris' });
    });

    it('reports a selection that is not the covered text, and says when the other unit would have matched', () => {
      expect(messagesOf(entity(5, 10, 'Paris'), textOf('codepoint'))).to.deep.equal([
        ['ner-selection-mismatch', '$.objects[0].ner.selection', '"selection" is not the text at [5, 10) (code point offsets). It does match in UTF-16 code units: set offset-unit="utf16" to read these offsets.'],
      ]);
      expect(messagesOf(entity(4, 9, 'Paris'), textOf('utf16'))).to.deep.equal([
        ['ner-selection-mismatch', '$.objects[0].ner.selection', '"selection" is not the text at [4, 9) (UTF-16 code unit offsets). It does match in code points: set offset-unit="codepoint" to read these offsets.'],
      ]);
      expect(messagesOf(entity(0, 1, 'X'), textOf('codepoint'))).to.deep.equal([['ner-selection-mismatch', '$.objects[0].ner.selection', '"selection" is not the text at [0, 1) (code point offsets).']]);
    });

    it('reports offsets past the text (1e308 included) and a UTF-16 offset inside a character, each at its path', () => {
      expect(messagesOf(entity(0, 1e308), textOf('codepoint')).map(([code, path]) => [code, path])).to.deep.equal([['ner-out-of-range', '$.objects[0].ner.end']]);
      expect(messagesOf(entity(0, 1e308), textOf('utf16')).map(([code, path]) => [code, path])).to.deep.equal([['ner-out-of-range', '$.objects[0].ner.end']]);
      expect(messagesOf(entity(3, 5), textOf('utf16')).map(([code, path]) => [code, path])).to.deep.equal([['ner-out-of-range', '$.objects[0].ner']]);
      expect(messagesOf(entity(2, 2), textOf('codepoint')).map(([code, path]) => [code, path])).to.deep.equal([['ner-empty', '$.objects[0].ner.end']]);
    });
  });

  function exportInputless(state: ReturnType<typeof stateFromImport>) {
    return {
      state,
      ontology,
      asset: { asset: 'doc.txt', metadata: { width: 0, height: 0 } },
      task: { stage: 'Label', durations: { totalDuration: 0, idleDuration: 0, blurDuration: 0 }, stageHistory: [] },
      planes: 'single' as const,
    };
  }
});
