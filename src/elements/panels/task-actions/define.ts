import { canDefine } from '../../base/define-element.js';
import { LkTaskActions } from './lk-task-actions.js';

if (canDefine('lk-task-actions')) customElements.define('lk-task-actions', LkTaskActions);

declare global {
  interface HTMLElementTagNameMap {
    'lk-task-actions': LkTaskActions;
  }
}

export { LkTaskActions };
