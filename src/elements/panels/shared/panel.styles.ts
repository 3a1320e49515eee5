import { css } from 'lit';

/** What every panel shares: type, buttons, visible focus, the class swatch, screen-reader-only text. */
export const panelStyles = css`
  :host {
    display: block;
    font: var(--lk-font, 13px/1.4 system-ui, sans-serif);
    color: var(--lk-text-color, #1f2328);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-height: 26px;
    min-width: 26px;
    padding: 2px 6px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
    background: var(--lk-button-background, #ffffff);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--lk-button-hover-background, #eef1f4);
  }
  button[aria-pressed='true'] {
    background: var(--lk-pressed-background, #ddf4ff);
    border-color: var(--lk-focus-color, #0969da);
  }
  button:disabled {
    cursor: default;
    opacity: 0.45;
  }
  button.primary {
    background: var(--lk-accent-color, #1f6feb);
    border-color: var(--lk-accent-color, #1f6feb);
    color: var(--lk-accent-text-color, #ffffff);
  }
  button.primary:hover:not(:disabled) {
    background: var(--lk-accent-hover-color, #1158c7);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--lk-focus-color, #0969da);
    outline-offset: 1px;
  }
  .swatch {
    flex: none;
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    background: var(--swatch, #6e7781);
    box-shadow: inset 0 0 0 1px rgb(0 0 0 / 0.2);
  }
  .title {
    margin: 0 0 6px;
    font-size: 1em;
    font-weight: 600;
  }
  .muted {
    color: var(--lk-muted-color, #57606a);
  }
  .icon {
    flex: none;
    display: block;
  }
  kbd {
    font: 0.85em ui-monospace, SFMono-Regular, Menlo, monospace;
    color: var(--lk-muted-color, #57606a);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
