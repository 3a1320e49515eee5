import { canDefine } from '../base/define-element.js';
import { LkVideo } from './lk-video.js';
import '../panels/sidebar-panels.js';
import '../panels/timeline/define.js';

if (canDefine('lk-video')) customElements.define('lk-video', LkVideo);

declare global {
  interface HTMLElementTagNameMap {
    'lk-video': LkVideo;
  }
}

export { LkVideo };
