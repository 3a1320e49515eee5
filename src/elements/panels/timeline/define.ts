import { canDefine } from '../../base/define-element.js';
import { LkTimeline } from './lk-timeline.js';

if (canDefine('lk-timeline')) customElements.define('lk-timeline', LkTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'lk-timeline': LkTimeline;
  }
}

export { LkTimeline };
