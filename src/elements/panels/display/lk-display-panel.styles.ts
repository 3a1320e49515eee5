import { css } from 'lit';

export const lkDisplayPanelStyles = css`
  [part~='display'] {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .title {
    margin: 0;
  }
  .hide-all {
    align-self: flex-start;
  }
  .field {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: 6px;
  }
  .field output {
    font-variant-numeric: tabular-nums;
    min-width: 3.5em;
    text-align: end;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .classes,
  .picture {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin: 0;
    padding: 4px 6px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
  }
  .picture {
    gap: 6px;
  }
  .classes legend,
  .picture legend {
    padding: 0 4px;
  }
`;
