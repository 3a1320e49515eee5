import { canDefine } from '../../base/define-element.js';
import { LkToolbar } from './lk-toolbar.js';

if (canDefine('lk-toolbar')) customElements.define('lk-toolbar', LkToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'lk-toolbar': LkToolbar;
  }
}

export { LkToolbar };
