/**
 * W3C Web Annotation (JSON-LD) for images and text. A target is a string IRI (a `#xywh=`
 * fragment in it is a box) or `{ source, selector }`, and both target and selector may be an
 * object or a list. Selectors: `FragmentSelector` `xywh=[pixel:]x,y,w,h` → `bounding-box`;
 * `SvgSelector` (inline `value`) → `polygon` from `<polygon>`, or from a `<path>` of straight
 * segments (several subpaths → a `segmentation`, later ones inside the first as holes; curve
 * commands are followed to their end points, reported); `TextPositionSelector` (+ the
 * `TextQuoteSelector`'s `exact`) → `ner`. The class is the `value` of the first `tagging` or
 * `classifying` body; `commenting` bodies become a nested `comment` classification.
 * Records are grouped by target source.
 */
import type { Point, Zone } from '../../core/model.js';
import type { ExportRecord, ExportTool } from '../types.js';
import { attributeClassifications, classificationAttributes } from './attributes.js';
import { ClassMap, exportOntology } from './class-map.js';
import { at, exportRecord, exportTool, guarded, importedMetadata, isRecord, Problems, recordsOf, stem, tidy, toNumber, type Converted, type Json } from './common.js';
import type { Imported } from './coco.js';
import { rotatedCorners } from './rotated.js';
import { openRing, ringArea } from './shapes.js';
import { parseXml, type XmlNode } from './xml.js';

const DEFAULT_CLASS = 'annotation';
const DEFAULT_ASSET = 'image';

function annotationsOf(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (!isRecord(input)) return undefined;
  if (Array.isArray(input['items'])) return input['items'];
  if (isRecord(input['first']) && Array.isArray(input['first']['items'])) return input['first']['items'];
  if (input['type'] === 'Annotation' || 'target' in input) return [input];
  return undefined;
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** `xywh=pixel:1,2,3,4` / `xywh=1,2,3,4` → a box; percent boxes are reported. */
function fragmentBox(value: string, path: string, problems: Problems) {
  const match = /(?:^|[#&])xywh=(pixel:|percent:)?([^&]+)/.exec(value);
  if (!match) return undefined;
  if (match[1] === 'percent:') return problems.add('unsupported-selector', path, 'xywh=percent: needs the image size; left out.');
  const n = match[2]!.split(',').map((s) => toNumber(s));
  if (n.length !== 4 || n.some((v) => v === undefined)) return problems.add('bad-geometry', path, `"${value}" is not xywh=x,y,w,h.`);
  return { x: n[0]!, y: n[1]!, width: n[2]!, height: n[3]! };
}

/** Rings of an SVG path's subpaths (M/L/H/V/Z, absolute or relative; curves to their end points). */
function pathRings(d: string, path: string, problems: Problems): Point[][] {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g) ?? [];
  const rings: Point[][] = [];
  let ring: Point[] = [];
  let cmd = '';
  let x = 0;
  let y = 0;
  let curved = false;
  const take = (count: number) => tokens.splice(0, count).map(Number);
  const argCount: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };
  while (tokens.length) {
    if (/[a-zA-Z]/.test(tokens[0]!)) cmd = tokens.shift()!;
    const upper = cmd.toUpperCase();
    const rel = cmd !== upper;
    if (upper === 'Z') {
      if (ring.length) rings.push(ring);
      ring = [];
      cmd = '';
      continue;
    }
    const count = argCount[upper];
    if (count === undefined || tokens.length < count) break;
    const a = take(count);
    if (upper === 'H') x = rel ? x + a[0]! : a[0]!;
    else if (upper === 'V') y = rel ? y + a[0]! : a[0]!;
    else {
      x = rel ? x + a[count - 2]! : a[count - 2]!;
      y = rel ? y + a[count - 1]! : a[count - 1]!;
    }
    if (upper === 'M') {
      if (ring.length) rings.push(ring);
      ring = [];
      cmd = rel ? 'l' : 'L';
    }
    if ('CSQTA'.includes(upper)) curved = true;
    ring.push([x, y]);
  }
  if (ring.length) rings.push(ring);
  if (curved) problems.add('curve-flattened', path, 'The SVG path has curves; labelkit polygons follow them through their end points only.');
  return rings.map(openRing).filter((r) => r.length >= 3);
}

function svgShape(value: string, path: string, problems: Problems): { polygon: Point[] } | { segmentation: { zones: Zone[] } } | undefined {
  const tree = parseXml(value, path, problems, ['polygon', 'path']);
  const svg = (tree?.['svg'] ?? tree) as XmlNode | undefined;
  if (!svg) return undefined;
  const polygon = (svg['polygon'] as XmlNode[] | undefined)?.[0];
  if (polygon && typeof polygon['@_points'] === 'string') {
    const n = (polygon['@_points'].match(/-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g) ?? []).map(Number);
    const points: Point[] = [];
    for (let i = 0; i + 1 < n.length; i += 2) points.push([n[i]!, n[i + 1]!]);
    return points.length >= 3 ? { polygon: openRing(points) } : problems.add('bad-geometry', path, 'The SVG polygon has fewer than 3 points.');
  }
  const d = (svg['path'] as XmlNode[] | undefined)?.[0]?.['@_d'];
  if (typeof d === 'string') {
    const rings = pathRings(d, path, problems).sort((p, q) => ringArea(q) - ringArea(p));
    if (rings.length === 0) return problems.add('bad-geometry', path, 'The SVG path has no closed shape.');
    if (rings.length === 1) return { polygon: rings[0]! };
    return { segmentation: { zones: [{ region: rings[0]!, holes: rings.slice(1) }] } };
  }
  return problems.add('unsupported-selector', path, 'The SvgSelector holds no <polygon> or <path>.');
}

/** W3C Web Annotations (one, a list, an AnnotationPage or an AnnotationCollection) → export records. */
export interface W3cImportOptions {
  ontology?: unknown;
  /** Image sizes by source (or its file stem). */
  images?: Record<string, { width: number; height: number }>;
  /** The asset of targets without a source. */
  asset?: string;
  /** Document texts by source, to place a TextQuoteSelector that comes without a TextPositionSelector. */
  texts?: Record<string, string>;
}

/**
 * Code point offsets of a quote in `text`: where prefix + exact + suffix occur, else where the
 * prefix or suffix alone frames it, else its first occurrence; undefined when it is absent.
 */
function placeQuote(text: string, quote: Json): { start: number; end: number } | undefined {
  const exact = typeof quote['exact'] === 'string' ? quote['exact'] : '';
  const prefix = typeof quote['prefix'] === 'string' ? quote['prefix'] : '';
  const suffix = typeof quote['suffix'] === 'string' ? quote['suffix'] : '';
  if (exact === '') return undefined;
  const tries: [string, number][] = [[prefix + exact + suffix, prefix.length], [prefix + exact, prefix.length], [exact + suffix, 0], [exact, 0]];
  for (const [needle, offset] of tries) {
    const at16 = text.indexOf(needle);
    if (at16 >= 0) {
      const start = [...text.slice(0, at16 + offset)].length;
      return { start, end: start + [...exact].length };
    }
  }
  return undefined;
}

export function fromW3c(input: unknown, options: W3cImportOptions = {}): Converted<Imported> {
  const problems = new Problems();
  const map = new ClassMap('w3c', options.ontology, problems);
  return guarded(problems, { records: [], ontology: { tools: [], classifications: [], relations: [] } }, () => {
    const annotations = annotationsOf(input);
    if (!annotations) {
      problems.add('not-w3c', '$', 'Expected a Web Annotation, a list of them, an AnnotationPage or an AnnotationCollection.');
      return { records: [], ontology: map.ontology() };
    }
    const records = new Map<string, ExportRecord>();
    annotations.forEach((annotation, i) => {
      const path = Array.isArray(input) ? `$[${i}]` : annotations.length === 1 && !isRecord((input as Json)['first']) && !Array.isArray((input as Json)['items']) ? '$' : `$.items[${i}]`;
      if (!isRecord(annotation)) return problems.add('bad-annotation', path, 'An annotation is an object.');
      const bodies = listOf(annotation['body']).filter(isRecord);
      const tag = bodies.find((b) => b['purpose'] === 'tagging' || b['purpose'] === 'classifying');
      const className = typeof tag?.['value'] === 'string' && tag['value'] !== '' ? tag['value'] : DEFAULT_CLASS;
      const comments = bodies.filter((b) => b !== tag && typeof b['value'] === 'string').map((b) => b['value'] as string);
      const creator = annotation['creator'];
      const createdBy = typeof creator === 'string' ? creator : isRecord(creator) ? String(creator['name'] ?? creator['id'] ?? '') : undefined;
      const metadata = importedMetadata({ createdAt: typeof annotation['created'] === 'string' ? annotation['created'] : undefined, createdBy });
      listOf(annotation['target']).forEach((target, t) => {
        const tpath = Array.isArray(annotation['target']) ? at(at(path, 'target'), t) : at(path, 'target');
        const source = typeof target === 'string' ? target.split('#')[0]! : isRecord(target) && typeof target['source'] === 'string' ? target['source'] : isRecord(target) && typeof target['id'] === 'string' ? target['id'].split('#')[0]! : undefined;
        if (!source && !(isRecord(target) && target['selector'] !== undefined)) return problems.add('bad-target', tpath, 'A target is an IRI or { source, selector }.');
        // Some writers (Annotorious) leave the source out when the page shows one image.
        if (!source) problems.add('no-source', tpath, `The target names no source; it is read as "${options.asset ?? DEFAULT_ASSET}".`);
        const asset = source ?? options.asset ?? DEFAULT_ASSET;
        let record = records.get(asset);
        const size = options.images?.[asset] ?? options.images?.[stem(asset)];
        if (!record) records.set(asset, (record = exportRecord({ asset, externalId: asset, metadata: { width: size?.width ?? 0, height: size?.height ?? 0 } })));
        const iri = typeof target === 'string' ? target : isRecord(target) && typeof target['id'] === 'string' && target['selector'] === undefined ? target['id'] : undefined;
        const selectors = iri !== undefined ? (iri.includes('#') ? [{ type: 'FragmentSelector', value: iri.split('#')[1]! }] : []) : listOf((target as Json)['selector']);
        if (selectors.length === 0) return problems.add('no-selector', tpath, 'The target has no selector: it annotates the whole resource, which labelkit has no object for.');
        const position = selectors.find((s) => isRecord(s) && s['type'] === 'TextPositionSelector') as Json | undefined;
        const quote = selectors.find((s) => isRecord(s) && s['type'] === 'TextQuoteSelector') as Json | undefined;
        const fragment = selectors.find((s) => isRecord(s) && s['type'] === 'FragmentSelector' && typeof s['value'] === 'string') as Json | undefined;
        const svg = selectors.find((s) => isRecord(s) && s['type'] === 'SvgSelector') as Json | undefined;
        const spath = at(tpath, 'selector');
        let geometry: Parameters<typeof exportTool>[3];
        let kinds: ('bounding-box' | 'polygon' | 'segmentation' | 'ner')[];
        if (position && toNumber(position['start']) !== undefined && toNumber(position['end']) !== undefined) {
          kinds = ['ner'];
          geometry = { ner: { start: toNumber(position['start'])!, end: toNumber(position['end'])!, selection: typeof quote?.['exact'] === 'string' ? quote['exact'] : '' } };
        } else if (quote) {
          const text = options.texts?.[asset];
          const placed = text === undefined ? undefined : placeQuote(text, quote);
          if (!placed) return problems.add('unsupported-selector', spath, text === undefined ? 'A TextQuoteSelector without a TextPositionSelector needs the document text (options.texts) to be placed; left out.' : 'The quote is not in the document text; left out.');
          kinds = ['ner'];
          geometry = { ner: { ...placed, selection: quote['exact'] as string } };
        } else if (fragment) {
          const box = fragmentBox(fragment['value'] as string, spath, problems);
          if (!box) return fragment['value'] && !/xywh=/.test(fragment['value'] as string) ? problems.add('unsupported-selector', spath, `The fragment "${String(fragment['value'])}" is not a spatial one (xywh=).`) : undefined;
          kinds = ['bounding-box'];
          geometry = { 'bounding-box': box };
        } else if (svg) {
          if (typeof svg['value'] !== 'string') return problems.add('unsupported-selector', spath, 'An SvgSelector by reference (no inline value) cannot be read without fetching; left out.');
          const shape = svgShape(svg['value'], spath, problems);
          if (!shape) return undefined;
          kinds = 'polygon' in shape ? ['polygon', 'segmentation'] : ['segmentation'];
          geometry = shape;
        } else {
          const types = selectors.map((s) => (isRecord(s) ? String(s['type']) : typeof s)).join(', ');
          return problems.add('unsupported-selector', spath, `labelkit reads Fragment (xywh), Svg and TextPosition selectors; not ${types}.`);
        }
        if (selectors.some((s) => isRecord(s) && s['refinedBy'] !== undefined)) problems.add('refinement-dropped', spath, 'refinedBy selectors are not followed; the outer selector is used.');
        const tool = map.tool(className, kinds, at(path, 'body'));
        if (!tool) return undefined;
        if (tool.tool === 'segmentation' && geometry.polygon) geometry = { segmentation: { zones: [{ region: geometry.polygon, holes: [] }] } };
        const id = typeof annotation['id'] === 'string' ? annotation['id'] : `${i}`;
        const objectId = listOf(annotation['target']).length > 1 ? `${id}#${t}` : id;
        const nested = comments.length ? attributeClassifications(map, problems, tool, objectId, { comment: comments.join('\n') }, at(path, 'body')) : [];
        record.task.tools.push(exportTool(objectId, tool.schemaId, tool.title, geometry, nested, metadata));
        return undefined;
      });
      return undefined;
    });
    return { records: [...records.values()], ontology: map.ontology() };
  });
}

/** Export records → a list of W3C Web Annotations. */
export function toW3c(input: unknown, options: { ontology?: unknown } = {}): Converted<Json[]> {
  const problems = new Problems();
  return guarded(problems, [], () => {
    const index = exportOntology(options.ontology, problems);
    const out: Json[] = [];
    recordsOf(input, problems).forEach((record, r) => {
      const path = Array.isArray(input) ? `$[${r}]` : '$';
      (record.task.tools ?? []).forEach((tool: ExportTool, t) => {
        const toolPath = at(at(at(path, 'task'), 'tools'), t);
        const pts = (ring: readonly Point[]) => ring.map(([x, y]) => `${tidy(x)},${tidy(y)}`).join(' ');
        const d = (ring: readonly Point[]) => `M${ring.map(([x, y]) => `${tidy(x)},${tidy(y)}`).join(' L')} Z`;
        let selector: Json | Json[] | undefined;
        if (tool['bounding-box']) {
          const b = tool['bounding-box'];
          selector = { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${tidy(b.x)},${tidy(b.y)},${tidy(b.width)},${tidy(b.height)}` };
        } else if (tool.polygon || tool['rotated-bounding-box']) {
          selector = { type: 'SvgSelector', value: `<svg><polygon points="${pts(tool.polygon ?? rotatedCorners(tool['rotated-bounding-box']!))}"/></svg>` };
        } else if (tool.segmentation) {
          const zones = tool.segmentation.zones;
          selector = { type: 'SvgSelector', value: `<svg><path fill-rule="evenodd" d="${zones.flatMap((z) => [z.region, ...z.holes]).map(d).join(' ')}"/></svg>` };
        } else if (tool.ner) {
          selector = [
            { type: 'TextQuoteSelector', exact: tool.ner.selection },
            { type: 'TextPositionSelector', start: tool.ner.start, end: tool.ner.end },
          ];
        } else return problems.add('unsupported-geometry', toolPath, 'W3C selectors here are boxes, SVG shapes and text positions; this object is left out.', { objectId: tool.objectId });
        const attrs = classificationAttributes(index, tool.classifications ?? [], problems, at(toolPath, 'classifications'));
        const bodies: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: index.title(tool) }];
        for (const [name, value] of Object.entries(attrs)) bodies.push({ type: 'TextualBody', purpose: name === 'comment' ? 'commenting' : 'describing', value: name === 'comment' ? value : `${name}: ${value}` });
        out.push({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: tool.objectId,
          type: 'Annotation',
          ...(tool.metadata?.createdBy ? { creator: tool.metadata.createdBy } : {}),
          ...(tool.metadata?.createdAt ? { created: tool.metadata.createdAt } : {}),
          body: bodies,
          target: { source: record.asset, selector },
        });
        return undefined;
      });
      (record.task.classifications ?? []).forEach((c, i) => problems.add('classification-dropped', at(at(at(path, 'task'), 'classifications'), i), `"${c.title}" is about the whole asset; this export writes one annotation per object and leaves it out.`));
      (record.task.relations ?? []).forEach((_, i) => problems.add('relation-dropped', at(at(at(path, 'task'), 'relations'), i), 'Relations are not written as W3C annotations; left out.'));
    });
    return out;
  });
}
