import { canDefine } from '../base/define-element.js';
import { LkDicom } from './lk-dicom.js';
import '../panels/sidebar-panels.js';

if (canDefine('lk-dicom')) customElements.define('lk-dicom', LkDicom);

declare global {
  interface HTMLElementTagNameMap {
    'lk-dicom': LkDicom;
  }
}

export { LkDicom };
