/**
 * The class name of each entity painted now, in a small tag at the entity's start (above its first
 * line box). Tags are plain elements holding a `Text` node: class titles are never parsed as
 * markup. Only entities in rendered blocks and on screen get one, so a long document costs the
 * few lines in view; the tags are reused from draw to draw.
 */
import type { DocumentView } from './document-view.js';
import type { EntityIndex } from './entity-index.js';

export interface ClassLabel {
  title: string;
  /** Background, `#rrggbb`. */
  color: string;
  /** Text colour that reads on `color`. */
  ink: string;
}

export interface ClassLabelScene {
  layer: HTMLElement;
  view: DocumentView;
  index: EntityIndex;
  /** Entities painted now (in rendered blocks, not hidden). */
  paintedIds: Iterable<string>;
  labelOf: (id: string) => ClassLabel | undefined;
  /** The box the layer's coordinates start from, and the visible part of the document. */
  origin: DOMRect;
  screen: DOMRect;
}

/** Height of one tag, in CSS pixels: nested entities starting at one offset stack their tags by this. */
const TAG_STEP = 12;

const tagsByLayer = new WeakMap<HTMLElement, Map<string, HTMLSpanElement>>();

/** Draws the tags of the entities in view; `paintedIds` empty (labels off) removes them all. */
export function drawClassLabels({ layer, view, index, paintedIds, labelOf, origin, screen }: ClassLabelScene): void {
  let tags = tagsByLayer.get(layer);
  if (!tags) tagsByLayer.set(layer, (tags = new Map()));
  const wanted = new Set<string>();
  for (const id of paintedIds) {
    const entity = index.get(id);
    const label = labelOf(id);
    if (!entity || !label || !view.isRendered(entity.start, entity.end)) continue;
    const rect = [...view.range(entity.start, entity.end).getClientRects()].find((r) => r.width > 0);
    if (!rect || rect.bottom < screen.top || rect.top > screen.bottom) continue;
    wanted.add(id);
    let tag = tags.get(id);
    if (!tag) {
      tag = layer.ownerDocument.createElement('span');
      tag.className = 'class-label';
      tag.dataset['objectId'] = id;
      tag.append(layer.ownerDocument.createTextNode(''));
      tags.set(id, tag);
      layer.append(tag);
    }
    const text = tag.firstChild as Text;
    if (text.data !== label.title) text.data = label.title;
    tag.style.setProperty('background-color', label.color);
    tag.style.setProperty('color', label.ink);
    tag.style.setProperty('left', `${(rect.left - origin.left).toFixed(1)}px`);
    tag.style.setProperty('top', `${(rect.top - origin.top - index.laneOf(id) * TAG_STEP).toFixed(1)}px`);
  }
  for (const [id, tag] of tags) {
    if (wanted.has(id)) continue;
    tag.remove();
    tags.delete(id);
  }
}
