/**
 * <lk-dicom> and the files compressed DICOM needs at run time (dist/dicom-codecs/: the decode
 * worker and the codecs' .wasm): a host's copy named by `codecs-base`, and a file that cannot be
 * loaded reported as lk-error resource-load naming the file and the fix.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import type { LkErrorEvent } from '../../src/events/index.js';
import { clearRequestLog, servedRequests } from '../server/signed-assets-client.js';
import { fetchJson, nextEvent, ONTOLOGY_URL } from './helpers.js';
import { DICOM, mount, toolsOf } from './lk-dicom-helpers.js';

/** The test server's stand-ins for a host's copy of dist/dicom-codecs/ (web-test-runner.config.mjs). */
const HOST_COPY = '/host-dicom-codecs/';
const HOST_COPY_WITHOUT_WASM = '/host-dicom-codecs-no-wasm/';
/** Answers every path with an HTML page (test/server/spa-fallback-middleware.mjs). */
const SPA_FALLBACK = '/__lk-spa/dicom-codecs';
const JPEG2000 = `${DICOM}/MR_small_jp2klossless.dcm`;

let ontology: unknown;

async function placeBare(codecsBase: string): Promise<LkDicom> {
  return fixture<LkDicom>(html`<lk-dicom style="--lk-height: 480px; width: 960px" codecs-base=${codecsBase} .ontology=${ontology}></lk-dicom>`);
}

const KEPT = { objects: [{ objectId: 'kept', schemaId: 't-car', page: 0, 'bounding-box': { x: 1, y: 2, width: 3, height: 4 } }] };

async function failedLoad(codecsBase: string): Promise<{ element: LkDicom; message: string }> {
  const element = await placeBare(codecsBase);
  element.annotations = KEPT;
  const error = nextEvent<LkErrorEvent>(element, 'lk-error');
  element.src = JPEG2000;
  const { detail } = await error;
  expect(detail.code).to.equal('resource-load');
  expect(toolsOf(element).map((tool) => tool.objectId), 'annotations stay').to.deep.equal(['kept']);
  return { element, message: detail.message };
}

describe('<lk-dicom> the decode worker and codec files', function () {
  this.timeout(120000);

  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
  });

  it('codecs-base: the worker and the JPEG 2000 .wasm come from the host’s copy, and the slice shows the pixels of the uncompressed file', async () => {
    const plain = await mount({ ontology, src: `${DICOM}/MR_small.dcm` });
    const expected = [...plain.displayedImageData()!.data];
    plain.remove();
    await clearRequestLog();
    const element = await placeBare(HOST_COPY.slice(0, -1));
    const ready = nextEvent(element, 'lk-ready');
    element.src = JPEG2000;
    await ready;
    await element.settled();
    expect([...element.displayedImageData()!.data]).to.deep.equal(expected);
    const paths = (await servedRequests()).map((request) => request.path);
    expect(paths, paths.join(', ')).to.include.members([`${HOST_COPY}decode-worker.js`, `${HOST_COPY}openjpegwasm_decode.wasm`]);
    expect(paths.filter((path) => path.endsWith('.wasm') && !path.startsWith(HOST_COPY)), 'no packaged codec file').to.deep.equal([]);
  });

  it('a worker that cannot be loaded ends in lk-error resource-load naming the decode worker and the fix; clearing codecs-base opens the file', async () => {
    const { element, message } = await failedLoad(`${DICOM}/missing/`);
    expect(message).to.match(/JPEG 2000 Lossless .*decode worker \(decode-worker\.js\) could not start/);
    expect(message).to.include('dist/dicom-codecs/');
    expect(message).to.include('codecs-base');
    element.codecsBase = '';
    await element.updateComplete;
    const ready = nextEvent(element, 'lk-ready');
    element.src = `${JPEG2000}?again`;
    await ready;
    expect(toolsOf(element).map((tool) => tool.objectId)).to.deep.equal(['kept']);
  });

  it('a worker answered with an HTML page (a dev server’s fallback) is resource-load too', async () => {
    const { message } = await failedLoad(SPA_FALLBACK);
    expect(message).to.match(/decode worker \(decode-worker\.js\) could not start/);
  });

  it('a missing codec .wasm ends in resource-load naming the JPEG 2000 decoder’s WebAssembly file and the fix', async () => {
    const { message } = await failedLoad(HOST_COPY_WITHOUT_WASM);
    expect(message).to.match(/JPEG 2000 decoder's WebAssembly file openjpegwasm_decode\.wasm could not be fetched \(HTTP 404\)/);
    expect(message).to.include('dist/dicom-codecs/');
    expect(message).to.include('codecs-base');
  });
});
