/**
 * Label Studio JSON tasks (`[{ id, data, annotations: [{ result }], predictions: [{ result }] }]`).
 * Import: one record per annotation and per prediction (`task.taskId` = `annotation:<id>` or
 * `prediction:<id>`, `updatedBy` = `completed_by`), all with `assetId` = the task id and `asset` =
 * the task's image or text. Results: `rectangle(labels)` → `bounding-box`, or
 * `rotated-bounding-box` with a `rotation` (the same shape: LS turns about the top-left corner);
 * `polygon(labels)` → `polygon`; `keypoint(labels)` → `point`; `labels` on text → `ner` (LS
 * counts UTF-16 units; converted to code points when the task has the text); `choices`,
 * `taxonomy`, `textarea`, `number`, `rating`, `datetime` → classifications, nested when they carry
 * a region's id; `relation` → a single relation. Percentages become pixels through
 * `original_width`/`original_height`, else the `images` option.
 * Export: one task per `assetId`, each record an annotation (or a prediction when its taskId says so).
 */
import type { Point } from '../../core/model.js';
import type { ExportClassification, ExportRecord, ExportRelation, ExportTool } from '../types.js';
import { answerClassification } from './attributes.js';
import { ClassMap, exportOntology } from './class-map.js';
import { asList, at, exportRecord, exportTool, guarded, importedMetadata, isNumber, isRecord, Problems, recordsOf, stem, tidy, type Converted, type Json } from './common.js';
import type { Imported } from './coco.js';
import { rotatedCorners } from './rotated.js';
import { boundsOf } from './shapes.js';

export interface LabelStudioImportOptions {
  ontology?: unknown;
  /** Image sizes by asset URL (or by its file stem, as the CLI reads them) for results without `original_width`/`original_height`. */
  images?: Record<string, { width: number; height: number }>;
}

const CLASSIFYING: Record<string, 'checkbox' | 'tree-dropdown' | 'text'> = { choices: 'checkbox', taxonomy: 'tree-dropdown', textarea: 'text', number: 'text', rating: 'text', datetime: 'text' };
const DIRECTIONS: Record<string, 'straight' | 'reverse' | 'bidirectional'> = { right: 'straight', left: 'reverse', bi: 'bidirectional' };

/** UTF-16 offset → code point offset in `text`. */
function codePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

function tasksOf(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (isRecord(input) && Array.isArray(input['tasks'])) return input['tasks'];
  if (isRecord(input) && ('annotations' in input || 'predictions' in input || 'data' in input)) return [input];
  return undefined;
}

/** Label Studio tasks → export records. */
export function fromLabelStudio(input: unknown, options: LabelStudioImportOptions = {}): Converted<Imported> {
  const problems = new Problems();
  const map = new ClassMap('ls', options.ontology, problems);
  return guarded(problems, { records: [], ontology: { tools: [], classifications: [], relations: [] } }, () => {
    const tasks = tasksOf(input);
    if (!tasks) {
      problems.add('not-label-studio', '$', 'Expected Label Studio tasks: a list of { data, annotations, predictions }.');
      return { records: [], ontology: map.ontology() };
    }
    const records: ExportRecord[] = [];
    tasks.forEach((task, t) => {
      const path = Array.isArray(input) ? `$[${t}]` : '$';
      if (!isRecord(task)) return problems.add('bad-task', path, 'A task is an object.');
      const data = isRecord(task['data']) ? task['data'] : {};
      const documentText = typeof data['text'] === 'string' ? data['text'] : undefined;
      const asset = String(Object.values(data).find((v) => typeof v === 'string' && v !== documentText) ?? documentText ?? task['id'] ?? t);
      for (const kind of ['annotations', 'predictions'] as const) {
        (asList(task[kind]) ?? []).forEach((annotation, a) => {
          const where = `${path}.${kind}[${a}]`;
          if (!isRecord(annotation)) return problems.add('bad-annotation', where, 'An annotation is { result: [...] }.');
          const by = annotation['completed_by'];
          const author = isRecord(by) ? (by['email'] ?? by['id']) : by;
          const record = exportRecord({
            asset: documentText !== undefined && asset === documentText ? String(task['id'] ?? t) : asset,
            assetId: String(task['id'] ?? t),
            metadata: documentText !== undefined ? { characters: [...documentText].length, lines: documentText.split('\n').length, offsetUnit: 'codepoint' } : { width: 0, height: 0 },
            ...(author !== undefined && author !== null ? { updatedBy: String(author) } : {}),
            ...(typeof annotation['updated_at'] === 'string' ? { updatedAt: annotation['updated_at'] } : {}),
          });
          record.task.taskId = `${kind === 'annotations' ? 'annotation' : 'prediction'}:${String(annotation['id'] ?? a)}`;
          readResults(map, problems, asList(annotation['result']) ?? [], record, `${where}.result`, documentText, options.images?.[asset] ?? options.images?.[stem(asset)]);
          records.push(record);
          return undefined;
        });
      }
      return undefined;
    });
    return { records, ontology: map.ontology() };
  });
}

function readResults(map: ClassMap, problems: Problems, results: unknown[], record: ExportRecord, path: string, documentText: string | undefined, fallback: { width: number; height: number } | undefined): void {
  const byRegion = new Map<string, ExportTool>();
  const later: [Json, string][] = [];
  const parents = poseParents(results);
  const held: Held[] = [];
  results.forEach((result, r) => {
    const where = at(path, r);
    if (isRecord(result) && result['type'] === 'relation') return void later.push([result, where]);
    if (!isRecord(result) || !isRecord(result['value'])) return problems.add('bad-result', where, 'A result is { type, value }.');
    const type = String(result['type'] ?? '');
    const value = result['value'];
    const id = String(result['id'] ?? `r${r}`);
    if (type === 'relation' || CLASSIFYING[type]) return void later.push([result, where]);
    const labels = asList(value[type]) ?? asList(value['labels']) ?? [];
    const label = typeof labels[0] === 'string' ? labels[0] : String(result['from_name'] ?? type);
    if (labels.length > 1) problems.add('labels-dropped', at(at(where, 'value'), type), `labelkit objects have one class; "${labels.slice(1).join('", "')}" left out.`);
    const W = isNumber(result['original_width']) ? result['original_width'] : fallback?.width;
    const H = isNumber(result['original_height']) ? result['original_height'] : fallback?.height;
    const m = record.metadata as { width?: number; height?: number };
    if (W && H && !m.width) Object.assign(record.metadata, { width: W, height: H });
    const needsSize = type.startsWith('rectangle') || type.startsWith('polygon') || type.startsWith('keypoint');
    if (needsSize && !(W && H)) return problems.add('missing-size', where, 'The result has no original_width/original_height and no image size was given (options.images): its percentages cannot become pixels.');
    const px = (x: number, y: number): Point => [(x / 100) * W!, (y / 100) * H!];
    let geometry: Parameters<typeof exportTool>[3] | undefined;
    let kinds: ('bounding-box' | 'rotated-bounding-box' | 'polygon' | 'point' | 'ner')[];
    if (type === 'rectanglelabels' || type === 'rectangle') {
      const [x, y] = px(Number(value['x']), Number(value['y']));
      const [w, h] = px(Number(value['width']), Number(value['height']));
      const rotation = isNumber(value['rotation']) ? value['rotation'] : 0;
      if (rotation !== 0) {
        kinds = ['rotated-bounding-box'];
        const box = { x, y, width: w, height: h, rotation: rotation > 180 ? rotation - 360 : rotation };
        geometry = { 'rotated-bounding-box': { ...box, corners: rotatedCorners(box) } };
      } else {
        kinds = ['bounding-box'];
        geometry = { 'bounding-box': { x, y, width: w, height: h } };
      }
    } else if (type === 'polygonlabels' || type === 'polygon') {
      const points = (asList(value['points']) ?? []).filter((p): p is number[] => Array.isArray(p) && p.length === 2 && p.every(isNumber)).map(([x, y]) => px(x!, y!));
      if (points.length < 3) return problems.add('bad-geometry', at(at(where, 'value'), 'points'), 'A polygon has at least 3 [x%, y%] points.');
      kinds = ['polygon'];
      geometry = { polygon: points };
    } else if (type === 'keypointlabels' || type === 'keypoint') {
      kinds = ['point'];
      geometry = { point: px(Number(value['x']), Number(value['y'])) };
    } else if (type === 'labels' && isNumber(value['start']) && isNumber(value['end'])) {
      kinds = ['ner'];
      const selection = typeof value['text'] === 'string' ? value['text'] : '';
      const [start, end] = documentText !== undefined ? [codePoints(documentText, value['start']), codePoints(documentText, value['end'])] : [value['start'], value['end']];
      if (documentText === undefined) problems.add('offset-unit', where, 'No task text: the UTF-16 offsets are kept as they are (read them with offset-unit="utf16").');
      geometry = { ner: { start, end, selection } };
    } else return problems.add('unsupported-result', where, `labelkit has no "${type}" result; it is left out.`);
    if (geometry === undefined || Object.values(Object.values(geometry)[0] as object).some((v) => typeof v === 'number' && !Number.isFinite(v))) return problems.add('bad-geometry', at(where, 'value'), 'The result has non-numeric coordinates.');
    const parentId = typeof result['parentID'] === 'string' ? result['parentID'] : undefined;
    if ((geometry['bounding-box'] && parents.has(id)) || (geometry.point && parentId !== undefined && parents.has(parentId))) return void held.push({ id, label, where, geometry, parentId });
    const tool = map.tool(label, kinds, where);
    if (!tool) return undefined;
    const made = exportTool(id, tool.schemaId, tool.title, geometry);
    byRegion.set(id, made);
    record.task.tools.push(made);
    return undefined;
  });
  groupKeypoints(map, problems, record, held, byRegion);
  for (const [result, where] of later) {
    const type = String(result['type']);
    const value = (result['value'] ?? {}) as Json;
    if (type === 'relation') {
      const from = String(result['from_id'] ?? '');
      const to = String(result['to_id'] ?? '');
      if (!byRegion.has(from) || !byRegion.has(to)) {
        problems.add('bad-relation', where, 'The relation joins regions that are not in this annotation.');
        continue;
      }
      // Relations inside one keypoints instance (its box and its points) are what the grouping already says.
      if (byRegion.get(from) === byRegion.get(to) && byRegion.get(from)!.keypoints) continue;
      const labels = asList(result['labels']) ?? [];
      const relation = map.relation(typeof labels[0] === 'string' ? labels[0] : 'relation', 'one-to-one', where);
      // `reverse` is FORMAT.md version 2's; this version's relation type does not list it yet.
      if (relation) record.task.relations.push({ objectId: `${from}>${to}`, schemaId: relation.schemaId, title: relation.title, from, to, direction: DIRECTIONS[String(result['direction'] ?? 'right')] ?? 'straight', metadata: importedMetadata() } as unknown as ExportRelation);
      continue;
    }
    const title = String(result['from_name'] ?? type);
    const raw = value[type] ?? value['text'];
    const answers: string[] =
      type === 'taxonomy' ? (asList(raw) ?? []).map((p) => (Array.isArray(p) ? p.join(' / ') : String(p))) : Array.isArray(raw) ? raw.map(String) : raw === undefined ? [] : [String(raw)];
    const region = byRegion.get(String(result['id'] ?? ''));
    const kind = CLASSIFYING[type]!;
    const ref = map.classification(title, kind, region?.schemaId);
    if (!ref) {
      problems.add('unknown-class', where, `The ontology has no classification "${title}"${region ? ` under "${region.title}"` : ''}.`);
      continue;
    }
    const answer = kind === 'text' ? answers.join('\n') : answers;
    const made: ExportClassification | undefined = answerClassification(map, problems, ref, answer, `${String(result['id'] ?? title)}/${title}`, at(where, 'value'), region?.schemaId);
    if (made) (region ? region.classifications : record.task.classifications).push(made);
  }
}

/** A region held back from the class map: a box with keypoints, or one of its keypoints. */
interface Held {
  id: string;
  label: string;
  where: string;
  geometry: Parameters<typeof exportTool>[3];
  parentId?: string;
}

/** Ids of the unrotated rectangles some keypoint region names as its `parentID` (Label Studio's pose layout). */
function poseParents(results: unknown[]): Set<string> {
  const rectangles = new Set<string>();
  const named = new Set<string>();
  for (const result of results) {
    if (!isRecord(result) || !isRecord(result['value'])) continue;
    const type = String(result['type']);
    if (type.startsWith('rectangle') && !result['value']['rotation']) rectangles.add(String(result['id']));
    if (type.startsWith('keypoint') && typeof result['parentID'] === 'string') named.add(result['parentID']);
  }
  return new Set([...named].filter((id) => rectangles.has(id)));
}

/**
 * A box and the keypoint regions whose `parentID` it is (linked by relations too, in Label
 * Studio's pose layout) become one `keypoints` object of the box's class: its box the rectangle,
 * its points named by their labels, in the ontology's order where it names them (points it names
 * that are absent get visibility 0). All the regions' ids answer for the new object.
 */
function groupKeypoints(map: ClassMap, problems: Problems, record: ExportRecord, held: readonly Held[], byRegion: Map<string, ExportTool>): void {
  for (const parent of held) {
    if (!parent.geometry['bounding-box']) continue;
    const kids = held.filter((h) => h.parentId === parent.id);
    const names = kids.map((k) => k.label);
    const tool = map.tool(parent.label, ['keypoints'], parent.where, { keypoints: names });
    if (!tool) continue;
    const known = map.keypointNames(tool.schemaId);
    const order = [...known, ...names.filter((n) => !known.includes(n))];
    const byName = new Map(kids.map((k) => [k.label, k.geometry.point!]));
    const points = order.map((name) => {
      const p = byName.get(name);
      return p ? { name, x: p[0], y: p[1], visibility: 2 as const } : { name, x: 0, y: 0, visibility: 0 as const };
    });
    const made = exportTool(parent.id, tool.schemaId, tool.title, { keypoints: { points, box: parent.geometry['bounding-box'] } });
    record.task.tools.push(made);
    for (const region of [parent, ...kids]) byRegion.set(region.id, made);
  }
  for (const kid of held) if (kid.parentId !== undefined && !byRegion.has(kid.id)) problems.add('orphan-keypoint', kid.where, `The box ${kid.parentId} this keypoint belongs to was not read; the keypoint is left out with it.`);
}

// ---- export ----------------------------------------------------------------------------------

export interface LabelStudioExportOptions {
  ontology?: unknown;
  /** `to_name` of the results (the object tag's name in the labelling config); `image` by default, `text` for NER. */
  toName?: string;
}

/** Export records → Label Studio tasks. */
export function toLabelStudio(input: unknown, options: LabelStudioExportOptions = {}): Converted<Json[]> {
  const problems = new Problems();
  return guarded(problems, [], () => {
    const index = exportOntology(options.ontology, problems);
    const tasks = new Map<string, Json>();
    recordsOf(input, problems).forEach((record, r) => {
      const path = Array.isArray(input) ? `$[${r}]` : '$';
      if (record.task.brushDataUrl) problems.add('brush-dropped', at(at(path, 'task'), 'brushDataUrl'), 'Brush masks are not converted to Label Studio brushlabels; left out.');
      const m = record.metadata as { width?: number; height?: number; offsetUnit?: string };
      const text = m.offsetUnit !== undefined;
      const key = record.assetId ?? record.asset;
      let task = tasks.get(key);
      if (!task) tasks.set(key, (task = { ...(record.assetId && /^\d+$/.test(record.assetId) ? { id: Number(record.assetId) } : {}), data: text ? { text: record.asset } : { image: record.asset }, annotations: [], predictions: [] }));
      const size = { original_width: m.width, original_height: m.height };
      const toName = options.toName ?? (text ? 'text' : 'image');
      const pct = ([x, y]: Point) => [tidy((x / m.width!) * 100), tidy((y / m.height!) * 100)];
      const result: Json[] = [];
      (record.task.tools ?? []).forEach((tool, t) => {
        const toolPath = at(at(at(path, 'task'), 'tools'), t);
        const label = index.title(tool);
        const base = { id: tool.objectId, from_name: 'label', to_name: toName };
        if (!text && !(m.width && m.height) && !tool.ner) return problems.add('missing-size', toolPath, 'Label Studio coordinates are percentages of the image size, which the record lacks.');
        if (tool['bounding-box'] || tool['rotated-bounding-box']) {
          const b = tool['bounding-box'] ?? tool['rotated-bounding-box']!;
          const [x, y] = tool['rotated-bounding-box'] ? pct(rotatedCorners(tool['rotated-bounding-box'])[0]!) : pct([b.x, b.y]);
          const rotation = tool['rotated-bounding-box'] ? (tool['rotated-bounding-box'].rotation + 360) % 360 : 0;
          result.push({ ...base, type: 'rectanglelabels', ...size, image_rotation: 0, value: { x, y, width: tidy((b.width / m.width!) * 100), height: tidy((b.height / m.height!) * 100), rotation, rectanglelabels: [label] } });
        } else if (tool.polygon) result.push({ ...base, type: 'polygonlabels', ...size, image_rotation: 0, value: { points: tool.polygon.map(pct), polygonlabels: [label] } });
        else if (tool.point) {
          const [x, y] = pct(tool.point);
          result.push({ ...base, type: 'keypointlabels', ...size, image_rotation: 0, value: { x, y, width: 1, keypointlabels: [label] } });
        } else if (tool.keypoints) {
          // Label Studio's pose layout: the box as a rectangle, each labelled point a keypoint region whose parentID is the box.
          const { points, box } = tool.keypoints;
          const b = box ?? boundsOf(points.filter((k) => k.visibility > 0).map((k): Point => [k.x, k.y]));
          const [x, y] = pct([b.x, b.y]);
          result.push({ ...base, type: 'rectanglelabels', ...size, image_rotation: 0, value: { x, y, width: tidy((b.width / m.width!) * 100), height: tidy((b.height / m.height!) * 100), rotation: 0, rectanglelabels: [label] } });
          for (const k of points) {
            if (k.visibility === 0) continue;
            const [px, py] = pct([k.x, k.y]);
            result.push({ id: `${tool.objectId}:${k.name}`, from_name: 'keypoint', to_name: toName, type: 'keypointlabels', parentID: tool.objectId, ...size, image_rotation: 0, value: { x: px, y: py, width: 1, keypointlabels: [k.name] } });
          }
          if (points.some((k) => k.visibility === 1)) problems.add('converted', toolPath, 'Label Studio keypoints have no "hidden" flag: points of visibility 1 are written as visible.', { objectId: tool.objectId });
        } else if (tool.ner) {
          if (m.offsetUnit !== 'utf16') problems.add('offset-unit', toolPath, 'Label Studio counts UTF-16 units; the offsets are written in the record\'s unit (the same for text without characters beyond U+FFFF).', { objectId: tool.objectId });
          result.push({ ...base, type: 'labels', value: { start: tool.ner.start, end: tool.ner.end, text: tool.ner.selection, labels: [label] } });
        } else return problems.add('unsupported-geometry', toolPath, 'Label Studio results are rectangles, polygons, keypoints and text spans; this object is left out.', { objectId: tool.objectId });
        for (const c of tool.classifications ?? []) result.push(classificationResult(index.title(c), c, tool.objectId, toName));
        return undefined;
      });
      (record.task.classifications ?? []).forEach((c) => result.push(classificationResult(index.title(c), c, c.objectId, toName)));
      (record.task.relations ?? []).forEach((relation, i) => {
        if (!('from' in relation)) return problems.add('relation-dropped', at(at(at(path, 'task'), 'relations'), i), 'Label Studio relations join two regions; a group is left out.');
        const direction = ({ straight: 'right', reverse: 'left', bidirectional: 'bi' } as Record<string, string>)[relation.direction] ?? 'right';
        result.push({ type: 'relation', from_id: relation.from, to_id: relation.to, direction, labels: [index.title(relation)] });
        return undefined;
      });
      const prediction = record.task.taskId?.startsWith('prediction:');
      const id = record.task.taskId?.split(':')[1];
      const entry: Json = { ...(id && /^\d+$/.test(id) ? { id: Number(id) } : {}), result, ...(record.task.updatedBy ? { completed_by: record.task.updatedBy } : {}) };
      (task[prediction ? 'predictions' : 'annotations'] as Json[]).push(entry);
    });
    return [...tasks.values()];
  });
}

function classificationResult(title: string, c: ExportClassification, id: string, toName: string): Json {
  const values = Array.isArray(c.answer) ? c.answer : [c.answer];
  if (c.tool === 'tree-dropdown') return { id, type: 'taxonomy', from_name: title, to_name: toName, value: { taxonomy: values.map((v) => v.split(' / ')) } };
  if (c.tool === 'text') return { id, type: 'textarea', from_name: title, to_name: toName, value: { text: values } };
  return { id, type: 'choices', from_name: title, to_name: toName, value: { choices: values } };
}
