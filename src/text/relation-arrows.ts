/**
 * Relations drawn as labelled arcs over the text (an SVG overlay). Layout is plain arithmetic:
 * arcs rise above the line, each a little higher than the last, and a label that would cover an
 * earlier one lifts its arc until it is free, so many overlapping relations stay readable.
 * Labels are set with `textContent` only (ontology titles are never markup), in black or white on
 * a tag of the relation's colour, so they read over any text, highlight or arc.
 */
import { inkOn } from '../core/ink.js';

export interface ArrowPoint {
  x: number;
  y: number;
}

export interface ArrowSpec {
  id: string;
  label: string;
  /** `#rrggbb` from the validated ontology. */
  color: string;
  kind: 'single' | 'group';
  /** Single: [from, to]. Group: every member. Points are the top centres of the entities' first line boxes. */
  points: ArrowPoint[];
  bidirectional: boolean;
  selected: boolean;
}

export interface ArrowLayout {
  id: string;
  label: string;
  color: string;
  dashed: boolean;
  selected: boolean;
  /** SVG path data of the arcs. */
  path: string;
  /** SVG path data of the arrowheads (filled). */
  heads: string;
  labelX: number;
  labelY: number;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const BASE_LIFT = 10;
const LIFT_STEP = 7;
const LABEL_HEIGHT = 12;
const CHAR_WIDTH = 6.2;
const MAX_LIFTS = 12;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function head(tip: ArrowPoint, from: ArrowPoint): string {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const back = { x: tip.x - ux * 7, y: tip.y - uy * 7 };
  const left = { x: back.x - uy * 3.5, y: back.y + ux * 3.5 };
  const right = { x: back.x + uy * 3.5, y: back.y - ux * 3.5 };
  return `M${tip.x.toFixed(1)} ${tip.y.toFixed(1)}L${left.x.toFixed(1)} ${left.y.toFixed(1)}L${right.x.toFixed(1)} ${right.y.toFixed(1)}Z`;
}

export function layoutArrows(specs: readonly ArrowSpec[]): ArrowLayout[] {
  const placed: Box[] = [];
  const layouts: ArrowLayout[] = [];
  specs.forEach((spec, order) => {
    const pairs: [ArrowPoint, ArrowPoint][] = [];
    if (spec.kind === 'single') {
      const [from, to] = spec.points;
      if (from && to) pairs.push([from, to]);
    } else {
      const members = [...spec.points].sort((a, b) => a.y - b.y || a.x - b.x);
      for (let i = 1; i < members.length; i++) pairs.push([members[i - 1]!, members[i]!]);
    }
    const first = pairs[0];
    if (!first) return;
    const labelWidth = spec.label.length * CHAR_WIDTH + 6;
    let lift = BASE_LIFT + LIFT_STEP * (order % 4);
    let labelX = 0;
    let labelY = 0;
    for (let attempt = 0; attempt < MAX_LIFTS; attempt++) {
      const [a, b] = first;
      const top = Math.min(a.y, b.y) - lift;
      labelX = (a.x + b.x) / 2;
      labelY = (a.y + b.y) / 8 + 0.75 * top;
      const box = { left: labelX - labelWidth / 2, right: labelX + labelWidth / 2, top: labelY - LABEL_HEIGHT, bottom: labelY + 2 };
      if (!placed.some((other) => overlaps(box, other)) || attempt === MAX_LIFTS - 1) {
        placed.push(box);
        break;
      }
      // The label sits at 3/4 of the arc's height: this step moves it one label and a gap up.
      lift += (LABEL_HEIGHT + 4) / 0.75;
    }
    let path = '';
    let heads = '';
    for (const [a, b] of pairs) {
      const top = Math.min(a.y, b.y) - lift;
      path += `M${a.x.toFixed(1)} ${a.y.toFixed(1)}C${a.x.toFixed(1)} ${top.toFixed(1)} ${b.x.toFixed(1)} ${top.toFixed(1)} ${b.x.toFixed(1)} ${b.y.toFixed(1)}`;
      if (spec.kind === 'single') {
        heads += head(b, { x: b.x, y: top });
        if (spec.bidirectional) heads += head(a, { x: a.x, y: top });
      }
    }
    layouts.push({
      id: spec.id,
      label: spec.label,
      color: spec.color,
      dashed: spec.kind === 'group',
      selected: spec.selected,
      path,
      heads,
      labelX,
      labelY,
    });
  });
  return layouts;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Padding of a label's tag around its text, in CSS pixels. */
const TAG_PAD_X = 3;
const TAG_PAD_Y = 1;

/** Replaces the overlay's content with the given arrows. Each arrow's group carries `data-relation-id`. */
export function drawArrows(svg: SVGSVGElement, layouts: readonly ArrowLayout[]): void {
  const owner = svg.ownerDocument;
  const fragment = owner.createDocumentFragment();
  const tags: [SVGRectElement, SVGTextElement][] = [];
  for (const layout of layouts) {
    const group = owner.createElementNS(SVG, 'g');
    group.setAttribute('class', layout.selected ? 'relation selected' : 'relation');
    group.dataset['relationId'] = layout.id;
    const path = owner.createElementNS(SVG, 'path');
    path.setAttribute('d', layout.path);
    path.setAttribute('stroke', layout.color);
    if (layout.dashed) path.setAttribute('stroke-dasharray', '4 3');
    group.append(path);
    if (layout.heads) {
      const heads = owner.createElementNS(SVG, 'path');
      heads.setAttribute('d', layout.heads);
      heads.setAttribute('fill', layout.color);
      heads.setAttribute('stroke', 'none');
      group.append(heads);
    }
    const tag = owner.createElementNS(SVG, 'rect');
    tag.setAttribute('class', 'label-tag');
    tag.setAttribute('fill', layout.color);
    tag.setAttribute('rx', '3');
    const label = owner.createElementNS(SVG, 'text');
    label.setAttribute('x', layout.labelX.toFixed(1));
    label.setAttribute('y', layout.labelY.toFixed(1));
    label.setAttribute('text-anchor', 'middle');
    label.setAttribute('fill', inkOn(layout.color));
    label.textContent = layout.label;
    group.append(tag, label);
    tags.push([tag, label]);
    fragment.append(group);
  }
  svg.replaceChildren(fragment);
  // Measured once all are in (one layout), then sized: the tag fits the text as the font sets it.
  const boxes = tags.map(([, label]) => label.getBBox());
  tags.forEach(([tag], i) => {
    const box = boxes[i]!;
    tag.setAttribute('x', (box.x - TAG_PAD_X).toFixed(1));
    tag.setAttribute('y', (box.y - TAG_PAD_Y).toFixed(1));
    tag.setAttribute('width', (box.width + 2 * TAG_PAD_X).toFixed(1));
    tag.setAttribute('height', (box.height + 2 * TAG_PAD_Y).toFixed(1));
  });
}
