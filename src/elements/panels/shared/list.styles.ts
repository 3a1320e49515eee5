import { css } from 'lit';

/**
 * A listbox with a column of per-row buttons beside it. Buttons may not live inside options
 * (options are presentational for their children), so rows and their buttons are two columns of
 * equally tall rows.
 */
export const listStyles = css`
  .rows {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
  }
  [role='listbox'] {
    display: flex;
    flex-direction: column;
    min-width: 0;
    border-radius: 4px;
  }
  [role='option'],
  .row-actions {
    height: var(--lk-row-height, 30px);
    display: flex;
    align-items: center;
    gap: 6px;
  }
  [role='option'] {
    padding: 0 6px;
    border-radius: 4px;
    cursor: pointer;
    min-width: 0;
    white-space: nowrap;
  }
  [role='option']:hover {
    background: var(--lk-hover-background, #eef1f4);
  }
  [role='option'][aria-selected='true'] {
    background: var(--lk-selected-background, #ddf4ff);
    box-shadow: inset 3px 0 0 var(--lk-focus-color, #0969da);
  }
  [role='option']:focus-visible {
    outline-offset: -2px;
  }
  .row-actions {
    gap: 2px;
    padding-left: 4px;
  }
  .row-actions button {
    min-height: 24px;
    min-width: 24px;
    padding: 2px;
    border-color: transparent;
    background: transparent;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .id {
    flex: none;
    font: 0.85em ui-monospace, SFMono-Regular, Menlo, monospace;
    color: var(--lk-muted-color, #57606a);
  }
  .off-plane .name {
    font-style: italic;
    color: var(--lk-muted-color, #57606a);
  }
  .off-plane .swatch {
    opacity: 0.4;
  }
  .is-hidden .name {
    text-decoration: line-through;
  }
  .empty {
    margin: 0;
    padding: 4px 0;
  }
`;
