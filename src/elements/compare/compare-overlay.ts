/**
 * The compare and change-history overlay of the 2D elements (image, video, DICOM): every shown
 * version's shapes on the current plane, each version in its colour and dash pattern, the
 * agreement of each matched object beside it, and the change-history marks. One SVG over the
 * stage in stage pixels (redrawn on pan and zoom), so the pixi surface is untouched and the
 * overlay never takes the pointer.
 */
import { css, html, svg, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Geometry, ObjectAnnotation, Point } from '../../core/model.js';
import { geometryBounds } from '../../core/geometry.js';
import { geometryOnPlane } from '../../core/plane-geometry.js';
import type { ViewportState } from '../../canvas/viewport.js';
import { traceGeometry } from '../../canvas/shape-outline.js';
import { formatAgreement, sourceStyle, type CompareView } from './compare-view.js';

const MARKER_RADIUS = 5;

/** Change-history colours: added, removed (the baseline's shape), moved (the baseline's shape is grey), re-classified. */
export const HISTORY_STYLES = {
  added: { color: '#00e676', dash: '' },
  removed: { color: '#ff5252', dash: '6 4' },
  moved: { color: '#ffd740', dash: '' },
  was: { color: '#bdbdbd', dash: '4 4' },
  reclassified: { color: '#e040fb', dash: '' },
} as const;

export const compareOverlayStyles = css`
  svg.compare {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    overflow: hidden;
  }
  svg.compare text {
    font: 600 12px system-ui, sans-serif;
    paint-order: stroke;
    stroke: rgba(0, 0, 0, 0.8);
    stroke-width: 3px;
  }
`;

/** An SVG path of a geometry in stage pixels. */
export function pathOf(geometry: Geometry, view: ViewportState): string {
  const at = ([x, y]: readonly [number, number]) => `${(x * view.scale + view.offsetX).toFixed(1)} ${(y * view.scale + view.offsetY).toFixed(1)}`;
  const ring = (points: readonly Point[], close: boolean) => (points.length === 0 ? '' : `M${points.map(at).join('L')}${close ? 'Z' : ''}`);
  const parts: string[] = [];
  traceGeometry(geometry, {
    area: (outer, holes) => parts.push(ring(outer, true), ...holes.map((hole) => ring(hole, true))),
    rect: (x, y, width, height) =>
      parts.push(
        ring(
          [
            [x, y],
            [x + width, y],
            [x + width, y + height],
            [x, y + height],
          ],
          true,
        ),
      ),
    line: (points) => parts.push(ring(points, false)),
    marker: (x, y) => {
      const [sx, sy] = at([x, y]).split(' ').map(Number) as [number, number];
      const r = MARKER_RADIUS;
      parts.push(`M${sx - r} ${sy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`);
    },
    controlPoint: () => {},
  });
  return parts.join('');
}

/** A shape's SVG path data in the overlay's own coordinates (stage pixels, or PDF points on a page). */
type PathOf = (geometry: Geometry) => string;

function shape(geometry: Geometry, path: PathOf, color: string, dash: string, width: number, extra: { source?: number; objectId: string; mark?: string }): SVGTemplateResult {
  return svg`<path
    d=${path(geometry)}
    vector-effect="non-scaling-stroke"
    fill="none"
    fill-rule="evenodd"
    stroke=${color}
    stroke-width=${width}
    stroke-dasharray=${dash || nothing}
    data-source=${extra.source ?? nothing}
    data-object-id=${extra.objectId}
    data-mark=${extra.mark ?? nothing}
  ></path>`;
}

const onPlane = (object: ObjectAnnotation | undefined, plane: number, compare: CompareView) =>
  object ? geometryOnPlane(object, plane, compare.session.planeModel) : undefined;

function versionShapes(compare: CompareView, plane: number, path: PathOf): SVGTemplateResult[] {
  const out: SVGTemplateResult[] = [];
  compare.versions.forEach((version, source) => {
    if (compare.hidden.has(source) || !version.imported) return;
    const { color, dash } = sourceStyle(source);
    for (const object of version.imported.objects) {
      const geometry = onPlane(object, plane, compare);
      if (!geometry) continue;
      const emphasised = compare.emphasised !== undefined && compare.report?.objects[compare.emphasised]?.members[source]?.objectId === object.objectId;
      out.push(shape(geometry, path, color, dash, emphasised ? 4 : 2, { source, objectId: object.objectId }));
    }
  });
  return out;
}

/** Each matched object's agreement, at the top-left of its first shown version on this plane. */
function scoreLabels(compare: CompareView, view: ViewportState): SVGTemplateResult[] {
  const { plane } = compare.session;
  const out: SVGTemplateResult[] = [];
  if (compare.versions.length < 2) return out;
  compare.report?.objects.forEach((cluster, index) => {
    for (const [source, member] of cluster.members.entries()) {
      if (!member || compare.hidden.has(source)) continue;
      const geometry = onPlane(compare.objectOf(source, member.objectId), plane, compare);
      if (!geometry) continue;
      const box = geometryBounds(geometry);
      const x = box.x * view.scale + view.offsetX;
      const y = box.y * view.scale + view.offsetY - 4;
      out.push(svg`<text x=${x.toFixed(1)} y=${y.toFixed(1)} fill="#ffffff" data-cluster=${index}>${formatAgreement(cluster.agreement)}</text>`);
      return;
    }
  });
  return out;
}

function historyShapes(compare: CompareView, plane: number, path: PathOf): SVGTemplateResult[] {
  const history = compare.historyShown ? compare.historyView() : undefined;
  if (!history) return [];
  const { store } = compare.session;
  const out: SVGTemplateResult[] = [];
  const current = (id: string) => onPlane(store.state.objects.get(id), plane, compare);
  const before = (id: string) => onPlane(history.before.get(id), plane, compare);
  const draw = (geometry: Geometry | undefined, kind: keyof typeof HISTORY_STYLES, objectId: string) => {
    if (!geometry) return;
    const { color, dash } = HISTORY_STYLES[kind];
    out.push(shape(geometry, path, color, dash, 3, { objectId, mark: kind }));
  };
  for (const change of history.diff.removed) draw(before(change.objectId), 'removed', change.objectId);
  for (const change of history.diff.moved) {
    draw(before(change.objectId), 'was', change.objectId);
    draw(current(change.objectId), 'moved', change.objectId);
  }
  for (const change of history.diff.added) draw(current(change.objectId), 'added', change.objectId);
  for (const change of history.diff.reclassified) draw(current(change.objectId), 'reclassified', change.objectId);
  return out;
}

/** The overlay for the view given, or nothing before the surface has one. */
export function renderCompareOverlay(compare: CompareView | undefined, view: ViewportState | undefined): TemplateResult | typeof nothing {
  if (!compare || !view) return nothing;
  const path = (geometry: Geometry) => pathOf(geometry, view);
  const { plane } = compare.session;
  return html`<svg class="compare" part="compare-overlay" aria-hidden="true">
    ${historyShapes(compare, plane, path)}${versionShapes(compare, plane, path)}${scoreLabels(compare, view)}
  </svg>`;
}

/** The versions and change-history marks on one PDF page, for the page's own SVG (viewBox in points). */
export function renderPageCompareShapes(compare: CompareView | undefined, page: number, path: PathOf): SVGTemplateResult | typeof nothing {
  if (!compare) return nothing;
  return svg`<g class="compare">${historyShapes(compare, page, path)}${versionShapes(compare, page, path)}</g>`;
}
