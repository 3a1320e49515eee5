/**
 * The scene the sliced-paint tests share: 12,000 generated objects (above the surface's one-task
 * limit of 5,000) on a flat 2000 × 1500 picture, where the shapes are a few screen pixels.
 */
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { DENSE_ONTOLOGY } from '../generators/dense-record.js';
import { pictureUrl } from '../elements/helpers.js';

export const DENSE_SCENE = { count: 12_000, width: 2000, height: 1500 } as const;

/** A flat picture of the scene's size (revoke the URL when done). */
export function flatPictureUrl(): Promise<string> {
  const { width, height } = DENSE_SCENE;
  return pictureUrl(width, height, (context) => {
    context.fillStyle = '#345';
    context.fillRect(0, 0, width, height);
  });
}

/** An `<lk-image>` for the scene, not yet on the page: no side panel, the dense ontology. */
export function denseImageElement(): LkImage {
  const element = document.createElement('lk-image') as LkImage;
  element.style.cssText = '--lk-height: 600px; width: 1100px; display: block';
  element.setAttribute('no-sidebar', '');
  element.ontology = DENSE_ONTOLOGY;
  return element;
}
