/** The PDF adapter, loaded with `<lk-pdf>` only: pdf.js stays out of every other element's bundle. */
export { openPdf, pageSizeOf, type PdfDocumentHandle, type PdfPageSize, type PdfPasswordHook, type PdfPasswordRequest } from './pdf-document.js';
export { PdfPageView } from './page-view.js';
