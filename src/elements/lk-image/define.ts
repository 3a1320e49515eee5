import { LkImage } from './lk-image.js';
import '../panels/define.js';

if (!customElements.get('lk-image')) customElements.define('lk-image', LkImage);

declare global {
  interface HTMLElementTagNameMap {
    'lk-image': LkImage;
  }
}

export { LkImage };
