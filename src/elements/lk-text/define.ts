import { LkText } from './lk-text.js';
// Only the toolbar is needed for the first paint; the side panels and the shortcut help load with
// `import()` when the element first shows them (see LkText.loadPanels), which keeps them out of
// the download of a page that shows only the text.
import '../panels/toolbar/define.js';

if (!customElements.get('lk-text')) customElements.define('lk-text', LkText);

declare global {
  interface HTMLElementTagNameMap {
    'lk-text': LkText;
  }
}

export { LkText };
