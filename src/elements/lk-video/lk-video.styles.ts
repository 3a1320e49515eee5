import { css } from 'lit';

/** The stage leaves room at the bottom for the player bar and the timeline. */
export const videoStyles = css`
  :host {
    --lk-video-controls-height: var(--lk-timeline-height, 168px);
  }
  .surface {
    bottom: var(--lk-video-controls-height);
  }
  /* Review issue pins cover the picture, as the surface does. */
  lk-issue-pins {
    bottom: var(--lk-video-controls-height);
  }
  .status {
    bottom: calc(var(--lk-video-controls-height) + 8px);
  }
  .video-controls {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: var(--lk-video-controls-height);
    display: flex;
    flex-direction: column;
    background: var(--lk-background, #f6f8fa);
    border-top: 1px solid var(--lk-border-color, #d0d7de);
  }
  .transport {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    padding: 4px 6px;
    font-variant-numeric: tabular-nums;
    border-bottom: 1px solid var(--lk-border-color, #d0d7de);
  }
  .transport button,
  .transport select,
  .transport input {
    font: inherit;
    min-height: 24px;
    border: 1px solid var(--lk-border-color, #d0d7de);
    border-radius: 4px;
    background: var(--lk-button-background, #ffffff);
    color: inherit;
  }
  .transport button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-width: 28px;
    cursor: pointer;
  }
  .transport button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .transport button:focus-visible,
  .transport select:focus-visible,
  .transport input:focus-visible {
    outline: 2px solid var(--lk-focus-color, #0969da);
    outline-offset: 1px;
  }
  .transport input[type='number'] {
    width: 6em;
  }
  .transport .icon {
    display: block;
  }
  /* As tall as the buttons beside it: a taller second row would take height from the timeline. */
  .transport input.copy-count {
    width: 3.5em;
    height: 24px;
    box-sizing: border-box;
    padding-block: 0;
  }
  .transport .group {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .transport .time {
    color: var(--lk-muted-color, #57606a);
  }
  lk-timeline {
    flex: 1;
    min-height: 0;
  }
`;
