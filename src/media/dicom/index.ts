/**
 * DICOM decoding and display for <lk-dicom>. The element loads this module with `import()`, so
 * dicom-parser (loaded from here, on first parse) never reaches pages without DICOM.
 */
export { parseDicomFile, type DecodedFrame, type DicomFile, type DicomImageInfo } from './dicom-file.js';
export { DicomDecodeError } from './decode-error.js';
export { defaultWindow, renderDecodedFrame } from './display.js';
export { seriesOrder } from './series.js';
export { transferSyntaxOf, type TransferSyntax } from './transfer-syntax.js';
export { WINDOW_PRESETS, dragWindow, modalityRange, windowForRange, type VoiWindow, type WindowPreset, type Rescale } from './windowing.js';
export { formatLength, polylineLength, type Length } from './measure.js';
export { createSliceStack, type SliceStack } from './slice-stack.js';
