import { canDefine } from '../../base/define-element.js';
import { LkShortcutHelp } from './lk-shortcut-help.js';

if (canDefine('lk-shortcut-help')) customElements.define('lk-shortcut-help', LkShortcutHelp);

declare global {
  interface HTMLElementTagNameMap {
    'lk-shortcut-help': LkShortcutHelp;
  }
}

export { LkShortcutHelp };
