import { css } from 'lit';

/** The text fields of the elements that have them (the code field, the staff's forms). */
export const fieldStyles = css`
  input:not([type]) {
    box-sizing: border-box;
    min-block-size: 2.75rem;
    padding-inline: 0.5rem;
    border: 1px solid #6b6b6b;
    border-radius: var(--_radius);
    font: inherit;
  }
`;
