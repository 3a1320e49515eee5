/**
 * DICOM decoding and display for <lk-dicom>. The element loads this module with `import()`, so
 * dicom-parser and cornerstone-core (loaded from here, on first use) never reach pages without DICOM.
 */
export { parseDicomFile, workerFrameCodec, type DecodedFrame, type DicomFile, type DicomImageInfo } from './dicom-file.js';
export { DicomDecodeError } from './decode-error.js';
export { loadCornerstone, type Cornerstone } from './cornerstone.js';
export { createSliceRenderer, type SliceRenderer } from './slice-renderer.js';
export { seriesOrder } from './series.js';
export { transferSyntaxOf, type TransferSyntax } from './transfer-syntax.js';
export { WINDOW_PRESETS, dragWindow, modalityRange, presetsFor, windowForRange, type VoiWindow, type WindowPreset, type Rescale } from './windowing.js';
export { formatAngle, formatLength, polylineAngle, polylineLength, type Length } from '../../core/measure.js';
export { createSliceStack, type SliceStack } from './slice-stack.js';
