import { canDefine } from '../../base/define-element.js';
import { LkObjectList } from './lk-object-list.js';

if (canDefine('lk-object-list')) customElements.define('lk-object-list', LkObjectList);

declare global {
  interface HTMLElementTagNameMap {
    'lk-object-list': LkObjectList;
  }
}

export { LkObjectList };
