/**
 * Loads dicom-parser on first use (a page without <lk-dicom> never downloads it). The package is
 * UMD: through the CommonJS bundler plugins its API arrives on `default`, named exports, or both.
 */
import type * as DicomParser from 'dicom-parser';

export type DicomParserApi = typeof DicomParser;

function isParserApi(value: unknown): value is DicomParserApi {
  return typeof value === 'object' && value !== null && typeof (value as { parseDicom?: unknown }).parseDicom === 'function';
}

export async function loadDicomParser(): Promise<DicomParserApi> {
  const module: unknown = await import('dicom-parser');
  const fallback = typeof module === 'object' && module !== null ? (module as { default?: unknown }).default : undefined;
  if (isParserApi(fallback)) return fallback;
  if (isParserApi(module)) return module;
  throw new Error('dicom-parser did not load.');
}
