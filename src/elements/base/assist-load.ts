/**
 * The assist layer's chunk, loaded by an element the first time a host sets `assist` (never before:
 * a page without a model downloads none of it).
 */
import type { ErrorInfo } from '../../core/errors.js';

export function loadAssistLayer(loaded: () => void, reportError: (info: ErrorInfo) => void): void {
  import('../../assist/assist-layer.js').then(loaded, () =>
    reportError({ code: 'resource-load', message: 'The assisted-labeling controls could not be loaded (a chunk of the package is missing).' }),
  );
}
