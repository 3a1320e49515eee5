/**
 * Press, drag, release on the plane: the gesture the box tools share. A press that moves less than
 * the click slop stays a click (`pressing`); past it the gesture is `dragging`. The box runs from
 * the press to the latest pointer position, both kept inside the plane.
 */
import { normalizeBox } from '../../core/geometry.js';
import type { Box, Point } from '../../core/model.js';
import type { ToolContext, ToolPointer } from '../tool.js';
import { isDrag, planePoint } from './pointer.js';

export type DragPhase = 'idle' | 'pressing' | 'dragging';

export interface DragRelease {
  /** Whether the pointer moved past the click slop at any point of the gesture. */
  dragged: boolean;
  /** The box from the press to the release point. */
  box: Box;
  /** The release point. */
  point: Point;
}

export class DragGesture {
  private state: DragPhase = 'idle';
  private start: Point = [0, 0];
  private current: Point = [0, 0];

  constructor(private readonly context: ToolContext) {}

  get phase(): DragPhase {
    return this.state;
  }

  /** The box from the press to the latest pointer position. */
  get box(): Box {
    const [x, y] = this.start;
    return normalizeBox({ x, y, width: this.current[0] - x, height: this.current[1] - y });
  }

  /** Starts a gesture on a primary-button press while idle and editable; false when ignored. */
  press(pointer: ToolPointer): boolean {
    if (pointer.button !== 0 || this.state !== 'idle' || !this.context.session.canEdit) return false;
    this.start = planePoint(this.context, pointer);
    this.current = this.start;
    this.state = 'pressing';
    return true;
  }

  /** Follows the pointer; true while the gesture is a drag. */
  move(pointer: ToolPointer): boolean {
    if (this.state === 'idle') return false;
    this.current = planePoint(this.context, pointer);
    if (this.state === 'pressing' && isDrag(this.context, this.start, this.current)) this.state = 'dragging';
    return this.state === 'dragging';
  }

  /** Ends the gesture (back to idle); undefined when none was under way. */
  release(pointer: ToolPointer): DragRelease | undefined {
    if (this.state === 'idle') return undefined;
    this.current = planePoint(this.context, pointer);
    const dragged = this.state === 'dragging' || isDrag(this.context, this.start, this.current);
    const box = this.box;
    this.state = 'idle';
    return { dragged, box, point: this.current };
  }

  /** Drops the gesture under way, if any. */
  cancel(): void {
    this.state = 'idle';
  }
}
