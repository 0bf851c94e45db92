import { css } from 'lit';

export const pickupCodeEntryStyles = css`
  /* The height README's reserve rule gives the element before it is defined (one line of hint). */
  :host {
    display: block;
    min-block-size: 5.25rem;
  }
  label {
    display: block;
    font-weight: 600;
  }
  [part='hint'] {
    display: block;
    font-size: 0.875em;
  }
  div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.25rem;
  }
  input {
    flex: 1 1 16rem;
    font-family: ui-monospace, monospace;
    letter-spacing: 0.05em;
  }
  button {
    padding-inline: 1.25rem;
    border: 0;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  :host(:state(invalid)) input {
    border: 0.125rem solid var(--_danger);
  }
  p {
    margin: 0;
    color: var(--_danger);
  }
`;
