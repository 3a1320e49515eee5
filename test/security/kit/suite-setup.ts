/**
 * The hooks every per-element security suite shares, registered inside its `describe`: warm the
 * heavy modules, give lk-text the novel's opening (the whole book only slows each of many mounts
 * down; the suites that care about the real file load it themselves), and clear the page after
 * each test. Returns the `src` to mount with: undefined means the kit's fixture.
 */
import { resetMouse } from '@web/test-runner-commands';
import { novelOpeningUrl, removeKitElements, warmUp, type ElementKind } from './element-kits.js';

export function useSuiteSetup(kind: ElementKind): () => { src?: string } {
  let src: string | undefined;

  before(async function () {
    this.timeout(120000);
    await warmUp();
    if (kind === 'text') src = await novelOpeningUrl();
  });

  after(() => {
    if (src) URL.revokeObjectURL(src);
  });

  afterEach(async () => {
    removeKitElements();
    await resetMouse();
  });

  return () => (src ? { src } : {});
}
