/**
 * The strict-CSP page's labelkit: every element registered in this realm (under this page's policy)
 * and the kits the test drives them with. The test (same origin) reaches them through `window.lkCsp`.
 */
import * as kits from '../kit/element-kits.js';
import * as panels from '../kit/panels.js';

(window as unknown as { lkCsp: typeof kits & typeof panels }).lkCsp = { ...kits, ...panels };
