import { css } from 'lit';

export const connectRequestListStyles = css`
  /* Its own width never comes from the rows: on a narrow page they scroll inside the list, whatever holds it. */
  :host {
    display: block;
    contain: inline-size;
  }

  form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  [part='message']:empty {
    display: none;
  }

  :host(:state(failed)) [part='message'] {
    color: var(--_danger);
  }

  /* Positioned, so that the rows' visually hidden words stay inside its scrolling box. */
  [part='table'] {
    position: relative;
    block-size: var(--hv-connect-request-list-height, 24rem);
    overflow: auto;
    margin-block-start: 0.75rem;
    border: 1px solid #8a8886;
    border-radius: var(--_radius);
  }

  [part='table']:focus-visible {
    outline: var(--_focus-ring);
  }

  /* The rows not rendered keep their room (set from script through the CSSOM). */
  .rows {
    padding-block: var(--_before, 0) var(--_after, 0);
  }

  .head,
  .row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) repeat(2, minmax(18rem, 2fr)) minmax(6rem, 1fr) minmax(6rem, auto);
    gap: 0.5rem;
    align-items: center;
    min-inline-size: 64rem;
    min-block-size: 2.75rem;
    padding-inline: 0.5rem;
  }

  .head {
    position: sticky;
    inset-block-start: 0;
    background: Canvas;
    font-weight: 600;
  }

  .row + .row {
    border-block-start: 1px solid light-dark(#e1dfdd, #484644);
  }

  [role='cell'] {
    overflow-wrap: anywhere;
    font-variant-numeric: tabular-nums;
  }

  .edit {
    flex-wrap: nowrap;
  }

  .empty {
    padding: 0.75rem 0.5rem;
  }
`;
