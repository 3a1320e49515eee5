import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { IssueBoard } from '../../../core/issue-board.js';
import type { IssuePosition } from '../../../core/issues.js';
import { styleProperties } from '../../base/style-properties.js';
import { issuePinsStyles } from './issue-pins.styles.js';

/** One pin to draw: where it is in asset units of the layer's plane. */
export interface IssuePin {
  issueId: string;
  /** The number the pin and the issues panel show. */
  number: number;
  status: 'open' | 'resolved';
  /** What a screen reader says (the issue's first words: text, never markup). */
  label: string;
  position: IssuePosition;
}

/** How asset units map to the layer's CSS pixels: `screen = asset × scale + offset`. */
export interface PinView {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/**
 * The issue pins over one plane (a 2D stage, or one PDF page). Pins keep asset coordinates and are
 * placed from `view` on every change, so they stay on their point through zoom and pan. While the
 * board is placing, the layer takes the next click and fires `issue-place` with the asset point.
 *
 * @tagname lk-issue-pins
 * @fires issue-place - `detail: { x, y }` in asset units: the user clicked where a new issue goes.
 * @cssproperty [--lk-issue-color=#cf222e] - Open issue pins.
 * @cssproperty [--lk-issue-resolved-color=#1a7f37] - Resolved issue pins.
 */
export class LkIssuePins extends LitElement {
  static override styles = issuePinsStyles;

  /** The element's issue board: a pin's click shows its issue through it. */
  @property({ attribute: false }) board: IssueBoard | undefined;
  /** The pins on this plane, in asset units. */
  @property({ attribute: false }) pins: readonly IssuePin[] = [];
  /** The pin of the issue being written. */
  @property({ attribute: false }) draft: IssuePosition | undefined;
  /** How asset units map to this layer's CSS pixels. */
  @property({ attribute: false }) view: PinView = { scale: 1, offsetX: 0, offsetY: 0 };
  /** The next click places an issue. */
  @property({ type: Boolean, reflect: true }) placing = false;

  constructor() {
    super();
    this.addEventListener('pointerdown', this.onPointerDown);
    this.addEventListener('click', this.onClick);
  }

  private at(position: IssuePosition): ReturnType<typeof styleProperties> {
    const { scale, offsetX, offsetY } = this.view;
    return styleProperties({ left: `${position.x * scale + offsetX}px`, top: `${position.y * scale + offsetY}px` });
  }

  protected override render(): TemplateResult {
    const focused = this.board?.focused;
    return html`${repeat(
      this.pins,
      (pin) => pin.issueId,
      (pin) =>
        html`<button
          type="button"
          class=${`pin ${pin.status}${pin.issueId === focused ? ' focused' : ''}`}
          data-issue=${pin.issueId}
          aria-label=${`Issue ${pin.number} (${pin.status}): ${pin.label}`}
          style=${this.at(pin.position)}
          @click=${(event: Event) => {
            event.stopPropagation();
            this.board?.focus(pin.issueId);
          }}
        >
          ${pin.number}
        </button>`,
    )}
    ${this.draft ? html`<span class="pin draft" aria-hidden="true" style=${this.at(this.draft)}>+</span>` : nothing}`;
  }

  /** While placing, the press is the layer's: the tools and text selection under it never see it. */
  private readonly onPointerDown = (event: PointerEvent) => {
    if (this.placing) event.stopPropagation();
  };

  private readonly onClick = (event: MouseEvent) => {
    if (!this.placing || event.composedPath()[0] !== this) return;
    event.stopPropagation();
    const rect = this.getBoundingClientRect();
    const { scale, offsetX, offsetY } = this.view;
    const x = (event.clientX - rect.left - offsetX) / scale;
    const y = (event.clientY - rect.top - offsetY) / scale;
    this.dispatchEvent(new CustomEvent('issue-place', { detail: { x, y }, bubbles: true, composed: true }));
  };
}
