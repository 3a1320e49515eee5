/**
 * The relation arrows over the text: for the relations that touch an entity painted in a rendered
 * block (a few hundred at most, never a pass over every relation), an arc between the members on
 * screen; a member off screen is drawn at the top or bottom edge, towards where it is. `<lk-text>`
 * loads this with `import()` the first time a document has relations.
 */
import type { RelationAnnotation } from '../core/model.js';
import type { RelationCategory } from '../core/ontology.js';
import type { DocumentView } from './document-view.js';
import type { EntityIndex } from './entity-index.js';
import { drawArrows, layoutArrows, type ArrowPoint, type ArrowSpec } from './relation-arrows.js';

export interface RelationScene {
  svg: SVGSVGElement;
  view: DocumentView;
  index: EntityIndex;
  relations: ReadonlyMap<string, RelationAnnotation>;
  categories: readonly RelationCategory[];
  /** The entities of the rendered blocks (hidden ones are not in the index). */
  entityIds: Iterable<string>;
  selected: ReadonlySet<string>;
  /** The box the SVG's coordinates start from, and the visible part of the document. */
  origin: DOMRect;
  screen: DOMRect;
  /** Colour of a relation whose class has none (or an invalid one). */
  fallbackColor: string;
}

export interface RelationOverlay {
  draw(scene: RelationScene): void;
  /** Relations were added, changed or removed: the member map is built again on the next draw. */
  relationsChanged(): void;
}

const membersOf = (relation: RelationAnnotation): readonly string[] => (relation.kind === 'single' ? [relation.from, relation.to] : relation.group);

export function createRelationOverlay(): RelationOverlay {
  /** Relation ids by member entity id, rebuilt after relations change (not on scroll). */
  let byMember: Map<string, string[]> | undefined;

  const relationsOf = (relations: ReadonlyMap<string, RelationAnnotation>, entityId: string): readonly string[] => {
    if (!byMember) {
      byMember = new Map();
      for (const relation of relations.values()) {
        for (const member of membersOf(relation)) {
          let list = byMember.get(member);
          if (!list) byMember.set(member, (list = []));
          list.push(relation.objectId);
        }
      }
    }
    return byMember.get(entityId) ?? [];
  };

  const draw = ({ svg, view, index, relations, categories, entityIds, selected, origin, screen, fallbackColor }: RelationScene): void => {
    const candidates = new Set<string>();
    for (const id of entityIds) for (const relationId of relationsOf(relations, id)) candidates.add(relationId);
    if (candidates.size === 0) {
      if (svg.childNodes.length > 0) svg.replaceChildren();
      return;
    }
    const above = { x: 40, y: screen.top - origin.top - 12 };
    const below = { x: 40, y: screen.bottom - origin.top + 12 };
    const firstRendered = Math.min(...[...view.renderedBlocks()].map((block) => view.blockSpan(block)[0]));
    const categoryOf = new Map(categories.map((category) => [category.schemaId, category] as const));
    /** Where an arrow meets an entity, and whether that point is on screen. */
    const anchors = new Map<string, { point: ArrowPoint; onScreen: boolean } | undefined>();
    const anchorOf = (id: string) => {
      if (anchors.has(id)) return anchors.get(id);
      const entity = index.get(id);
      let anchor: { point: ArrowPoint; onScreen: boolean } | undefined;
      if (entity && view.isRendered(entity.start, entity.end)) {
        const rect = [...view.range(entity.start, entity.end).getClientRects()].find((r) => r.width > 0);
        if (rect && rect.bottom < screen.top) anchor = { point: above, onScreen: false };
        else if (rect && rect.top > screen.bottom) anchor = { point: below, onScreen: false };
        else if (rect) anchor = { point: { x: rect.left + Math.min(rect.width, 60) / 2 - origin.left, y: rect.top - origin.top + 2 }, onScreen: true };
      } else if (entity) {
        anchor = { point: entity.start < firstRendered ? above : below, onScreen: false };
      }
      anchors.set(id, anchor);
      return anchor;
    };
    const specs: ArrowSpec[] = [];
    for (const relationId of candidates) {
      const relation = relations.get(relationId);
      if (!relation) continue;
      // A `reverse` relation points from `to` back to `from` (FORMAT.md §2.3).
      const members = membersOf(relation);
      const ends = (relation.kind === 'single' && relation.direction === 'reverse' ? [...members].reverse() : members).map(anchorOf);
      if (ends.some((end) => end === undefined) || !ends.some((end) => end!.onScreen)) continue;
      const category = categoryOf.get(relation.schemaId);
      specs.push({
        id: relation.objectId,
        label: category?.title ?? relation.schemaId,
        color: category?.color && /^#[0-9a-fA-F]{6}$/.test(category.color) ? category.color : fallbackColor,
        kind: relation.kind,
        points: ends.map((end) => end!.point),
        bidirectional: relation.kind === 'single' && relation.direction === 'bidirectional',
        selected: selected.has(relation.objectId),
      });
    }
    // Document order keeps the stacking of overlapping arcs stable while scrolling.
    specs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    drawArrows(svg, layoutArrows(specs));
  };

  return {
    draw,
    relationsChanged: () => (byMember = undefined),
  };
}
