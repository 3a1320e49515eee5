/**
 * What a host model answers, read into labelkit's model. A prediction is read as an import entry
 * (`{ schemaId | title, <geometry key>, classifications }`) by the import codecs, so it is checked
 * exactly as pre-labels are (class known, geometry of the class's tool, coordinates in range) and a
 * bad one is refused with the import's problems instead of being drawn.
 */
import { polygonArea, simplifyPolyline } from '../core/geometry.js';
import type { ClassificationAnswer, Geometry, ObjectAnnotation, Point, Zone } from '../core/model.js';
import type { Ontology } from '../core/ontology.js';
import type { Problem, Result } from '../core/problem.js';
import { allFormatCodecs } from '../format/all-codecs.js';
import { traceMask } from '../format/convert/mask.js';
import { parseImport } from '../format/import.js';
import { yieldToMain } from '../scheduling/yield-to-main.js';
import type { AssistSegmentResult } from './types.js';

/** A shape read from the host: its class, geometry and the object's answers. */
export interface AssistShape {
  schemaId: string;
  geometry: Geometry;
  classifications: ClassificationAnswer[];
}

/** A mask's pixel-edge outline is simplified by this much (asset pixels): staircases become straight edges. */
const MASK_OUTLINE_TOLERANCE = 0.75;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function problem(message: string, path = '$'): Result<never> {
  return { ok: false, problems: [{ code: 'wrong-type', path, message }] };
}

type HostShape = { schemaId?: unknown; title?: unknown; geometry?: unknown; classifications?: unknown };

/** A host shape as an import entry, or why it cannot be one. */
function importEntry(entry: HostShape): Record<string, unknown> | Result<never> {
  if (!isRecord(entry)) return problem('A prediction must be an object.');
  if (!isRecord(entry.geometry)) return problem('"geometry" must be an object with one geometry key, e.g. { "polygon": [[x, y], …] }.', '$.geometry');
  return {
    ...(entry.schemaId !== undefined ? { schemaId: entry.schemaId } : {}),
    ...(entry.title !== undefined ? { title: entry.title } : {}),
    ...entry.geometry,
    ...(entry.classifications !== undefined ? { classifications: entry.classifications } : {}),
  };
}

const isProblem = (value: Record<string, unknown> | Result<never>): value is Result<never> => 'ok' in value && value.ok === false;

function shapeOf(object: ObjectAnnotation | undefined): Result<AssistShape> {
  const geometry = object?.keyframes[0]?.geometry;
  if (!object || !geometry) return problem('The prediction has no shape.');
  return { ok: true, value: { schemaId: object.schemaId, geometry, classifications: [...object.classifications] } };
}

/** One host shape (`{ schemaId | title, geometry, classifications? }`) checked and read as an import entry. */
export function readAssistShape(ontology: Ontology, entry: HostShape, newId: () => string): Result<AssistShape> {
  const read = importEntry(entry);
  if (isProblem(read)) return read;
  const result = parseImport({ objects: [read] }, { ontology, planes: 'single', newId, metadata: {} }, allFormatCodecs);
  return result.ok ? shapeOf(result.value.objects[0]) : result;
}

/**
 * Many host shapes, each read as `readAssistShape` reads one: in one import pass when all are
 * readable (a detector's hundreds of boxes), one by one when some are not (to say which).
 */
export function readAssistShapes(ontology: Ontology, entries: readonly HostShape[], newId: () => string): Result<AssistShape>[] {
  const read = entries.map(importEntry);
  if (!read.some(isProblem)) {
    const result = parseImport({ objects: read }, { ontology, planes: 'single', newId, metadata: {} }, allFormatCodecs);
    if (result.ok && result.value.objects.length === entries.length) return result.value.objects.map(shapeOf);
  }
  return entries.map((entry) => readAssistShape(ontology, entry, newId));
}

/** Predictions read in one import pass at most (a slice): ~1 ms of the main thread for a detector's boxes. */
const READ_SLICE = 25;
/** Time a run of slices may hold the main thread before it is given back. */
const READ_SLICE_MS = 8;

/**
 * `readAssistShapes` for a detector's hundreds of answers, a slice at a time with the main thread
 * given back every few ms (no long task); the same shapes, ids and problems in the same order.
 * Resolves undefined when `signal` aborts first.
 */
export async function readAssistShapesInSlices(
  ontology: Ontology,
  entries: readonly HostShape[],
  newId: () => string,
  signal: AbortSignal,
): Promise<Result<AssistShape>[] | undefined> {
  const read: Result<AssistShape>[] = [];
  let since = performance.now();
  for (let from = 0; from < entries.length; from += READ_SLICE) {
    if (performance.now() - since >= READ_SLICE_MS) {
      await yieldToMain();
      if (signal.aborted) return undefined;
      since = performance.now();
    }
    read.push(...readAssistShapes(ontology, entries.slice(from, from + READ_SLICE), newId));
  }
  return read;
}

/** The zones of a mask, outlines simplified, in plane units (`pixelsPerUnit` mask pixels each). */
function maskZones(mask: unknown, size: { width: number; height: number }, pixelsPerUnit: number): Zone[] | Problem {
  if (!isRecord(mask)) return { code: 'wrong-type', path: '$.mask', message: '"mask" must be { width, height, data }.' };
  const { width, height, data } = mask;
  if (width !== size.width || height !== size.height) {
    return { code: 'wrong-type', path: '$.mask', message: `The mask must be ${size.width} × ${size.height} (the image's size).` };
  }
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray) || data.length !== size.width * size.height) {
    return { code: 'wrong-type', path: '$.mask.data', message: '"data" must be a Uint8Array of width × height bytes.' };
  }
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
  const simplify = (ring: Point[]): Point[] => {
    const open = simplifyPolyline([...ring, ring[0]!], MASK_OUTLINE_TOLERANCE);
    return open.slice(0, -1).map(([x, y]) => (pixelsPerUnit === 1 ? [x, y] : [x / pixelsPerUnit, y / pixelsPerUnit]));
  };
  return traceMask(bytes, size.width, size.height)
    .map((zone) => ({ region: simplify(zone.region), holes: zone.holes.map(simplify).filter((hole) => hole.length >= 3) }))
    .filter((zone) => zone.region.length >= 3);
}

/**
 * What `segment` answered, as a shape of the class being drawn: a polygon class takes the largest
 * region of a segmentation or mask; a segmentation class takes a polygon as one zone. A mask is in
 * the image's pixels (`size`), the rest in plane units.
 */
export function readSegmentResult(
  ontology: Ontology,
  schemaId: string,
  tool: 'polygon' | 'segmentation',
  result: AssistSegmentResult | unknown,
  size: { width: number; height: number },
  newId: () => string,
  /** Mask pixels per plane unit (`<lk-pdf>`: the image's pixels per PDF point). */
  pixelsPerUnit = 1,
): Result<AssistShape> {
  if (!isRecord(result)) return problem('segment() must answer { polygon }, { segmentation } or { mask }.');
  let zones: unknown;
  if ('mask' in result) {
    const read = maskZones(result.mask, size, pixelsPerUnit);
    if (!Array.isArray(read)) return { ok: false, problems: [read] };
    if (read.length === 0) return problem('The mask is empty.', '$.mask');
    zones = read;
  } else if ('segmentation' in result) {
    zones = isRecord(result.segmentation) ? result.segmentation.zones : undefined;
  } else if ('polygon' in result) {
    if (tool === 'polygon') return readAssistShape(ontology, { schemaId, geometry: { polygon: result.polygon } }, newId);
    zones = [{ region: result.polygon, holes: [] }];
  } else {
    return problem('segment() must answer { polygon }, { segmentation } or { mask }.');
  }
  if (tool === 'segmentation') return readAssistShape(ontology, { schemaId, geometry: { segmentation: { zones } } }, newId);
  // A polygon class: the largest region (the polygon codec then checks its points).
  const regions = Array.isArray(zones) ? zones.map((zone) => (isRecord(zone) ? zone.region : undefined)).filter(isPointList) : [];
  const largest = regions.sort((a, b) => polygonArea(b) - polygonArea(a))[0];
  if (!largest) return problem('The answer has no region.', '$.segmentation.zones');
  return readAssistShape(ontology, { schemaId, geometry: { polygon: largest } }, newId);
}

function isPointList(value: unknown): value is Point[] {
  return Array.isArray(value) && value.length >= 3 && value.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number');
}
