/**
 * Pascal VOC annotation XML (one file per image): each `<object>` is a `bounding-box` of its
 * `<name>` (`x = xmin`, `width = xmax − xmin`, floats kept); `pose`, `truncated`, `difficult`,
 * `occluded` and each `<actions>` flag (`action:jumping`) become nested classifications; each
 * `<part>` is a box of its own joined to its object by a group relation titled `parts`.
 */
import type { Box } from '../../core/model.js';
import type { ExportRecord, ExportTool } from '../types.js';
import { attributeClassifications, classificationAttributes, type AttributeValue } from './attributes.js';
import { ClassMap, exportOntology } from './class-map.js';
import { at, exportRecord, exportTool, guarded, isRecord, Problems, recordsOf, stem, tidy, toNumber, type Converted } from './common.js';
import type { Imported } from './coco.js';
import { reportUnexpressed } from './coco.js';
import { boundsOf, geometryKeyOf, outlineOf } from './shapes.js';
import { buildXml, list, node, parseXml, text, type XmlNode } from './xml.js';

/** The group relation that joins a VOC object and its parts. */
export const PARTS_RELATION = 'parts';
const FLAGS = ['pose', 'truncated', 'difficult', 'occluded'] as const;

export interface VocImportOptions {
  ontology?: unknown;
  /** Image sizes by file stem, for files without <size> (the CLI reads them from the images). */
  images?: Record<string, { width: number; height: number }>;
}

function xmlTexts(input: unknown): [string, unknown][] {
  if (typeof input === 'string') return [['$', input]];
  if (Array.isArray(input)) return input.map((v, i) => [`$[${i}]`, v]);
  if (isRecord(input) && isRecord(input['files'])) return Object.entries(input['files']).filter(([name]) => name.endsWith('.xml'));
  return [];
}

function bndbox(value: unknown, path: string, problems: Problems): Box | undefined {
  const b = node(value);
  const [xmin, ymin, xmax, ymax] = ['xmin', 'ymin', 'xmax', 'ymax'].map((k) => toNumber(text(b?.[k])));
  if (xmin === undefined || ymin === undefined || xmax === undefined || ymax === undefined) return problems.add('bad-geometry', path, 'A bndbox has numeric xmin, ymin, xmax, ymax.');
  return { x: Math.min(xmin, xmax), y: Math.min(ymin, ymax), width: Math.abs(xmax - xmin), height: Math.abs(ymax - ymin) };
}

/** VOC XML (one string, a list, or `{ files: { 'Annotations/x.xml': text } }`) → export records. */
export function fromVoc(input: unknown, options: VocImportOptions = {}): Converted<Imported> {
  const problems = new Problems();
  const map = new ClassMap('voc', options.ontology, problems);
  return guarded(problems, { records: [], ontology: { tools: [], classifications: [], relations: [] } }, () => {
    const texts = xmlTexts(input);
    if (texts.length === 0) problems.add('not-voc', '$', 'Expected VOC XML: a string, a list of strings, or { files: { name.xml: text } }.');
    const records: ExportRecord[] = [];
    for (const [path, xml] of texts) {
      if (typeof xml !== 'string') {
        problems.add('not-text', path, 'Each VOC file is its XML text.');
        continue;
      }
      const doc = parseXml(xml, path, problems, ['object', 'part']);
      const root = node(doc?.['annotation']);
      if (!doc) continue;
      if (!root) {
        problems.add('not-voc', path, 'A VOC file has an <annotation> root.');
        continue;
      }
      const filename = text(root['filename']) ?? stem(path);
      const size = node(root['size']);
      const given = options.images?.[stem(filename)];
      const width = toNumber(text(size?.['width'])) ?? given?.width;
      const height = toNumber(text(size?.['height'])) ?? given?.height;
      if (width === undefined || height === undefined) problems.add('missing-size', `${path}.annotation.size`, 'No <size>: the record has no image size (VOC coordinates are pixels, so nothing else is lost).');
      const record = exportRecord({ asset: filename, externalId: filename, metadata: { width: width ?? 0, height: height ?? 0 } });
      list(root['object']).forEach((object, i) => {
        const where = `${path}.annotation.object[${i}]`;
        const name = text(object['name']);
        if (!name) return problems.add('bad-object', where, 'An object has a <name>.');
        const box = bndbox(object['bndbox'], `${where}.bndbox`, problems);
        if (!box) return undefined;
        const tool = map.tool(name, ['bounding-box'], `${where}.name`);
        if (!tool) return undefined;
        const attributes: Record<string, AttributeValue> = {};
        for (const flag of FLAGS) {
          const value = text(object[flag]);
          if (value !== undefined) attributes[flag] = value;
        }
        const actions = node(object['actions']);
        for (const [action, value] of Object.entries(actions ?? {})) if (text(value) !== undefined) attributes[`action:${action}`] = text(value)!;
        const objectId = `${stem(filename)}:${i + 1}`;
        const nested = attributeClassifications(map, problems, tool, objectId, attributes, where);
        record.task.tools.push(exportTool(objectId, tool.schemaId, tool.title, { 'bounding-box': box }, nested));
        const members = [objectId];
        list(object['part']).forEach((part, p) => {
          const partWhere = `${where}.part[${p}]`;
          const partName = text(part['name']);
          const partBox = bndbox(part['bndbox'], `${partWhere}.bndbox`, problems);
          const partTool = partName && partBox ? map.tool(partName, ['bounding-box'], `${partWhere}.name`) : undefined;
          if (!partName) problems.add('bad-object', partWhere, 'A part has a <name>.');
          if (!partTool || !partBox) return;
          const partId = `${objectId}.${p + 1}`;
          record.task.tools.push(exportTool(partId, partTool.schemaId, partTool.title, { 'bounding-box': partBox }));
          members.push(partId);
        });
        if (members.length > 1) {
          const relation = map.relation(PARTS_RELATION, 'group', where);
          if (relation) record.task.relations.push({ objectId: `${objectId}:parts`, schemaId: relation.schemaId, title: relation.title, group: members, metadata: record.task.tools.at(-1)!.metadata });
        }
        return undefined;
      });
      records.push(record);
    }
    return { records, ontology: map.ontology() };
  });
}

export interface VocExportOptions {
  ontology?: unknown;
}

/** Export records → VOC XML files by path (`Annotations/<stem>.xml`). */
export function toVoc(input: unknown, options: VocExportOptions = {}): Converted<{ files: Record<string, string> }> {
  const problems = new Problems();
  return guarded(problems, { files: {} }, () => {
    const index = exportOntology(options.ontology, problems);
    const files: Record<string, string> = {};
    recordsOf(input, problems).forEach((record, r) => {
      const path = Array.isArray(input) ? `$[${r}]` : '$';
      reportUnexpressed(record, path, problems, 'VOC');
      const tools = record.task.tools ?? [];
      const byId = new Map(tools.map((t) => [t.objectId, t]));
      const partsOf = new Map<string, ExportTool[]>();
      const isPart = new Set<string>();
      (record.task.relations ?? []).forEach((relation, i) => {
        const group = 'group' in relation ? relation.group : undefined;
        if (group && index.title(relation) === PARTS_RELATION && group.length > 1 && group.every((id) => byId.get(id)?.['bounding-box'])) {
          partsOf.set(group[0]!, group.slice(1).map((id) => byId.get(id)!));
          for (const id of group.slice(1)) isPart.add(id);
        } else problems.add('relation-dropped', at(at(at(path, 'task'), 'relations'), i), 'VOC has no relations (only <part>s of an object); this one is left out.');
      });
      const bndbox = (b: Box) => ({ xmin: tidy(b.x), ymin: tidy(b.y), xmax: tidy(b.x + b.width), ymax: tidy(b.y + b.height) });
      const objects: XmlNode[] = [];
      tools.forEach((tool, t) => {
        if (isPart.has(tool.objectId)) return;
        const toolPath = at(at(at(path, 'task'), 'tools'), t);
        const kind = geometryKeyOf(tool);
        if (tool.page !== undefined && tool.page !== 0) return problems.add('page-dropped', toolPath, 'VOC labels single images; entries on other pages or frames are left out.', { objectId: tool.objectId });
        const outline = outlineOf(tool);
        if (!outline || kind === 'point' || kind === 'polyline' || kind === 'spline') return problems.add('unsupported-geometry', toolPath, `VOC has only boxes; this ${kind} is left out.`, { objectId: tool.objectId });
        if (kind !== 'bounding-box') problems.add('converted', toolPath, `VOC has only boxes: this ${kind} is written as its bounding box.`, { objectId: tool.objectId });
        const attributes = classificationAttributes(index, tool.classifications ?? [], problems, at(toolPath, 'classifications'));
        const object: XmlNode = { name: index.title(tool) };
        for (const flag of FLAGS) if (attributes[flag] !== undefined) object[flag] = attributes[flag];
        object['bndbox'] = bndbox(kind === 'bounding-box' ? tool['bounding-box']! : boundsOf(outline));
        const parts = partsOf.get(tool.objectId);
        if (parts) object['part'] = parts.map((p) => ({ name: index.title(p), bndbox: bndbox(p['bounding-box']!) }));
        const actions = Object.entries(attributes).filter(([k]) => k.startsWith('action:'));
        if (actions.length) object['actions'] = Object.fromEntries(actions.map(([k, v]) => [k.slice('action:'.length), v]));
        const other = Object.keys(attributes).filter((k) => !(FLAGS as readonly string[]).includes(k) && !k.startsWith('action:'));
        if (other.length) problems.add('classification-dropped', at(toolPath, 'classifications'), `VOC objects have no "${other.join('", "')}"; left out.`, { objectId: tool.objectId });
        objects.push(object);
        return undefined;
      });
      const name = record.externalId ?? record.asset;
      const m = record.metadata as { width?: number; height?: number };
      const annotation: XmlNode = { filename: name, ...(m.width && m.height ? { size: { width: m.width, height: m.height, depth: 3 } } : {}), segmented: 0, object: objects };
      files[`Annotations/${stem(name)}.xml`] = buildXml({ annotation });
    });
    return { files };
  });
}
