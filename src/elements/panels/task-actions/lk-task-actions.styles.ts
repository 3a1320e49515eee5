import { css } from 'lit';

export const lkTaskActionsStyles = css`
  :host([empty]) {
    display: none;
  }
  [part~='actions'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .buttons button {
    flex: 1;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  label {
    font-weight: 600;
  }
  textarea,
  input {
    width: 100%;
    padding: 3px 6px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
    background: var(--lk-input-background, #ffffff);
  }
  textarea {
    min-height: 3.5em;
    resize: vertical;
  }
  .problems {
    border: 1px solid var(--lk-error-color, #cf222e);
    border-radius: 6px;
    padding: 6px 8px;
  }
  .problems-title {
    margin: 0 0 4px;
    font-weight: 600;
    color: var(--lk-error-color, #cf222e);
  }
  .problems ul {
    margin: 0;
    padding: 0;
    list-style: none;
    max-height: 9em;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  button.problem {
    width: 100%;
    text-align: start;
    border: none;
    background: none;
    padding: 2px 0;
    color: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  button.reject {
    color: var(--lk-error-color, #cf222e);
  }
`;
