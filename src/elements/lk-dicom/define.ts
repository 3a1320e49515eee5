import { LkDicom } from './lk-dicom.js';
import '../panels/define.js';

if (!customElements.get('lk-dicom')) customElements.define('lk-dicom', LkDicom);

declare global {
  interface HTMLElementTagNameMap {
    'lk-dicom': LkDicom;
  }
}

export { LkDicom };
