// The host's password hook, apart from the pdf.js code, so that the element's published types
// name it without pulling in pdf.js's.

/** What the password hook is asked: `needed` the first time, `incorrect` after a wrong answer. */
export interface PdfPasswordRequest {
  reason: 'needed' | 'incorrect';
}

/** Returns the password, or undefined to give up (the load then ends in `asset-password`). */
export type PdfPasswordHook = (request: PdfPasswordRequest) => string | undefined | Promise<string | undefined>;
