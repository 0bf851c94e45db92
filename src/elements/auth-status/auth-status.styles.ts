import { css } from 'lit';

export const authStatusStyles = css`
  :host {
    display: block;
    --_ok: var(--hv-auth-status-ok, light-dark(#107c10, #54b054));
    --_attention: var(--hv-auth-status-attention, light-dark(#8a5300, #e8a33d));
  }

  [part='status'],
  li {
    min-block-size: 1.5rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }

  [part='icon'] {
    inline-size: 1.25em;
    text-align: start;
    font-weight: 700;
    color: var(--_attention);
  }

  .connected [part='icon'],
  .read-only [part='icon'] {
    color: var(--_ok);
  }

  .revoked [part='icon'],
  .expired [part='icon'],
  .unreachable [part='icon'],
  .deleted [part='icon'],
  .suspended [part='icon'] {
    color: var(--_danger);
  }

  [part='label'] {
    font-weight: 600;
  }

  [part='detail'] {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: 1.75em;
    font-size: 0.875em;
  }

  details {
    flex-basis: 100%;
    padding-inline-start: 1.75em;
    font-size: 0.875em;
  }

  summary {
    cursor: pointer;
  }

  .heading {
    margin: 0.5rem 0 0;
    font-weight: 600;
  }

  ul {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }

  li + li {
    margin-block-start: 0.5rem;
  }

  [part='action'],
  [part='retry'] {
    margin-block-start: 0.5rem;
  }

  [part='error'] {
    margin: 0;
    color: var(--_danger);
  }

  :host([compact]) [part='status'] {
    display: inline-flex;
  }
`;
