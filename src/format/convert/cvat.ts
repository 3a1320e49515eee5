/**
 * CVAT for images 1.1 XML: `<image>` → one record; `<box>` → `bounding-box` (a box with a
 * `rotation` → `rotated-bounding-box`: CVAT turns it about its centre, converted to FORMAT.md's
 * origin corner), `<polygon>`, `<polyline>`, `<points>` (one point → `point`, several → a
 * `keypoints` object named 1…n), `<skeleton>` → `keypoints` (names from its points' labels,
 * edges from the label's SVG template; `outside` → visibility 0, `occluded` → 1). Each
 * `<attribute>` and `occluded="1"` become nested classifications; `<tag>` → the image
 * classification titled `tag` (checkbox). A shape with an empty label is class `unlabeled`.
 */
import type { Keypoint, Point } from '../../core/model.js';
import type { ExportClassification, ExportRecord, ExportTool } from '../types.js';
import { answerClassification, attributeClassifications, classificationAttributes, type AttributeValue } from './attributes.js';
import { ClassMap, exportOntology, type OntologyIndex } from './class-map.js';
import { at, exportRecord, exportTool, guarded, isRecord, Problems, recordsOf, tidy, toNumber, type Converted } from './common.js';
import type { Imported } from './coco.js';
import { reportUnexpressed } from './coco.js';
import { rotatedCorners, rotatedFromCorners } from './rotated.js';
import { buildXml, list, parseXml, text, type XmlNode } from './xml.js';

export const TAG_CLASSIFICATION = 'tag';
const UNLABELED = 'unlabeled';
const SHAPES = ['box', 'polygon', 'polyline', 'points', 'skeleton', 'tag', 'mask', 'ellipse', 'cuboid'];

function pointList(value: string | undefined): Point[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const out: Point[] = [];
  for (const pair of value.split(';')) {
    const [x, y] = pair.split(',').map((n) => toNumber(n));
    if (x === undefined || y === undefined) return undefined;
    out.push([x, y]);
  }
  return out;
}

/** Skeleton label → point names and 1-based edges, read from the label's `<svg>` template (an XML fragment). */
function skeletonTemplates(labels: XmlNode[], problems: Problems): Map<string, { names: string[]; edges: [number, number][] }> {
  const out = new Map<string, { names: string[]; edges: [number, number][] }>();
  for (const label of labels) {
    const name = text(label['name']);
    if (!name || text(label['type']) !== 'skeleton') continue;
    const names = labels.filter((l) => text(l['parent']) === name).map((l) => text(l['name']) ?? '');
    const edges: [number, number][] = [];
    const svg = text(label['svg']);
    const tree = svg ? parseXml(`<svg>${svg}</svg>`, `meta.labels.${name}.svg`, problems, ['line', 'circle']) : undefined;
    if (tree) {
      const svgNode = tree['svg'] as XmlNode | undefined;
      const byNode = new Map<string, string>();
      for (const circle of list(svgNode?.['circle'])) byNode.set(String(circle['@_data-node-id']), String(circle['@_data-label-name']));
      for (const line of list(svgNode?.['line'])) {
        const a = names.indexOf(byNode.get(String(line['@_data-node-from'])) ?? '');
        const b = names.indexOf(byNode.get(String(line['@_data-node-to'])) ?? '');
        if (a >= 0 && b >= 0) edges.push([a + 1, b + 1]);
      }
    }
    out.set(name, { names, edges });
  }
  return out;
}

/** CVAT for images 1.1 XML → export records. */
export function fromCvat(input: unknown, options: { ontology?: unknown } = {}): Converted<Imported> {
  const problems = new Problems();
  const map = new ClassMap('cvat', options.ontology, problems);
  return guarded(problems, { records: [], ontology: { tools: [], classifications: [], relations: [] } }, () => {
    if (typeof input !== 'string') {
      problems.add('not-cvat', '$', 'Expected the XML text of a CVAT for images 1.1 export.');
      return { records: [], ontology: map.ontology() };
    }
    const doc = parseXml(input, '$', problems, ['image', 'label', 'attribute', 'line', 'circle', ...SHAPES]);
    const root = doc?.['annotations'] as XmlNode | undefined;
    if (!doc) return { records: [], ontology: map.ontology() };
    if (!isRecord(root)) {
      problems.add('not-cvat', '$', 'A CVAT export has an <annotations> root.');
      return { records: [], ontology: map.ontology() };
    }
    const meta = (root['meta'] as XmlNode | undefined)?.['task'] ?? (root['meta'] as XmlNode | undefined)?.['project'];
    const labels = list(((meta as XmlNode | undefined)?.['labels'] as XmlNode | undefined)?.['label']);
    const skeletons = skeletonTemplates(labels, problems);
    const records: ExportRecord[] = [];
    list(root['image']).forEach((image, i) => {
      const path = `$.annotations.image[${i}]`;
      const name = String(image['@_name'] ?? image['@_id'] ?? i);
      const width = toNumber(image['@_width']) ?? 0;
      const height = toNumber(image['@_height']) ?? 0;
      if (!width || !height) problems.add('missing-size', path, 'The image has no width and height.');
      const record = exportRecord({ asset: name, assetId: String(image['@_id'] ?? i), externalId: name, metadata: { width, height } });
      let n = 0;
      const layered = SHAPES.reduce((sum, kind) => sum + list(image[kind]).filter((shape) => Boolean(toNumber(shape['@_z_order']))).length, 0);
      if (layered > 0) problems.add('z-order-dropped', path, `labelkit has no drawing order: the z_order of ${layered} shape(s) is left out.`);
      for (const kind of SHAPES) {
        list(image[kind]).forEach((shape, s) => {
          const where = `${path}.${kind}[${s}]`;
          const given = String(shape['@_label'] ?? '');
          if (given === '') problems.add('empty-label', `${where}.@label`, `The ${kind} has no label; it is read as class "${UNLABELED}".`);
          const label = given || UNLABELED;
          const objectId = `${image['@_id'] ?? i}:${++n}`;
          const attributes: Record<string, AttributeValue> = {};
          for (const a of list(shape['attribute'])) if (a['@_name'] !== undefined) attributes[String(a['@_name'])] = text(a) ?? '';
          if (shape['@_occluded'] === '1') attributes['occluded'] = 'true';
          if (kind === 'tag') {
            const ref = map.classification(TAG_CLASSIFICATION, 'checkbox');
            if (!ref) return problems.add('unknown-class', where, `The ontology has no classification "${TAG_CLASSIFICATION}" for tags.`);
            // All tags of an image answer one checkbox classification.
            const made = answerClassification(map, problems, ref, [label], `${image['@_id'] ?? i}:tag`, where);
            const existing = record.task.classifications.find((c) => c.schemaId === ref.schemaId);
            if (made && existing) (existing.answer as string[]).push(label);
            else if (made) record.task.classifications.push(made);
            if (Object.keys(attributes).length) problems.add('attribute-dropped', where, 'Attributes of tags are left out.');
            return undefined;
          }
          if (kind === 'mask' || kind === 'ellipse' || kind === 'cuboid') return problems.add('unsupported-geometry', where, `labelkit has no ${kind}; it is left out.`);
          const points = pointList(shape['@_points'] as string | undefined);
          let tool;
          let geometry: Parameters<typeof exportTool>[3] | undefined;
          if (kind === 'box') {
            const [xtl, ytl, xbr, ybr] = ['@_xtl', '@_ytl', '@_xbr', '@_ybr'].map((k) => toNumber(shape[k]));
            if (xtl === undefined || ytl === undefined || xbr === undefined || ybr === undefined) return problems.add('bad-geometry', where, 'A box has numeric xtl, ytl, xbr, ybr.');
            const rotation = toNumber(shape['@_rotation']) ?? 0;
            if (rotation !== 0) {
              tool = map.tool(label, ['rotated-bounding-box'], where);
              const w = xbr - xtl;
              const h = ybr - ytl;
              const cx = xtl + w / 2;
              const cy = ytl + h / 2;
              const turn = (u: number, v: number): Point => [cx + u * Math.cos((rotation * Math.PI) / 180) - v * Math.sin((rotation * Math.PI) / 180), cy + u * Math.sin((rotation * Math.PI) / 180) + v * Math.cos((rotation * Math.PI) / 180)];
              geometry = { 'rotated-bounding-box': rotatedFromCorners([turn(-w / 2, -h / 2), turn(w / 2, -h / 2), turn(w / 2, h / 2), turn(-w / 2, h / 2)]) };
            } else {
              tool = map.tool(label, ['bounding-box'], where);
              geometry = { 'bounding-box': { x: xtl, y: ytl, width: xbr - xtl, height: ybr - ytl } };
            }
          } else if (kind === 'polygon' || kind === 'polyline') {
            if (!points || points.length < (kind === 'polygon' ? 3 : 2)) return problems.add('bad-geometry', `${where}.@points`, `A ${kind} has "x,y;x,y;…" points.`);
            tool = map.tool(label, [kind], where);
            geometry = kind === 'polygon' ? { polygon: points } : { polyline: points };
          } else if (kind === 'points') {
            if (!points) return problems.add('bad-geometry', `${where}.@points`, 'Points are "x,y;x,y;…".');
            if (points.length === 1) {
              tool = map.tool(label, ['point'], where);
              geometry = { point: points[0]! };
            } else {
              const names = points.map((_, k) => String(k + 1));
              tool = map.tool(label, ['keypoints'], where, { keypoints: names });
              geometry = { keypoints: { points: points.map(([x, y], k): Keypoint => ({ name: names[k]!, x, y, visibility: 2 })) } };
            }
          } else if (kind === 'skeleton') {
            const template = skeletons.get(label);
            const elements = list(shape['points']);
            const names = template?.names.length ? template.names : elements.map((e) => String(e['@_label'] ?? ''));
            tool = map.tool(label, ['keypoints'], where, { keypoints: names, skeleton: template?.edges ?? [] });
            const byName = new Map(elements.map((e) => [String(e['@_label'] ?? ''), e]));
            const kp: Keypoint[] = names.map((pointName) => {
              const e = byName.get(pointName);
              const p = pointList(e?.['@_points'] as string | undefined)?.[0];
              if (!e || !p) return { name: pointName, x: 0, y: 0, visibility: 0 };
              return { name: pointName, x: p[0], y: p[1], visibility: e['@_outside'] === '1' ? 0 : e['@_occluded'] === '1' ? 1 : 2 };
            });
            geometry = { keypoints: { points: kp } };
          }
          if (!tool || !geometry) return undefined;
          const nested = attributeClassifications(map, problems, tool, objectId, attributes, where);
          record.task.tools.push(exportTool(objectId, tool.schemaId, tool.title, geometry, nested));
          return undefined;
        });
      }
      records.push(record);
    });
    return { records, ontology: map.ontology() };
  });
}

/** Export records → CVAT for images 1.1 XML. */
export function toCvat(input: unknown, options: { ontology?: unknown } = {}): Converted<string> {
  const problems = new Problems();
  return guarded(problems, '', () => {
    const index = exportOntology(options.ontology, problems);
    const images: XmlNode[] = [];
    const labelNames = new Set<string>(index.ontology.tools.map((t) => t.title));
    recordsOf(input, problems).forEach((record, r) => {
      const path = Array.isArray(input) ? `$[${r}]` : '$';
      if (record.task.brushDataUrl) reportUnexpressed({ ...record, task: { ...record.task, classifications: [] } }, path, problems, 'CVAT');
      (record.task.relations ?? []).forEach((_, i) => problems.add('relation-dropped', at(at(at(path, 'task'), 'relations'), i), 'CVAT for images has no relations; this one is left out.'));
      const m = record.metadata as { width?: number; height?: number };
      const image: XmlNode = { '@_id': String(/^\d+$/.test(record.assetId ?? '') ? record.assetId : r), '@_name': record.externalId ?? record.asset, '@_width': m.width ?? 0, '@_height': m.height ?? 0 };
      const add = (kind: string, shape: XmlNode) => ((image[kind] as XmlNode[] | undefined) ?? (image[kind] = [])) && (image[kind] as XmlNode[]).push(shape);
      (record.task.tools ?? []).forEach((tool, t) => {
        const toolPath = at(at(at(path, 'task'), 'tools'), t);
        const label = index.title(tool);
        labelNames.add(label);
        const attrs = attributesOf(index, tool, problems, toolPath);
        const base: XmlNode = { '@_label': label, '@_occluded': attrs.occluded ? '1' : '0', ...(attrs.list.length ? { attribute: attrs.list } : {}) };
        const pts = (list: readonly Point[]) => list.map(([x, y]) => `${tidy(x)},${tidy(y)}`).join(';');
        if (tool.page !== undefined && tool.page !== 0) return problems.add('page-dropped', toolPath, 'CVAT for images labels single images; entries on other frames are left out.', { objectId: tool.objectId });
        if (tool['bounding-box']) {
          const { x, y, width, height } = tool['bounding-box'];
          add('box', { ...base, '@_xtl': tidy(x), '@_ytl': tidy(y), '@_xbr': tidy(x + width), '@_ybr': tidy(y + height) });
        } else if (tool['rotated-bounding-box']) {
          const b = tool['rotated-bounding-box'];
          const c = rotatedCorners(b);
          const cx = (c[0]![0] + c[2]![0]) / 2;
          const cy = (c[0]![1] + c[2]![1]) / 2;
          add('box', { ...base, '@_xtl': tidy(cx - b.width / 2), '@_ytl': tidy(cy - b.height / 2), '@_xbr': tidy(cx + b.width / 2), '@_ybr': tidy(cy + b.height / 2), '@_rotation': tidy(((b.rotation % 360) + 360) % 360) });
        } else if (tool.polygon) add('polygon', { ...base, '@_points': pts(tool.polygon) });
        else if (tool.polyline || tool.spline) {
          if (tool.spline) problems.add('converted', toolPath, 'CVAT has no splines: written as a polyline through the control points.', { objectId: tool.objectId });
          add('polyline', { ...base, '@_points': pts(tool.polyline ?? tool.spline!) });
        } else if (tool.point) add('points', { ...base, '@_points': pts([tool.point]) });
        else if (tool.segmentation) {
          if (tool.segmentation.zones.some((z) => z.holes.length)) problems.add('holes-dropped', toolPath, 'CVAT polygons have no holes; the holes are left out.', { objectId: tool.objectId });
          for (const zone of tool.segmentation.zones) add('polygon', { ...base, '@_points': pts(zone.region) });
        } else if (tool.keypoints && !index.tool(tool.schemaId)?.skeleton?.length && tool.keypoints.points.every((k) => k.visibility === 2)) {
          // Keypoints without a skeleton are CVAT's multi-point <points>.
          add('points', { ...base, '@_points': pts(tool.keypoints.points.map((k): Point => [k.x, k.y])) });
        } else if (tool.keypoints) {
          add('skeleton', {
            ...base,
            '@_points': '',
            points: tool.keypoints.points.map((k) => ({ '@_label': k.name, '@_outside': k.visibility === 0 ? '1' : '0', '@_occluded': k.visibility === 1 ? '1' : '0', '@_points': pts([[k.x, k.y]]) })),
          });
        } else problems.add('unsupported-geometry', toolPath, 'CVAT for images has no place for this object; it is left out.', { objectId: tool.objectId });
        return undefined;
      });
      (record.task.classifications ?? []).forEach((c: ExportClassification, i) => {
        const values = Array.isArray(c.answer) ? c.answer : [c.answer];
        if (index.title(c) === TAG_CLASSIFICATION) for (const v of values) add('tag', { '@_label': v });
        else problems.add('classification-dropped', at(at(at(path, 'task'), 'classifications'), i), `CVAT tags are labels; the classification "${index.title(c)}" is left out (title it "${TAG_CLASSIFICATION}" to write its answers as tags).`);
      });
      images.push(image);
    });
    const labels = [...labelNames].map((name) => {
      const tool = index.ontology.tools.find((t) => t.title === name);
      return { name, ...(tool ? { color: tool.color, ...(tool.classifications.length ? { attributes: { attribute: tool.classifications.filter((c) => c.title !== 'occluded').map((c) => ({ name: c.title, input_type: c.tool === 'text' ? 'text' : c.tool === 'checkbox' ? 'checkbox' : 'select', values: c.options.map((o) => o.value).join('\n') })) } } : {}) } : {}) };
    });
    return buildXml({ annotations: { version: '1.1', meta: { task: { labels: { label: labels } } }, image: images } });
  });
}

function attributesOf(index: OntologyIndex, tool: ExportTool, problems: Problems, path: string): { occluded: boolean; list: XmlNode[] } {
  const attributes = classificationAttributes(index, tool.classifications ?? [], problems, at(path, 'classifications'));
  const occluded = attributes['occluded'] === 'true' || attributes['occluded'] === '1';
  delete attributes['occluded'];
  return { occluded, list: Object.entries(attributes).map(([name, value]) => ({ '@_name': name, '#text': value })) };
}

