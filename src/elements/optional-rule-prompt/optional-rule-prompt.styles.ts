import { css } from 'lit';

/** Loaded with the prompt's view: a page that never asks never downloads them. */
export const promptStyles = css`
  section {
    padding: 0.75rem 1rem;
    border: var(--hv-rule-prompt-border, 1px solid #8a8886);
    border-radius: var(--_radius);
    background: var(--hv-rule-prompt-background, transparent);
  }

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125em;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    font-weight: 600;
  }

  ul {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.5rem;
    align-items: start;
  }

  li + li {
    margin-block-start: 0.75rem;
  }

  input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_accent);
  }

  [part='access'] {
    grid-column: 2;
    font-size: 0.875em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 1rem 0 0;
  }

  [role='alert'] {
    color: var(--_danger);
  }
`;
