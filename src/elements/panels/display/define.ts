import { canDefine } from '../../base/define-element.js';
import { LkDisplayPanel } from './lk-display-panel.js';

if (canDefine('lk-display-panel')) customElements.define('lk-display-panel', LkDisplayPanel);

declare global {
  interface HTMLElementTagNameMap {
    'lk-display-panel': LkDisplayPanel;
  }
}

export { LkDisplayPanel };
