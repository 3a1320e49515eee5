/**
 * Everything the compare and change-history views need, in one chunk that an element loads with
 * `import()` when its `compare` property is first set (the element pages do not grow).
 */
import { canDefine } from '../base/define-element.js';
import { LkComparePanel } from './lk-compare-panel.js';

if (canDefine('lk-compare-panel')) customElements.define('lk-compare-panel', LkComparePanel);

declare global {
  interface HTMLElementTagNameMap {
    'lk-compare-panel': LkComparePanel;
  }
}

export { LkComparePanel };
export { CompareView, SOURCE_STYLES, formatAgreement, type CompareHost } from './compare-view.js';
export { compareOverlayStyles, renderCompareOverlay, renderPageCompareShapes, HISTORY_STYLES } from './compare-overlay.js';
export { observeViewChanges as followView } from '../measure/measure-labels.js';
export { createTextCompareMarks, type TextCompareMarks } from './text-compare-marks.js';
