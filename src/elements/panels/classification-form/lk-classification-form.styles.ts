import { css } from 'lit';

export const lkClassificationFormStyles = css`
  :host([empty]) {
    display: none;
  }
  [part~='form'] {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend,
  .label,
  label.label {
    padding: 0;
    margin-bottom: 2px;
    font-weight: 600;
  }
  .required {
    color: var(--lk-error-color, #cf222e);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 6px;
    min-height: 24px;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  select,
  input[type='text'],
  input[type='search'] {
    width: 100%;
    min-height: 26px;
    padding: 2px 6px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
    background: var(--lk-input-background, #ffffff);
  }
  input[aria-invalid='true'] {
    border-color: var(--lk-error-color, #cf222e);
  }
  .field.invalid {
    border-left: 3px solid var(--lk-error-color, #cf222e);
    padding-left: 6px;
  }
  .error {
    color: var(--lk-error-color, #cf222e);
    font-size: 0.92em;
  }
  .nested {
    display: flex;
    flex-direction: column;
    gap: 10px;
    margin: 4px 0 0 4px;
    padding-left: 10px;
    border-left: 2px solid var(--lk-border-color, #d0d7de);
  }
  details {
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
    background: var(--lk-input-background, #ffffff);
  }
  summary {
    padding: 3px 6px;
    cursor: pointer;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .dropdown-body {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 4px 6px 6px;
    max-height: var(--lk-dropdown-max-height, 220px);
    overflow: auto;
  }
  ul.tree,
  ul.chosen {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  ul.chosen li {
    padding: 0 6px;
    border-radius: 10px;
    background: var(--lk-muted-background, #eaeef2);
  }
  ol.rank {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  ol.rank li {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 2px 4px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
    background: var(--lk-input-background, #ffffff);
    touch-action: none;
    user-select: none;
  }
  ol.rank li.dragging {
    border-color: var(--lk-focus-color, #0969da);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }
  ol.rank li.editable {
    cursor: grab;
  }
  .position {
    min-width: 2ch;
    font-variant-numeric: tabular-nums;
  }
  .rank-value {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .hint {
    font-size: 0.92em;
  }
  .actions-row {
    display: flex;
    gap: 6px;
  }
`;
