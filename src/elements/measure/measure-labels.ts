/**
 * On-screen measurement labels for polylines, shared by the 2D elements (lk-dicom measures every
 * polyline, lk-image the classes with `measure`): one label at each polyline's last point with the
 * text of `formatMeasurement`, positioned in stage pixels so it follows pan and zoom.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatMeasurement, measurePolyline } from '../../core/measure.js';
import { findCategory } from '../../core/ontology.js';
import { geometryOnPlane } from '../../core/plane-geometry.js';
import type { LabelingSession } from '../../core/session.js';
import type { Surface } from '../../canvas/surface.js';
import type { ViewportState } from '../../canvas/viewport.js';
import type { MeasurementContext } from '../../format/geometry/codec.js';
import { styleProperties } from '../base/style-properties.js';

const MAX_LABELS = 200;

export const measureLabelStyles = css`
  .measures {
    position: absolute;
    inset: 0;
    pointer-events: none;
    overflow: hidden;
  }
  .measure {
    position: absolute;
    transform: translate(6px, -50%);
    padding: 0 4px;
    border-radius: 3px;
    background: rgba(0, 0, 0, 0.7);
    color: #ffeb3b;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
`;

/** The labels of the measured polylines on `plane` (at most 200), or nothing. */
export function renderMeasureLabels(session: LabelingSession, view: ViewportState | undefined, measurements: MeasurementContext): TemplateResult | typeof nothing {
  if (!view) return nothing;
  const plane = session.plane;
  const spacing = measurements.spacingOf(plane);
  const labels: TemplateResult[] = [];
  for (const object of session.store.state.objects.values()) {
    if (labels.length >= MAX_LABELS) break;
    if (session.hidden.has(object.objectId)) continue;
    const geometry = geometryOnPlane(object, plane, session.planeModel);
    if (!geometry || geometry.type !== 'polyline' || geometry.value.length < 2) continue;
    const category = session.ontology ? findCategory(session.ontology, object.schemaId) : undefined;
    const kind = category?.kind === 'tool' ? category.measure : undefined;
    if (!kind && !measurements.everyPolyline) continue;
    const text = formatMeasurement(measurePolyline(geometry.value, kind, spacing));
    if (!text) continue;
    const [x, y] = geometry.value.at(-1)!;
    const left = x * view.scale + view.offsetX;
    const top = y * view.scale + view.offsetY;
    labels.push(html`<span class="measure" data-object-id=${object.objectId} style=${styleProperties({ left: `${left}px`, top: `${top}px` })}>${text}</span>`);
  }
  return labels.length ? html`<div class="measures" aria-hidden="true">${labels}</div>` : nothing;
}

/**
 * Calls `onChange` after every pan, zoom and fit. The surface has no view-change event, so this
 * wraps its own `setView` (every view change goes through it).
 */
export function observeViewChanges(surface: Surface, onChange: () => void): void {
  const setView = surface.setView.bind(surface);
  surface.setView = (view: ViewportState) => {
    setView(view);
    onChange();
  };
}
