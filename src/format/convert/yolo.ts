/**
 * YOLO label files: detection (`c cx cy w h`), segmentation (`c x1 y1 x2 y2 …`), oriented boxes
 * (`c x1 y1 … x4 y4`, corners clockwise from the box's origin) and pose (`c cx cy w h` then
 * `x y [v]` per keypoint, `kpt_shape` in data.yaml), all normalised to 0..1 by the image size.
 * Class names come from Ultralytics `data.yaml` (`names` as a list or an index → name map) or
 * from a darknet `obj.names` / `classes.txt` (one name per line).
 *
 * A dataset is a set of text files by path: `{ files: { 'data.yaml': …, 'labels/train/1.txt': … } }`;
 * label files are matched to images by file stem, whose sizes the caller passes (`images`).
 */
import { load as loadYaml } from 'js-yaml';
import type { Keypoint, Point } from '../../core/model.js';
import type { ExportRecord } from '../types.js';
import { ClassMap, exportOntology, sourceClassId, type OntologyIndex } from './class-map.js';
import { at, exportRecord, exportTool, guarded, imageSize, isNumber, isRecord, Problems, recordsOf, stem, tidy, type Converted } from './common.js';
import type { Imported } from './coco.js';
import { reportUnexpressed } from './coco.js';
import { clockwiseCorners, rotatedFromCorners } from './rotated.js';
import { boundsOf, geometryKeyOf, openRing } from './shapes.js';

export type YoloTask = 'detect' | 'segment' | 'obb' | 'pose';

export interface YoloInput {
  /** Text files by path (data.yaml, obj.names or classes.txt, label .txt files). */
  files: Record<string, string>;
}

export interface YoloImportOptions {
  ontology?: unknown;
  /** Image file name and size by label file stem (`'1'` for `labels/train/1.txt`). */
  images?: Record<string, { file?: string; width: number; height: number }>;
  /** What 8-number lines are; by default oriented boxes unless the dataset also has polygons of other lengths. */
  task?: YoloTask;
}

interface ClassList {
  names: Map<number, string>;
  kptShape?: [number, number];
}

const NAME_FILES = /(^|\/)(obj\.names|classes\.txt|[^/]+\.names)$/;
const IMAGE_LISTS = /(^|\/)(train|valid|val|test)\.txt$/;
const YAML = /\.ya?ml$/;

function classList(files: Record<string, string>, problems: Problems): ClassList {
  const names = new Map<number, string>();
  let kptShape: [number, number] | undefined;
  for (const [path, text] of Object.entries(files)) {
    if (YAML.test(path)) {
      let doc: unknown;
      try {
        doc = loadYaml(text);
      } catch (error) {
        problems.add('bad-yaml', path, `${path} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : ''}`);
        continue;
      }
      if (!isRecord(doc)) continue;
      const given = doc['names'];
      if (Array.isArray(given)) given.forEach((n, i) => names.set(i, String(n)));
      else if (isRecord(given)) for (const [k, n] of Object.entries(given)) if (/^\d+$/.test(k)) names.set(Number(k), String(n));
      else if (given !== undefined) problems.add('bad-names', `${path}.names`, '"names" must be a list or an index → name map.');
      const shape = doc['kpt_shape'];
      if (Array.isArray(shape) && shape.length === 2 && Number.isInteger(shape[0]) && (shape[1] === 2 || shape[1] === 3)) kptShape = [shape[0] as number, shape[1] as number];
      else if (shape !== undefined) problems.add('bad-kpt-shape', `${path}.kpt_shape`, '"kpt_shape" must be [keypoints, 2 or 3].');
    } else if (NAME_FILES.test(path)) {
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .forEach((name, i) => names.set(i, name));
    }
  }
  return { names, ...(kptShape ? { kptShape } : {}) };
}

/** A YOLO dataset (text files by path) → export records, one per label file. */
export function fromYolo(input: unknown, options: YoloImportOptions = {}): Converted<Imported> {
  const problems = new Problems();
  const map = new ClassMap('yolo', options.ontology, problems);
  return guarded(problems, { records: [], ontology: { tools: [], classifications: [], relations: [] } }, () => {
    const files = isRecord(input) && isRecord(input['files']) ? (input['files'] as Record<string, unknown>) : undefined;
    if (!files) {
      problems.add('not-yolo', '$', 'Expected { files: { path: text } } with data.yaml or obj.names and the label files.');
      return { records: [], ontology: map.ontology() };
    }
    const texts: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) {
      if (typeof text === 'string') texts[path] = text;
      else problems.add('not-text', `$.files[${JSON.stringify(path)}]`, 'Each file is its text.');
    }
    const classes = classList(texts, problems);
    const labelFiles = Object.keys(texts)
      .filter((path) => path.endsWith('.txt') && !NAME_FILES.test(path) && !IMAGE_LISTS.test(path))
      .sort();
    const lines = labelFiles.map((path) => ({
      path,
      rows: texts[path]!.split(/\r?\n/).map((line) => line.trim().split(/\s+/).filter(Boolean)),
    }));
    const polygonsOfOtherLengths = lines.some(({ rows }) => rows.some((r) => r.length > 1 && r.length !== 5 && r.length !== 9));
    const task: YoloTask = options.task ?? (classes.kptShape ? 'pose' : polygonsOfOtherLengths ? 'segment' : 'obb');
    const records: ExportRecord[] = [];

    for (const { path, rows } of lines) {
      const key = stem(path);
      const image = options.images?.[key] ?? options.images?.[path];
      if (!image || !isNumber(image.width) || !isNumber(image.height) || image.width <= 0 || image.height <= 0) {
        problems.add('missing-size', path, `No image size for "${key}": YOLO coordinates are fractions of it (pass images["${key}"]).`);
        continue;
      }
      const { width: W, height: H } = image;
      const asset = image.file ?? key;
      const record = exportRecord({ asset, externalId: asset, metadata: { width: W, height: H } });
      rows.forEach((row, n) => {
        if (row.length === 0) return;
        const where = `${path}:${n + 1}`;
        const values = row.map(Number);
        if (!/^\d+$/.test(row[0]!) || !values.every(Number.isFinite)) return problems.add('bad-line', where, 'A line is a class index and numbers.');
        const classIndex = values[0]!;
        const name = classes.names.get(classIndex);
        if (name === undefined) problems.add('unknown-class-index', where, `Class ${classIndex} has no name in data.yaml / obj.names; it is named "${classIndex}".`);
        const className = name ?? String(classIndex);
        const nums = values.slice(1);
        const objectId = `${key}:${n + 1}`;
        const px = (i: number): Point => [nums[i]! * W, nums[i + 1]! * H];
        if (task === 'pose' && classes.kptShape) {
          const [count, dims] = classes.kptShape;
          if (nums.length !== 4 + count * dims) return problems.add('bad-line', where, `A pose line has 4 box numbers and ${count}×${dims} keypoint numbers; got ${nums.length}.`);
          const tool = map.tool(className, ['keypoints'], where, { id: classIndex, keypoints: Array.from({ length: count }, (_, k) => String(k + 1)) });
          if (!tool) return undefined;
          const known = map.keypointNames(tool.schemaId);
          const points: Keypoint[] = [];
          for (let k = 0; k < count; k++) {
            const [x, y] = px(4 + k * dims);
            const raw = dims === 3 ? nums[4 + k * dims + 2]! : x === 0 && y === 0 ? 0 : 2;
            points.push({ name: known[k] ?? String(k + 1), x, y, visibility: raw === 0 || raw === 1 ? raw : 2 });
          }
          const box = { x: (nums[0]! - nums[2]! / 2) * W, y: (nums[1]! - nums[3]! / 2) * H, width: nums[2]! * W, height: nums[3]! * H };
          record.task.tools.push(exportTool(objectId, tool.schemaId, tool.title, { keypoints: { points, box } }));
        } else if (nums.length === 4) {
          const tool = map.tool(className, ['bounding-box'], where, { id: classIndex });
          const [cx, cy, w, h] = nums as [number, number, number, number];
          if (tool) record.task.tools.push(exportTool(objectId, tool.schemaId, tool.title, { 'bounding-box': { x: (cx - w / 2) * W, y: (cy - h / 2) * H, width: w * W, height: h * H } }));
        } else if (nums.length >= 6 && nums.length % 2 === 0) {
          // Eight numbers are an oriented box or a 4-point polygon: the task says which comes first, the class map may take the other.
          const quad = nums.length === 8;
          const kinds = quad && task === 'obb' ? (['rotated-bounding-box', 'polygon', 'segmentation'] as const) : quad ? (['polygon', 'segmentation', 'rotated-bounding-box'] as const) : (['polygon', 'segmentation'] as const);
          const tool = map.tool(className, kinds, where, { id: classIndex });
          const corners = Array.from({ length: nums.length / 2 }, (_, k) => px(k * 2));
          const ring = openRing(corners);
          if (tool) {
            const geometry =
              tool.tool === 'rotated-bounding-box' ? { 'rotated-bounding-box': rotatedFromCorners(corners, true) } : tool.tool === 'polygon' ? { polygon: ring } : { segmentation: { zones: [{ region: ring, holes: [] }] } };
            record.task.tools.push(exportTool(objectId, tool.schemaId, tool.title, geometry));
          }
        } else problems.add('bad-line', where, `${nums.length} numbers after the class fit no YOLO task.`);
        return undefined;
      });
      records.push(record);
    }
    if (map.generated) {
      for (const [index, name] of [...classes.names].sort((a, b) => a[0] - b[0])) {
        map.declare(name, task === 'pose' ? 'keypoints' : task === 'obb' && lines.some(({ rows }) => rows.some((r) => r.length === 9)) ? 'rotated-bounding-box' : 'bounding-box', {
          id: index,
          ...(task === 'pose' && classes.kptShape ? { keypoints: Array.from({ length: classes.kptShape[0] }, (_, k) => String(k + 1)) } : {}),
        });
      }
    }
    return { records, ontology: map.ontology() };
  });
}

// ---- export ----------------------------------------------------------------------------------

export interface YoloExportOptions {
  ontology?: unknown;
  /** Numbers per pose keypoint: 3 (`x y visibility`, the default) or 2 (`x y`; a point not labelled is `0 0`). */
  keypointDims?: 2 | 3;
  /** `ultralytics` (data.yaml, labels/<stem>.txt; the default) or `darknet` (obj.names, obj.data, obj_train_data/<stem>.txt). */
  layout?: 'ultralytics' | 'darknet';
}

const num = (n: number): string => String(tidy(n));

/** Export records → YOLO text files by path. */
export function toYolo(input: unknown, options: YoloExportOptions = {}): Converted<{ files: Record<string, string> }> {
  const problems = new Problems();
  return guarded(problems, { files: {} }, () => {
    const index = exportOntology(options.ontology, problems);
    const records = recordsOf(input, problems);
    const classes = new ClassIndexes(index);
    const files: Record<string, string> = {};
    const darknet = options.layout === 'darknet';
    const dims = options.keypointDims ?? 3;
    let kptCount = 0;
    const kinds = new Set<string>();
    const stems = new Set<string>();
    records.forEach((record, r) => {
      const path = Array.isArray(input) ? `$[${r}]` : '$';
      const size = imageSize(record, path, problems);
      reportUnexpressed(record, path, problems, 'YOLO');
      (record.task.relations ?? []).forEach((_, i) => problems.add('relation-dropped', at(at(at(path, 'task'), 'relations'), i), 'YOLO has no relations; this one is left out.'));
      if (!size) return;
      const { width: W, height: H } = size;
      const out: string[] = [];
      (record.task.tools ?? []).forEach((tool, t) => {
        const toolPath = at(at(at(path, 'task'), 'tools'), t);
        const extra = { objectId: tool.objectId };
        if (tool.page !== undefined && tool.page !== 0) return problems.add('page-dropped', toolPath, 'YOLO labels single images; entries on other pages or frames are left out.', extra);
        if ((tool.classifications ?? []).length > 0) problems.add('classification-dropped', at(toolPath, 'classifications'), 'YOLO has no attributes; the nested classifications are left out.', extra);
        const c = classes.of(tool);
        const xy = ([x, y]: Point) => `${num(x / W)} ${num(y / H)}`;
        const kind = geometryKeyOf(tool);
        kinds.add(kind === 'polygon' || kind === 'segmentation' ? 'segment' : kind);
        if (tool['bounding-box']) {
          const { x, y, width, height } = tool['bounding-box'];
          out.push(`${c} ${num((x + width / 2) / W)} ${num((y + height / 2) / H)} ${num(width / W)} ${num(height / H)}`);
        } else if (tool['rotated-bounding-box']) {
          out.push(`${c} ${clockwiseCorners(tool['rotated-bounding-box']).map(xy).join(' ')}`);
        } else if (tool.polygon) {
          out.push(`${c} ${tool.polygon.map(xy).join(' ')}`);
        } else if (tool.segmentation) {
          const zones = tool.segmentation.zones;
          if (zones.some((z) => z.holes.length > 0)) problems.add('holes-dropped', toolPath, 'YOLO polygons have no holes; the holes are left out.', extra);
          if (zones.length > 1) problems.add('converted', toolPath, `YOLO has one polygon per object: this segmentation is written as ${zones.length} objects.`, extra);
          for (const zone of zones) out.push(`${c} ${zone.region.map(xy).join(' ')}`);
        } else if (tool.keypoints) {
          const { points, box } = tool.keypoints;
          const b = box ?? boundsOf(points.filter((k) => k.visibility > 0).map((k): Point => [k.x, k.y]));
          kptCount = Math.max(kptCount, points.length);
          const kp = points.map((k) => (dims === 3 ? `${xy([k.x, k.y])} ${k.visibility}` : k.visibility === 0 ? '0 0' : xy([k.x, k.y])));
          out.push(`${c} ${num((b.x + b.width / 2) / W)} ${num((b.y + b.height / 2) / H)} ${num(b.width / W)} ${num(b.height / H)} ${kp.join(' ')}`);
        } else {
          problems.add('unsupported-geometry', toolPath, `YOLO has no ${kind}; this object is left out.`, extra);
        }
        return undefined;
      });
      let name = stem(record.externalId ?? record.asset);
      for (let n = 2; stems.has(name); n++) name = `${stem(record.externalId ?? record.asset)}-${n}`;
      stems.add(name);
      files[darknet ? `obj_train_data/${name}.txt` : `labels/${name}.txt`] = out.length ? `${out.join('\n')}\n` : '';
    });
    if (kinds.size > 1) problems.add('mixed-tasks', '$', `The objects are of several YOLO tasks (${[...kinds].join(', ')}); a YOLO model trains on one.`);
    const names = classes.list();
    if (darknet) {
      files['obj.names'] = names.map((n) => `${n ?? ''}\n`).join('');
      files['obj.data'] = `classes = ${names.length}\ntrain = data/train.txt\nnames = data/obj.names\nbackup = backup/\n`;
    } else {
      const lines = ['path: .', 'train: images/train', ''];
      if (kptCount > 0) lines.push(`kpt_shape: [${kptCount}, ${dims}]`, '');
      lines.push('names:', ...names.map((n, i) => `  ${i}: ${JSON.stringify(n ?? `class_${i}`)}`));
      files['data.yaml'] = `${lines.join('\n')}\n`;
    }
    return { files };
  });
}

/** Class name → index: generated `yolo:<i>:` schemaIds keep their index, other classes follow in ontology order. */
class ClassIndexes {
  private readonly byName = new Map<string, number>();

  constructor(private readonly index: OntologyIndex) {
    for (const tool of index.ontology.tools) this.add(tool.title, tool.schemaId);
  }

  private add(name: string, schemaId: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const taken = new Set(this.byName.values());
    const hinted = sourceClassId(schemaId, 'yolo');
    let i = hinted !== undefined && !taken.has(hinted) ? hinted : 0;
    while (hinted === undefined && taken.has(i)) i++;
    if (hinted !== undefined && i !== hinted) while (taken.has(i)) i++;
    this.byName.set(name, i);
    return i;
  }

  of(tool: { schemaId: string; title?: string }): number {
    return this.add(this.index.title(tool), tool.schemaId);
  }

  /** Names by index; gaps are undefined. */
  list(): (string | undefined)[] {
    const out: (string | undefined)[] = [];
    for (const [name, i] of this.byName) out[i] = name;
    return Array.from(out);
  }
}
