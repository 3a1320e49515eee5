/**
 * A dense-labeling fixture made on the spot (nothing large is committed or downloaded): `count`
 * objects on one image as an Ango v2 export record, from a seeded generator, so every run and
 * every machine gets the same record. Objects sit one per grid cell (cells, crowds, trees), three
 * of four boxes and one of four hexagons, each inside its own cell: a point's object is known.
 */
import { seededRandom } from './seeded-random.js';

export const DENSE_ONTOLOGY = {
  tools: [
    { schemaId: 'd-box', tool: 'bounding-box' as const, title: 'Cell', color: '#e53935', shortcutKey: '1' },
    { schemaId: 'd-poly', tool: 'polygon' as const, title: 'Nucleus', color: '#43a047', shortcutKey: '2' },
  ],
  classifications: [],
  relations: [],
};

export interface DenseLayout {
  width: number;
  height: number;
  columns: number;
  rows: number;
  cell: number;
}

/** The grid `count` objects fill on a `width × height` picture: square cells, as many columns as fit the aspect. */
export function denseLayout(count: number, width: number, height: number): DenseLayout {
  const columns = Math.ceil(Math.sqrt((count * width) / height));
  const rows = Math.ceil(count / columns);
  return { width, height, columns, rows, cell: Math.min(width / columns, height / rows) };
}

/** The centre of object `index`'s cell (asset pixels): a click there lands on that object. */
export function denseCentre(layout: DenseLayout, index: number): [number, number] {
  return [(index % layout.columns) * layout.cell + layout.cell / 2, Math.floor(index / layout.columns) * layout.cell + layout.cell / 2];
}

export const denseId = (index: number) => `d${index}`;

/**
 * The record: object `d{i}` in cell i (row-major). Each shape covers 50–80 % of its cell round
 * the cell's centre (so the centre is inside it), its size and aspect drawn from `seed`.
 */
export function denseRecord(count: number, options: { width?: number; height?: number; seed?: number } = {}): { record: unknown; layout: DenseLayout } {
  const width = options.width ?? 4000;
  const height = options.height ?? 3000;
  const layout = denseLayout(count, width, height);
  const random = seededRandom(options.seed ?? 21);
  const round = (v: number) => Math.round(v * 100) / 100;
  const tools = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    const [cx, cy] = denseCentre(layout, i);
    const w = layout.cell * (0.5 + 0.3 * random());
    const h = layout.cell * (0.5 + 0.3 * random());
    const metadata = { createdAt: '2026-12-05T00:00:00.000Z', createdBy: 'generator', createdIn: 'Import' };
    if (i % 4 === 3) {
      const polygon = Array.from({ length: 6 }, (_, k) => {
        const angle = (k / 6) * Math.PI * 2;
        return [round(cx + (Math.cos(angle) * w) / 2), round(cy + (Math.sin(angle) * h) / 2)];
      });
      tools[i] = { objectId: denseId(i), schemaId: 'd-poly', title: 'Nucleus', classifications: [], metadata, polygon };
    } else {
      tools[i] = {
        objectId: denseId(i),
        schemaId: 'd-box',
        title: 'Cell',
        classifications: [],
        metadata,
        'bounding-box': { x: round(cx - w / 2), y: round(cy - h / 2), width: round(w), height: round(h) },
      };
    }
  }
  const record = {
    asset: 'dense.jpg',
    metadata: { width, height },
    batches: [],
    dataset: [],
    task: { tools, classifications: [], relations: [], brushDataUrl: '', stageHistory: [], formatVersion: 2 },
  };
  return { record, layout };
}
