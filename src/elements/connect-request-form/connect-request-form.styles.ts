import { css } from 'lit';

export const connectRequestFormStyles = css`
  :host {
    display: block;
  }

  [part='field'] {
    display: grid;
    gap: 0.25rem;
    margin: 0 0 0.75rem;
  }

  label {
    font-weight: 600;
  }

  input[aria-invalid='true'] {
    border: 0.125rem solid var(--_danger);
  }

  .hint {
    font-size: 0.875em;
  }

  [role='alert'] {
    color: var(--_danger);
  }

  [part='message']:empty {
    display: none;
  }

  .primary {
    border: 0;
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .handout {
    padding: 1rem;
    border: 1px solid #8a8886;
    border-radius: var(--_radius);
  }

  .handout h2 {
    margin: 0 0 0.5rem;
  }

  .name {
    font-size: 1.25em;
    font-weight: 600;
  }

  [part='qr'] {
    display: block;
    inline-size: 10rem;
    block-size: 10rem;
    shape-rendering: crispEdges;
  }

  [part='code'] {
    font-family: ui-monospace, monospace;
    font-size: 1.25em;
    letter-spacing: 0.05em;
  }

  a {
    overflow-wrap: anywhere;
    color: var(--_accent);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  @media print {
    [part='result'] > :not(.handout) {
      display: none;
    }

    .handout {
      border: 0;
    }
  }
`;

/**
 * Added to the page while staff print the hand-out: everything else on the page is hidden, the hand-out is printed
 * at the top of the sheet (its own print rules leave out the buttons).
 */
export const printOnlyTheHandout = css`
  @media print {
    body * {
      visibility: hidden !important;
    }

    hv-connect-request-form:state(printing) {
      visibility: visible !important;
      position: absolute;
      inset-block-start: 0;
      inset-inline-start: 0;
    }
  }
`;
