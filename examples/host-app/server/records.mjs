// A submitted record is the browser's claim: the server reads it with labelkit's own codecs
// against the ontology it issued for the task, and refuses what does not fit (wrong schema ids,
// geometry of the wrong kind, answers that are not options). See docs/security.md.
import { parseImport, parseOntology } from 'labelkit/format.js';

const PLANES = { image: 'single', text: 'single', video: 'track', pdf: 'paged', dicom: 'paged' };

/** The problems with `record` for `task` (empty when it may be stored). */
export function recordProblems(task, record) {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return [{ code: 'record-invalid', message: 'The body must hold one export record.' }];
  if (record.assetId !== task.id) return [{ code: 'record-invalid', message: `The record is for asset ${JSON.stringify(record.assetId)}, not this task's.` }];
  const ontology = parseOntology(task.ontology);
  if (!ontology.ok) return ontology.problems;
  let ids = 0;
  const parsed = parseImport(record, {
    ontology: ontology.value,
    assetId: task.id,
    planes: PLANES[task.kind],
    newId: () => `server-${++ids}`,
    metadata: { createdAt: new Date(0).toISOString(), createdBy: 'server', createdIn: 'Import' },
  });
  return parsed.ok ? [] : parsed.problems;
}
