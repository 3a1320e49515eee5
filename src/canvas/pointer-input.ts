/**
 * Pointer, wheel and touch input for one surface: converts to asset coordinates once and routes
 * to panning/zooming or to the active tool. Mouse, pen and touch all arrive as pointer events.
 */
import type { Point } from '../core/model.js';
import type { ToolPointer } from '../tools/tool.js';
import type { Surface } from './surface.js';
import { screenToAsset } from './viewport.js';

const HOVER_TOLERANCE = 6;
const WHEEL_ZOOM_STEP = 1.0015;

interface Pan {
  pointerId: number;
  lastX: number;
  lastY: number;
}

interface Pinch {
  distance: number;
  centre: Point;
}

export class PointerInput {
  /** Space held: primary-button drags pan instead of drawing. */
  spaceHeld = false;
  private pan: Pan | undefined;
  private readonly touches = new Map<number, Point>();
  private pinch: Pinch | undefined;
  private toolPointerId: number | undefined;

  constructor(private readonly surface: Surface) {}

  /** Listens on the surface's container (the stage area the canvas fills); attaching twice is harmless. */
  attach(target: HTMLElement): void {
    for (const [type, listener, options] of this.listeners()) target.addEventListener(type, listener, options);
  }

  detach(target: HTMLElement): void {
    for (const [type, listener] of this.listeners()) target.removeEventListener(type, listener);
  }

  private listeners(): [string, EventListener, AddEventListenerOptions?][] {
    return [
      ['pointerdown', this.onDown as EventListener],
      ['pointermove', this.onMove as EventListener],
      ['pointerup', this.onUp as EventListener],
      ['pointercancel', this.onCancel as EventListener],
      ['pointerleave', this.onLeave],
      ['dblclick', this.onDoubleClick as EventListener],
      // Not passive: the wheel zooms the picture instead of scrolling the page.
      ['wheel', this.onWheel as EventListener, { passive: false }],
      ['contextmenu', this.onContextMenu],
    ];
  }

  private local(event: MouseEvent): Point {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  private toolPointer(event: PointerEvent | MouseEvent): ToolPointer {
    const [sx, sy] = this.local(event);
    const [x, y] = screenToAsset(this.surface.view, sx, sy);
    const pointerType = 'pointerType' in event && (event.pointerType === 'pen' || event.pointerType === 'touch') ? event.pointerType : 'mouse';
    const pressure = 'pressure' in event && pointerType === 'pen' ? event.pressure : 0.5;
    return { x, y, button: event.button, shiftKey: event.shiftKey, altKey: event.altKey, ctrlKey: event.ctrlKey || event.metaKey, pointerType, pressure };
  }

  private readonly onDown = (event: PointerEvent) => {
    const target = event.currentTarget as HTMLElement;
    this.surface.isCoarsePointer = event.pointerType === 'touch';
    if (event.pointerType === 'touch') {
      this.touches.set(event.pointerId, this.local(event));
      if (this.touches.size === 2) {
        // A second finger turns whatever the first started into a pinch.
        if (this.toolPointerId !== undefined) {
          this.surface.activeTool.cancel();
          this.toolPointerId = undefined;
        }
        this.pinch = this.pinchState();
        target.setPointerCapture(event.pointerId);
        return;
      }
    }
    const panButton = event.button === 1 || (event.button === 0 && this.spaceHeld);
    if (panButton) {
      this.pan = { pointerId: event.pointerId, lastX: event.clientX, lastY: event.clientY };
      target.setPointerCapture(event.pointerId);
      this.surface.showPanning(true);
      event.preventDefault();
      return;
    }
    if (event.button !== 0 && event.button !== 2) return;
    target.setPointerCapture(event.pointerId);
    this.toolPointerId = event.pointerId;
    this.surface.activeTool.pointerDown(this.toolPointer(event));
  };

  private readonly onMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch' && this.touches.has(event.pointerId)) {
      this.touches.set(event.pointerId, this.local(event));
      if (this.pinch && this.touches.size >= 2) {
        const next = this.pinchState();
        const view = this.surface.view;
        const factor = next.distance / Math.max(1, this.pinch.distance);
        const dx = next.centre[0] - this.pinch.centre[0];
        const dy = next.centre[1] - this.pinch.centre[1];
        this.surface.setView({ ...view, offsetX: view.offsetX + dx, offsetY: view.offsetY + dy });
        this.surface.zoomBy(factor, next.centre);
        this.pinch = next;
        return;
      }
    }
    if (this.pan && event.pointerId === this.pan.pointerId) {
      const view = this.surface.view;
      this.surface.setView({ ...view, offsetX: view.offsetX + event.clientX - this.pan.lastX, offsetY: view.offsetY + event.clientY - this.pan.lastY });
      this.pan.lastX = event.clientX;
      this.pan.lastY = event.clientY;
      return;
    }
    const pointer = this.toolPointer(event);
    if (event.pointerType !== 'touch') this.surface.pointerOnStage = this.local(event);
    if (this.toolPointerId === undefined || event.pointerId === this.toolPointerId) this.surface.activeTool.pointerMove(pointer);
    if (this.toolPointerId === undefined && event.pointerType !== 'touch') {
      this.surface.setHovered(this.surface.hitTest([pointer.x, pointer.y], HOVER_TOLERANCE));
    }
  };

  private readonly onUp = (event: PointerEvent) => {
    this.touches.delete(event.pointerId);
    if (this.touches.size < 2) this.pinch = undefined;
    if (this.pan && event.pointerId === this.pan.pointerId) {
      this.pan = undefined;
      this.surface.showPanning(false);
      return;
    }
    if (event.pointerId !== this.toolPointerId) return;
    this.toolPointerId = undefined;
    this.surface.activeTool.pointerUp(this.toolPointer(event));
  };

  private readonly onCancel = (event: PointerEvent) => {
    this.touches.delete(event.pointerId);
    this.pinch = undefined;
    if (this.pan) this.surface.showPanning(false);
    this.pan = undefined;
    if (event.pointerId === this.toolPointerId) {
      this.toolPointerId = undefined;
      this.surface.activeTool.cancel();
    }
  };

  private readonly onLeave = () => {
    this.surface.pointerOnStage = undefined;
    this.surface.setHovered(undefined);
  };

  private readonly onDoubleClick = (event: MouseEvent) => {
    this.surface.activeTool.doubleClick?.(this.toolPointer(event));
  };

  private readonly onContextMenu = (event: Event) => event.preventDefault();

  /** Wheel zooms about the cursor; Shift+wheel sizes the brush; trackpad pinch arrives as Ctrl+wheel. */
  private readonly onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    if (event.shiftKey && !event.ctrlKey) {
      const context = this.surface.toolContext;
      context.brushSize = context.brushSize * Math.pow(WHEEL_ZOOM_STEP, -(delta || event.deltaX) * 2);
      this.surface.invalidate(false);
      return;
    }
    this.surface.zoomBy(Math.pow(WHEEL_ZOOM_STEP, -delta), this.local(event));
  };

  private pinchState(): Pinch {
    const [a, b] = [...this.touches.values()] as [Point, Point];
    return { distance: Math.hypot(a[0] - b[0], a[1] - b[1]), centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
  }
}
