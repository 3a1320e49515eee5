import { canDefine } from '../../base/define-element.js';
import { LkIssuePins } from './lk-issue-pins.js';
import { LkIssuesPanel } from './lk-issues-panel.js';

if (canDefine('lk-issues-panel')) customElements.define('lk-issues-panel', LkIssuesPanel);
if (canDefine('lk-issue-pins')) customElements.define('lk-issue-pins', LkIssuePins);

declare global {
  interface HTMLElementTagNameMap {
    'lk-issues-panel': LkIssuesPanel;
    'lk-issue-pins': LkIssuePins;
  }
}

export { LkIssuePins, LkIssuesPanel };
