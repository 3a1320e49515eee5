import { geometryBounds } from '../../core/geometry.js';
import type { Geometry } from '../../core/model.js';
import type { IssueBoard } from '../../core/issue-board.js';
import type { IssueAnchor, IssuePosition } from '../../core/issues.js';
import type { IssuePin } from '../panels/issues/lk-issue-pins.js';

/** The centre of a shape's bounds: where an issue about an object without its own point is pinned. */
export function centreOf(geometry: Geometry): IssuePosition {
  const box = geometryBounds(geometry);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The pins on one plane: issues on that page (`plane` undefined: a single-plane asset, every
 * issue), at their own point or else at their object's shape there. Numbers follow the order the
 * issues were raised, as in the issues panel.
 */
export function pinsOnPlane(board: IssueBoard, plane: number | undefined, shapeOf: (objectId: string) => Geometry | undefined): IssuePin[] {
  const pins: IssuePin[] = [];
  board.issues.forEach((issue, index) => {
    if (plane !== undefined && issue.page !== undefined && issue.page !== plane) return;
    const position = anchorPosition(issue, shapeOf);
    if (!position) return;
    pins.push({ issueId: issue.issueId, number: index + 1, status: issue.status, label: issue.thread[0]?.text ?? '', position });
  });
  return pins;
}

/** Where the draft issue's pin goes on this plane, if it is on it. */
export function draftPosition(board: IssueBoard, plane: number | undefined, shapeOf: (objectId: string) => Geometry | undefined): IssuePosition | undefined {
  const draft = board.draft;
  if (!draft || (plane !== undefined && draft.page !== undefined && draft.page !== plane)) return undefined;
  return anchorPosition(draft, shapeOf);
}

function anchorPosition(anchor: IssueAnchor, shapeOf: (objectId: string) => Geometry | undefined): IssuePosition | undefined {
  if (anchor.position) return anchor.position;
  const geometry = anchor.objectId === undefined ? undefined : shapeOf(anchor.objectId);
  return geometry ? centreOf(geometry) : undefined;
}
