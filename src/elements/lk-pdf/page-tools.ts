/**
 * The drawing tools' contract (`ToolContext`) over one PDF page: the same state machines that
 * draw on images draw here, in PDF points. Hit tests scan the page's objects (a page holds few),
 * nearest first, then the smallest, then the topmost, as on the 2D surface.
 */
import { geometryBounds, hitTestGeometry } from '../../core/geometry.js';
import type { Box, Geometry, Point } from '../../core/model.js';
import { geometryOnPlane } from '../../core/plane-geometry.js';
import type { LabelingSession } from '../../core/session.js';
import { handlesFor } from '../../canvas/handles.js';
import type { Draft, Handle, ToolContext } from '../../tools/tool.js';
import { pdfRectsOnPage } from './shape-paths.js';

export interface PageToolHost {
  readonly session: LabelingSession;
  /** CSS pixels per PDF point. */
  scale(): number;
  pageSize(page: number): { width: number; height: number };
  /** Ids of the objects drawn on `page`, bottom to top. */
  objectsOn(page: number): readonly string[];
  newObjectId(): string;
  setDraft(draft: Draft | undefined): void;
  setCursor(cursor: string): void;
}

/** The geometry of `objectId` as it shows on `page`: PDF text entries count on every page they cover. */
export function geometryOnPage(session: LabelingSession, objectId: string, page: number): Geometry | undefined {
  const object = session.store.state.objects.get(objectId);
  if (!object) return undefined;
  const geometry = object.keyframes[0]?.geometry;
  if (geometry?.type === 'pdf') return pdfRectsOnPage(geometry.value, page).length > 0 ? geometry : undefined;
  return geometryOnPlane(object, page, session.planeModel);
}

function intersects(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

export function createPageToolContext(host: PageToolHost): ToolContext {
  const { session } = host;
  let brushSize = 20;
  const visibleOn = (page: number) => host.objectsOn(page).filter((id) => !session.hidden.has(id));

  const hitTest = (point: Point, tolerance: number): string | undefined => {
    const page = session.plane;
    const t = tolerance / host.scale();
    let best: { id: string; score: number; area: number; order: number } | undefined;
    visibleOn(page).forEach((id, order) => {
      const geometry = geometryOnPage(session, id, page);
      if (!geometry) return;
      const score = hitTestGeometry(onPageOnly(geometry, page), point, t);
      if (score === undefined) return;
      const bounds = geometryBounds(geometry);
      const area = bounds.width * bounds.height;
      if (!best || score < best.score || (score === best.score && (area < best.area || (area === best.area && order > best.order)))) {
        best = { id, score, area, order };
      }
    });
    return best?.id;
  };

  const handleAt = (point: Point, tolerance: number): Handle | undefined => {
    if (!session.canEdit) return undefined;
    const t = tolerance / host.scale();
    let best: { handle: Handle; distance: number } | undefined;
    for (const id of session.selection) {
      const object = session.store.state.objects.get(id);
      const geometry = object && !object.lock && !session.hidden.has(id) ? geometryOnPage(session, id, session.plane) : undefined;
      if (!geometry || geometry.type === 'pdf') continue;
      for (const handle of handlesFor(id, geometry, host.scale())) {
        const distance = Math.hypot(handle.position[0] - point[0], handle.position[1] - point[1]);
        if (distance <= t && (!best || distance < best.distance)) best = { handle, distance };
      }
    }
    return best?.handle;
  };

  return {
    get session() {
      return session;
    },
    get plane() {
      return session.plane;
    },
    get planeSize() {
      return host.pageSize(session.plane);
    },
    get scale() {
      return host.scale();
    },
    get brushSize() {
      return brushSize;
    },
    set brushSize(value: number) {
      brushSize = value;
    },
    newObjectId: () => host.newObjectId(),
    hitTest,
    query: (box) => visibleOn(session.plane).filter((id) => {
      const geometry = geometryOnPage(session, id, session.plane);
      return geometry !== undefined && intersects(geometryBounds(geometry), box);
    }),
    handleAt,
    // Text entries are not reshaped by the 2D tools: they follow the text they cover.
    geometryOf: (id) => {
      const geometry = geometryOnPage(session, id, session.plane);
      return geometry?.type === 'pdf' && geometry.value.position.rects.length > 0 ? undefined : geometry;
    },
    setDraft: (draft) => host.setDraft(draft),
    setBrushDraft: () => {},
    setCursor: (cursor) => host.setCursor(cursor),
  };
}

/** A cross-page text entry hit-tests only with the rects on this page. */
function onPageOnly(geometry: Geometry, page: number): Geometry {
  if (geometry.type !== 'pdf' || geometry.value.position.rects.length === 0) return geometry;
  return { type: 'pdf', value: { ...geometry.value, position: { ...geometry.value.position, rects: pdfRectsOnPage(geometry.value, page) } } };
}
