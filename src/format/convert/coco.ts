/**
 * COCO instances and keypoints (cocodataset.org "data format"), and the COCO results list.
 *
 * Import: one record per image (`asset` and `externalId` = `file_name`, `assetId` = image id).
 * An annotation becomes, by what it holds: one polygon → `polygon` (or `segmentation` where the
 * ontology has only that), several polygons → `segmentation` with one zone each, RLE (compressed
 * or not) → `segmentation` traced along pixel edges (holes included), no usable segmentation →
 * `bounding-box` from `bbox`; `keypoints` → a `keypoints` object (its box from `bbox`). An
 * annotation with both a shape and keypoints gives two objects joined by a group relation
 * titled `instance`. `iscrowd` (when 1), `score` and `attributes` become nested classifications.
 *
 * Export: the reverse; `bbox` and `area` are computed from the shape. A segmentation with holes,
 * or marked `iscrowd`, is written as RLE (uncompressed counts for crowds, as COCO ground truth
 * does, compressed otherwise).
 */
import type { Box, Keypoint, Point, Zone } from '../../core/model.js';
import type { Ontology } from '../../core/ontology.js';
import type { ExportRecord, ExportTool } from '../types.js';
import { attributeClassifications, classificationAttributes, typedAttribute, type AttributeValue } from './attributes.js';
import { ClassMap, exportOntology, sourceClassId, type OntologyIndex } from './class-map.js';
import { asList, at, exportRecord, exportTool, guarded, imageSize, isNumber, isRecord, Problems, recordsOf, type Converted, type Json } from './common.js';
import { rasterizeZones, traceMask } from './mask.js';
import { countsToMask, decodeCounts, encodeCounts, maskArea, maskToCounts } from './rle.js';
import { boundsOf, flatten, geometryKeyOf, openRing, outlineOf, pointsFromFlat, ringArea, zoneArea } from './shapes.js';
import { rotatedCorners } from './rotated.js';

export interface CocoCategory {
  id: number;
  name: string;
  supercategory?: string;
  keypoints?: string[];
  skeleton?: [number, number][];
}
export interface CocoImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
}
export type CocoRle = { size: [number, number]; counts: number[] | string };
export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  segmentation: number[][] | CocoRle;
  area: number;
  bbox: [number, number, number, number];
  iscrowd: 0 | 1;
  keypoints?: number[];
  num_keypoints?: number;
  score?: number;
  attributes?: Record<string, AttributeValue>;
}
export interface CocoDataset {
  info?: unknown;
  licenses?: unknown[];
  images: CocoImage[];
  annotations: CocoAnnotation[];
  categories: CocoCategory[];
}

/**
 * What a COCO dataset holds beyond the annotations, kept as given so COCO → labelkit → COCO writes
 * it back: `info`, `licenses`, and the other fields of each image (`license`, `coco_url`,
 * `date_captured`…, by image id), of each category (`supercategory`, `color`…, by name) and of
 * each annotation (`isbbox`, `color`, `metadata`…, by annotation id).
 */
export interface CocoExtras {
  info?: unknown;
  licenses?: unknown[];
  images: Record<string, Json>;
  categories: Record<string, Json>;
  annotations: Record<string, Json>;
}

export interface ImportOptions {
  /** The class map; without it one is generated from the categories (see docs/format.md). */
  ontology?: unknown;
}

export interface Imported {
  records: ExportRecord[];
  /** The ontology the records use: the one given, or the generated one. */
  ontology: Ontology;
  /** The dataset's other fields, for `toCoco(records, { coco })`. */
  coco?: CocoExtras;
}

/** The fields of `object` other than `known`, or undefined when there are none. */
function otherFields(object: Json, known: readonly string[]): Json | undefined {
  const rest = Object.fromEntries(Object.entries(object).filter(([key]) => !known.includes(key)));
  return Object.keys(rest).length > 0 ? rest : undefined;
}

const IMAGE_FIELDS = ['id', 'file_name', 'width', 'height'];
const CATEGORY_FIELDS = ['id', 'name', 'keypoints', 'skeleton'];
const ANNOTATION_FIELDS = ['id', 'image_id', 'category_id', 'segmentation', 'area', 'bbox', 'iscrowd', 'keypoints', 'num_keypoints', 'score', 'attributes'];

/** The group relation that joins a COCO annotation's shape and keypoints objects. */
export const INSTANCE_RELATION = 'instance';

const truthy = (v: unknown) => v === 1 || v === true || v === '1' || v === 'true';

/** COCO (a dataset object, or a results list) → export records. */
export function fromCoco(input: unknown, options: ImportOptions = {}): Converted<Imported> {
  const problems = new Problems();
  const map = new ClassMap('coco', options.ontology, problems);
  return guarded(problems, { records: [], ontology: { tools: [], classifications: [], relations: [] } }, () => {
    const results = Array.isArray(input);
    if (!results && !isRecord(input)) {
      problems.add('not-coco', '$', 'Expected a COCO dataset { images, annotations, categories } or a results list.');
      return { records: [], ontology: map.ontology() };
    }
    const annotations = results ? input : (asList((input as Json)['annotations']) ?? []);
    if (!results && !Array.isArray((input as Json)['annotations'])) problems.add('not-coco', '$.annotations', 'A COCO dataset lists its annotations in "annotations".');

    const extras: CocoExtras = { images: {}, categories: {}, annotations: {} };
    if (!results) {
      const { info, licenses } = input as Json;
      if (info !== undefined) extras.info = info;
      if (Array.isArray(licenses)) extras.licenses = licenses;
    }
    const categories = new Map<number, CocoCategory>();
    (results ? [] : (asList((input as Json)['categories']) ?? [])).forEach((c, i) => {
      if (!isRecord(c) || !isNumber(c['id']) || typeof c['name'] !== 'string') return problems.add('bad-category', `$.categories[${i}]`, 'A category is { id, name }.');
      const other = otherFields(c, CATEGORY_FIELDS);
      if (other) extras.categories[c['name']] = other;
      const keypoints = asList(c['keypoints'])?.filter((n): n is string => typeof n === 'string');
      const skeleton = asList(c['skeleton'])?.filter((p): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every(Number.isInteger));
      categories.set(c['id'], { id: c['id'], name: c['name'], ...(keypoints ? { keypoints } : {}), ...(skeleton ? { skeleton } : {}) });
      return undefined;
    });

    const records = new Map<number, { record: ExportRecord; width: number; height: number }>();
    (results ? [] : (asList((input as Json)['images']) ?? [])).forEach((image, i) => {
      const path = `$.images[${i}]`;
      if (!isRecord(image) || !isNumber(image['id'])) return problems.add('bad-image', path, 'An image is { id, file_name, width, height }.');
      const width = image['width'];
      const height = image['height'];
      if (!isNumber(width) || !isNumber(height)) problems.add('missing-size', path, 'The image has no width and height.');
      const name = typeof image['file_name'] === 'string' ? image['file_name'] : String(image['id']);
      const other = otherFields(image, IMAGE_FIELDS);
      if (other) extras.images[String(image['id'])] = other;
      const record = exportRecord({ asset: name, assetId: String(image['id']), externalId: name, metadata: { width: isNumber(width) ? width : 0, height: isNumber(height) ? height : 0 } });
      records.set(image['id'], { record, width: isNumber(width) ? width : 0, height: isNumber(height) ? height : 0 });
      return undefined;
    });

    annotations.forEach((ann, i) => {
      const path = results ? `$[${i}]` : `$.annotations[${i}]`;
      if (!isRecord(ann)) return problems.add('bad-annotation', path, 'An annotation must be an object.');
      const imageId = ann['image_id'];
      let target = isNumber(imageId) ? records.get(imageId) : undefined;
      if (!target && results && isNumber(imageId)) {
        // Results carry no image list: the image is known by id, its size from an RLE if any.
        const size = isRecord(ann['segmentation']) ? asList(ann['segmentation']['size']) : undefined;
        const [height, width] = size && size.every(isNumber) ? (size as number[]) : [0, 0];
        target = { record: exportRecord({ asset: String(imageId), assetId: String(imageId), metadata: { width: width!, height: height! } }), width: width!, height: height! };
        records.set(imageId, target);
      }
      if (!target) return problems.add('unknown-image', at(path, 'image_id'), `No image has id ${JSON.stringify(imageId)}.`);
      const categoryId = ann['category_id'];
      let category = isNumber(categoryId) ? categories.get(categoryId) : undefined;
      if (!category && results && isNumber(categoryId)) categories.set(categoryId, (category = { id: categoryId, name: String(categoryId) }));
      if (!category) return problems.add('unknown-category', at(path, 'category_id'), `No category has id ${JSON.stringify(categoryId)}.`);
      const objectId = isNumber(ann['id']) || typeof ann['id'] === 'string' ? String(ann['id']) : `${isNumber(imageId) ? imageId : 'x'}-${i}`;
      const other = results ? undefined : otherFields(ann, ANNOTATION_FIELDS);
      if (other) extras.annotations[objectId] = other;
      convertAnnotation(map, problems, ann, category, objectId, target, path);
      return undefined;
    });
    // Categories no annotation uses still belong to the class list (ids with gaps survive a round trip).
    if (map.generated) for (const c of categories.values()) map.declare(c.name, c.keypoints?.length ? 'keypoints' : 'bounding-box', { id: c.id, keypoints: c.keypoints, skeleton: c.skeleton });
    const kept = extras.info !== undefined || extras.licenses !== undefined || [extras.images, extras.categories, extras.annotations].some((byKey) => Object.keys(byKey).length > 0);
    return { records: [...records.values()].map((r) => r.record), ontology: map.ontology(), ...(kept ? { coco: extras } : {}) };
  });
}

function attributesOf(ann: Json, path: string, problems: Problems): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  if (truthy(ann['iscrowd'])) out['iscrowd'] = 1;
  if (isNumber(ann['score'])) out['score'] = ann['score'];
  const given = ann['attributes'];
  if (isRecord(given)) {
    for (const [key, value] of Object.entries(given)) {
      if (typeof value === 'string' || typeof value === 'boolean' || isNumber(value)) out[key] = value;
      else problems.add('bad-attribute', at(at(path, 'attributes'), key), 'An attribute value must be a string, number or boolean.');
    }
  }
  return out;
}

type Shape = { kinds: ('polygon' | 'segmentation' | 'bounding-box')[]; polygon?: Point[]; zones?: Zone[]; box?: Box };

function shapeOf(ann: Json, target: { width: number; height: number }, path: string, problems: Problems): Shape | undefined {
  const seg = ann['segmentation'];
  const segPath = at(path, 'segmentation');
  if (Array.isArray(seg) && seg.length > 0) {
    const parts: Point[][] = [];
    for (let p = 0; p < seg.length; p++) {
      const ring = pointsFromFlat(seg[p], 3);
      if (ring) parts.push(openRing(ring));
      else problems.add('bad-geometry', at(segPath, p), 'A polygon is a flat list [x0, y0, x1, y1, …] of at least 3 points.');
    }
    if (parts.length === 1) return { kinds: ['polygon', 'segmentation'], polygon: parts[0]! };
    if (parts.length > 1) return { kinds: ['segmentation'], zones: parts.map((region) => ({ region, holes: [] })) };
  } else if (isRecord(seg)) {
    const size = asList(seg['size']);
    const counts = seg['counts'];
    const [height, width] = size && size.length === 2 && size.every((n) => Number.isInteger(n) && (n as number) >= 0) ? (size as [number, number]) : [-1, -1];
    const runs = typeof counts === 'string' ? decodeCounts(counts) : Array.isArray(counts) && counts.every(Number.isInteger) ? (counts as number[]) : undefined;
    const mask = runs && width >= 0 ? countsToMask(runs, width, height) : undefined;
    if (!mask) problems.add('bad-geometry', segPath, 'An RLE is { size: [height, width], counts } whose runs cover the mask exactly.');
    else {
      if ((target.width && width !== target.width) || (target.height && height !== target.height)) {
        problems.add('size-mismatch', at(segPath, 'size'), `The RLE is ${width}×${height}, the image ${target.width}×${target.height}; the mask is read at its own size.`);
      }
      const zones = traceMask(mask, width, height);
      if (zones.length > 0) return { kinds: ['segmentation'], zones };
      problems.add('empty-mask', segPath, 'The RLE mask is empty.');
    }
  }
  const bbox = asList(ann['bbox']);
  if (bbox && bbox.length === 4 && bbox.every(isNumber)) {
    const [x, y, width, height] = bbox as number[];
    return { kinds: ['bounding-box'], box: { x: x!, y: y!, width: width!, height: height! } };
  }
  if (ann['bbox'] !== undefined) problems.add('bad-geometry', at(path, 'bbox'), 'A bbox is [x, y, width, height].');
  return undefined;
}

function convertAnnotation(map: ClassMap, problems: Problems, ann: Json, category: CocoCategory, objectId: string, target: { record: ExportRecord; width: number; height: number }, path: string): void {
  const task = target.record.task;
  const rawKeypoints = ann['keypoints'];
  const keypointValues = Array.isArray(rawKeypoints) && rawKeypoints.length > 0 ? rawKeypoints : undefined;
  const hasKeypoints = keypointValues !== undefined;
  const attributes = attributesOf(ann, path, problems);
  // With keypoints, the bbox is the keypoints object's box, not a shape of its own.
  const shape = hasKeypoints && !(Array.isArray(ann['segmentation']) ? ann['segmentation'].length > 0 : isRecord(ann['segmentation'])) ? undefined : shapeOf(ann, target, path, problems);
  const made: ExportTool[] = [];
  if (shape) {
    const tool = map.tool(category.name, shape.kinds, at(path, 'category_id'), { id: category.id });
    if (tool) {
      const nested = attributeClassifications(map, problems, tool, objectId, attributes, at(path, 'attributes'));
      const geometry =
        tool.tool === 'bounding-box' ? { 'bounding-box': shape.box! } : tool.tool === 'polygon' ? { polygon: shape.polygon! } : { segmentation: { zones: shape.zones ?? [{ region: shape.polygon!, holes: [] }] } };
      made.push(exportTool(objectId, tool.schemaId, tool.title, geometry, nested));
    }
  }
  if (keypointValues) {
    const kpPath = at(path, 'keypoints');
    if (keypointValues.length % 3 !== 0 || !keypointValues.every(isNumber)) {
      problems.add('bad-geometry', kpPath, 'COCO keypoints are a flat list [x1, y1, v1, x2, y2, v2, …].');
    } else {
      const names = category.keypoints ?? [];
      const count = keypointValues.length / 3;
      if (names.length !== count) problems.add('keypoint-names', kpPath, `The category "${category.name}" names ${names.length} keypoints; this annotation has ${count}. The unnamed ones are named by their 1-based index.`);
      const fullNames = Array.from({ length: Math.max(count, names.length) }, (_, k) => names[k] ?? String(k + 1));
      // One keypoint is also what a labelkit point exports as: a point tool of the class takes it where the ontology has one.
      const tool = map.tool(category.name, count === 1 && made.length === 0 ? ['keypoints', 'point'] : ['keypoints'], at(path, 'category_id'), { id: category.id, keypoints: fullNames, skeleton: category.skeleton });
      if (tool?.tool === 'point') {
        made.push(exportTool(objectId, tool.schemaId, tool.title, { point: [keypointValues[0] as number, keypointValues[1] as number] }, attributeClassifications(map, problems, tool, objectId, attributes, at(path, 'attributes'))));
      } else if (tool) {
        const points: Keypoint[] = [];
        for (let k = 0; k < count; k++) {
          const v = keypointValues[k * 3 + 2] as number;
          if (v !== 0 && v !== 1 && v !== 2) problems.add('bad-geometry', at(kpPath, k * 3 + 2), `Visibility must be 0, 1 or 2; ${v} is read as 2.`);
          points.push({ name: fullNames[k]!, x: keypointValues[k * 3] as number, y: keypointValues[k * 3 + 1] as number, visibility: v === 0 || v === 1 ? v : 2 });
        }
        const bbox = asList(ann['bbox']);
        const box = bbox && bbox.length === 4 && bbox.every(isNumber) ? { x: bbox[0] as number, y: bbox[1] as number, width: bbox[2] as number, height: bbox[3] as number } : undefined;
        const id = made.length > 0 ? `${objectId}:keypoints` : objectId;
        const nested = made.length > 0 ? [] : attributeClassifications(map, problems, tool, id, attributes, at(path, 'attributes'));
        made.push(exportTool(id, tool.schemaId, tool.title, { keypoints: box ? { points, box } : { points } }, nested));
      }
    }
  }
  task.tools.push(...made);
  if (made.length === 2) {
    const relation = map.relation(INSTANCE_RELATION, 'group', path);
    if (relation) task.relations.push({ objectId: `${objectId}:instance`, schemaId: relation.schemaId, title: relation.title, group: made.map((m) => m.objectId), metadata: made[0]!.metadata });
  }
}

// ---- export ----------------------------------------------------------------------------------

export interface CocoExportOptions {
  ontology?: unknown;
  /** What `fromCoco` kept of a dataset (`info`, `licenses`, other image and category fields): written back. */
  coco?: CocoExtras;
}

/** Export records → a COCO dataset (instances, with keypoints where there are any). */
export function toCoco(input: unknown, options: CocoExportOptions = {}): Converted<CocoDataset> {
  const problems = new Problems();
  return guarded(problems, { images: [], annotations: [], categories: [] }, () => {
    const index = exportOntology(options.ontology, problems);
    const records = recordsOf(input, problems);
    const categories = new CategoryIds(index);
    const images: CocoImage[] = [];
    const annotations: CocoAnnotation[] = [];
    const usedImageIds = new Set<number>();
    const usedAnnIds = new Set<number>();
    // Ids the records give, claimed first so generated ones never collide.
    for (const r of records) for (const t of r.task.tools ?? []) if (/^(0|[1-9]\d*)$/.test(t.objectId)) usedAnnIds.add(Number(t.objectId));
    let nextAnnId = 1;
    for (const id of usedAnnIds) if (id >= nextAnnId) nextAnnId = id + 1;
    let nextImageId = 1;

    records.forEach((record, r) => {
      const path = Array.isArray(input) ? `$[${r}]` : '$';
      const size = imageSize(record, path, problems) ?? { width: 0, height: 0 };
      const givenId = Number(record.assetId);
      let imageId = givenId;
      if (!(record.assetId && Number.isInteger(givenId) && givenId >= 0 && !usedImageIds.has(givenId))) while (usedImageIds.has((imageId = nextImageId++)));
      usedImageIds.add(imageId);
      images.push({ ...(record.assetId !== undefined ? options.coco?.images[record.assetId] : undefined), id: imageId, file_name: record.externalId ?? record.asset, width: size.width, height: size.height });
      reportUnexpressed(record, path, problems, 'COCO');

      const tools = record.task.tools ?? [];
      const byId = new Map(tools.map((t) => [t.objectId, t]));
      const pairedWith = new Map<string, string>();
      (record.task.relations ?? []).forEach((relation, i) => {
        const group = 'group' in relation ? relation.group : undefined;
        if (group && index.title(relation) === INSTANCE_RELATION && group.length === 2) {
          const [a, b] = group as [string, string];
          const kinds = [byId.get(a), byId.get(b)].map((t) => t && geometryKeyOf(t));
          if (kinds.filter((k) => k === 'keypoints').length === 1) {
            pairedWith.set(a, b);
            pairedWith.set(b, a);
            return;
          }
        }
        problems.add('relation-dropped', at(at(at(path, 'task'), 'relations'), i), 'COCO has no relations; this one is left out.');
      });

      const done = new Set<string>();
      tools.forEach((tool, t) => {
        if (done.has(tool.objectId)) return;
        const toolPath = at(at(at(path, 'task'), 'tools'), t);
        if (tool.page !== undefined && tool.page !== 0) {
          problems.add('page-dropped', toolPath, 'COCO images are single pictures; entries on other pages or frames are left out.', { objectId: tool.objectId });
          return;
        }
        const partner = pairedWith.get(tool.objectId);
        const other = partner ? byId.get(partner) : undefined;
        done.add(tool.objectId);
        if (other) done.add(other.objectId);
        const shapeTool = other && geometryKeyOf(tool) === 'keypoints' ? other : tool;
        const keypointTool = geometryKeyOf(tool) === 'keypoints' ? tool : other;
        const ann = annotationOf(index, categories, shapeTool, keypointTool, imageId, size, toolPath, problems);
        if (!ann) return;
        const id = /^(0|[1-9]\d*)$/.test(shapeTool.objectId) ? Number(shapeTool.objectId) : nextAnnId++;
        annotations.push({ ...options.coco?.annotations[shapeTool.objectId], id, ...ann });
      });
    });
    const extras = options.coco;
    // A dataset read by fromCoco gets its categories' own fields back (and no supercategory it lacked).
    const categoryList = extras
      ? categories.list().map(({ supercategory: _default, ...category }) => ({ ...category, ...extras.categories[category.name] }))
      : categories.list();
    return {
      ...(extras?.info !== undefined ? { info: extras.info } : {}),
      ...(extras?.licenses ? { licenses: extras.licenses } : {}),
      images,
      annotations,
      categories: categoryList,
    };
  });
}

/** Problems for what a record holds that no single-image instance format keeps. */
export function reportUnexpressed(record: ExportRecord, path: string, problems: Problems, format: string): void {
  const task = record.task;
  if (task.brushDataUrl || (task.brushDataUrls && Object.keys(task.brushDataUrls).length > 0)) problems.add('brush-dropped', at(at(path, 'task'), 'brushDataUrl'), `${format} has no place for brush masks; they are left out.`);
  (task.classifications ?? []).forEach((c, i) => problems.add('classification-dropped', at(at(at(path, 'task'), 'classifications'), i), `${format} has no image-level classifications; "${c.title}" is left out.`));
}

class CategoryIds {
  private readonly byName = new Map<string, CocoCategory>();

  constructor(private readonly index: OntologyIndex) {
    for (const tool of index.ontology.tools) this.add(tool.title, tool.schemaId, tool.keypoints, tool.skeleton);
  }

  private add(name: string, schemaId: string, keypoints?: string[], skeleton?: [number, number][]): CocoCategory {
    let category = this.byName.get(name);
    if (!category) {
      const hinted = sourceClassId(schemaId, 'coco');
      const taken = new Set([...this.byName.values()].map((c) => c.id));
      const id = hinted !== undefined && !taken.has(hinted) ? hinted : Math.max(0, ...taken) + 1;
      this.byName.set(name, (category = { id, name, supercategory: '' }));
    }
    if (keypoints && keypoints.length > (category.keypoints?.length ?? -1)) {
      category.keypoints = [...keypoints];
      category.skeleton = skeleton?.map(([a, b]) => [a, b]) ?? [];
    }
    return category;
  }

  of(tool: ExportTool): CocoCategory {
    const category = this.index.tool(tool.schemaId);
    const names = tool.point ? [this.index.title(tool)] : tool.keypoints?.points.map((k) => k.name);
    return this.add(this.index.title(tool), tool.schemaId, category?.keypoints ?? names, category?.skeleton);
  }

  list(): CocoCategory[] {
    return [...this.byName.values()].sort((a, b) => a.id - b.id);
  }
}

function annotationOf(
  index: OntologyIndex,
  categories: CategoryIds,
  shapeTool: ExportTool,
  keypointTool: ExportTool | undefined,
  imageId: number,
  size: { width: number; height: number },
  path: string,
  problems: Problems,
): Omit<CocoAnnotation, 'id'> | undefined {
  const category = categories.of(shapeTool);
  let crowd = false;
  let score: AttributeValue | undefined;
  let attributes: Record<string, AttributeValue> | undefined;
  const nested = shapeTool.classifications ?? [];
  if (nested.length > 0) {
    for (const [key, text] of Object.entries(classificationAttributes(index, nested, problems, at(path, 'classifications')))) {
      const value = typedAttribute(text);
      if (key === 'iscrowd') crowd = truthy(value);
      else if (key === 'score') score = value;
      else (attributes ??= {})[key] = value;
    }
  }
  const base = { image_id: imageId, category_id: category.id, iscrowd: (crowd ? 1 : 0) as 0 | 1, ...(typeof score === 'number' ? { score } : {}), ...(attributes ? { attributes } : {}) };
  const kind = geometryKeyOf(shapeTool);
  let segmentation: CocoAnnotation['segmentation'] = [];
  let area = 0;
  let bbox: Box | undefined;
  if (kind === 'bounding-box') {
    const b = shapeTool['bounding-box']!;
    bbox = b;
    area = b.width * b.height;
  } else if (kind === 'polygon' || kind === 'rotated-bounding-box') {
    const ring = kind === 'polygon' ? shapeTool.polygon! : rotatedCorners(shapeTool['rotated-bounding-box']!);
    if (kind === 'rotated-bounding-box') problems.add('converted', path, 'COCO has no rotated boxes: written as a 4-point polygon.', { objectId: shapeTool.objectId });
    segmentation = [flatten(ring)];
    bbox = boundsOf(ring);
    area = ringArea(ring);
  } else if (kind === 'segmentation') {
    const zones = shapeTool.segmentation!.zones;
    bbox = boundsOf(zones.flatMap((z) => z.region));
    if (crowd || zones.some((z) => z.holes.length > 0)) {
      if (!size.width || !size.height) return problems.add('missing-size', path, 'A mask (RLE) needs the image size.', { objectId: shapeTool.objectId });
      const mask = rasterizeZones(zones, size.width, size.height);
      const counts = maskToCounts(mask, size.width, size.height);
      segmentation = { size: [size.height, size.width], counts: crowd ? counts : encodeCounts(counts) };
      area = maskArea(mask);
    } else {
      segmentation = zones.map((z) => flatten(z.region));
      area = zones.reduce((sum, z) => sum + zoneArea(z), 0);
    }
  } else if (kind === 'point') {
    // A point is an instance of one keypoint, named after its class.
    const [x, y] = shapeTool.point!;
    return { ...base, segmentation: [], area: 0, bbox: [x, y, 0, 0], keypoints: [x, y, 2], num_keypoints: 1 };
  } else if (kind !== 'keypoints') {
    return problems.add('unsupported-geometry', path, `COCO instances have no ${kind}; this object is left out.`, { objectId: shapeTool.objectId });
  }

  const kp = keypointTool?.keypoints;
  if (kp) {
    const names = category.keypoints ?? kp.points.map((k) => k.name);
    const byName = new Map(kp.points.map((k) => [k.name, k]));
    const ordered = names.length >= kp.points.length && kp.points.every((k) => names.includes(k.name)) ? names.map((n) => byName.get(n)) : kp.points;
    const keypoints = ordered.flatMap((k) => (k ? [k.x, k.y, k.visibility] : [0, 0, 0]));
    const labelled = kp.points.filter((k) => k.visibility > 0).map((k): Point => [k.x, k.y]);
    if (!bbox) bbox = kp.box ?? boundsOf(labelled);
    if (kind === 'keypoints') area = bbox.width * bbox.height;
    return { ...base, segmentation, area, bbox: [bbox.x, bbox.y, bbox.width, bbox.height], keypoints, num_keypoints: labelled.length };
  }
  const b = bbox ?? boundsOf(outlineOf(shapeTool) ?? []);
  return { ...base, segmentation, area, bbox: [b.x, b.y, b.width, b.height] };
}

