/**
 * The class name of each shape on a PDF page, in a small tag at its top-left corner (a text
 * selection's: its first line on that page), and of each relation line, centred on it. Tags are
 * placed in percent of the page, so a zoom only rescales the page; titles go into lit text
 * bindings, never into markup; black or white letters on the class colour read over any page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { geometryBounds } from '../../core/geometry.js';
import type { Geometry } from '../../core/model.js';
import { styleProperties } from '../base/style-properties.js';
import { inkOn } from '../../core/ink.js';
import { pdfRectsOnPage } from './shape-paths.js';

export interface PageLabel {
  id: string;
  geometry: Geometry;
  title: string;
  /** `#rrggbb`, already made safe. */
  color: string;
}

export interface RelationLabel {
  id: string;
  title: string;
  /** `#rrggbb`, already made safe. */
  color: string;
  /** The tag's centre, in PDF points. */
  at: [number, number];
}

/** Where a shape's tag sits on `page`, in PDF points: its top-left corner. */
function cornerOf(geometry: Geometry, page: number): [number, number] | undefined {
  if (geometry.type === 'pdf') {
    const first = pdfRectsOnPage(geometry.value, page)[0];
    return first ? [Math.min(first.x1, first.x2), Math.min(first.y1, first.y2)] : undefined;
  }
  const box = geometryBounds(geometry);
  return Number.isFinite(box.x) && Number.isFinite(box.y) ? [box.x, box.y] : undefined;
}

const tagStyle = (at: readonly [number, number], size: { width: number; height: number }, color: string) =>
  styleProperties({ left: `${(at[0] / size.width) * 100}%`, top: `${(at[1] / size.height) * 100}%`, 'background-color': color, color: inkOn(color) });

/** The tags of one page (`size` in PDF points); nothing when there are none. */
export function renderPageLabels(
  labels: readonly PageLabel[],
  relations: readonly RelationLabel[],
  page: number,
  size: { width: number; height: number },
): TemplateResult | typeof nothing {
  const placed = labels.flatMap((label) => {
    const corner = cornerOf(label.geometry, page);
    return corner ? [{ ...label, corner }] : [];
  });
  if (placed.length === 0 && relations.length === 0) return nothing;
  return html`<div class="class-labels" aria-hidden="true">
    ${repeat(
      placed,
      (label) => label.id,
      (label) => html`<span class="class-label" data-object-id=${label.id} style=${tagStyle(label.corner, size, label.color)}>${label.title}</span>`,
    )}
    ${repeat(
      relations,
      (label) => label.id,
      (label) => html`<span class="relation-label" data-relation-id=${label.id} style=${tagStyle(label.at, size, label.color)}>${label.title}</span>`,
    )}
  </div>`;
}
