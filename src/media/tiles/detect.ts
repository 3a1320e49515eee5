/** Which tiled layout a source is, from `source-type` or, when that is `auto`, from the URL's path. */
import { lastPathPart } from './tile-url.js';

export type SourceType = 'auto' | 'image' | 'iiif' | 'dzi';

export function tiledFormat(src: string, sourceType: SourceType = 'auto'): 'iiif' | 'dzi' | undefined {
  if (sourceType === 'iiif' || sourceType === 'dzi') return sourceType;
  if (sourceType === 'image' || /^(data|blob):/i.test(src)) return undefined;
  const name = lastPathPart(src).toLowerCase();
  if (name === 'info.json') return 'iiif';
  if (name.endsWith('.dzi')) return 'dzi';
  return undefined;
}
