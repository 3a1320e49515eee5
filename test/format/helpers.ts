import type { AuditMetadata, ClassificationAnswer, ObjectAnnotation, RelationAnnotation } from '../../src/core/model.js';
import { parseOntology, type Ontology } from '../../src/core/ontology.js';
import type { PlaneModel } from '../../src/core/session.js';
import type { AnnotationState } from '../../src/core/store.js';
import { buildExportRecord, parseImport, type ExportInput, type ImportContext, type ImportedAnnotations } from '../../src/format/index.js';
import type { ExportRecord } from '../../src/format/types.js';

export const meta: AuditMetadata = { createdAt: '2026-11-22T09:59:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label' };

export async function fixture(name: string): Promise<unknown> {
  return (await fetch(`/test/fixtures/format/${name}`)).json();
}

export function ontologyFrom(input: unknown): Ontology {
  const parsed = parseOntology(input);
  if (!parsed.ok) throw new Error(`ontology invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/**
 * The fixture ontology plus what it lacks for full coverage: an entity (ner) and a PDF tool, and a
 * tool with a frame-specific nested classification.
 */
export function extendOntology(base: unknown): Ontology {
  const raw = JSON.parse(JSON.stringify(base)) as { tools: unknown[] };
  raw.tools.push(
    { schemaId: 't-entity', tool: 'ner', title: 'Person', color: '#d81b60' },
    { schemaId: 't-figure', tool: 'pdf', title: 'Figure', color: '#3949ab' },
    {
      schemaId: 't-player',
      tool: 'point',
      title: 'Player',
      color: '#fdd835',
      classifications: [
        { schemaId: 'c-pose', tool: 'radio', title: 'Pose', frameSpecific: true, options: [{ value: 'Run', schemaId: 'o-run' }, { value: 'Stand', schemaId: 'o-stand' }] },
        { schemaId: 'c-team', tool: 'text', title: 'Team' },
      ],
    },
  );
  return ontologyFrom(raw);
}

export function stateOf(objects: ObjectAnnotation[], classifications: ClassificationAnswer[] = [], relations: RelationAnnotation[] = []): AnnotationState {
  return {
    objects: new Map(objects.map((o) => [o.objectId, o])),
    classifications: new Map(classifications.map((c) => [c.objectId, c])),
    relations: new Map(relations.map((r) => [r.objectId, r])),
    masks: new Map(),
  };
}

export function stateFromImport(imported: ImportedAnnotations): AnnotationState {
  return stateOf(imported.objects, imported.classifications, imported.relations);
}

/** Context with ids `gen-1`, `gen-2`, … */
export function contextFor(ontology: Ontology, planes: PlaneModel, extra: Partial<ImportContext> = {}): ImportContext {
  let n = 0;
  return { ontology, planes, newId: () => `gen-${++n}`, metadata: meta, ...extra };
}

export function importOk(ontology: Ontology, data: unknown, planes: PlaneModel = 'single', extra: Partial<ImportContext> = {}): ImportedAnnotations {
  const result = parseImport(data, contextFor(ontology, planes, extra));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

export function problemsOf(ontology: Ontology, data: unknown, planes: PlaneModel = 'single', extra: Partial<ImportContext> = {}): [code: string, path: string | undefined][] {
  const result = parseImport(data, contextFor(ontology, planes, extra));
  if (result.ok) throw new Error('expected the import to fail');
  return result.problems.map((p) => [p.code, p.path]);
}

/** The video example's asset and task, so a record built here can equal `export.video.json`. */
export function videoInput(state: AnnotationState, ontology: Ontology, options: Partial<ExportInput> = {}): ExportInput {
  return {
    state,
    ontology,
    asset: { asset: 'https://assets.example/clips/bottles.mp4', assetId: 'a-bottles', externalId: 'bottle-detection.mp4', metadata: { width: 640, height: 360, frameTotal: 1189, frameRate: 29.833333333333332 } },
    task: {
      taskId: 't-1',
      stage: 'Label',
      updatedAt: '2026-11-22T10:00:00.000Z',
      updatedBy: 'ann@example.com',
      durations: { totalDuration: 61000, idleDuration: 0, blurDuration: 0 },
      stageHistory: [],
    },
    planes: 'track',
    frameTotal: 1189,
    ...options,
  };
}

export function exportOf(state: AnnotationState, ontology: Ontology, planes: PlaneModel, options: Partial<ExportInput> = {}): ExportRecord {
  return buildExportRecord(videoInput(state, ontology, { planes, ...options }));
}
