import { canDefine } from '../base/define-element.js';
import { LkText } from './lk-text.js';
// The toolbar, the side panels and the shortcut help load with `import()` when the element first
// renders (see LkText.loadPanels): a page that shows only the text downloads none of them first.

if (canDefine('lk-text')) customElements.define('lk-text', LkText);

declare global {
  interface HTMLElementTagNameMap {
    'lk-text': LkText;
  }
}

export { LkText };
