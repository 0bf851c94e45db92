import { css } from 'lit';

export const connectButtonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }

  [part='button'] {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: var(--hv-connect-button-height, 2.75rem);
    padding-inline: var(--hv-connect-button-padding-inline, 1.25rem);
    border-radius: var(--_radius);
    background: var(--hv-connect-button-background, var(--_accent));
    color: var(--hv-connect-button-color, var(--_on-accent));
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }

  [part='button']:hover {
    filter: brightness(1.1);
  }

  [part='button']:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 0.125rem;
  }

  :host(:state(pending)) [part='button'] {
    cursor: progress;
    opacity: 0.8;
  }

  [part='error'] {
    box-sizing: border-box;
    display: inline-block;
    min-block-size: var(--hv-connect-button-height, 2.75rem);
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 0.125rem solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }

  @media (forced-colors: active) {
    [part='button'] {
      border: 0.125rem solid ButtonText;
    }
  }
`;
