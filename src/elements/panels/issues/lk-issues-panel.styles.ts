import { css } from 'lit';

export const lkIssuesPanelStyles = css`
  .bar {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-bottom: 6px;
  }
  .hint {
    margin: 0 0 6px;
  }
  form.composer,
  .thread-form {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin: 0 0 8px;
  }
  fieldset {
    margin: 0;
    padding: 4px 6px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
  }
  legend {
    font-weight: 600;
  }
  fieldset label {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  textarea {
    width: 100%;
    min-height: 48px;
    resize: vertical;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  ol.issues {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  li.issue {
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
    padding: 4px;
  }
  li.issue.focused {
    border-color: var(--lk-focus-color, #0969da);
  }
  button.open-issue {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    border: none;
    background: none;
    white-space: normal;
  }
  .number {
    flex: none;
    font-weight: 600;
  }
  .status {
    flex: none;
    font-size: 0.85em;
    padding: 0 4px;
    border-radius: 8px;
    background: var(--lk-issue-color, #cf222e);
    color: #ffffff;
  }
  .status.resolved {
    background: var(--lk-issue-resolved-color, #1a7f37);
  }
  .summary {
    overflow-wrap: anywhere;
  }
  .codes {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 2px 0;
    padding: 0;
    list-style: none;
  }
  .codes li {
    font-size: 0.85em;
    padding: 0 4px;
    border-radius: 4px;
    background: var(--lk-hover-background, #eef1f4);
  }
  ol.thread {
    list-style: none;
    margin: 4px 0;
    padding: 0;
  }
  ol.thread li {
    margin: 0 0 4px;
  }
  .message {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .byline {
    font-size: 0.85em;
  }
`;
