import { LkText } from './lk-text.js';
import '../panels/define.js';

if (!customElements.get('lk-text')) customElements.define('lk-text', LkText);

declare global {
  interface HTMLElementTagNameMap {
    'lk-text': LkText;
  }
}

export { LkText };
