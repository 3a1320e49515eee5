/**
 * The keypoints code (tool, painter, keypoint schema, codec) stays out of a 2D element's page until
 * its ontology has a keypoints class, then arrives with one `import()`.
 */
import { expect } from '@open-wc/testing';
import { fetchJson, greyPicture, mountImageOn, ONTOLOGY_URL } from './helpers.js';
import { fetched, recordEveryFetch } from './fetched-modules.js';

const picture = greyPicture();

before(async () => {
  recordEveryFetch();
  await import('../../src/elements/lk-image/define.js');
});

describe('keypoints load on demand', () => {
  it('an <lk-image> without keypoints classes never fetches the keypoints modules; a keypoints class fetches them', async () => {
    const element = await mountImageOn(picture.src, await fetchJson(ONTOLOGY_URL), undefined);
    expect(fetched('surface'), 'the surface module is seen').to.equal(true);
    const modules = ['keypoints-kit', 'keypoints-tool', 'keypoints-painter', 'keypoint-schema', 'library-codecs'];
    expect(modules.filter(fetched)).to.deep.equal([]);
    element.ontology = { tools: [{ schemaId: 'person', tool: 'keypoints', title: 'Person', keypoints: ['head'] }] };
    element.annotations = { objects: [{ objectId: 'p', schemaId: 'person', keypoints: { points: [{ name: 'head', x: 10, y: 20, visibility: 2 }] } }] };
    await element.settled();
    expect(modules.filter(fetched)).to.deep.equal(modules);
    expect(element.export().task.tools.map((tool) => tool.keypoints)).to.deep.equal([{ points: [{ name: 'head', x: 10, y: 20, visibility: 2 }] }]);
  });
});
