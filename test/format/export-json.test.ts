import { expect } from '@open-wc/testing';
import { exportJsonSteps } from '../../src/format/export-json.js';
import type { ExportRecord } from '../../src/format/types.js';

/** The text the steps write, and how often they paused. */
function textOf(record: ExportRecord): { text: string; pauses: number; parts: number } {
  let text = '';
  let parts = 0;
  let pauses = 0;
  const steps = exportJsonSteps(record, (part) => {
    text += part;
    parts++;
  });
  while (!steps.next().done) pauses++;
  return { text, pauses, parts };
}

const tool = (i: number) => ({
  objectId: `o${i}`,
  schemaId: 't-box',
  title: 'Box "quoted" \u2028 ü',
  'bounding-box': { x: i, y: 0.5, width: 3, height: 4 },
  classifications: [],
  metadata: { createdAt: '2026-12-05T00:00:00.000Z', createdIn: 'Import', index: i + 1 },
});

function record(tools: number, extra: Record<string, unknown> = {}): ExportRecord {
  return {
    asset: 'a.jpg',
    assetId: 'id-1',
    metadata: { width: 10, height: 20 },
    batches: [],
    dataset: [],
    task: {
      stage: 'Label',
      stageId: 'Label',
      totalDuration: 1,
      idleDuration: 0,
      blurDuration: 0,
      tools: Array.from({ length: tools }, (_, i) => tool(i)),
      classifications: [{ objectId: 'c1', schemaId: 'c', title: 'C', tool: 'text', answer: 'x', classifications: [], metadata: {} }],
      relations: [],
      brushDataUrl: '',
      stageHistory: [],
      formatVersion: 2,
      ...extra,
    },
  } as unknown as ExportRecord;
}

describe('format: the export record as JSON text in steps (exportJsonSteps)', () => {
  for (const count of [0, 1, 500, 1201]) {
    it(`writes exactly JSON.stringify(record) with ${count} tool entries`, () => {
      const input = record(count);
      expect(textOf(input).text).to.equal(JSON.stringify(input));
    });
  }

  it('pauses every few hundred tool entries, handing out the text written so far at each pause', () => {
    const { pauses, parts } = textOf(record(2000));
    expect(pauses).to.equal(3);
    expect(parts).to.equal(4);
  });

  it('leaves out what JSON.stringify leaves out and keeps the keys in their order (multi-plane brush URLs, optional fields)', () => {
    const input = record(3, { brushDataUrls: { '2': 'data:image/png;base64,AA' }, updatedBy: undefined });
    expect(textOf(input).text).to.equal(JSON.stringify(input));
    expect(JSON.parse(textOf(input).text)).to.deep.equal(JSON.parse(JSON.stringify(input)));
  });
});
