import { css } from 'lit';

export const issuePinsStyles = css`
  :host {
    position: absolute;
    inset: 0;
    overflow: hidden;
    pointer-events: none;
    /* Over a PDF page's text spans (z-index 1 in the page). */
    z-index: 2;
  }
  :host([placing]) {
    pointer-events: auto;
    cursor: crosshair;
  }
  .pin {
    position: absolute;
    box-sizing: border-box;
    /* The pin's point is its bottom-left corner, where the tail is. */
    transform: translate(0, -100%);
    min-width: 22px;
    height: 22px;
    padding: 0 5px;
    border: 2px solid #ffffff;
    border-radius: 11px 11px 11px 0;
    background: var(--lk-issue-color, #cf222e);
    color: #ffffff;
    font: 600 12px/18px system-ui, sans-serif;
    cursor: pointer;
    pointer-events: auto;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.5);
  }
  .pin.resolved {
    background: var(--lk-issue-resolved-color, #1a7f37);
  }
  .pin.focused {
    outline: 3px solid var(--lk-focus-color, #0969da);
  }
  .pin.draft {
    background: var(--lk-accent-color, #1f6feb);
    cursor: default;
  }
  .pin:focus-visible {
    outline: 3px solid var(--lk-focus-color, #0969da);
    outline-offset: 1px;
  }
`;
