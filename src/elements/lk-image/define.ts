import { canDefine } from '../base/define-element.js';
import { LkImage } from './lk-image.js';
import '../panels/sidebar-panels.js';

if (canDefine('lk-image')) customElements.define('lk-image', LkImage);

declare global {
  interface HTMLElementTagNameMap {
    'lk-image': LkImage;
  }
}

export { LkImage };
