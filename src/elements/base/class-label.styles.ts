import { css } from 'lit';

/**
 * The class-name tags drawn over DOM stages (display: labels): a layer over the stage and the tags
 * in it, each sitting on its anchor's top edge. An element sets its own `font` or layer overflow
 * after this fragment where it needs to.
 */
export const classLabelStyles = css`
  .class-labels {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  .class-label,
  .relation-label {
    position: absolute;
    transform: translateY(-100%);
    padding: 0 3px;
    border-radius: 3px;
    font: 600 10px/12px system-ui, sans-serif;
    white-space: nowrap;
  }
`;
