import { css } from 'lit';

export const lkRelationsPanelStyles = css`
  :host([empty]) {
    display: none;
  }
  .create,
  .editor {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-bottom: 8px;
  }
  .pair {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .switch {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .rows {
    max-height: var(--lk-relations-max-height, 240px);
    overflow: auto;
  }
  .hint {
    margin: 0 0 8px;
  }
`;
