/**
 * `pdf` area selections: drag a box on a PDF page. The entry keeps `rects: []` and the box as its
 * `boundingRect` (FORMAT.md); `describe` supplies the page size and the content of the area.
 */
import { pdfPoints } from '../../core/geometry.js';
import type { Box, PdfSelection } from '../../core/model.js';
import type { Tool, ToolContext } from '../tool.js';
import { createDragBoxTool } from './drag-box-tool.js';

export interface PdfAreaToolOptions {
  /** The content recorded for an area (e.g. the text inside it). */
  contentOf(box: Box, page: number): PdfSelection['content'];
}

export function pdfAreaSelection(box: Box, page: number, pageSize: { width: number; height: number }, content: PdfSelection['content']): PdfSelection {
  const boundingRect = {
    x1: pdfPoints(box.x),
    y1: pdfPoints(box.y),
    x2: pdfPoints(box.x + box.width),
    y2: pdfPoints(box.y + box.height),
    width: pdfPoints(pageSize.width),
    height: pdfPoints(pageSize.height),
    pageNumber: page + 1,
  };
  return { position: { boundingRect, rects: [], pageNumber: page + 1 }, content };
}

export function createPdfAreaTool(context: ToolContext, schemaId: string, options: PdfAreaToolOptions): Tool {
  return createDragBoxTool(context, schemaId, {
    name: 'pdf-area',
    geometryOf: (box) => ({ type: 'pdf', value: pdfAreaSelection(box, context.plane, context.planeSize, options.contentOf(box, context.plane)) }),
  });
}
