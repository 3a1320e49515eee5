import { html, nothing, type TemplateResult } from 'lit';
import type { LabelingSession } from '../../core/session.js';

const MIN_WIDTH = 200;
const KEY_STEP = 16;

function maxWidth(layout: HTMLElement): number {
  return Math.max(MIN_WIDTH, Math.round(layout.getBoundingClientRect().width * 0.6));
}

/** Sets the side panel's width (on the layout, so it wins over the host's `--lk-sidebar-width` until the element is rebuilt). */
function setWidth(separator: HTMLElement, width: number): void {
  const layout = separator.closest<HTMLElement>('.layout');
  if (!layout) return;
  const clamped = Math.round(Math.min(maxWidth(layout), Math.max(MIN_WIDTH, width)));
  layout.style.setProperty('--lk-sidebar-width', `${clamped}px`);
  separator.setAttribute('aria-valuenow', String(clamped));
  separator.setAttribute('aria-valuemax', String(maxWidth(layout)));
}

function currentWidth(separator: HTMLElement): number {
  return separator.parentElement!.getBoundingClientRect().width;
}

/** The width as laid out now (the host's `--lk-sidebar-width`, or a resize), for assistive technology. */
function onResizeFocus(event: FocusEvent): void {
  const separator = event.currentTarget as HTMLElement;
  const layout = separator.closest<HTMLElement>('.layout');
  separator.setAttribute('aria-valuenow', String(Math.round(currentWidth(separator))));
  if (layout) separator.setAttribute('aria-valuemax', String(maxWidth(layout)));
}

/** Drag the panel's left edge to resize it. */
function onResizeDown(event: PointerEvent): void {
  if (event.button !== 0) return;
  const separator = event.currentTarget as HTMLElement;
  const startX = event.clientX;
  const startWidth = currentWidth(separator);
  separator.setPointerCapture(event.pointerId);
  event.preventDefault();
  const move = (moveEvent: PointerEvent) => setWidth(separator, startWidth + (startX - moveEvent.clientX));
  const up = () => {
    separator.removeEventListener('pointermove', move);
    separator.removeEventListener('pointerup', up);
    separator.removeEventListener('pointercancel', up);
  };
  separator.addEventListener('pointermove', move);
  separator.addEventListener('pointerup', up);
  separator.addEventListener('pointercancel', up);
}

/** ← widens, → narrows (the edge moves with the arrow), Home / End: narrowest / widest. The element's own keys never see them. */
function onResizeKey(event: KeyboardEvent): void {
  const separator = event.currentTarget as HTMLElement;
  const width = currentWidth(separator);
  const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
  const next =
    event.key === 'ArrowLeft' ? width + step : event.key === 'ArrowRight' ? width - step : event.key === 'Home' ? MIN_WIDTH : event.key === 'End' ? Infinity : undefined;
  if (next === undefined) return;
  event.preventDefault();
  event.stopPropagation();
  setWidth(separator, next);
}

/**
 * The side panel every element shows, in collapsible sections: objects, the selection's answers,
 * relations and the display settings (they change no answer); the task's questions (scrolling on
 * their own past 40 % of the panel) and Submit / Skip sit at its foot, outside the scrolling part,
 * so they stay in reach on a short screen. Its left edge is a separator that resizes it (drag, or
 * ← → when focused). With `no-sidebar` nothing is rendered at all, so a host that brings its own
 * panels pays nothing for ours (the object list alone renders a row per object).
 */
export function renderSidebar(options: {
  session: LabelingSession;
  hidden: boolean;
  hideSubmit: boolean;
  /** What a plane is called in the object list ("page", "slice"). */
  planeNoun?: string;
  /** False where fill opacity and outlines only do not apply. */
  shapeStyle?: boolean;
  /** False where there is no picture to adjust (text, PDF pages). */
  picture?: boolean;
  /** Show the review issues section (its panel loads apart, `IssueController`). */
  issues?: boolean;
  /** The compare panel, while `compare` is set (docs/review.md). */
  compare?: TemplateResult;
}): TemplateResult | typeof nothing {
  if (options.hidden) return nothing;
  const { session } = options;
  return html`<aside part="sidebar" aria-label="Annotations">
    <div
      class="resize"
      part="sidebar-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the side panel"
      aria-valuemin=${MIN_WIDTH}
      aria-valuemax="800"
      aria-valuenow="280"
      tabindex="0"
      @pointerdown=${onResizeDown}
      @keydown=${onResizeKey}
      @focus=${onResizeFocus}
    ></div>
    <div class="sections">
      ${options.compare ? html`<details class="section compare" open><summary>Compare</summary>${options.compare}</details>` : nothing}
      <details class="section objects" open>
        <summary>Objects</summary>
        <lk-object-list .session=${session} plane-noun=${options.planeNoun ?? 'page'}></lk-object-list>
      </details>
      <details class="section selection" open>
        <summary>Selected object</summary>
        <lk-classification-form .session=${session} follow-selection></lk-classification-form>
      </details>
      <details class="section relations" open>
        <summary>Relations</summary>
        <lk-relations-panel .session=${session}></lk-relations-panel>
      </details>
      ${options.issues
        ? html`<details class="section issues" open>
            <summary>Issues</summary>
            <lk-issues-panel .session=${session} plane-noun=${options.planeNoun ?? 'page'}></lk-issues-panel>
          </details>`
        : nothing}
      <details class="section display" open>
        <summary>Display</summary>
        <lk-display-panel
          .session=${session}
          ?no-shape-style=${options.shapeStyle === false}
          ?no-picture=${options.picture === false}
        ></lk-display-panel>
      </details>
    </div>
    <details class="section task" part="sidebar-task" open>
      <summary>Task</summary>
      <lk-classification-form .session=${session} heading="Task"></lk-classification-form>
    </details>
    <lk-task-actions .session=${session} ?hide-submit=${options.hideSubmit}></lk-task-actions>
  </aside>`;
}
