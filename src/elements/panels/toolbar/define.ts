import { LkToolbar } from './lk-toolbar.js';

if (!customElements.get('lk-toolbar')) customElements.define('lk-toolbar', LkToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'lk-toolbar': LkToolbar;
  }
}

export { LkToolbar };
