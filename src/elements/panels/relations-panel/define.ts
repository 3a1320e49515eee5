import { canDefine } from '../../base/define-element.js';
import { LkRelationsPanel } from './lk-relations-panel.js';

if (canDefine('lk-relations-panel')) customElements.define('lk-relations-panel', LkRelationsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'lk-relations-panel': LkRelationsPanel;
  }
}

export { LkRelationsPanel };
