/**
 * A part of the package loaded on demand (a chunk in dist/chunks/, e.g. pdf.js with `<lk-pdf>`).
 * When the server cannot give it (a deploy that left chunks out, a network failure) that is a
 * problem of the page's resources, not of the asset: `resource-load` with what to do.
 */
import { LabelkitError } from '../../core/errors.js';

export async function loadPackageModule<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new LabelkitError({
      code: 'resource-load',
      message: `The ${what} could not be loaded: serve all of the package’s dist/ folder (its chunks/ included) next to its entry files, and check the network.`,
      cause: { name: error instanceof Error ? error.name : 'Error' },
    });
  }
}
