import { css } from 'lit';

/**
 * The native controls inside the kit's elements: buttons drawn in outline (Try again, Not now; an element's main
 * button sets its own fill), and the focus ring every control and link shows from the keyboard.
 */
export const controlStyles = css`
  button {
    min-block-size: 2.75rem;
    padding-inline: 1rem;
    border: 0.125rem solid var(--_accent);
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 0.125rem;
  }
`;
