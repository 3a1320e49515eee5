import { css } from 'lit';

export const lkObjectListStyles = css`
  .rows {
    max-height: var(--lk-object-list-max-height, 320px);
    overflow: auto;
  }
  .lock {
    flex: none;
    display: inline-flex;
    color: var(--lk-muted-color, #57606a);
  }
`;
