import { expect } from '@open-wc/testing';
import { LabelkitError } from '../../../src/core/errors.js';
import { loadPackageModule } from '../../../src/elements/base/package-module.js';
import { rejectionOf } from '../../rejection.js';

describe('loadPackageModule', () => {
  it('a chunk of the package the server does not have is resource-load naming the fix, not an asset error', async () => {
    const missing = '/dist/chunks/not-deployed.js';
    const error = await rejectionOf(loadPackageModule(() => import(/* @vite-ignore */ missing), 'PDF reader (pdf.js)'), LabelkitError);
    expect(error.code).to.equal('resource-load');
    expect(error.message).to.match(/^The PDF reader \(pdf\.js\) could not be loaded: serve all of the package’s dist\/ folder/);
  });

  it('a chunk that loads is handed over as it is', async () => {
    const module = await loadPackageModule(() => import('../../../src/core/errors.js'), 'errors');
    expect(module.LabelkitError).to.equal(LabelkitError);
  });
});
