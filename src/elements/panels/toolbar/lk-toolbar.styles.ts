import { css } from 'lit';

export const lkToolbarStyles = css`
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding: 4px 6px;
    background: var(--lk-toolbar-background, var(--lk-background, #f6f8fa));
    border-bottom: 1px solid var(--lk-border-color, #d0d7de);
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
  .separator {
    width: 1px;
    align-self: stretch;
    margin: 2px 2px;
    background: var(--lk-border-color, #d0d7de);
  }
  .spacer {
    flex: 1;
  }
  .label {
    max-width: var(--lk-tool-label-max-width, 16ch);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .type {
    font-size: 0.75em;
    font-weight: 600;
    min-width: 1.5em;
    padding: 0 2px;
    border-radius: 3px;
    background: var(--lk-muted-background, #eaeef2);
    text-align: center;
  }
  .brush {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .brush input[type='range'],
  .smart input[type='range'] {
    width: 96px;
  }
  output {
    min-width: 3ch;
    font-variant-numeric: tabular-nums;
  }
`;
