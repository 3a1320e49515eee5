/**
 * Draws keypoints instances into a pixi Graphics: skeleton edges in the class colour between
 * labelled points, then each point in its own colour (`keypointColors`, else the class colour):
 * visible points filled, occluded points hollow rings, absent points not at all. Sizes are in
 * screen pixels (divided by the zoom) like every other outline.
 */
import type { Graphics } from 'pixi.js';
import { isLabelled, skeletonEdges } from '../core/keypoints.js';
import type { Keypoints } from '../core/model.js';
import type { ToolCategory } from '../core/ontology.js';
import { colorNumber, POINT_RADIUS } from './shape-drawing.js';

export interface KeypointsStyle {
  /** Screen pixels per asset pixel. */
  scale: number;
  /** Selected or hovered: thicker edges. */
  emphasis: boolean;
  /** A draft (points being placed): lighter edges. */
  draft: boolean;
}

/** The class's drawing style, worked out once per ontology category. */
interface ClassStyle {
  color: number;
  pointColors: number[];
  edges: [number, number][];
}

const styles = new WeakMap<ToolCategory, ClassStyle>();

function classStyle(category: ToolCategory): ClassStyle {
  let style = styles.get(category);
  if (!style) {
    const color = colorNumber(category.color);
    const count = category.keypoints?.length ?? 0;
    style = {
      color,
      pointColors: Array.from({ length: count }, (_, i) => colorNumber(category.keypointColors?.[i], color)),
      edges: skeletonEdges(category.skeleton, count),
    };
    styles.set(category, style);
  }
  return style;
}

export function paintKeypoints(g: Graphics, value: Keypoints, category: ToolCategory | undefined, style: KeypointsStyle): void {
  const { color, pointColors, edges } = category ? classStyle(category) : { color: colorNumber(undefined), pointColors: [], edges: [] };
  const { scale } = style;
  const points = value.points;
  let anyEdge = false;
  for (const [i, j] of edges) {
    const a = points[i];
    const b = points[j];
    if (!a || !b || !isLabelled(a) || !isLabelled(b)) continue;
    g.moveTo(a.x, a.y).lineTo(b.x, b.y);
    anyEdge = true;
  }
  if (anyEdge) g.stroke({ width: (style.emphasis ? 3 : 2) / scale, color, alpha: style.draft ? 0.7 : 1 });
  const radius = POINT_RADIUS / scale;
  points.forEach((point, i) => {
    const pointColor = pointColors[i] ?? color;
    if (point.visibility === 2) g.circle(point.x, point.y, radius).fill({ color: pointColor }).stroke({ width: 1.5 / scale, color: 0xffffff });
    else if (point.visibility === 1) g.circle(point.x, point.y, radius).stroke({ width: 2 / scale, color: pointColor });
  });
}
