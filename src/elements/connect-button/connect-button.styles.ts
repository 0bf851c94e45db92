import { css } from 'lit';

// Element selectors: the shadow root holds one link and its paragraphs, and short selectors ship fewer bytes.
export const connectButtonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }

  a,
  [part='connected'],
  [part='error'] {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--hv-connect-button-height, 2.75rem);
    border-radius: var(--_radius);
  }

  a {
    justify-content: center;
    padding-inline: var(--hv-connect-button-padding-inline, 1.25rem);
    background: var(--hv-connect-button-background, var(--_accent));
    color: var(--hv-connect-button-color, var(--_on-accent));
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }

  a:hover {
    filter: brightness(1.1);
  }

  a:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 0.125rem;
  }

  /* Busy, not faded: the label keeps its contrast (the status line says HealthVault is opening). */
  :host(:state(pending)) a {
    cursor: progress;
  }

  p {
    margin: 0.5rem 0 0;
  }

  [part='error'] {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 0.125rem solid var(--_danger);
  }

  [role='alert'] {
    color: var(--_danger);
  }

  @media (forced-colors: active) {
    a {
      border: 0.125rem solid ButtonText;
    }
  }
`;
