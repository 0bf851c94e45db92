import { css } from 'lit';

/**
 * The design tokens every hv- element shares. Partners theme the kit by setting these `--hv-*` custom
 * properties anywhere above the elements; each falls back to a neutral, accessible default.
 */
export const tokenStyles = css`
  :host {
    --_accent: var(--hv-color-accent, #0063b1);
    --_on-accent: var(--hv-color-on-accent, #ffffff);
    --_text: var(--hv-color-text, #1b1b1b);
    --_danger: var(--hv-color-danger, #a4262c);
    --_radius: var(--hv-radius, 0.375rem);
    --_font: var(--hv-font-family, system-ui, sans-serif);
    --_focus-ring: var(--hv-focus-ring, 0.1875rem solid #1b1b1b);
    font-family: var(--_font);
    color: var(--_text);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
