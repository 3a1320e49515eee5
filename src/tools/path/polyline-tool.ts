/**
 * `polyline`: click vertices, finish with Enter/N or a double click; ≥ 2 vertices, never closed.
 * A measuring class (`measure` in the ontology) finishes by itself at its point count: a ruler at
 * 2, an angle at 3, a Cobb angle (two lines) at 4.
 */
import { MEASURE_POINTS } from '../../core/measure.js';
import { findCategory } from '../../core/ontology.js';
import { createObjectOnPlane } from '../shared/object-writes.js';
import type { Tool, ToolContext } from '../tool.js';
import { createClickPathTool } from './click-path-tool.js';

export function createPolylineTool(context: ToolContext, schemaId: string): Tool {
  const ontology = context.session.ontology;
  const category = ontology ? findCategory(ontology, schemaId) : undefined;
  const measure = category?.kind === 'tool' ? category.measure : undefined;
  return createClickPathTool(context, schemaId, {
    name: 'polyline',
    minPoints: measure ? MEASURE_POINTS[measure] : 2,
    ...(measure ? { maxPoints: MEASURE_POINTS[measure] } : {}),
    closable: false,
    draftGeometry: (points) => ({ type: 'polyline', value: [...points] }),
    commit: (points) => void createObjectOnPlane(context, schemaId, { type: 'polyline', value: points }),
  });
}
