/**
 * A labelled whole-number slider with its value beside it, as the tool bar shows for the brush
 * size and the magic wand's tolerance.
 */
import { html, type TemplateResult } from 'lit';

export interface RangeField {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number;
  onInput(value: number): void;
}

export function renderRangeField(field: RangeField): TemplateResult {
  return html`<label class="muted" for=${field.id}>${field.label}</label>
    <input
      id=${field.id}
      type="range"
      min=${field.min}
      max=${field.max}
      step="1"
      .value=${String(field.value)}
      @input=${(event: Event) => field.onInput(Number((event.currentTarget as HTMLInputElement).value))}
    />
    <output for=${field.id} aria-hidden="true">${field.value}</output>`;
}
