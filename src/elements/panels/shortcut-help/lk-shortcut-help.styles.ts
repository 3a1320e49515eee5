import { css } from 'lit';

export const lkShortcutHelpStyles = css`
  :host {
    display: contents;
  }
  dialog {
    width: min(560px, calc(100vw - 32px));
    max-height: calc(100vh - 64px);
    padding: 0;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 8px;
    color: var(--lk-text-color, #1f2328);
    background: var(--lk-dialog-background, #ffffff);
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: var(--lk-backdrop, rgb(0 0 0 / 0.35));
  }
  header {
    position: sticky;
    top: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 10px 14px;
    background: inherit;
    border-bottom: 1px solid var(--lk-border-color, #d0d7de);
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
  }
  .body {
    padding: 6px 14px 14px;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-top: 8px;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 6px 0 4px;
  }
  th,
  td {
    text-align: start;
    padding: 3px 6px 3px 0;
    border-bottom: 1px solid var(--lk-muted-background, #eaeef2);
    vertical-align: top;
  }
  thead th {
    font-size: 0.9em;
    color: var(--lk-muted-color, #57606a);
  }
  td.keys {
    white-space: nowrap;
  }
  kbd {
    display: inline-block;
    padding: 0 4px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 3px;
    background: var(--lk-background, #f6f8fa);
    color: var(--lk-text-color, #1f2328);
  }
`;
