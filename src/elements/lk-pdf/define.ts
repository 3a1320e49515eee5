import { canDefine } from '../base/define-element.js';
import { LkPdf } from './lk-pdf.js';
import '../panels/sidebar-panels.js';

if (canDefine('lk-pdf')) customElements.define('lk-pdf', LkPdf);

declare global {
  interface HTMLElementTagNameMap {
    'lk-pdf': LkPdf;
  }
}

export { LkPdf };
