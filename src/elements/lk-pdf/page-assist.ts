/**
 * `<lk-pdf>`'s side of assisted labeling: the page shown (`session.plane`) as the assist layer's
 * stage. Its view maps PDF points on that page to the layer's pixels wherever the page has
 * scrolled to; the picture is the page's bitmap as drawn (`imageScale` pixels per point); a
 * detector's box for a `pdf` class becomes that page's area selection.
 */
import type { ErrorInfo } from '../../core/errors.js';
import type { LabelingSession } from '../../core/session.js';
import type { ViewportState } from '../../canvas/viewport.js';
import type { Tool } from '../../tools/tool.js';
import { pdfAreaSelection } from '../../tools/box/pdf-area-tool.js';
import type { AssistBridge, AssistStage } from '../../assist/assist-bridge.js';
import { textOfSpansIn, type PlacedSpan } from './text-selection.js';

export interface PageAssistHost {
  readonly session: LabelingSession;
  assetId(): string;
  /** CSS pixels per PDF point. */
  scale(): number;
  /** The page's size in points, once laid out. */
  pageSize(page: number): { width: number; height: number } | undefined;
  /** The page's box while it is rendered (near the view). */
  pageBox(page: number): HTMLElement | undefined;
  /** The assist layer, once on the page. */
  layer(): HTMLElement | undefined;
  /** The page's bitmap, once drawn. */
  pageCanvas(page: number): HTMLCanvasElement | undefined;
  activeTool(): Tool;
  reloadTool(): void;
  /** The text spans of `page` with their centres in points (empty while it is not rendered). */
  placedSpans(page: number): PlacedSpan[];
  newObjectId(): string;
  writeAs<T>(origin: { in: string; model?: string }, write: () => T): T;
  reportError(info: ErrorInfo): void;
}

export interface PageAssistStage extends AssistStage {
  /** The pages scrolled or were laid out again: the layer redraws. */
  viewChanged(): void;
}

/** Where a page off the view is "drawn": far outside the layer, which clips it. */
const OFF_VIEW: ViewportState = { scale: 1, offsetX: -1e6, offsetY: -1e6 };

export function createPageAssistBridge(host: PageAssistHost): { bridge: AssistBridge; stage: PageAssistStage } {
  let onViewChange: (() => void) | undefined;
  // Accept all measures the page's spans once for all its areas, not once per area (areas × spans layout reads).
  let measured: { page: number; spans: PlacedSpan[] } | undefined;
  const spansOf = (page: number): PlacedSpan[] => {
    if (measured?.page !== page) {
      measured = { page, spans: host.placedSpans(page) };
      queueMicrotask(() => (measured = undefined));
    }
    return measured.spans;
  };
  // Measured once per change of the view (`viewChanged`): reading the boxes forces a layout, which a
  // redraw of the layer (a smart segment prompt, a draft) right after the page's own update must not pay.
  let measuredView: { page: number; view: ViewportState } | undefined;
  const stage: PageAssistStage = {
    get view() {
      const plane = host.session.plane;
      if (measuredView?.page === plane) return measuredView.view;
      const page = host.pageBox(plane)?.getBoundingClientRect();
      const layer = host.layer()?.getBoundingClientRect();
      if (!page || !layer) return OFF_VIEW;
      const view = { scale: host.scale(), offsetX: page.left - layer.left, offsetY: page.top - layer.top };
      measuredView = { page: plane, view };
      return view;
    },
    get activeTool() {
      return host.activeTool();
    },
    toolOverride: undefined,
    reloadTool: () => host.reloadTool(),
    viewChanged: () => {
      measuredView = undefined;
      onViewChange?.();
    },
  };

  const bridge: AssistBridge = {
    session: host.session,
    assetId: () => host.assetId(),
    surface: () => stage,
    observeView: (_stage, onChange) => (onViewChange = onChange),
    picture: async () => {
      const canvas = host.pageCanvas(host.session.plane);
      return canvas && canvas.width > 0 ? createImageBitmap(canvas) : undefined;
    },
    requestExtras: (image) => {
      const page = host.session.plane;
      const width = host.pageSize(page)?.width ?? 0;
      return { pageNumber: page + 1, imageScale: width > 0 ? image.width / width : 1 };
    },
    boxClasses: {
      tools: ['pdf'],
      toGeometry: (_schemaId, geometry, page) => {
        const size = host.pageSize(page);
        if (geometry.type !== 'bounding-box' || !size) return geometry;
        return { type: 'pdf', value: pdfAreaSelection(geometry.value, page, size, { text: textOfSpansIn(spansOf(page), geometry.value) }) };
      },
    },
    frameTotal: () => undefined,
    newObjectId: () => host.newObjectId(),
    writeAs: (origin, write) => host.writeAs(origin, write),
    reportError: (info) => host.reportError(info),
  };
  return { bridge, stage };
}
