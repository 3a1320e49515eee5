import { html, nothing, type TemplateResult } from 'lit';
import type { LabelingSession } from '../../core/session.js';

/**
 * The side panel every element shows: objects, the selection's answers, relations, task answers,
 * task actions and the display settings (last: they change no answer). With `no-sidebar` nothing
 * is rendered at all, so a host that brings its own panels pays nothing for ours (the object list alone renders a row per object).
 */
export function renderSidebar(options: {
  session: LabelingSession;
  hidden: boolean;
  hideSubmit: boolean;
  /** False where fill opacity, outlines only and labels do not apply (text, PDF pages). */
  shapeStyle?: boolean;
}): TemplateResult | typeof nothing {
  if (options.hidden) return nothing;
  const { session } = options;
  return html`<aside part="sidebar" aria-label="Annotations">
    <lk-object-list .session=${session}></lk-object-list>
    <lk-classification-form .session=${session} follow-selection></lk-classification-form>
    <lk-relations-panel .session=${session}></lk-relations-panel>
    <lk-classification-form .session=${session} heading="Task"></lk-classification-form>
    <lk-task-actions .session=${session} ?hide-submit=${options.hideSubmit}></lk-task-actions>
    <lk-display-panel .session=${session} ?no-shape-style=${options.shapeStyle === false}></lk-display-panel>
  </aside>`;
}
