import { css } from 'lit';
import { themeStyles } from './theme.styles.js';

/** The layout every 2D element shares: toolbar on top, the stage, a side panel. */
export const annotatorLayoutStyles = css`
  ${themeStyles}
  :host {
    display: block;
    position: relative;
    height: var(--lk-height, 600px);
    min-height: 240px;
    color: var(--lk-text-color, #1f2328);
    background: var(--lk-background, #f6f8fa);
    font: var(--lk-font, 13px/1.4 system-ui, sans-serif);
    outline: none;
    contain: layout;
  }
  :host(:focus-visible) {
    box-shadow: inset 0 0 0 2px var(--lk-focus-color, #0969da);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--lk-sidebar-width, 280px);
    grid-template-rows: auto minmax(0, 1fr);
    height: 100%;
  }
  :host([no-sidebar]) .layout {
    grid-template-columns: minmax(0, 1fr);
  }
  :host([no-sidebar]) aside {
    display: none;
  }
  [part~='toolbar'] {
    grid-column: 1 / -1;
  }
  .stage {
    position: relative;
    overflow: hidden;
    background: var(--lk-stage-background, #202124);
    min-width: 0;
    min-height: 0;
  }
  .surface {
    position: absolute;
    inset: 0;
    /* A composed frame (src/canvas/view-composer.ts) moves the canvas: never past the stage. */
    overflow: hidden;
  }
  aside {
    position: relative;
    min-height: 0;
    container-type: size;
    border-left: 1px solid var(--lk-border-color, #d0d7de);
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto auto;
  }
  aside .sections {
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 8px;
  }
  /* The task's questions and Submit stay at the foot: the questions scroll on their own past 40 % of the panel. */
  aside details.task {
    max-height: 40cqb;
    overflow: auto;
    padding: 8px;
    border-top: 1px solid var(--lk-border-color, #d0d7de);
  }
  aside lk-task-actions {
    padding: 8px;
    border-top: 1px solid var(--lk-border-color, #d0d7de);
  }
  aside details.section:has(> [empty]) {
    display: none;
  }
  aside summary {
    cursor: pointer;
    font-size: 0.85em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--lk-muted-color, #57606a);
    padding: 2px 0;
  }
  aside summary:focus-visible,
  .resize:focus-visible {
    outline: 2px solid var(--lk-focus-color, #0969da);
    outline-offset: 1px;
  }
  .resize {
    position: absolute;
    top: 0;
    bottom: 0;
    left: -4px;
    width: 8px;
    cursor: col-resize;
    z-index: 1;
    touch-action: none;
  }
  .resize:hover {
    background: color-mix(in srgb, var(--lk-focus-color, #0969da) 30%, transparent);
  }
  .status {
    position: absolute;
    inset: auto 8px 8px 8px;
    padding: 6px 10px;
    border-radius: 6px;
    background: rgba(0, 0, 0, 0.7);
    color: #fff;
    pointer-events: none;
    width: fit-content;
  }
  .status.error {
    background: var(--lk-error-color, #cf222e);
    color: var(--lk-error-text-color, #ffffff);
  }
  .zoom {
    position: absolute;
    top: 8px;
    right: 8px;
    padding: 2px 6px;
    border-radius: 4px;
    background: rgba(0, 0, 0, 0.55);
    color: #fff;
    font-variant-numeric: tabular-nums;
    pointer-events: none;
  }
  .tool-hint {
    position: absolute;
    top: 8px;
    left: 8px;
    max-width: calc(100% - 96px);
    padding: 2px 8px;
    border-radius: 4px;
    background: rgba(0, 0, 0, 0.7);
    color: #fff;
    pointer-events: none;
  }
`;
