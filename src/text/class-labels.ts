/**
 * The class name of each entity painted now, in a small tag at the entity's start (above its first
 * line box). Tags are plain elements holding a `Text` node: class titles are never parsed as
 * markup. Only entities in rendered blocks get one, so a long document costs the blocks near the
 * viewport; the tags are reused from draw to draw, and a tag whose place and colours did not
 * change is not written to.
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
  /** The entities to tag (those of the rendered blocks; hidden ones are not in the index). */
  entityIds: Iterable<string>;
  labelOf: (id: string) => ClassLabel | undefined;
  /** The box the layer's coordinates start from. */
  origin: DOMRect;
}

/** Height of one tag, in CSS pixels: nested entities starting at one offset stack their tags by this. */
const TAG_STEP = 12;

const tagsByLayer = new WeakMap<HTMLElement, Map<string, HTMLSpanElement>>();
/** The style each tag was given last, so that an unchanged tag is not written to (a style change costs a restyle). */
const writtenStyle = new WeakMap<HTMLSpanElement, string>();

/** Draws the tags of the entities in view; `entityIds` empty (labels off) removes them all. */
export function drawClassLabels({ layer, view, index, entityIds, labelOf, origin }: ClassLabelScene): void {
  let tags = tagsByLayer.get(layer);
  if (!tags) tagsByLayer.set(layer, (tags = new Map()));
  // Every rect is read before any tag is written: a write between two reads would make each read
  // lay the page out again (hundreds of forced layouts a scrolled frame).
  const placed: { id: string; label: ClassLabel; rect: DOMRect }[] = [];
  for (const id of entityIds) {
    const entity = index.get(id);
    const label = labelOf(id);
    if (!entity || !label || !view.isRendered(entity.start, entity.end)) continue;
    const rect = [...view.range(entity.start, entity.end).getClientRects()].find((r) => r.width > 0);
    if (!rect) continue;
    placed.push({ id, label, rect });
  }
  // Tags of entities that left the screen are reused for those that came in: removing and adding
  // elements costs more than moving them.
  const wanted = new Set(placed.map((p) => p.id));
  const spare: HTMLSpanElement[] = [];
  for (const [id, tag] of tags) {
    if (wanted.has(id)) continue;
    spare.push(tag);
    tags.delete(id);
  }
  for (const { id, label, rect } of placed) {
    let tag = tags.get(id);
    if (!tag) {
      tag = spare.pop();
      if (!tag) {
        tag = layer.ownerDocument.createElement('span');
        tag.className = 'class-label';
        tag.append(layer.ownerDocument.createTextNode(''));
        layer.append(tag);
      }
      tag.dataset['objectId'] = id;
      tags.set(id, tag);
    }
    const text = tag.firstChild as Text;
    if (text.data !== label.title) text.data = label.title;
    const left = `${(rect.left - origin.left).toFixed(1)}px`;
    const top = `${(rect.top - origin.top - index.laneOf(id) * TAG_STEP).toFixed(1)}px`;
    const style = `${label.color} ${label.ink} ${left} ${top}`;
    if (writtenStyle.get(tag) === style) continue;
    writtenStyle.set(tag, style);
    tag.style.setProperty('background-color', label.color);
    tag.style.setProperty('color', label.ink);
    tag.style.setProperty('left', left);
    tag.style.setProperty('top', top);
  }
  for (const tag of spare) tag.remove();
}
