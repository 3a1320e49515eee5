import { css } from 'lit';

/**
 * The list is virtual: `.rows` scrolls, `.track` is as tall as every row together, and only the
 * rows near the viewport exist, each placed at its own offset (`top: index × row height`).
 */
export const lkObjectListStyles = css`
  .rows {
    display: block;
    max-height: var(--lk-object-list-max-height, 320px);
    overflow: auto;
    overscroll-behavior: contain;
  }
  .track {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--lk-object-list-actions-width, 64px);
  }
  .track [role='listbox'],
  .track .actions {
    position: relative;
    display: block;
    min-width: 0;
  }
  .track [role='option'],
  .track .row-actions {
    position: absolute;
    left: 0;
    right: 0;
    box-sizing: border-box;
  }
  .name {
    flex: none;
    max-width: 60%;
  }
  .place {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--lk-muted-color, #57606a);
  }
  .lock {
    flex: none;
    display: inline-flex;
    color: var(--lk-muted-color, #57606a);
  }
`;
