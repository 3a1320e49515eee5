import { LkTimeline } from './lk-timeline.js';

if (!customElements.get('lk-timeline')) customElements.define('lk-timeline', LkTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'lk-timeline': LkTimeline;
  }
}

export { LkTimeline };
