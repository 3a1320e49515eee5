import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LabelingSession } from '../../../core/session.js';
import { styleProperties } from '../../base/style-properties.js';
import { safeColor } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkDisplayPanelStyles } from './lk-display-panel.styles.js';

/**
 * How the shapes are shown: hide all (also the H key), hide a class, the fill opacity, outlines
 * only, the class labels (also the L key) and the picture's adjustments. Kept in the session for
 * this visit only: never exported, never stored, and hiding changes nothing in the annotations.
 *
 * @tagname lk-display-panel
 * @csspart display - The panel.
 * @csspart hide-all - The Hide all / Show all button.
 * @csspart classes - The list of classes with their visibility.
 * @csspart picture - Brightness, contrast, gamma and invert of the picture.
 */
export class LkDisplayPanel extends PanelElement {
  static override styles = [panelStyles, lkDisplayPanelStyles];

  /** Leave out fill opacity and outlines only (labels stay: every element draws them). */
  @property({ type: Boolean, attribute: 'no-shape-style', reflect: true }) noShapeStyle = false;

  /** Leave out the picture adjustments (elements without a picture to adjust: text, PDF pages). */
  @property({ type: Boolean, attribute: 'no-picture', reflect: true }) noPicture = false;

  protected override render(): TemplateResult | typeof nothing {
    const session = this.currentSession;
    if (!session) return nothing;
    const { display } = session;
    return html`
      <div part="display" role="group" aria-labelledby="display-title">
        <h3 class="title" id="display-title">Display</h3>
        <button
          type="button"
          part="hide-all"
          class="hide-all"
          aria-pressed=${display.allHidden ? 'true' : 'false'}
          aria-keyshortcuts="H"
          @click=${() => session.setDisplay({ allHidden: !display.allHidden })}
        >
          ${display.allHidden ? icons.eyeOff : icons.eye} Hide all <kbd>H</kbd>
        </button>
        ${this.noShapeStyle ? nothing : this.renderShapeStyle(session)} ${this.renderLabels(session)}
        ${this.noShapeStyle || this.noPicture ? nothing : this.renderPicture(session)}
        ${this.renderClasses(session)}
      </div>
    `;
  }

  private renderShapeStyle(session: LabelingSession): TemplateResult {
    const { display } = session;
    const opacity = Math.round(display.fillOpacity * 100);
    return html`
      <label class="field">
        <span>Fill opacity</span>
        <input
          class="fill-opacity"
          type="range"
          min="0"
          max="100"
          step="5"
          .value=${live(String(opacity))}
          aria-valuetext=${`${opacity} %`}
          ?disabled=${display.outlineOnly}
          @input=${(event: Event) => session.setDisplay({ fillOpacity: Number((event.currentTarget as HTMLInputElement).value) / 100 })}
        />
        <output>${opacity} %</output>
      </label>
      <label class="check">
        <input
          class="outline-only"
          type="checkbox"
          .checked=${live(display.outlineOnly)}
          @change=${(event: Event) => session.setDisplay({ outlineOnly: (event.currentTarget as HTMLInputElement).checked })}
        />
        Outlines only
      </label>
    `;
  }

  private renderLabels(session: LabelingSession): TemplateResult {
    return html`
      <label class="check">
        <input
          class="labels"
          type="checkbox"
          aria-keyshortcuts="L"
          .checked=${live(session.display.labels)}
          @change=${(event: Event) => session.setDisplay({ labels: (event.currentTarget as HTMLInputElement).checked })}
        />
        Labels <kbd>L</kbd>
      </label>
    `;
  }

  private renderPicture(session: LabelingSession): TemplateResult {
    const { display } = session;
    const slider = (key: 'brightness' | 'contrast' | 'gamma', label: string, min: number, max: number, step: number, percent: boolean) => {
      const value = display[key];
      const shown = percent ? `${Math.round(value * 100)} %` : value.toFixed(1);
      return html`
        <label class="field">
          <span>${label}</span>
          <input
            class=${key}
            type="range"
            min=${min}
            max=${max}
            step=${step}
            .value=${live(String(percent ? Math.round(value * 100) : value))}
            aria-valuetext=${shown}
            @input=${(event: Event) => {
              const raw = Number((event.currentTarget as HTMLInputElement).value);
              session.setDisplay({ [key]: percent ? raw / 100 : raw });
            }}
          />
          <output>${shown}</output>
        </label>
      `;
    };
    return html`
      <fieldset part="picture" class="picture">
        <legend>Picture</legend>
        ${slider('brightness', 'Brightness', 10, 300, 5, true)} ${slider('contrast', 'Contrast', 10, 300, 5, true)} ${slider('gamma', 'Gamma', 0.2, 3, 0.1, false)}
        <label class="check">
          <input
            class="invert"
            type="checkbox"
            .checked=${live(display.invert)}
            @change=${(event: Event) => session.setDisplay({ invert: (event.currentTarget as HTMLInputElement).checked })}
          />
          Invert
        </label>
        <button type="button" class="reset-picture" @click=${() => session.setDisplay({ brightness: 1, contrast: 1, gamma: 1, invert: false })}>Reset picture</button>
      </fieldset>
    `;
  }

  private renderClasses(session: LabelingSession): TemplateResult | typeof nothing {
    const tools = session.ontology?.tools ?? [];
    if (tools.length === 0) return nothing;
    return html`
      <fieldset part="classes" class="classes">
        <legend>Classes shown</legend>
        ${tools.map(
          (tool) => html`
            <label class="check">
              <input
                type="checkbox"
                data-schema-id=${tool.schemaId}
                .checked=${live(!session.display.hiddenClasses.has(tool.schemaId))}
                ?disabled=${session.display.allHidden}
                @change=${(event: Event) => session.setClassHidden(tool.schemaId, !(event.currentTarget as HTMLInputElement).checked)}
              />
              <span class="swatch" style=${styleProperties({ '--swatch': safeColor(tool.color) })}></span>
              ${tool.title}
            </label>
          `,
        )}
      </fieldset>
    `;
  }
}
